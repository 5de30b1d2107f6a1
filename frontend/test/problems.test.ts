import { describe, expect, it } from 'vitest';
import { ApiError, type Centre } from '../src/lib/api';
import { LANGS } from '../src/lib/i18n';
import {
  fillRefusal,
  REFUSAL_CODES,
  REFUSALS,
  refusalMessage,
  refusalValue,
  visitorMessage,
  type RefusalCode,
} from '../src/lib/problems';
import catalog from '../src/lib/refusal-codes.json';

const problem = (code: string, extra: Record<string, unknown> = {}, status = 409) =>
  new ApiError(status, {
    type: `https://nobat.app/problems/${code}`,
    detail: `English detail of ${code}`,
    code,
    ...extra,
  });

const names = (fa: string, ps: string, en: string) => ({ fa, 'fa-AF': fa, ps, en });
const CENTRE: Centre = {
  centreId: 'gulf',
  names: names('مرکز خلیج فارس', 'د خلیج فارس مرکز', 'Gulf centre'),
  timeZone: 'Asia/Tehran',
  address: {},
  documents: [],
  services: [
    {
      code: 'residence',
      prefix: 'A',
      targetWaitMinutes: 20,
      names: names('اسناد اقامتی', 'د استوګنې اسناد', 'Residence documents'),
    },
    {
      code: 'identity',
      prefix: 'B',
      targetWaitMinutes: 20,
      names: names('کارت هویت', 'د هویت کارت', 'Identity cards'),
    },
  ],
  desks: [
    { deskId: 'desk-1', serviceCodes: ['residence'], names: names('باجه ۱', 'کړکۍ ۱', 'Desk 1') },
    { deskId: 'desk-2', serviceCodes: ['identity'], names: names('باجه ۲', 'کړکۍ ۲', 'Desk 2') },
  ],
  openingHours: [],
  policy: { weights: {}, appointmentBoost: 0, maxPriorityInRow: 2 },
  endOfDay: 'CLOSE',
  maxRecalls: 2,
  announcementLanguages: ['fa'],
};

// A value for every parameter the server names; the ones a screen cannot translate are Latin on purpose
const SAMPLES: Record<string, unknown> = {
  member: 'slotMinutes',
  min: 5,
  max: 240,
  value: 'res',
  centre: 'gulf',
  service: 'residence',
  services: ['residence', 'identity'],
  requestId: 'call-1f2e',
  visit: 'gulf:2026-12-05:x1',
  desk: 'desk-1',
  heldDesk: 'desk-2',
  ticket: 'B-001',
  state: 'in service',
  recalls: 0,
  maxRecalls: 2,
  action: 'mark as no-show',
  key: 'n.20.compound',
  floor: 'gulf:2026-12-05',
  date: '2026-12-05',
  reason: 'holiday: Yalda',
  slot: '09:30',
  hours: '08:00–14:00',
  slots: ['09:00', '09:30'],
  days: 60,
  opensAt: '2026-12-07T06:30:00Z',
  at: '2026-12-07T20:45:00Z',
  closedAt: '2026-12-07T07:15:00Z',
  minutesBefore: 30,
  dayBook: 'gulf:res:2026-12-05',
  types: ['PASSPORT'],
  identityType: 'PASSPORT',
  shape: '9 letters',
  rule: 1,
  other: 0,
  years: 10,
  timeZone: 'Mars/Olympus',
  owner: 'desk desk-1',
  language: 'ps',
  period: 1,
  day: 'SATURDAY',
  centres: ['gulf', 'tabriz'],
  retryAfterSeconds: 42,
  staff: 'nobody',
  device: 'kiosk-9',
  processor: 'floor-board',
  placeholder: 'desk', // sent as {desk}: a sample without braces, which would look unfilled
  kind: 'turn-near',
  allowed: 'centre ticket position',
  expected: 'a whole number',
  parameter: 'date',
  scope: 'from this client',
  version: 3,
  current: 4,
};

type Entry = { status: number; parameters: string[]; template: string };
const CATALOG = catalog as Record<string, Entry>;

