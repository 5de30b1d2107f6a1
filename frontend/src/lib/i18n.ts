import { en, enOne, type Messages } from '../locales/en';
import { fa } from '../locales/fa';
import { faAF } from '../locales/fa-AF';
import { ps, psOne } from '../locales/ps';

export type Lang = 'fa' | 'fa-AF' | 'ps' | 'en';
export type MessageKey = keyof Messages;

export const LANGS: readonly Lang[] = ['fa', 'fa-AF', 'ps', 'en'];
export const LANG_NAMES: Record<Lang, string> = { fa: 'فارسی', 'fa-AF': 'دری', ps: 'پښتو', en: 'English' };
const MESSAGES: Record<Lang, Messages> = { fa, 'fa-AF': faAF, ps, en };
/** A label's form for a count of one, where the language's differs from its general form. */
const FOR_ONE: Partial<Record<Lang, Partial<Messages>>> = { ps: psOne, en: enOne };
const STORAGE_KEY = 'nobat.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Persian, Dari and Pashto are written right to left. */
export function direction(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'en' ? 'ltr' : 'rtl';
}

/** The page's language: ?lang= first, then the visitor's last choice, then Persian. */
export function chosenLang(
  search: string = location.search,
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return asked;
  const saved = storage?.getItem(STORAGE_KEY);
  return isLang(saved) ? saved : 'fa';
}

export function rememberLang(lang: Lang): void {
  safeStorage()?.setItem(STORAGE_KEY, lang);
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // private modes may refuse storage
  }
}

/** Whether a label of this key exists (keys built from a server's value, e.g. a visit's status). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES.en, key);
}

/** A label in a language, with {name} placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  const one = values.n !== undefined && /^[1۱]$/.test(String(values.n)) ? FOR_ONE[lang]?.[key] : undefined;
  const template = one ?? MESSAGES[lang][key] ?? MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Names from the API come as {fa, fa-AF, ps, en}; fall back to Persian, then English. */
export function localName(names: Record<string, string> | undefined, lang: Lang, fallback = ''): string {
  if (!names) return fallback;
  return names[lang] ?? names.fa ?? names.en ?? fallback;
}

/** Sets the document's language and direction; every screen calls this on start and on a switch. */
export function applyLang(doc: Document, lang: Lang): void {
  doc.documentElement.lang = lang;
  doc.documentElement.dir = direction(lang);
}
