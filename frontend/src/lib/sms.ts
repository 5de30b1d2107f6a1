// How many SMS a text takes, counted the way the server cuts it (platform/sms/SmsParts.java): only
// the characters ASCII and the GSM 7-bit alphabet share go as GSM (160 in one SMS, 153 per part
// once split); anything else, Persian or Pashto, makes the whole text UCS-2 (70, or 67 per part).

const GSM_SAFE = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 \n\r!"#%&\'()*+,-./:;<=>?');

const PLACEHOLDER = /\{[a-z-]+\}/g;

export const GSM_SINGLE = 160;
export const GSM_PART = 153;
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

export interface SmsCount {
  /** UTF-16 code units, as UCS-2 counts them (a character outside the BMP takes two). */
  characters: number;
  parts: number;
  ucs2: boolean;
}

/**
 * The count of a message text as written. Its {placeholders} do not decide the encoding: they are
 * replaced by values before sending (whose own script the text around them does not tell).
 */
export function smsCount(text: string): SmsCount {
  const ucs2 = [...text.replace(PLACEHOLDER, '')].some((c) => !GSM_SAFE.has(c));
  const characters = text.length;
  const [single, part] = ucs2 ? [UCS2_SINGLE, UCS2_PART] : [GSM_SINGLE, GSM_PART];
  const parts = characters === 0 ? 0 : characters <= single ? 1 : Math.ceil(characters / part);
  return { characters, parts, ucs2 };
}

/** The {names} a text uses, once each, in the order written (as the server reads them: a-z and -). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[0].slice(1, -1)))];
}
