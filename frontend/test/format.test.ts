import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  digits,
  isoOfJalali,
  jalaliDate,
  jalaliDay,
  jalaliMonthLength,
  jalaliMonthTitle,
  jalaliNumeric,
  jalaliParts,
  latinDigits,
  number,
  parseJalali,
  parseTime,
  ticket,
  time,
  SEPARATOR,
  todayIn,
  waitText,
  weekdayFromSaturday,
  weekdayName,
} from '../src/lib/format';
import { translate, type Lang, type MessageKey } from '../src/lib/i18n';

describe('digits and numbers', () => {
  it('writes Persian digits for Persian, Dari and Pashto, Latin for English', () => {
    expect(digits('A-012', 'fa')).toBe('A-۰۱۲');
    expect(digits(1405, 'fa-AF')).toBe('۱۴۰۵');
    expect(digits(7, 'ps')).toBe('۷');
    expect(digits('A-012', 'en')).toBe('A-012');
    expect(number(12.6, 'fa')).toBe('۱۳');
    expect(ticket('R-101', 'fa')).toBe('R-۱۰۱');
  });

  it('reads Persian and Arabic-Indic digits typed by a visitor back as Latin', () => {
    expect(latinDigits('۰۹۱۲۳۴۵۶۷۸۹')).toBe('09123456789');
    expect(latinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(latinDigits('abc-12')).toBe('abc-12');
  });
});

describe('Solar Hijri dates', () => {
  it('names 29 November 2026 as 8 Azar 1405', () => {
    expect(jalaliParts('2026-11-29')).toEqual({ year: 1405, month: 9, day: 8 });
    expect(jalaliDay('2026-11-29', 'fa', false)).toBe('۸ آذر ۱۴۰۵');
    expect(jalaliDay('2026-11-29', 'en', false)).toContain('1405');
  });

  it('titles a month of the calendar in each language', () => {
    expect(jalaliMonthTitle('2026-11-29', 'fa')).toBe('آذر ۱۴۰۵');
    expect(jalaliDay('2026-11-30', 'fa')).toBe('دوشنبه ۹ آذر ۱۴۰۵');
    expect(jalaliDay('2026-11-30', 'en')).toBe('Monday, Azar 9, 1405');
    expect(jalaliMonthTitle('2026-11-29', 'en')).toBe('Azar 1405');
    expect(jalaliMonthTitle('2026-11-29', 'ps')).toContain('۱۴۰۵');
    expect(jalaliMonthTitle('2026-11-29', 'ps')).not.toMatch(/^۱ /);
  });

  it('starts the year at Nowruz', () => {
    expect(jalaliParts('2026-03-21')).toEqual({ year: 1405, month: 1, day: 1 });
    expect(jalaliParts('2026-03-20')).toEqual({ year: 1404, month: 12, day: 29 });
  });

  it('formats instants in the centre time zone', () => {
    const at = '2026-11-29T20:45:00Z'; // 00:15 on 9 Azar in Tehran
    expect(time(at, 'en', 'Asia/Tehran')).toBe('00:15');
    expect(time(at, 'fa', 'Asia/Tehran')).toBe('۰۰:۱۵');
    expect(jalaliDate(at, 'fa', 'Asia/Tehran')).toBe('۹ آذر ۱۴۰۵');
    expect(jalaliDate(at, 'fa', 'UTC')).toBe('۸ آذر ۱۴۰۵');
  });

  it('does calendar arithmetic on ISO dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(todayIn('Asia/Tehran', new Date('2026-11-29T21:00:00Z'))).toBe('2026-11-30');
  });
});

describe("dates that do not depend on the browser's locale data", () => {
  // Chromium has no Pashto data: Intl resolves ps-AF to en-US with the Gregorian calendar there.
  // Node has full ICU, so these tests make Intl behave like such a browser for every locale but English.
  const RealDateTimeFormat = Intl.DateTimeFormat;
  function browserWithoutPashtoOrDariData(): void {
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(((
      locales?: string | string[],
      options?: Intl.DateTimeFormatOptions,
    ) => {
      const locale = [locales ?? 'en'].flat()[0];
      return new RealDateTimeFormat(/^(ps|fa-AF)/.test(locale) ? 'en-US' : locale, options);
    }) as unknown as typeof Intl.DateTimeFormat);
  }
  afterEach(() => vi.restoreAllMocks());

  it('names the Afghan solar months in Dari and Pashto, the Iranian ones in Persian', () => {
    expect(jalaliDay('2026-11-30', 'fa-AF')).toBe('دوشنبه ۹ قوس ۱۴۰۵');
    expect(jalaliDay('2026-11-30', 'ps')).toBe('دونۍ ۹ لیندۍ ۱۴۰۵');
    expect(jalaliMonthTitle('2026-03-21', 'fa-AF')).toBe('حمل ۱۴۰۵');
    expect(jalaliMonthTitle('2026-04-21', 'ps')).toBe('غویی ۱۴۰۵');
    expect(jalaliMonthTitle('2026-03-21', 'fa')).toBe('فروردین ۱۴۰۵');
  });

  it('writes Pashto and Dari dates and times without a Latin letter where the browser lacks their data', () => {
    browserWithoutPashtoOrDariData();
    const at = '2026-12-05T06:30:00Z'; // Saturday 14 Azar 1405, 10:00 in Tehran
    for (const lang of ['ps', 'fa-AF'] as const) {
      const shown = [
        jalaliDate(at, lang, 'Asia/Tehran', true),
        jalaliMonthTitle('2026-12-05', lang),
        time(at, lang, 'Asia/Tehran'),
      ];
      for (const text of shown) expect(text).not.toMatch(/[A-Za-z0-9]/);
    }
    expect(jalaliDate(at, 'ps', 'Asia/Tehran', true)).toBe('اونۍ ۱۴ لیندۍ ۱۴۰۵');
    expect(jalaliDate(at, 'fa-AF', 'Asia/Tehran', true)).toBe('شنبه ۱۴ قوس ۱۴۰۵');
    expect(time(at, 'ps', 'Asia/Tehran')).toBe('۱۰:۰۰');
  });

  it('heads the month grid from Saturday in every language', () => {
    expect(Array.from({ length: 7 }, (_, i) => weekdayName(i, 'fa', true)).join(' ')).toBe('ش ی د س چ پ ج');
    expect(weekdayName(0, 'en', true)).toBe('Sat');
    expect(weekdayName(6, 'ps')).toBe('جمعه');
  });
});

