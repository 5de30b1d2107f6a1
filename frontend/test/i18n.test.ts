import { describe, expect, it } from 'vitest';
import { applyLang, chosenLang, direction, localName, translate } from '../src/lib/i18n';
import { en } from '../src/locales/en';
import { fa } from '../src/locales/fa';
import { faAF } from '../src/locales/fa-AF';
import { ps, psOne } from '../src/locales/ps';

describe('languages', () => {
  it('gives every label in every language', () => {
    for (const messages of [fa, faAF, ps]) {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const value of Object.values(messages)) expect(value.trim()).not.toBe('');
    }
  });

  it('keeps the placeholders of each label', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const messages of [fa, faAF, ps]) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(messages[key]), key).toEqual(placeholders(en[key]));
      }
    }
  });

  it('writes Persian, Dari and Pashto right to left', () => {
    expect(direction('fa')).toBe('rtl');
    expect(direction('fa-AF')).toBe('rtl');
    expect(direction('ps')).toBe('rtl');
    expect(direction('en')).toBe('ltr');
    applyLang(document, 'ps');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ps');
    applyLang(document, 'en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('chooses ?lang=, then the remembered choice, then Persian', () => {
    const storage = { getItem: () => 'ps' };
    expect(chosenLang('?lang=en', storage)).toBe('en');
    expect(chosenLang('?lang=xx', storage)).toBe('ps');
    expect(chosenLang('', { getItem: () => null })).toBe('fa');
  });

  it('fills placeholders and picks names in the language', () => {
    expect(translate('en', 'goToDeskNow', { desk: 'Desk 5' })).toBe('Go to Desk 5 now');
    expect(translate('fa', 'minutes', { n: '۱۲' })).toBe('۱۲ دقیقه');
    expect(localName({ fa: 'اقامت', en: 'Residence' }, 'ps')).toBe('اقامت');
    expect(localName({ fa: 'اقامت', en: 'Residence' }, 'en')).toBe('Residence');
    expect(localName(undefined, 'en', 'x')).toBe('x');
  });

  it('counts one desk in the singular in English', () => {
    expect(translate('en', 'staffingServing', { n: '1' })).toBe('1 desk serving');
    expect(translate('en', 'staffingServing', { n: '3' })).toBe('3 desks serving');
    expect(translate('ps', 'staffingServing', { n: '۱' })).toBe('یوه کړکۍ فعاله');
    expect(translate('fa', 'staffingServing', { n: '۱' })).toBe('۱ باجه فعال');
  });

  it('counts one thing in the singular in Pashto, and keeps the count elsewhere', () => {
    expect(translate('ps', 'minutes', { n: '۱' })).toBe('یوه دقیقه');
    expect(translate('ps', 'minutes', { n: '۱۱' })).toBe('۱۱ دقیقې');
    expect(translate('ps', 'peopleAhead', { n: '۱' })).toBe('له تاسو مخکې یو کس');
    expect(translate('ps', 'kioskWaitingCount', { n: '۲' })).toBe('۲ کسان په انتظار');
    expect(translate('fa', 'minutes', { n: '۱' })).toBe('۱ دقیقه');
    // every singular form is of a label that counts, and says no number
    for (const [key, text] of Object.entries(psOne)) {
      expect(en[key as keyof typeof en], key).toContain('{n}');
      expect(text, key).not.toMatch(/\{n\}|[0-9۰-۹]/);
    }
  });
});
