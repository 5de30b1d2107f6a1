import { describe, expect, it } from 'vitest';
import { openness } from '../src/features/kiosk/hours';
import { bookingCode, codeIn } from '../src/features/kiosk/scan';
import type { Centre, HolidayView } from '../src/lib/api';
import { en } from '../src/locales/en';
import { fa } from '../src/locales/fa';
import { faAF } from '../src/locales/fa-AF';
import { ps } from '../src/locales/ps';

const centre = {
  timeZone: 'Asia/Tehran',
  openingHours: ['SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '08:00', closes: '14:00:00' })),
} as unknown as Centre;

describe('the kiosk takes walk-ins only within opening hours', () => {
  it('is closed at 1 a.m. and tells today’s hours', () => {
    // Saturday 5 December 2026, 01:00 in Tehran
    expect(openness(centre, [], new Date('2026-12-04T21:30:00Z'))).toEqual({
      open: false,
      today: [{ opens: '08:00', closes: '14:00' }],
    });
  });
  it('is open at 10:00 and closed from closing time on', () => {
    expect(openness(centre, [], new Date('2026-12-05T06:30:00Z'))).toEqual({ open: true });
    expect(openness(centre, [], new Date('2026-12-05T10:30:00Z')).open).toBe(false);
  });
  it('is closed all day on a day without hours and on a holiday', () => {
    expect(openness(centre, [], new Date('2026-12-04T06:30:00Z'))).toEqual({ open: false, today: [] });
    const holiday = { date: '2026-12-05', names: { en: 'Test' } } as unknown as HolidayView;
    expect(openness(centre, [holiday], new Date('2026-12-05T06:30:00Z'))).toEqual({
      open: false,
      holiday: { en: 'Test' },
    });
  });
});

describe('booking codes typed or scanned', () => {
  it('are put in their canonical form, Persian digits and lower case allowed', () => {
    expect(bookingCode('abcd ۲۳۴۵')).toBe('ABCD-2345');
    expect(bookingCode('ABCD-234')).toBeNull();
    expect(bookingCode('ABCD-2340')).toBeNull(); // 0 is not in the alphabet
  });
  it('are found in a QR code that holds a link', () => {
    expect(codeIn('https://nobat.example/book.html?code=HJKM-N234')).toBe('HJKM-N234');
    expect(codeIn('hello')).toBeNull();
  });
});

describe('one word for the booking code', () => {
  it('is the same on the kiosk and the booking pages in every language', () => {
    for (const messages of [en, fa, faAF, ps]) expect(messages.appointmentCode).toBe(messages.bookingCode);
  });
});
