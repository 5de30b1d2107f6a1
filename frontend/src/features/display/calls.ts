import type { CallView } from '../../lib/api';

/** One call (or recall) as a key: the same call seen twice (a snapshot after a reconnect) is one. */
export function callKey(call: CallView): string {
  return `${call.ticket}|${call.deskId}|${call.at}|${call.recall}`;
}

/**
 * The calls among the display's recent ones not announced yet, oldest first. A reconnect's
 * snapshot thus announces the calls made while the screen was away, once each.
 */
export function unseenCalls(seen: Set<string>, recent: readonly CallView[]): CallView[] {
  return recent.filter((c) => !seen.has(callKey(c))).reverse();
}
