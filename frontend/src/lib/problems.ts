import { refusalsEn, type RefusalMessages } from '../locales/refusals-en';
import { refusalsFa } from '../locales/refusals-fa';
import { refusalsFaAF } from '../locales/refusals-fa-AF';
import { refusalsPs } from '../locales/refusals-ps';
import { ApiError, type Centre } from './api';
import { deskName, serviceName } from './centre';
import { digits, jalaliDay, number, ticket, time, weekdayName } from './format';
import type { Lang } from './i18n';
import { isMessageKey, translate } from './i18n';
import type { RefusalCode } from './refusal-codes';

// What a screen says when the API refuses: the problem's code in the screen's language, its named
// values filled in (desks and services by their names where the screen knows the centre, tickets,
// times and dates in the screen's script). The server's English detail is never shown.

export type { RefusalCode };

export const REFUSALS: Record<Lang, RefusalMessages> = {
  fa: refusalsFa,
  'fa-AF': refusalsFaAF,
  ps: refusalsPs,
  en: refusalsEn,
};

/** Every code the screens translate (the server's catalog). */
export const REFUSAL_CODES = Object.keys(refusalsEn) as RefusalCode[];

export interface RefusalContext {
  /** The centre the screen shows, to name its desks and services. */
  centre?: Centre | null;
  /** The centre's time zone, for the times of day in a refusal. */
  timeZone?: string;
}

export function isRefusalCode(code: unknown): code is RefusalCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(refusalsEn, code);
}

/** A code the screens do not know yet is told by its status, so that no server sentence shows. */
function codeByStatus(status: number): RefusalCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'refused';
  if (status === 429) return 'too-many-requests';
  if (status >= 500) return 'internal';
  return 'invalid-input';
}

// a weekday from our own tables, never from the browser's locale data (Chromium has none for Pashto)
const FROM_SATURDAY = ['SATURDAY', 'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

function weekday(day: string, lang: Lang): string {
  const index = FROM_SATURDAY.indexOf(day);
  return index < 0 ? day : weekdayName(index, lang);
}

function state(value: string, lang: Lang): string {
  const key = value.toUpperCase().replace(/ /g, '_');
  for (const candidate of [`visit${key}`, `status${key}`]) {
    if (isMessageKey(candidate)) return translate(lang, candidate);
  }
  return value;
}

function list(values: unknown, lang: Lang, each: (v: string) => string): string {
  const items = Array.isArray(values) ? values.map(String) : [String(values)];
  return items.map(each).join(lang === 'en' ? ', ' : '، ');
}

/** One named value of a problem, as the screen shows it. */
export function refusalValue(name: string, value: unknown, lang: Lang, context: RefusalContext = {}): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  switch (name) {
    case 'desk':
    case 'heldDesk': {
      const named = deskName(context.centre, text, lang);
      return named !== text ? named : `${translate(lang, 'desk')} ${digits(text, lang)}`;
    }
    case 'service':
      return serviceName(context.centre, text, lang);
    case 'services':
      return list(value, lang, (s) => serviceName(context.centre, s, lang));
    case 'ticket':
      return ticket(text, lang);
    case 'opensAt':
    case 'closedAt':
      return time(text, lang, context.timeZone);
    case 'slot':
    case 'hours':
      return digits(text, lang);
    case 'slots':
      return list(value, lang, (s) => digits(s, lang));
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? jalaliDay(text, lang, false) : digits(text, lang);
    case 'day':
      return weekday(text, lang);
    case 'state':
      return state(text, lang);
    case 'rule':
    case 'other':
    case 'period':
      // the server counts from 0 (as its JSON pointers do); people count from 1
      return typeof value === 'number' ? number(value + 1, lang) : digits(text, lang);
    default:
      return typeof value === 'number'
        ? number(value, lang)
        : Array.isArray(value)
          ? list(value, lang, (s) => s)
          : text;
  }
}

/** A code's message in a language, its {names} filled from the problem's members. */
export function fillRefusal(
  code: RefusalCode,
  values: Record<string, unknown>,
  lang: Lang,
  context: RefusalContext = {},
): string {
  return REFUSALS[lang][code].replace(/\{(\w+)\}/g, (_, name: string) =>
    refusalValue(name, values[name], lang, context),
  );
}

/** The code a refusal answered with: the problem's code member, else its type's last part. */
export function refusalCode(error: ApiError): RefusalCode {
  const code = typeof error.problem.code === 'string' ? error.problem.code : error.code;
  return isRefusalCode(code) ? code : codeByStatus(error.status);
}

/** What a screen shows for a failed call: the refusal in its language, or "try again" when no answer came. */
export function refusalMessage(error: unknown, lang: Lang, context: RefusalContext = {}): string {
  if (!(error instanceof ApiError)) return translate(lang, 'retry');
  return fillRefusal(refusalCode(error), error.problem, lang, context);
}

/** The visitor's screens (kiosk, booking, phone) name times in the centre's zone. */
export function visitorMessage(error: unknown, lang: Lang, timeZone?: string): string {
  return refusalMessage(error, lang, { timeZone });
}
