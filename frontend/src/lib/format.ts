import type { Lang, MessageKey } from './i18n';

// Numbers, times and Solar Hijri dates. Intl gives the Solar Hijri day, month and year as numbers
// (its `persian` calendar is in every build); the names of months and weekdays come from our own
// tables, because browsers lack some languages' data (Chromium has none for Pashto and would show
// English Gregorian names) and because Dari and Pashto name the solar months differently from Persian.

/**
 * Between parts of one line ("desk 7 — open"). Not the middle dot (U+00B7): it looks exactly like the
 * Persian zero, so "desk 7, dot, open" read as "desk 07 open".
 */
export const SEPARATOR = ' — ';

/** Digits in the language's own script (Persian digits for fa, fa-AF and ps). */
export function digits(value: number | string, lang: Lang): string {
  const text = String(value);
  if (lang === 'en') return text;
  return text.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
}

/** A whole number in the language's digits, without grouping (ticket numbers, counts). */
export function number(value: number, lang: Lang): string {
  return digits(Math.round(value), lang);
}

/** Persian or Arabic-Indic digits typed by a visitor, back to Latin for the API. */
export function latinDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

const ORDINALS: Record<Lang, readonly string[]> = {
  fa: ['اول', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم', 'دهم'],
  'fa-AF': ['اول', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم', 'دهم'],
  ps: ['لومړی', 'دوهم', 'درېیم', 'څلورم', 'پنځم', 'شپږم', 'اووم', 'اتم', 'نهم', 'لسم'],
  en: ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'],
};

/**
 * The nth as a word ("second call", "دوهم غږ"): a digit before a noun reads as a count in Pashto and
 * Persian ("۲ غږ" is "two calls"). Beyond the tenth, the digits with the ordinal ending.
 */
export function ordinal(n: number, lang: Lang): string {
  const word = ORDINALS[lang][n - 1];
  if (word) return word;
  if (lang === 'en') return `${n}th`;
  return `${number(n, lang)}م`;
}

/** A ticket such as "A-012", with its digits in the screen's script. */
export function ticket(value: string, lang: Lang): string {
  return digits(value, lang);
}

/** Month names of the Solar Hijri year, from the first (at Nowruz) to the twelfth. */
const SOLAR_MONTHS: Record<Lang, readonly string[]> = {
  fa: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
  'fa-AF': ['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت'],
  ps: ['وری', 'غویی', 'غبرګولی', 'چنګاښ', 'زمری', 'وږی', 'تله', 'لړم', 'لیندۍ', 'مرغومی', 'سلواغه', 'کب'],
  en: [
    'Farvardin',
    'Ordibehesht',
    'Khordad',
    'Tir',
    'Mordad',
    'Shahrivar',
    'Mehr',
    'Aban',
    'Azar',
    'Dey',
    'Bahman',
    'Esfand',
  ],
};

/** Weekday names from Saturday, the first day of the week in Iran and Afghanistan. */
const WEEKDAYS: Record<Lang, readonly string[]> = {
  fa: ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'],
  'fa-AF': ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'],
  ps: ['اونۍ', 'یونۍ', 'دونۍ', 'درېنۍ', 'څلرنۍ', 'پنځنۍ', 'جمعه'],
  en: ['Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
};

/** Column heads of a month grid: one letter in Persian and Dari as printed calendars do. */
const WEEKDAY_HEADS: Record<Lang, readonly string[]> = {
  fa: ['ش', 'ی', 'د', 'س', 'چ', 'پ', 'ج'],
  'fa-AF': ['ش', 'ی', 'د', 'س', 'چ', 'پ', 'ج'],
  ps: WEEKDAYS.ps,
  en: ['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
};

/** The name of a weekday counted from Saturday (0) to Friday (6). */
export function weekdayName(fromSaturday: number, lang: Lang, head = false): string {
  return (head ? WEEKDAY_HEADS : WEEKDAYS)[lang][fromSaturday];
}

/** The name of a Solar Hijri month (1–12) in a language. */
export function solarMonthName(month: number, lang: Lang): string {
  return SOLAR_MONTHS[lang][month - 1];
}

/** "09:40": hours and minutes (and seconds) of an instant in a time zone, in the language's digits. */
export function time(at: Date | number | string, lang: Lang, timeZone?: string, seconds = false): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return digits([part('hour'), part('minute'), ...(seconds ? [part('second')] : [])].join(':'), lang);
}

interface SolarDay {
  year: number;
  month: number;
  day: number;
  fromSaturday: number;
}

/** The Solar Hijri day of an instant in a time zone, as numbers, and its weekday from Saturday. */
function solarDay(at: Date, timeZone?: string): SolarDay {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    timeZone,
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const fromSaturday = ['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'].indexOf(part('weekday'));
  return { year: Number(part('year')), month: Number(part('month')), day: Number(part('day')), fromSaturday };
}

/**
 * A day in the Solar Hijri calendar: "دوشنبه ۹ آذر ۱۴۰۵" (weekday, day, month, year, as written in
 * Iran and Afghanistan; "۹ قوس ۱۴۰۵" in Dari), or "Monday, Azar 9, 1405" in English.
 */
export function jalaliDate(at: Date | number | string, lang: Lang, timeZone?: string, weekday = false): string {
  const d = solarDay(new Date(at), timeZone);
  const month = solarMonthName(d.month, lang);
  const name = weekday ? weekdayName(d.fromSaturday, lang) : '';
  if (lang === 'en') return `${weekday ? `${name}, ` : ''}${month} ${d.day}, ${d.year}`;
  return digits(`${weekday ? `${name} ` : ''}${d.day} ${month} ${d.year}`, lang);
}

/** An ISO date (YYYY-MM-DD, a calendar day, no zone) in the Solar Hijri calendar. */
export function jalaliDay(isoDate: string, lang: Lang, weekday = true): string {
  return jalaliDate(`${isoDate}T12:00:00Z`, lang, 'UTC', weekday);
}

/** The Solar Hijri month and year of an ISO date: "آذر ۱۴۰۵", "قوس ۱۴۰۵", "Azar 1405". */
export function jalaliMonthTitle(isoDate: string, lang: Lang): string {
  const d = solarDay(new Date(`${isoDate}T12:00:00Z`), 'UTC');
  return digits(`${solarMonthName(d.month, lang)} ${d.year}`, lang);
}

/** Year, month and day of an ISO date in the Solar Hijri calendar, as numbers. */
export function jalaliParts(isoDate: string): { year: number; month: number; day: number } {
  const { year, month, day } = solarDay(new Date(`${isoDate}T12:00:00Z`), 'UTC');
  return { year, month, day };
}

/** ISO date of a day some days after a given one (calendar arithmetic in UTC). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's ISO date in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day of the Solar Hijri year (1–366) of a month and day: six months of 31 days, then of 30. */
function dayOfSolarYear(month: number, day: number): number {
  return month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
}

/**
 * The ISO date (Gregorian, YYYY-MM-DD) of a Solar Hijri day, or null when there is no such day
 * (Esfand 30 of a common year, month 13). Found with Intl's `persian` calendar itself: a first
 * guess from Nowruz near 21 March, corrected by the difference it reads back.
 */
export function isoOfJalali(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1000 || year > 2000 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (month > 6 && day > 30) return null;
  let guess = addDays(`${year + 621}-03-20`, dayOfSolarYear(month, day) - 1);
  for (let i = 0; i < 6; i++) {
    const p = jalaliParts(guess);
    if (p.year === year && p.month === month && p.day === day) return guess;
    // a year counted as 365 days: a leap year's last day leaves one day more to go
    const delta = (year - p.year) * 365 + dayOfSolarYear(month, day) - dayOfSolarYear(p.month, p.day);
    guess = addDays(guess, delta || Math.sign(year - p.year));
  }
  return null;
}

/** Days in a Solar Hijri month: 31 in the first six, 30 in the next five, 29 or 30 in Esfand. */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isoOfJalali(year, 12, 30) ? 30 : 29;
}

/**
 * A Solar Hijri date as typed: year-month-day ("1405-10-05", "۱۴۰۵/۱۰/۵"), in Latin, Persian or
 * Arabic-Indic digits; its ISO date, or null when it is no day of that calendar.
 */
export function parseJalali(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*$/.exec(latinDigits(text));
  return m ? isoOfJalali(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** An ISO date written as its Solar Hijri year-month-day ("1405-10-05"), in the language's digits. */
export function jalaliNumeric(isoDate: string, lang: Lang): string {
  const { year, month, day } = jalaliParts(isoDate);
  return digits(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, lang);
}

/** The weekday of an ISO date, counted from Saturday (0) to Friday (6). */
export function weekdayFromSaturday(isoDate: string): number {
  return (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 1) % 7;
}

/**
 * A 24-hour time as typed ("8:05", "۰۸:۰۵", "23:59:59"), normalised to HH:mm (or HH:mm:ss); null
 * when it is no time of day. Never 12-hour: no AM or PM.
 */
export function parseTime(text: string): string | null {
  const m = /^\s*([01]?\d|2[0-3])\s*:\s*([0-5]\d)(?:\s*:\s*([0-5]\d))?\s*$/.exec(latinDigits(text));
  if (!m) return null;
  return [m[1].padStart(2, '0'), m[2], ...(m[3] ? [m[3]] : [])].join(':');
}

/** A wait as the server estimates it: a point, a range where the spread is wide, or no promise. */
export interface WaitEstimate {
  known: boolean;
  minutes: number;
  lowMinutes: number;
  highMinutes: number;
}

/** A wait as every screen says it: "12 min", "15–25 min", "now", or that no desk serves the service now. */
export function waitText(
  wait: WaitEstimate,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  lang: Lang,
): string {
  if (!wait.known) return t('waitNoDesk');
  if (wait.minutes === 0) return t('waitNow');
  if (wait.lowMinutes < wait.highMinutes) {
    return t('minutesRange', { low: number(wait.lowMinutes, lang), high: number(wait.highMinutes, lang) });
  }
  return t('minutes', { n: number(wait.minutes, lang) });
}
