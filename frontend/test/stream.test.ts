import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStream, type EventSourceLike, type StreamState } from '../src/lib/stream';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  closed = false;
  private listeners = new Map<string, ((ev: MessageEvent) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: string, id = '') {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data, lastEventId: id }));
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

describe('live stream', () => {
  let sources: FakeSource[];
  let states: StreamState[];
  let messages: [string, unknown, string][];

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    states = [];
    messages = [];
  });

  const started: LiveStream[] = [];

  afterEach(() => {
    started.splice(0).forEach((s) => s.stop());
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  function stream() {
    const s = new LiveStream('/s', {
      events: ['snapshot', 'call'],
      onMessage: (e, d, id) => messages.push([e, d, id]),
      onState: (s) => states.push(s),
      create: (url) => {
        const s = new FakeSource(url);
        sources.push(s);
        return s;
      },
      staleAfterMs: 30_000,
      backoffMs: [1_000, 5_000],
      timers: {
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
    });
    started.push(s);
    return s;
  }

  it('is connecting, then live, and hands over parsed events with their ids', () => {
    stream().start();
    expect(states).toEqual(['connecting']);
    sources[0].open();
    sources[0].emit('call', '{"ticket":"A-001"}', 'e-7');
    expect(states).toEqual(['connecting', 'live']);
    expect(messages).toEqual([['call', { ticket: 'A-001' }, 'e-7']]);
  });

  it('shows reconnecting while the browser retries by itself, and live again after', () => {
    stream().start();
    sources[0].open();
    sources[0].fail(0); // CONNECTING: the browser retries with Last-Event-ID
    expect(states.at(-1)).toBe('reconnecting');
    expect(sources).toHaveLength(1);
    sources[0].open();
    expect(states.at(-1)).toBe('live');
  });

  it('opens a new stream with backoff when the browser gives up', () => {
    stream().start();
    sources[0].open();
    sources[0].fail(2); // CLOSED
    expect(sources[0].closed).toBe(true);
    expect(states.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    sources[1].fail(2);
    vi.advanceTimersByTime(4_999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(3);
    sources[2].open();
    sources[2].emit('snapshot', '{"n":1}');
    expect(states.at(-1)).toBe('live');
    expect(messages).toEqual([['snapshot', { n: 1 }, '']]);
  });

  it('treats a silent stream as dead, but heartbeats keep it alive', () => {
    stream().start();
    sources[0].open();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(20_000);
      sources[0].emit('heartbeat', '{}');
    }
    expect(sources).toHaveLength(1);
    expect(messages).toEqual([]); // heartbeats keep the stream alive but are not news for the screen
    vi.advanceTimersByTime(30_000);
    expect(states.at(-1)).toBe('reconnecting');
    expect(sources[0].closed).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(sources).toHaveLength(2);
  });

  it('ignores a replaced source and stops for good', () => {
    const s = stream();
    s.start();
    sources[0].open();
    sources[0].fail(2);
    vi.advanceTimersByTime(1_000);
    sources[0].emit('call', '{"late":true}');
    expect(messages).toEqual([]);
    s.stop();
    expect(sources[1].closed).toBe(true);
    vi.advanceTimersByTime(120_000);
    expect(sources).toHaveLength(2);
  });
});
