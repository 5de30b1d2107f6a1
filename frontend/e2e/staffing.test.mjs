// The supervisor's staffing advice (issue 14): a line per service with the desks serving now and
// the desks Erlang C needs for the service's target at this hour's arrivals, marked where too few
// serve, in the screen's language and digits; it follows the floor live. A centre of its own (a copy
// of it-staffing: residence and identity share desk s1, residence also has s2, health has s3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, eventually, launch, open, post, shot, signIn } from './support.mjs';

const C = 'it-staffing-screen';
const SUPER = 'e2e-staffing-super';
const SCREEN = { viewport: { width: 1366, height: 768 } };
const NAMES = {
  residence: { fa: 'اقامت', 'fa-AF': 'اقامت', ps: 'استوګنه', en: 'Residence' },
  identity: { fa: 'کارت هویت', 'fa-AF': 'تذکره', ps: 'پېژند پاڼه', en: 'Identity card' },
  health: { fa: 'سلامت', 'fa-AF': 'صحت', ps: 'روغتیا', en: 'Health' },
};

/** The centre, a supervisor, two desks open and twelve residence visitors and one for identity. */
async function setUp() {
  const profile = structuredClone((await api('/api/centres/it-staffing')).body);
  profile.centreId = C;
  profile.names = { fa: 'مرکز نمونه', 'fa-AF': 'مرکز نمونه', ps: 'نمونه مرکز', en: 'Sample centre' };
  for (const s of profile.services) s.names = NAMES[s.code];
  const defined = await api(`/api/centres/${C}`, { method: 'PUT', body: profile });
  assert.equal(defined.status, 200, JSON.stringify(defined.body));
  await eventually(
    async () => (await api(`/api/centres/${C}`)).status,
    (s) => s === 200,
  );
  const made = await api('/api/admin/staff', {
    method: 'POST',
    body: { username: SUPER, password: 'amber lantern ferry', role: 'SUPERVISOR', centres: [C] },
  });
  assert.ok([201, 409].includes(made.status), JSON.stringify(made.body));
  await post(`/api/centres/${C}/desks/s1/open`);
  await post(`/api/centres/${C}/desks/s2/open`);
  for (let i = 0; i < 12; i++) await post(`/api/centres/${C}/visits`, { serviceCode: 'residence' });
  await post(`/api/centres/${C}/visits`, { serviceCode: 'identity' });
}

const line = (page, service) => page.textContent(`#staffing li[data-service="${service}"] .advice`);
const marked = (page, service) => page.getAttribute(`#staffing li[data-service="${service}"]`, 'data-understaffed');

test('the supervisor sees the desks serving against the desks needed, in their language', async () => {
  await setUp();
  // 12 arrivals since the floor opened moments ago are 48 an hour (a rate counts over 15 minutes at
  // least); nobody has been served, so the default of 5 minutes: 4 Erlangs, 5 desks for 80 % within 20
  const advice = (await api(`/api/planning/centres/${C}/staffing`)).body;
  const residence = advice.services.find((s) => s.serviceCode === 'residence').hours.at(-1);
  assert.equal(residence.arrivalsPerHour, 48);
  assert.equal(residence.desksServingNow, 2);
  assert.equal(residence.desksNeeded, 5);

  const browser = await launch();
  try {
    const page = await open(browser, `/supervisor.html?centre=${C}&lang=fa`, SCREEN);
    await signIn(page, SUPER);
    await page.waitForSelector('#staffing li[data-service="residence"]');
    assert.equal(await page.textContent('#staffing-title'), 'باجه‌های لازم در این ساعت');
    assert.equal(await line(page, 'residence'), 'اقامت: ۲ باجه فعال، ۵ باجه لازم برای هدف ۲۰ دقیقه با ورود این ساعت');
    assert.equal(await marked(page, 'residence'), 'true');
    assert.match(await page.textContent('#staffing li[data-service="residence"] .flag'), /۳ باجه کم/);
    assert.match(await page.textContent('#staffing li[data-service="residence"] .small'), /۴۸ نفر در ساعت/);
    assert.equal(await marked(page, 'identity'), 'false');
    assert.equal(await line(page, 'health'), 'سلامت: ۰ باجه فعال، ۰ باجه لازم برای هدف ۱۵ دقیقه با ورود این ساعت');
    // residence and identity share s1: read together, s1 counted once (pooled, 52 an hour need 5)
    assert.match(
      await page.textContent('#staffing li[data-group="residence identity"] .advice'),
      /^باجه‌های مشترک اقامت، کارت هویت: ۲ باجه فعال، ۵ باجه لازم برای بار مشترک/,
    );
    assert.doesNotMatch(await page.textContent('#staffing'), /[0-9]/, 'Persian digits throughout');
    await shot(page, 'staffing-1-supervisor-fa');

    // a health visitor with no desk for health: the line follows the floor, and is marked
    await post(`/api/centres/${C}/visits`, { serviceCode: 'health' });
    await page.waitForFunction(
      () => document.querySelector('#staffing li[data-service="health"]')?.getAttribute('data-understaffed') === 'true',
    );
    assert.equal(await line(page, 'health'), 'سلامت: ۰ باجه فعال، ۱ باجه لازم برای هدف ۱۵ دقیقه با ورود این ساعت');

    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() => document.querySelector('#staffing-title')?.textContent === 'Desks needed now');
    assert.equal(
      await line(page, 'residence'),
      "Residence: 2 desks serving, 5 needed for the 20-minute target at this hour's arrivals",
    );
    assert.equal(
      await line(page, 'identity'),
      "Identity card: 1 desk serving, 1 needed for the 30-minute target at this hour's arrivals",
    );
    assert.equal(await page.textContent('#staffing li[data-service="residence"] .flag'), ' ⚠ 3 short');
    await shot(page, 'staffing-2-supervisor-en');

    await page.selectOption('#lang', 'ps');
    await page.waitForFunction(() => document.documentElement.lang === 'ps');
    assert.equal(
      await line(page, 'identity'),
      'پېژند پاڼه: یوه کړکۍ فعاله، یوه اړینه د ۳۰ دقیقو موخې لپاره د دې ساعت د راتګ سره',
    );
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test('a desk clerk on the dashboard sees no staffing advice and no error', async () => {
  const made = await api('/api/admin/staff', {
    method: 'POST',
    body: { username: 'e2e-staffing-desk', password: 'amber lantern ferry', role: 'DESK' },
  });
  assert.ok([201, 409].includes(made.status), JSON.stringify(made.body));
  const browser = await launch();
  try {
    const page = await open(browser, `/supervisor.html?centre=${C}&lang=en`, SCREEN);
    await signIn(page, 'e2e-staffing-desk');
    await page.waitForSelector('table.services');
    assert.equal(await page.$('#staffing'), null);
    assert.equal(await page.$('p.error'), null);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
