// A live Server-Sent Events stream that never freezes silently: it reports its state (connecting,
// live, reconnecting), lets the browser resume with Last-Event-ID when it can, opens a fresh stream
// (which starts with a snapshot) when the browser gives up, and treats a stream that has been
// silent longer than a few heartbeats as dead.

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/** What this module needs of the browser's EventSource (a fake in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * `E` names the events listened to (the server's `event:` field, e.g. FloorChangeKind), `D` is
 * their data as the API's document describes it (parsed from JSON here, as api() parses answers).
 */
export interface LiveStreamOptions<E extends string = string, D = unknown> {
  /** Event names to listen to. */
  events: readonly E[];
  onMessage(event: E, data: D, id: string): void;
  onState?: (state: StreamState) => void;
  create?: (url: string) => EventSourceLike;
  /** A stream with no event (heartbeats included) for this long is reopened. */
  staleAfterMs?: number;
  /** Waits before reopening, one per failed attempt; the last repeats. */
  backoffMs?: readonly number[];
  timers?: Timers;
}

const CLOSED = 2;

export class LiveStream<E extends string = string, D = unknown> {
  private source: EventSourceLike | null = null;
  private state: StreamState | null = null;
  private watchdog: unknown = null;
  private reopenTimer: unknown = null;
  private failures = 0;
  private stopped = false;
  private readonly options: Required<LiveStreamOptions<E, D>>;
  private readonly names: readonly string[];

  constructor(
    private readonly url: string,
    options: LiveStreamOptions<E, D>,
  ) {
    this.names = options.events;
    this.options = {
      onState: () => {},
      create: (u) => new EventSource(u) as unknown as EventSourceLike,
      staleAfterMs: 40_000,
      backoffMs: [1_000, 2_000, 5_000, 10_000],
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
      ...options,
    };
  }

  start(): void {
    this.stopped = false;
    this.open('connecting');
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.source?.close();
    this.source = null;
  }

  private open(state: StreamState): void {
    this.setState(state);
    const source = this.options.create(this.url);
    this.source = source;
    source.onopen = () => {
      if (source !== this.source) return;
      this.failures = 0;
      this.setState('live');
      this.armWatchdog();
    };
    source.onerror = () => {
      if (source !== this.source) return;
      if (source.readyState === CLOSED) {
        this.reopenLater(); // the browser gave up (e.g. an error status): open a new stream ourselves
      } else {
        this.setState('reconnecting'); // the browser retries by itself, sending Last-Event-ID
      }
    };
    const listen = (name: string, event?: E) =>
      source.addEventListener(name, (ev: MessageEvent) => {
        if (source !== this.source) return;
        this.setState('live');
        this.armWatchdog();
        if (event === undefined) return; // a heartbeat: alive, nothing to show
        let data: unknown = ev.data;
        try {
          data = JSON.parse(ev.data);
        } catch {
          // not JSON: hand over the text
        }
        this.options.onMessage(event, data as D, ev.lastEventId);
      });
    this.options.events.forEach((event) => listen(event, event));
    if (!this.names.includes('heartbeat')) listen('heartbeat');
    this.armWatchdog();
  }

  private reopenLater(): void {
    this.source?.close();
    this.source = null;
    this.setState('reconnecting');
    this.clearTimers();
    const waits = this.options.backoffMs;
    const wait = waits[Math.min(this.failures, waits.length - 1)];
    this.failures++;
    this.reopenTimer = this.options.timers.setTimeout(() => {
      this.reopenTimer = null;
      if (!this.stopped) this.open('reconnecting');
    }, wait);
  }

  private armWatchdog(): void {
    if (this.watchdog !== null) this.options.timers.clearTimeout(this.watchdog);
    this.watchdog = this.options.timers.setTimeout(() => {
      this.watchdog = null;
      if (!this.stopped) this.reopenLater();
    }, this.options.staleAfterMs);
  }

  private clearTimers(): void {
    if (this.watchdog !== null) this.options.timers.clearTimeout(this.watchdog);
    if (this.reopenTimer !== null) this.options.timers.clearTimeout(this.reopenTimer);
    this.watchdog = null;
    this.reopenTimer = null;
  }

  private setState(state: StreamState): void {
    if (state !== this.state) {
      this.state = state;
      this.options.onState(state);
    }
  }
}
