import { describe, expect, it } from 'vitest';
import { monthContaining, nextMonth, previousMonth } from '../src/features/booking/calendar';
import { callKey, unseenCalls } from '../src/features/display/calls';
import { describe as describeTicket, isNewCall } from '../src/features/track/status';
import type { CallView, TrackingView, VisitStatus } from '../src/lib/api';
import { guarded } from '../src/lib/dom';

const call = (ticket: string, desk: string, at: string, recall = 0): CallView => ({
  ticket,
  deskId: desk,
  serviceCode: 's',
  at,
  recall,
});

describe('display calls', () => {
  it('announces each call once, oldest first, including those made while away', () => {
    const seen = new Set<string>();
    const first = [call('A-002', 'd2', 't2'), call('A-001', 'd1', 't1')];
    expect(unseenCalls(seen, first).map((c) => c.ticket)).toEqual(['A-001', 'A-002']);
    first.forEach((c) => seen.add(callKey(c)));
    const later = [call('B-001', 'd1', 't4'), call('A-003', 'd2', 't3'), ...first];
    expect(unseenCalls(seen, later).map((c) => c.ticket)).toEqual(['A-003', 'B-001']);
    const recall = [call('A-003', 'd2', 't5', 1), ...later];
    expect(unseenCalls(new Set(later.map(callKey)), recall)).toHaveLength(1);
  });
});

describe('visitor status', () => {
  const view = (status: VisitStatus, extra: Partial<TrackingView> = {}): TrackingView => ({
    centreId: 'c',
    ticket: 'A-001',
    serviceCode: 's',
    priorityClass: 'NONE',
    status,
    position: 3,
    estimatedWaitMinutes: 9,
    estimatedWait: { known: true, minutes: 9, lowMinutes: 9, highMinutes: 9 },
    deskId: null,
    calledAt: null,
    recall: 0,
    expectedCallAt: null,
    previousTicket: null,
    previousServiceCode: null,
    ...extra,
  });

  it('says what to do in each state', () => {
    expect(describeTicket(view('WAITING')).key).toBe('peopleAhead');
    expect(describeTicket(view('WAITING', { position: 1 })).key).toBe('youAreNext');
    expect(describeTicket(view('CALLED', { deskId: 'desk-5' }))).toEqual({ key: 'goToDeskNow', callToDesk: true });
    expect(describeTicket(view('NO_SHOW')).key).toBe('noShow');
    // a recall is the call again, with the warning that the turn is lost
    expect(describeTicket(view('CALLED', { deskId: 'desk-5', recall: 1 }))).toEqual({
      key: 'recalledGoNow',
      callToDesk: true,
    });
    expect(describeTicket(view('CARRIED_OVER')).key).toBe('carriedOver');
  });

  it('rings for a call and for each recall, not for repeats', () => {
    const waiting = view('WAITING');
    const called = view('CALLED', { deskId: 'desk-5' });
    expect(isNewCall(waiting, called)).toBe(true);
    expect(isNewCall(called, called)).toBe(false);
    expect(isNewCall(called, { ...called, recall: 1 })).toBe(true);
    expect(isNewCall(null, called)).toBe(true);
    expect(isNewCall(called, view('IN_SERVICE'))).toBe(false);
  });
});

describe('Solar Hijri month grid', () => {
  it('lays out Azar 1405 from Saturday', () => {
    const azar = monthContaining('2026-11-29');
    expect(azar.year).toBe(1405);
    expect(azar.month).toBe(9);
    expect(azar.days[0]).toBe('2026-11-22'); // 1 Azar 1405, a Sunday
    expect(azar.days).toHaveLength(30);
    expect(azar.leadingBlanks).toBe(1);
    expect(nextMonth(azar).month).toBe(10);
    expect(previousMonth(azar).days).toHaveLength(30); // Aban
    expect(monthContaining('2026-05-01').days).toHaveLength(31); // Ordibehesht
  });
});

describe('in-flight guard', () => {
  it('runs an action once however often the button is clicked meanwhile', async () => {
    const button = document.createElement('button');
    let runs = 0;
    let release!: () => void;
    const action = () => {
      runs++;
      return new Promise<void>((r) => {
        release = r;
      });
    };
    const first = guarded(button, action);
    expect(button.disabled).toBe(true);
    await guarded(button, action);
    await guarded(button, action);
    release();
    await first;
    expect(runs).toBe(1);
    expect(button.disabled).toBe(false);
  });
});

describe('live re-rendering', () => {
  it('keeps typed values, checked boxes and focus, but not state-driven fields', async () => {
    const { h, preserving, replace } = await import('../src/lib/dom');
    const root = document.createElement('div');
    document.body.append(root);
    const build = () => [
      h('input', { id: 'visit-id' }),
      h('input', { type: 'checkbox', name: 'service', value: 'a' }),
      h(
        'select',
        { id: 'desk', 'data-keep': 'false' },
        h('option', { value: 'd1', selected: true }, '1'),
        h('option', { value: 'd2' }, '2'),
      ),
    ];
    replace(root, ...build());
    (root.querySelector('#visit-id') as HTMLInputElement).value = 'gulf:2026-11-29:v1';
    (root.querySelector('#visit-id') as HTMLInputElement).focus();
    (root.querySelector('input[type=checkbox]') as HTMLInputElement).checked = true;
    (root.querySelector('#desk') as HTMLSelectElement).value = 'd2';
    preserving(root, () => replace(root, ...build()));
    expect((root.querySelector('#visit-id') as HTMLInputElement).value).toBe('gulf:2026-11-29:v1');
    expect(document.activeElement?.id).toBe('visit-id');
    expect((root.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
    expect((root.querySelector('#desk') as HTMLSelectElement).value).toBe('d1');
  });
});
