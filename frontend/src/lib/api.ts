// Calls to Nobat's API. Errors come back as RFC 7807 problems and are raised as ApiError, whose
// detail is the server's own explanation. Staff pages send the CSRF token from its cookie; kiosks
// and displays send their device token.

import {
  deviceKindValues,
  endOfDayRuleValues,
  floorChangeKindValues,
  identityTypeValues,
  outOfTurnReasonValues,
  priorityClassValues,
  returnReasonValues,
  staffRoleValues,
  type components,
} from './api-schema';

/**
 * A problem as it arrives: the server's Problem schema with every member possibly missing and the
 * code widened to a string, because a proxy may answer with less and an older screen may meet a
 * code that is newer than it (lib/problems.ts checks it against the catalog).
 */
export type Problem = Partial<Pick<Schemas['Problem'], 'detail' | 'field' | 'instance' | 'status' | 'title'>> & {
  code?: string;
  type?: string;
  [member: string]: unknown;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
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
  /** A body sent as it is, with its own type (a recorded clip). */
  blob?: Blob;
  device?: string | null;
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  return (await call<T>(path, options)).data;
}

/**
 * A read with the version the server tags it with (its ETag, e.g. a centre's profile): a change sends
 * it back as If-Match, and one made to a version changed meanwhile is refused.
 */
export async function apiVersioned<T>(
  path: string,
  options: CallOptions = {},
): Promise<{ data: T; version: string | null }> {
  const { data, response } = await call<T>(path, options);
  return { data, version: response.headers.get('ETag') };
}

async function call<T>(path: string, options: CallOptions): Promise<{ data: T; response: Response }> {
  const method = options.method ?? (options.body === undefined && options.blob === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.blob !== undefined) headers['Content-Type'] = options.blob.type || 'application/octet-stream';
  if (options.device) headers.Authorization = `Device ${options.device}`;
  const csrf = method === 'GET' ? null : cookie('XSRF-TOKEN');
  if (csrf) headers['X-XSRF-TOKEN'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.blob ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem: Problem =
      data && typeof data === 'object' ? (data as Problem) : { status: response.status, detail: text };
    throw new ApiError(response.status, problem);
  }
  return { data: data as T, response };
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

// ---- shapes of the API: generated from the server's OpenAPI document (npm run api:generate) ----

type Schemas = components['schemas'];

export type Names = Record<string, string>;
export type Centre = Schemas['CentreProfile'];
export type CallView = Schemas['CallView'];
export type DisplayView = Schemas['DisplayView'];
/** One message of a display stream, its SSE event named by its kind. */
export type DisplayMessage = Schemas['DisplayMessage'];
export type TrackingView = Schemas['TrackingView'];
export type Arrival = Schemas['ArrivalResponse'];
export type ArrivalRequest = Schemas['ArrivalRequest'];
export type Me = Schemas['Me'];
export type QueuedTicket = Schemas['QueuedTicket'];
export type QueuesView = Schemas['QueuesView'];
export type CentreStaffing = Schemas['CentreStaffingView'];
export type SmsCounts = Schemas['NotificationCountsResponse'];
export type ReportView = Schemas['ReportView'];
export type ReportRow = Schemas['ReportRow'];
export type ReportComparison = Schemas['ComparisonView'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type VisitDetails = Schemas['VisitDetails'];
export type DayInstants = Schemas['DayInstants'];
export type FloorAt = Schemas['FloorAt'];
export type Explanation = Schemas['Explanation'];
export type ConfigurationChange = Schemas['Change'];
export type CallResponse = Schemas['CallResponse'];
export type CallNextRequest = Schemas['CallNextRequest'];
export type OpenDeskRequest = Schemas['OpenDeskRequest'];
export type TransferRequest = Schemas['TransferRequest'];
export type CancelRequest = Schemas['CancelRequest'];
export type CallTicketRequest = Schemas['CallTicketRequest'];
export type OutOfTurnCallResponse = Schemas['OutOfTurnCallResponse'];
export type ReturnRequest = Schemas['ReturnRequest'];
export type SlotTemplate = Schemas['SlotTemplate'];
export type TemplateResponse = Schemas['TemplateResponse'];
export type SlotsResponse = Schemas['SlotsResponse'];
export type SlotView = Schemas['SlotView'];
export type DayAvailability = Schemas['DayAvailability'];
export type AvailabilityResponse = Schemas['AvailabilityResponse'];
export type BookRequest = Schemas['BookRequest'];
export type RescheduleRequest = Schemas['RescheduleRequest'];
export type AppointmentResponse = Schemas['AppointmentResponse'];
export type StaffView = Schemas['StaffView'];
export type NewStaff = Schemas['NewStaff'];
export type StaffChange = Schemas['StaffChange'];
export type DeviceView = Schemas['DeviceView'];
export type NewDevice = Schemas['NewDevice'];
export type IssuedDevice = Schemas['IssuedDevice'];
export type HolidayView = Schemas['HolidayView'];
export type HolidayRequest = Schemas['HolidayRequest'];
export type DefineResponse = Schemas['DefineResponse'];
export type MessageText = Schemas['Template'];
export type MessageTexts = Schemas['TemplatesResponse'];
export type MessageTextChange = Schemas['TemplateText'];

export type PriorityClass = Schemas['PriorityClass'];
export type VisitStatus = Schemas['VisitStatus'];
export type DeskStatus = Schemas['DeskStatus'];
export type AppointmentStatus = Schemas['AppointmentStatus'];
export type FloorChangeKind = Schemas['FloorChangeKind'];
export type DayOfWeek = Schemas['DayOfWeek'];
export type VisitAction = Schemas['VisitAction'];
export type IdentityType = Schemas['IdentityType'];
export type StaffRole = Schemas['StaffRole'];
export type DeviceKind = Schemas['DeviceKind'];
export type EndOfDayRule = Schemas['EndOfDayRule'];
export type OutOfTurnReason = Schemas['OutOfTurnReason'];
export type ReturnReason = Schemas['ReturnReason'];

// every value of the closed sets, in the server's order
export const floorChangeKinds: readonly FloorChangeKind[] = floorChangeKindValues;
export const priorityClasses: readonly PriorityClass[] = priorityClassValues;
export const identityTypes: readonly IdentityType[] = identityTypeValues;
export const staffRoles: readonly StaffRole[] = staffRoleValues;
export const deviceKinds: readonly DeviceKind[] = deviceKindValues;
export const endOfDayRules: readonly EndOfDayRule[] = endOfDayRuleValues;
export const outOfTurnReasons: readonly OutOfTurnReason[] = outOfTurnReasonValues;
export const returnReasons: readonly ReturnReason[] = returnReasonValues;

/** The value among `values` that equals `value` (a select's choice, a query parameter), if any. */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}