describe('separators', () => {
  it('never uses a mark that reads as a Persian zero on any screen', () => {
    const sources = import.meta.glob(['../src/**/*.{ts,css}', '../*.html'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const offenders = Object.entries(sources)
      .filter(([, text]) => /[·•∙⋅]/.test(String(text)))
      .map(([file]) => file);
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
    expect(SEPARATOR).not.toMatch(/[·•∙⋅۰٠.]/);
  });
});

describe('Solar Hijri dates typed by staff', () => {
  it('turns a Solar Hijri day into its ISO date, in every month and across Nowruz', () => {
    expect(isoOfJalali(1405, 1, 1)).toBe('2026-03-21');
    expect(isoOfJalali(1404, 12, 29)).toBe('2026-03-20');
    expect(isoOfJalali(1405, 10, 5)).toBe('2026-12-26');
    expect(isoOfJalali(1405, 6, 31)).toBe('2026-09-22');
    expect(isoOfJalali(1403, 12, 30)).toBe('2025-03-20'); // 1403 is a leap year
    for (let iso = '2025-03-01'; iso < '2027-04-01'; iso = addDays(iso, 1)) {
      const p = jalaliParts(iso);
      expect(isoOfJalali(p.year, p.month, p.day)).toBe(iso);
    }
  });

  it('knows no Esfand 30 in a common year, no 31st after Shahrivar, no month 13', () => {
    expect(isoOfJalali(1404, 12, 30)).toBeNull();
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1405, 7)).toBe(30);
    expect(isoOfJalali(1405, 7, 31)).toBeNull();
    expect(isoOfJalali(1405, 13, 1)).toBeNull();
    expect(isoOfJalali(1405, 0, 1)).toBeNull();
  });

  it('reads year-month-day in any digits and separators, never as Gregorian', () => {
    expect(parseJalali('1405-10-05')).toBe('2026-12-26');
    expect(parseJalali('۱۴۰۵/۱۰/۵')).toBe('2026-12-26');
    expect(parseJalali(' 1405.1.1 ')).toBe('2026-03-21');
    expect(parseJalali('2026-12-26')).toBeNull();
    expect(parseJalali('12/26/2026')).toBeNull();
    expect(parseJalali('1405-10')).toBeNull();
    expect(jalaliNumeric('2026-12-26', 'fa')).toBe('۱۴۰۵-۱۰-۰۵');
    expect(jalaliNumeric('2026-03-21', 'en')).toBe('1405-01-01');
    expect(weekdayFromSaturday('2026-12-26')).toBe(0); // a Saturday
    expect(weekdayFromSaturday('2026-12-25')).toBe(6);
  });

  it('reads times in 24 hours only', () => {
    expect(parseTime('07:30')).toBe('07:30');
    expect(parseTime('۷:۳۰')).toBe('07:30');
    expect(parseTime('23:59:59')).toBe('23:59:59');
    expect(parseTime('19:05')).toBe('19:05');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('7:30 PM')).toBeNull();
    expect(parseTime('07:60')).toBeNull();
    expect(parseTime('')).toBeNull();
  });
});

describe('waits as every screen says them', () => {
  const say = (lang: Lang, known: boolean, minutes: number, low: number, high: number) =>
    waitText(
      { known, minutes, lowMinutes: low, highMinutes: high },
      (key: MessageKey, v) => translate(lang, key, v),
      lang,
    );

  it('gives one figure, a range, now, or no promise', () => {
    expect(say('en', true, 12, 12, 12)).toBe('12 min');
    expect(say('en', true, 20, 15, 25)).toBe('15–25 min');
    expect(say('fa', true, 20, 15, 25)).toBe('۱۵ تا ۲۵ دقیقه');
    expect(say('ps', true, 20, 15, 25)).toBe('۱۵ تر ۲۵ دقیقې');
    expect(say('ps', true, 1, 1, 1)).toBe('یوه دقیقه');
    expect(say('en', true, 0, 0, 0)).toBe('now');
    // no open desk serves the service: nothing is promised, whatever the figures
    expect(say('en', false, 5, 5, 5)).toBe('no desk serving now');
    expect(say('fa-AF', false, 5, 5, 5)).toBe(translate('fa', 'waitNoDesk'));
  });
});
