import { addDays, jalaliParts } from '../../lib/format';

// A Solar Hijri month as a grid of ISO days, for the booking page's date picker. The browser's
// Intl knows the Persian calendar; this only walks days to find where a month starts and ends.

export interface JalaliMonth {
  year: number;
  month: number;
  /** ISO dates of the month's days, in order. */
  days: string[];
  /** Empty cells before the first day, in a week that starts on Saturday (as in Iran and Afghanistan). */
  leadingBlanks: number;
}

export function monthContaining(isoDate: string): JalaliMonth {
  const { year, month, day } = jalaliParts(isoDate);
  const first = addDays(isoDate, 1 - day);
  const days: string[] = [];
  for (let d = first; jalaliParts(d).month === month; d = addDays(d, 1)) {
    days.push(d);
  }
  const weekday = new Date(`${first}T12:00:00Z`).getUTCDay(); // 0 = Sunday … 6 = Saturday
  return { year, month, days, leadingBlanks: (weekday + 1) % 7 };
}

export function nextMonth(m: JalaliMonth): JalaliMonth {
  return monthContaining(addDays(m.days[m.days.length - 1], 1));
}

export function previousMonth(m: JalaliMonth): JalaliMonth {
  return monthContaining(addDays(m.days[0], -1));
}
