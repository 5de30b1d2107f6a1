import { describe, expect, it } from 'vitest';
import { deviceKinds, endOfDayRules, staffRoles } from '../src/lib/api';
import { LANGS, translate, type Lang } from '../src/lib/i18n';
import { endOfDayLabel, holidaySourceLabel, languageLabel, roleLabel } from '../src/lib/labels';

const t = (lang: Lang) => (key: Parameters<typeof translate>[1], v?: Record<string, string | number>) =>
  translate(lang, key, v);

describe('API values in words on the staff screens', () => {
  it('names every role, kind, end-of-day rule and holiday source in every language, never by its code', () => {
    for (const lang of LANGS) {
      const values = [
        ...staffRoles.map((r) => roleLabel(r, t(lang))),
        ...deviceKinds.map((k) => roleLabel(k, t(lang))),
        ...endOfDayRules.map((r) => endOfDayLabel(r, t(lang))),
        ...['national', 'centre'].map((s) => holidaySourceLabel(s, t(lang))),
      ];
      for (const v of values) expect(v).not.toMatch(/^[A-Z_]+$|^national$|^centre$/);
      if (lang !== 'en') for (const v of values) expect(v).not.toMatch(/[A-Za-z]/);
    }
    expect(roleLabel('SUPERVISOR', t('fa'))).toBe('سرپرست');
    expect(endOfDayLabel('CARRY_OVER', t('en'))).toMatch(/next day/);
    expect(holidaySourceLabel('national', t('ps'))).toBe('هېوادنۍ رسمي رخصتي');
  });

  it('shows a value newer than the screen as it is', () => {
    expect(roleLabel('AUDITOR', t('fa'))).toBe('AUDITOR');
  });

  it('names the four languages in the screen language', () => {
    expect(LANGS.map((l) => languageLabel(l, t('en')))).toEqual(['Persian', 'Dari', 'Pashto', 'English']);
    expect(languageLabel('en', t('fa'))).toBe('انگلیسی');
  });
});
