import { isMessageKey, type Lang, type MessageKey } from './i18n';

// Values of the API that staff screens show in words: roles, device kinds, end-of-day rules,
// holiday sources, and the names of the four languages in the screen's own language.

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const LANG_KEYS: Record<Lang, MessageKey> = { fa: 'langFa', 'fa-AF': 'langFaAF', ps: 'langPs', en: 'langEn' };

/** "Persian", "فارسی", "فارسي": a language named in the screen's language. */
export function languageLabel(lang: Lang, t: Translate): string {
  return t(LANG_KEYS[lang]);
}

function worded(prefix: string, value: string, t: Translate): string {
  const key = `${prefix}${value}`;
  return isMessageKey(key) ? t(key) : value; // a value newer than this screen shows as it is
}

/** A staff role or a device's kind: "Supervisor", "سرپرست". */
export function roleLabel(role: string, t: Translate): string {
  return worded('role', role, t);
}

/** A centre's end-of-day rule: what happens to the visits still open. */
export function endOfDayLabel(rule: string, t: Translate): string {
  return worded('endOfDay', rule, t);
}

/** Who declared a holiday: "National holiday", "This centre". */
export function holidaySourceLabel(source: string, t: Translate): string {
  return worded('holidaySource', source, t);
}
