import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/lib/i18n';
import { callClips, clipUrls, numberClips, VOICE_WORDS } from '../src/lib/voice-clips';

const words = (keys: string[] | null, lang: Lang) => keys?.map((k) => VOICE_WORDS[lang][k] ?? `?${k}`).join(' ');

describe('the clips of a call', () => {
  it('say Persian tickets and desks with و between hundreds, tens and units', () => {
    expect(words(callClips('A-042', 'desk-3', 'fa', false), 'fa')).toBe('شماره‌ی اِی چهل و دو باجه‌ی سه');
    expect(words(callClips('B-121', 'desk-12', 'fa', false), 'fa')).toBe('شماره‌ی بی صد و بیست و یک باجه‌ی دوازده');
    expect(words(callClips('C-305', 'desk-20', 'fa', false), 'fa')).toBe('شماره‌ی سی سیصد و پنج باجه‌ی بیست');
    expect(words(callClips('F-017', 'desk-8', 'fa', false), 'fa')).toBe('شماره‌ی اِف هفده باجه‌ی هشت');
    expect(words(callClips('D-990', 'desk-1', 'fa', false), 'fa')).toBe('شماره‌ی دی نهصد و نود باجه‌ی یک');
  });

  it('say Dari numbers with the same order and Dari words', () => {
    expect(words(callClips('A-218', 'desk-3', 'fa-AF', false), 'fa-AF')).toBe('نمبر اِی دوصد و هژده باجه‌ی سه');
    expect(words(callClips('E-056', 'desk-7', 'fa-AF', false), 'fa-AF')).toBe('نمبر ای پنجاه و شش باجه‌ی هفت');
  });

  it('say Pashto numbers unit first, with ویشت in the twenties and سوه for hundreds', () => {
    expect(words(callClips('A-042', 'desk-3', 'ps', false), 'ps')).toBe('شمېره اې دوه څلوېښت کړکۍ درې');
    expect(words(callClips('B-025', 'desk-21', 'ps', false), 'ps')).toBe('شمېره بي پنځه ویشت کړکۍ یو ویشت');
    expect(words(callClips('C-020', 'desk-30', 'ps', false), 'ps')).toBe('شمېره سي شل کړکۍ دېرش');
    expect(words(callClips('D-125', 'desk-2', 'ps', false), 'ps')).toBe('شمېره ډي سل او پنځه ویشت کړکۍ دوه');
    expect(words(callClips('E-300', 'desk-16', 'ps', false), 'ps')).toBe('شمېره اي درې سوه کړکۍ شپاړس');
    expect(words(callClips('F-999', 'desk-99', 'ps', false), 'ps')).toBe('شمېره اېف نهه سوه او نهه نوي کړکۍ نهه نوي');
  });

  it('say English numbers as words', () => {
    expect(words(callClips('A-042', 'desk-3', 'en', false), 'en')).toBe('Ticket A forty two Desk three');
    expect(words(callClips('B-115', 'desk-10', 'en', false), 'en')).toBe('Ticket B one hundred fifteen Desk ten');
    expect(words(callClips('C-700', 'desk-40', 'en', false), 'en')).toBe('Ticket C seven hundred Desk forty');
  });

  it("use the desk's own recorded name where the centre has one", () => {
    expect(callClips('A-001', 'desk-8', 'fa', true)).toEqual(['ticket', 'letter.a', 'n.1', 'desk.desk-8']);
    expect(callClips('A-001', 'reception', 'fa', false)).toBeNull(); // no number, no recording: not sayable
  });

  it('say tickets from 1000 on digit by digit', () => {
    expect(numberClips(1024, 'fa')).toEqual(['n.1', 'n.0', 'n.2', 'n.4']);
  });

  it('compose every number from 0 to 999 from words that exist in each language', () => {
    for (const lang of ['fa', 'fa-AF', 'ps', 'en'] as Lang[]) {
      for (let n = 0; n < 1000; n++) {
        for (const key of numberClips(n, lang)) expect(VOICE_WORDS[lang], `${lang} ${n} ${key}`).toHaveProperty([key]);
      }
    }
  });
});

describe('the clip files of a call', () => {
  const none = { centre: () => null };

  it("take the centre's own recording first, then the default pack", () => {
    const own = { centre: (lang: Lang, key: string) => (key === 'desk' ? `/api/own/${lang}/${key}` : null) };
    expect(clipUrls(['ticket', 'desk'], 'fa', own)).toEqual(['/voice/fa/ticket.ogg', '/api/own/fa/desk']);
    expect(clipUrls(['ticket'], 'fa-AF', none)).toEqual(['/voice/fa/ticket.ogg']); // Dari borrows the Persian pack
  });

  it('give up when a clip is in neither pack', () => {
    expect(clipUrls(['ticket', 'n.1'], 'ps', none)).toBeNull(); // no default Pashto pack
    expect(clipUrls(['desk.desk-3'], 'fa', none)).toBeNull();
  });
});
