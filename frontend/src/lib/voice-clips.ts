import type { Lang } from './i18n';
import words from './voice-words.json';

// Announcements composed from short recorded clips, one word each, played back to back: the
// words a centre records per language (shown on the admin page) and the order in which a call
// ("ticket A-042, desk 3") is spoken. The default pack (public/voice/<lang>/<key>.ogg, made by
// scripts/voice-pack.sh with espeak-ng) has every word of Persian and English; Dari borrows the
// Persian pack, Pashto has none (espeak-ng has no Pashto voice): a centre records its own.

/** The words to record in each language, by clip key, with the text to read out. */
export const VOICE_WORDS: Record<Lang, Record<string, string>> = words;

/** Languages with a default pack, and the pack each language falls back to. */
export const DEFAULT_PACK: Record<Lang, Lang | null> = { fa: 'fa', 'fa-AF': 'fa', ps: null, en: 'en' };

/** The clip key of a desk's own recorded name (optional: "desk" and its number otherwise). */
export const deskClipKey = (deskId: string) => `desk.${deskId}`;

/** The number words of 0..999 in a language, as clip keys; digit by digit from 1000 on. */
export function numberClips(n: number, lang: Lang): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a ticket number: ${n}`);
  if (n >= 1000) return [...String(n)].map((d) => `n.${d}`);
  if (n === 0) return ['n.0'];
  switch (lang) {
    case 'ps':
      return pashto(n);
    case 'en':
      return english(n);
    default:
      return persian(n);
  }
}

// Persian and Dari: hundreds, tens and units joined by "o" (صد و بیست و سه); 100..900 are words of their own.
function persian(n: number): string[] {
  const hundreds = Math.floor(n / 100) * 100;
  const rest = n % 100;
  const unit = rest % 10;
  const groups = [
    hundreds ? `n.${hundreds}` : null,
    rest >= 20 ? `n.${rest - unit}` : rest > 0 ? `n.${rest}` : null,
    rest >= 20 && unit ? `n.${unit}` : null,
  ].filter((k): k is string => k !== null);
  return groups.flatMap((k, i) => (i === 0 ? [k] : ['and', k]));
}

// Pashto: the unit comes before the ten without a joining word (پنځه ویشت, 25), and the twenties
// take ویشت, not شل; 200..900 are the unit and سوه (دوه سوه); hundreds join the rest with او.
function pashto(n: number): string[] {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) parts.push('n.100');
  else if (hundreds > 1) parts.push(`n.${hundreds}`, 'hundreds');
  if (rest) {
    if (hundreds) parts.push('and');
    const unit = rest % 10;
    const ten = rest - unit;
    if (rest < 20) parts.push(`n.${rest}`);
    else if (unit === 0) parts.push(`n.${ten}`);
    else parts.push(`n.${unit}`, ten === 20 ? 'n.20.compound' : `n.${ten}`);
  }
  return parts;
}

// English: "one hundred forty two"
function english(n: number): string[] {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) parts.push(`n.${hundreds}`, 'hundred');
  if (rest) {
    if (rest < 20) parts.push(`n.${rest}`);
    else parts.push(`n.${rest - (rest % 10)}`, ...(rest % 10 ? [`n.${rest % 10}`] : []));
  }
  return parts;
}

/**
 * The clips of one call in a language: "ticket", the letter, the number, then the desk by its own
 * recorded name where the centre has one, or "desk" and the number its id ends with. Null when
 * the call cannot be said with clips (a ticket or desk without a number).
 */
export function callClips(ticket: string, deskId: string, lang: Lang, hasDeskClip: boolean): string[] | null {
  const match = /^([A-Za-z]+)-?0*(\d+)$/.exec(ticket);
  if (!match) return null;
  const letters = [...match[1].toLowerCase()].map((c) => `letter.${c}`);
  const ticketClips = ['ticket', ...letters, ...numberClips(Number(match[2]), lang)];
  if (hasDeskClip) return [...ticketClips, deskClipKey(deskId)];
  const deskNumber = /(\d+)$/.exec(deskId);
  if (!deskNumber) return null;
  return [...ticketClips, 'desk', ...numberClips(Number(deskNumber[1]), lang)];
}

/** Where a clip is found: the centre's own recording first, then the default pack. */
export interface ClipSource {
  /** The URL of the centre's recording of the clip, if it has one. */
  centre(lang: Lang, key: string): string | null;
}

/**
 * The URLs of a call's clips, each from the centre's pack or else the default pack; null when a
 * clip is in neither (the call is then spoken by the browser's voice, or only chimed).
 */
export function clipUrls(keys: string[], lang: Lang, source: ClipSource, base = '/voice'): string[] | null {
  const fallback = DEFAULT_PACK[lang];
  const urls: string[] = [];
  for (const key of keys) {
    const own = source.centre(lang, key);
    if (own) urls.push(own);
    else if (fallback && key in VOICE_WORDS[fallback]) urls.push(`${base}/${fallback}/${key}.ogg`);
    else return null;
  }
  return urls;
}
