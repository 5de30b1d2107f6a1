import { describe, expect, it } from 'vitest';
import {
  deskState,
  recallMarker,
  recentRows,
  shownDesks,
  zeroRuns,
  type DeskLine,
} from '../src/features/display/panels';
import type { CallView } from '../src/lib/api';
import { ordinal } from '../src/lib/format';
import { translate } from '../src/lib/i18n';

const call = (ticket: string, desk: string, at: string, recall = 0): CallView => ({
  ticket,
  deskId: desk,
  serviceCode: 's',
  at,
  recall,
});

const desk = (
  deskId: string,
  status: DeskLine['status'],
  serving: Partial<NonNullable<DeskLine['serving']>> | null = null,
): DeskLine => ({
  deskId,
  status,
  currentTicket: serving?.ticket ?? null,
  serving: serving ? { ticket: 'A-001', serviceCode: 's', status: 'CALLED', recalls: 0, since: 't', ...serving } : null,
});

describe('display panels', () => {
  it('keeps one row per ticket and desk, the newest with its recall number', () => {
    const rows = recentRows([
      call('A-002', 'd2', 't4', 1),
      call('B-001', 'd1', 't3'),
      call('A-002', 'd2', 't2'),
      call('A-001', 'd1', 't1'),
    ]);
    expect(rows.map((c) => `${c.ticket}@${c.deskId}#${c.recall}`)).toEqual(['A-002@d2#1', 'B-001@d1#0', 'A-001@d1#0']);
  });

  it('marks recalls and only recalls', () => {
    expect(recallMarker(0)).toBeNull();
    expect(recallMarker(1)).toEqual({ key: 'displayCallNth', n: 2 });
    expect(recallMarker(4)).toEqual({ key: 'displayCallNth', n: 5 });
    // the nth call in words: "۲ غږ" would read as "two calls"
    expect(translate('ps', 'displayCallNth', { n: ordinal(2, 'ps') })).toBe('دوهم غږ');
    expect(translate('fa', 'displayCallNth', { n: ordinal(3, 'fa') })).toBe('فراخوان سوم');
    expect(translate('en', 'displayCallNth', { n: ordinal(2, 'en') })).toBe('Second call');
    expect(ordinal(12, 'ps')).toBe('۱۲م');
  });

  it('shows open and paused desks in the centre order, each in its state', () => {
    const desks = [
      desk('d1', 'OPEN', { ticket: 'A-001', status: 'IN_SERVICE' }),
      desk('d2', 'CLOSED'),
      desk('d3', 'PAUSED'),
      desk('d4', 'OPEN'),
      desk('d5', 'OPEN', { ticket: 'A-005' }),
    ];
    const shown = shownDesks(desks, ['d5', 'd4', 'd3', 'd2', 'd1']);
    expect(shown.map((d) => d.deskId)).toEqual(['d5', 'd4', 'd3', 'd1']);
    expect(shown.map(deskState)).toEqual(['called', 'free', 'paused', 'in-service']);
  });

  it('cuts out the Persian zeros so that the screen can draw them larger', () => {
    expect(zeroRuns('R-۰۰۷')).toEqual([
      { text: 'R-', zero: false },
      { text: '۰۰', zero: true },
      { text: '۷', zero: false },
    ]);
    expect(zeroRuns('A-107')).toEqual([{ text: 'A-107', zero: false }]);
  });
});