describe('refusal messages', () => {
  it("know exactly the codes of the server's catalog", () => {
    expect([...REFUSAL_CODES].sort()).toEqual(Object.keys(CATALOG).sort());
    for (const lang of LANGS) expect(Object.keys(REFUSALS[lang]).sort()).toEqual(Object.keys(CATALOG).sort());
  });

  for (const lang of LANGS) {
    it(`say every refusal in ${lang}, with every parameter filled and no English sentence`, () => {
      for (const code of Object.keys(CATALOG) as RefusalCode[]) {
        const { parameters, template } = CATALOG[code];
        const message = REFUSALS[lang][code];
        expect(message, `${lang} ${code}`).toMatch(/\S/);
        const named = [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(parameters, `${lang} ${code} names only what the server sends`).toEqual(expect.arrayContaining(named));
        const values = Object.fromEntries(parameters.map((p) => [p, SAMPLES[p]]));
        for (const p of parameters) expect(SAMPLES, `a sample for ${p}`).toHaveProperty(p);
        const filled = fillRefusal(code, values, lang, { centre: CENTRE, timeZone: 'Asia/Tehran' });
        expect(filled, `${lang} ${code}`).not.toMatch(/[{}]/);
        if (lang === 'en') continue;
        expect(message, `${lang} ${code} is translated`).not.toBe(REFUSALS.en[code]);
        expect(message, `${lang} ${code} is not the server's sentence`).not.toBe(template);
        // what is left once the filled values are taken out is the translation itself
        let words = filled;
        for (const p of named)
          words = words.split(refusalValue(p, values[p], lang, { centre: CENTRE, timeZone: 'Asia/Tehran' })).join('');
        expect(words, `${lang} ${code}: ${filled}`).not.toMatch(/[A-Za-z]/);
      }
    });
  }

  it("name desks, services, tickets, times and dates in the screen's language", () => {
    const context = { centre: CENTRE, timeZone: 'Asia/Tehran' };
    expect(refusalMessage(problem('desk-open', { desk: 'desk-1' }), 'fa', context)).toBe('باجه ۱ از قبل باز است.');
    expect(refusalMessage(problem('desk-open', { desk: 'desk-1' }), 'ps', context)).toBe('کړکۍ ۱ مخکې پرانیستې ده.');
    expect(
      refusalMessage(problem('recalls-remaining', { ticket: 'B-001', recalls: 0, maxRecalls: 2 }), 'fa-AF', context),
    ).toBe('نوبت B-۰۰۱ فقط ۰ بار از ۲ بار دوباره خوانده شده است. پیش از «حاضر نشد» آن را دوباره بخوانید.');
    expect(
      refusalMessage(
        problem('service-not-at-desk', { desk: 'desk-2', service: 'residence', services: ['identity'] }),
        'fa',
        context,
      ),
    ).toBe('باجه ۲ خدمت «اسناد اقامتی» را انجام نمی‌دهد. خدمات آن: کارت هویت.');
    expect(
      refusalMessage(problem('desk-busy', { desk: 'desk-1', ticket: 'A-003', state: 'in service' }), 'fa', context),
    ).toContain('نوبت A-۰۰۳ را دارد (در حال خدمت)');
    expect(refusalMessage(problem('slot-started', { slot: '09:30', date: '2026-12-05' }), 'fa', context)).toContain(
      '۰۹:۳۰',
    );
    // weekdays from our own tables: Chromium has no Pashto locale data and would say "Friday"
    expect(refusalValue('day', 'FRIDAY', 'ps')).toBe('جمعه');
    expect(refusalValue('day', 'SATURDAY', 'fa')).toBe('شنبه');
    expect(refusalValue('day', 'SATURDAY', 'en')).toBe('Saturday');
    // a walk-in on a holiday names the day in the Solar Hijri calendar (1405-09-12)
    expect(refusalMessage(problem('closed-holiday', { date: '2026-12-03' }), 'ps', context)).not.toMatch(/[A-Za-z]/);
    expect(refusalMessage(problem('closed-holiday', { date: '2026-12-03' }), 'fa', context)).toContain('۱۲');
    // a screen that does not know the centre still says "desk"
    expect(refusalMessage(problem('desk-closed', { desk: 'd7' }), 'fa')).toBe('باجه d۷ باز نیست.');
  });

  it('read the precise code of a 400, whose type is invalid-input', () => {
    const refused = new ApiError(400, {
      type: 'https://nobat.app/problems/invalid-input',
      code: 'malformed-visit-id',
      visit: 'A-002',
      detail: "Malformed visit id 'A-002'",
    });
    expect(refusalMessage(refused, 'fa')).toBe('این شناسه نوبت درست نیست. لطفاً آن را بررسی کنید.');
  });

  it('tells a visitor why, in their language', () => {
    expect(visitorMessage(problem('slot-full'), 'fa')).toBe('این زمان همین حالا پر شد. لطفاً زمان دیگری انتخاب کنید.');
    expect(
      visitorMessage(problem('check-in-too-early', { opensAt: '2026-12-07T06:30:00Z' }), 'ps', 'Asia/Tehran'),
    ).toBe('د حاضرۍ لپاره لا وختي دی؛ حاضري له ۱۰:۰۰ بجو پیلېږي.');
    expect(
      visitorMessage(problem('check-in-too-early', { opensAt: '2026-12-07T06:30:00Z' }), 'en', 'Asia/Tehran'),
    ).toBe('It is too early to check in; check-in opens at 10:00.');
    expect(
      visitorMessage(
        new ApiError(400, { type: 'https://nobat.app/problems/invalid-input', detail: 'phone …' }),
        'fa-AF',
      ),
    ).toBe('لطفاً اطلاعات واردشده را بررسی کنید.');
  });

  it('never shows the server\'s sentence: an unknown code is told by its status, a lost answer as "try again"', () => {
    expect(visitorMessage(problem('something-new'), 'fa')).toBe(REFUSALS.fa.refused);
    expect(visitorMessage(problem('something-new', {}, 503), 'ps')).toBe(REFUSALS.ps.internal);
    expect(visitorMessage(problem('something-new'), 'en')).not.toContain('English detail');
    expect(visitorMessage(new TypeError('Failed to fetch'), 'en')).toBe('Try again');
  });
});
