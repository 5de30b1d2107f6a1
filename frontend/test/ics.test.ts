import { describe, expect, it } from 'vitest';
import { escapeText, fold, icsFile } from '../src/features/booking/ics';

describe('the booking calendar file', () => {
  const file = icsFile({
    code: 'K7M2PQ',
    startsAt: '2026-12-01T06:00:00Z', // 09:30 in Tehran
    minutes: 30,
    timeZone: 'Asia/Tehran',
    title: 'Residence — Persian Gulf centre',
    location: 'Bandar Abbas, Imam Khomeini St; No. 12',
    description: 'Booking code: K7M2PQ',
    now: new Date('2026-11-20T10:00:00Z'),
  });

  it('puts the slot in the centre time zone, with its offset', () => {
    expect(file).toContain('DTSTART;TZID=Asia/Tehran:20261201T093000\r\n');
    expect(file).toContain('DTEND;TZID=Asia/Tehran:20261201T100000\r\n');
    expect(file).toContain('TZOFFSETTO:+0330\r\n');
    expect(file).toContain('DTSTAMP:20261120T100000Z\r\n');
  });

  it('names the centre, its address and the code, escaped', () => {
    expect(file).toContain('LOCATION:Bandar Abbas\\, Imam Khomeini St\\; No. 12\r\n');
    expect(file).toContain('DESCRIPTION:Booking code: K7M2PQ\r\n');
    expect(file).toContain('UID:K7M2PQ@nobat\r\n');
    expect(file.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(file.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a Persian letter', () => {
    const long = `SUMMARY:${'نوبت '.repeat(30)}`;
    const folded = fold(long);
    const encoder = new TextEncoder();
    for (const line of folded.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(escapeText('a\nb')).toBe('a\\nb');
  });
});
