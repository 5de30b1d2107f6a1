import type { Centre, HolidayView } from '../../lib/api';

// Whether the centre takes walk-ins now, by its opening hours and holidays in its own time zone:
// the kiosk says it is closed (with today's hours) rather than print a ticket at 1 a.m.

export interface Period {
  opens: string; // HH:mm
  closes: string;
}

export type Openness =
  | { open: true }
  | { open: false; holiday: Record<string, string> }
  | { open: false; holiday?: undefined; today: Period[] };

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** The date (yyyy-mm-dd), weekday and time of day (HH:mm:ss) of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; weekday: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];
  return { date, weekday, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

const hhmm = (t: string) => t.slice(0, 5);
const withSeconds = (t: string) => (t.length === 5 ? `${t}:00` : t);

export function openness(centre: Centre, holidays: readonly HolidayView[], now: Date): Openness {
  const { date, weekday, time } = localClock(now, centre.timeZone);
  const holiday = holidays.find((h) => h.date === date);
  if (holiday) return { open: false, holiday: holiday.names };
  const today = centre.openingHours
    .filter((p) => p.day === weekday)
    .map((p) => ({ opens: hhmm(p.opens), closes: hhmm(p.closes) }))
    .sort((a, b) => a.opens.localeCompare(b.opens));
  const inside = centre.openingHours.some(
    (p) => p.day === weekday && withSeconds(p.opens) <= time && time < withSeconds(p.closes),
  );
  return inside ? { open: true } : { open: false, today };
}
