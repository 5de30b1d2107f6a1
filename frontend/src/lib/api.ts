// Calls to Nobat's API. Errors come back as RFC 7807 problems and are raised as ApiError, whose
// detail is the server's own explanation. Staff pages send the CSRF token from its cookie; kiosks
// and displays send their device token.

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The problem's code, e.g. "slot-full" (every 400 has the type invalid-input and its kind as code). */
  get code(): string {
    if (typeof this.problem.code === 'string') return this.problem.code;
    return (this.problem.type ?? '').split('/').pop() ?? '';
  }
}

const DEVICE_KEY = 'nobat.device-token';

/** A device page's token: from ?device_token= (then remembered for this device), else remembered. */
export function deviceToken(search: string = location.search): string | null {
  const given = new URLSearchParams(search).get('device_token');
  try {
    if (given) localStorage.setItem(DEVICE_KEY, given);
    return given ?? localStorage.getItem(DEVICE_KEY);
  } catch {
    return given;
  }
}

export function cookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  device?: string | null;
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.device) headers.Authorization = `Device ${options.device}`;
  const csrf = method === 'GET' ? null : cookie('XSRF-TOKEN');
  if (csrf) headers['X-XSRF-TOKEN'] = csrf;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem: Problem = data && typeof data === 'object' ? data as Problem : { status: response.status, detail: text };
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A random id for idempotent requests (a retried click repeats it, a new click makes a new one). */
export function requestId(prefix: string): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// ---- shapes of the API's answers used by the screens ------------------------------------------

export type Names = Record<string, string>;

export interface Centre {
  centreId: string;
  names: Names;
  timeZone: string;
  services: { code: string; prefix: string; targetWaitMinutes: number; names: Names }[];
  desks: { deskId: string; serviceCodes: string[]; names: Names }[];
}

export interface CallView {
  ticket: string;
  deskId: string;
  serviceCode: string;
  at: string;
  recall: number;
}

export interface DisplayView {
  centreId: string;
  day: string;
  closed: boolean;
  latestCall: CallView | null;
  recentCalls: CallView[];
  services: { serviceCode: string; waiting: number; estimatedWaitMinutes: number; longestWaitMinutes: number }[];
  desks: { deskId: string; status: string; currentTicket: string | null }[];
}

export interface TrackingView {
  centreId: string;
  ticket: string;
  serviceCode: string;
  status: string;
  position: number;
  estimatedWaitMinutes: number;
  deskId: string | null;
  calledAt: string | null;
  recall: number;
}

export interface Arrival {
  visitId: string;
  ticket: string;
  serviceCode: string;
  position: number;
  estimatedWaitMinutes: number;
  trackingToken: string;
  trackingUrl: string;
  arrivedAt: string;
}

export interface Me {
  name: string;
  role: string;
  centreId?: string | null;
}

export interface QueuedTicket {
  visitId: string;
  ticket: string;
  priorityClass: string;
  arrivedAt: string;
  waitedMinutes: number;
  position: number;
}

export interface QueuesView {
  centreId: string;
  day: string;
  closed: boolean;
  services: {
    serviceCode: string; targetWaitMinutes: number; waitingCount: number; longestWaitMinutes: number;
    targetBreached: boolean; desksServing: number; estimatedWaitMinutes: number; waiting: QueuedTicket[];
  }[];
  desks: { deskId: string; status: string; serviceCodes: string[] | null; staffId: string | null;
    currentVisitId: string | null; currentTicket: string | null }[];
  hourly: { hour: string; arrived: number; served: number }[];
  waitDistribution: { minutes: string; calls: number }[];
}

export interface TimelineEntry {
  at: string;
  event: string;
  deskId: string | null;
  ticket: string;
  serviceCode: string;
  detail: string | null;
  by: string | null;
}

export interface VisitDetails {
  visitId: string;
  ticket: string;
  serviceCode: string;
  priorityClass: string;
  status: string;
  deskId: string | null;
  arrivedAt: string;
  appointmentRef: string | null;
  timeline: TimelineEntry[];
}
