import type { Lang } from './i18n';

// Numbers, times and Solar Hijri dates through the browser's Intl (CLDR), which knows the Persian
// calendar and Persian digits: no date library is needed.

const LOCALE: Record<Lang, string> = { fa: 'fa-IR', 'fa-AF': 'fa-AF', ps: 'ps-AF', en: 'en' };

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

/** A ticket such as "A-012", with its digits in the screen's script. */
export function ticket(value: string, lang: Lang): string {
  return digits(value, lang);
}

export function time(at: Date | number | string, lang: Lang, timeZone?: string, seconds = false): string {
  const format = new Intl.DateTimeFormat(LOCALE[lang], {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
    timeZone,
  });
  return digits(format.format(new Date(at)), lang);
}

/** Weekday, day, month name and year of an instant in the Solar Hijri calendar, in a language. */
function persianParts(
  at: Date,
  lang: Lang,
  timeZone: string | undefined,
  fields: Intl.DateTimeFormatOptions,
): Record<string, string> {
  const parts = new Intl.DateTimeFormat(`${LOCALE[lang]}-u-ca-persian`, { ...fields, timeZone }).formatToParts(at);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, digits(p.value, lang)]));
}

/**
 * A day in the Solar Hijri calendar: "دوشنبه ۹ آذر ۱۴۰۵" (weekday, day, month, year, as written in
 * Iran and Afghanistan), or "Monday, Azar 9, 1405" in English. The order is ours: ICU builds differ.
 */
export function jalaliDate(at: Date | number | string, lang: Lang, timeZone?: string, weekday = false): string {
  const p = persianParts(new Date(at), lang, timeZone, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: weekday ? 'long' : undefined,
  });
  const year = p.year.replace(/\s*AP$/, '');
  if (lang === 'en') return `${weekday ? `${p.weekday}, ` : ''}${p.month} ${p.day}, ${year}`;
  return `${weekday ? `${p.weekday} ` : ''}${p.day} ${p.month} ${year}`;
}

/** An ISO date (YYYY-MM-DD, a calendar day, no zone) in the Solar Hijri calendar. */
export function jalaliDay(isoDate: string, lang: Lang, weekday = true): string {
  return jalaliDate(`${isoDate}T12:00:00Z`, lang, 'UTC', weekday);
}

/** The Solar Hijri month and year of an ISO date: "آذر ۱۴۰۵", "Azar 1405". */
export function jalaliMonthTitle(isoDate: string, lang: Lang): string {
  const p = persianParts(new Date(`${isoDate}T12:00:00Z`), lang, 'UTC', { year: 'numeric', month: 'long' });
  return `${p.month} ${p.year.replace(/\s*AP$/, '')}`;
}

/** Year, month and day of an ISO date in the Solar Hijri calendar, as numbers. */
export function jalaliParts(isoDate: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${isoDate}T12:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
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
