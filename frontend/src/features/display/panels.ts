import type { CallView, DisplayView } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';

// What the TV shows besides the latest call, as plain data: testable without a page.

export type DeskLine = DisplayView['desks'][number];

/** How a desk's panel reads: serving a called ticket, serving one in service, free, or paused. */
export type DeskState = 'called' | 'in-service' | 'free' | 'paused';

export function deskState(desk: DeskLine): DeskState {
  if (desk.serving) return desk.serving.status === 'IN_SERVICE' ? 'in-service' : 'called';
  return desk.status === 'PAUSED' ? 'paused' : 'free';
}

/**
 * The desks a visitor can go to: open or paused ones (a paused desk keeps the ticket it serves),
 * in the centre's own order when it is known.
 */
export function shownDesks(desks: readonly DeskLine[], order: readonly string[] = []): DeskLine[] {
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return desks
    .filter((d) => d.status !== 'CLOSED' || d.serving)
    .slice()
    .sort((a, b) => rank(a.deskId) - rank(b.deskId) || a.deskId.localeCompare(b.deskId));
}

/**
 * The recent calls as rows, newest first: a ticket called again at the same desk is one row, the
 * newest, carrying its recall number, never a second unmarked row.
 */
export function recentRows(calls: readonly CallView[]): CallView[] {
  const seen = new Set<string>();
  return calls.filter((c) => {
    const key = `${c.ticket}|${c.deskId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The marker of a recall ("second call"), null for a first call. */
export function recallMarker(recall: number): { key: MessageKey; n: number } | null {
  if (recall <= 0) return null;
  return { key: 'displayCallNth', n: recall + 1 };
}

/**
 * A ticket's text cut where the Persian zero stands: that digit is a small dot which vanishes
 * across a hall, so the screen draws it larger ("۰۰۷" must not read as "۷").
 */
export function zeroRuns(text: string): { text: string; zero: boolean }[] {
  const runs: { text: string; zero: boolean }[] = [];
  for (const ch of text) {
    const zero = ch === '۰';
    const last = runs[runs.length - 1];
    if (last && last.zero === zero) last.text += ch;
    else runs.push({ text: ch, zero });
  }
  return runs;
}
