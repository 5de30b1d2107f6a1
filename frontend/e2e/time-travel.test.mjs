// Time travel on the supervisor's page (issue 15): the day's floor at any moment, rebuilt from its
// events; a slider over the day's event instants (keyboard: arrows, Home, End), steps back and
// forward, playback; the queues and desks of the chosen moment in the screen's language and digits.
// Then "I was skipped": a visit found by its ticket lists the calls made while it waited.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, axe, eventually, launch, open, post, shot, signIn } from './support.mjs';

const C = 'it-history-screen';
const SUPER = 'e2e-history-super';
// axe is injected as a script the page's own policy would refuse
const SCREEN = { viewport: { width: 1366, height: 900 }, bypassCSP: true };

/** A centre like it-tickets (papers and permits, desk k1 for both); three papers visitors, one called. */
async function setUp() {
  const profile = structuredClone((await api('/api/centres/it-tickets')).body);
  profile.centreId = C;
  profile.names = { fa: 'مرکز تاریخچه', 'fa-AF': 'مرکز تاریخچه', ps: 'د تاریخ مرکز', en: 'History centre' };
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
  for (let i = 0; i < 3; i++) {
    await post(`/api/centres/${C}/visits`, { serviceCode: 'papers' });
    await new Promise((r) => setTimeout(r, 20)); // each step at an instant of its own
  }
  await post(`/api/centres/${C}/desks/k1/open`, { serviceCodes: ['papers', 'permits'] });
  await new Promise((r) => setTimeout(r, 20));
  const called = await post(`/api/centres/${C}/desks/k1/call-next`, { requestId: 'e2e-history-call-1' });
  assert.equal(called.ticket, 'P-001');
}

const atStep = (page, value) =>
  page.waitForFunction((v) => document.querySelector('#tt-slider')?.value === String(v), value);
async function showing(page, expected) {
  try {
    await page.waitForFunction(
      (e) => document.querySelector('#tt-services tr[data-service="papers"]')?.getAttribute('data-tickets') === e,
      expected,
      { timeout: 10_000 },
    );
  } catch (e) {
    await shot(page, 'time-travel-0-failed');
    const state = await page.evaluate(() => ({
      slider: document.querySelector('#tt-slider')?.value,
      now: document.querySelector('#tt-now')?.textContent,
      tickets: document.querySelector('#tt-services tr[data-service="papers"]')?.getAttribute('data-tickets'),
      focused: document.activeElement?.id,
      error: document.querySelector('#time-travel .error')?.textContent,
    }));
    throw new Error(`expected ${expected}, the page shows ${JSON.stringify(state)}`, { cause: e });
  }
}

test('the supervisor moves through the day and sees the queue as it was', async () => {
  await setUp();
  const browser = await launch();
  try {
    const page = await open(browser, `/supervisor.html?centre=${C}&lang=fa`, SCREEN);
    await signIn(page, SUPER);
    await page.waitForSelector('#time-travel');
    assert.equal(await page.textContent('#tt-title'), 'سفر در زمان');
    await page.click('#tt-show');
    await page.waitForSelector('#tt-slider');
    assert.equal(await page.getAttribute('#tt-slider', 'max'), '4'); // five instants: three arrivals, open, call

    // the first moment: the first visitor waits alone
    await showing(page, 'P-001');
    assert.equal(await page.textContent('#tt-services tr[data-service="papers"] .count'), '۱');
    assert.equal(await page.textContent('#tt-services tr[data-service="papers"] .tickets'), 'P-۰۰۱');
    assert.match(await page.textContent('#tt-now'), /گام ۱ از ۵/);
    assert.equal(await page.isDisabled('#tt-back'), true);

    // the keyboard: End is the day's last moment, P-001 at desk 1 and two waiting
    await page.press('#tt-slider', 'End');
    await showing(page, 'P-002 P-003');
    assert.equal(await page.getAttribute('#tt-desks tr[data-desk="k1"]', 'data-ticket'), 'P-001');
    assert.match(await page.textContent('#tt-last-call'), /P-۰۰۱/);
    assert.match(await page.textContent('#tt-now'), /گام ۵ از ۵/);
    assert.doesNotMatch(await page.textContent('#time-travel'), /[0-9]/, 'Persian digits throughout');
    await shot(page, 'time-travel-1-last-fa');

    // a step back: the desk open, nobody called yet
    await page.click('#tt-back');
    await atStep(page, 3);
    await showing(page, 'P-001 P-002 P-003');
    assert.equal(await page.getAttribute('#tt-desks tr[data-desk="k1"]', 'data-status'), 'OPEN');
    assert.equal(await page.getAttribute('#tt-desks tr[data-desk="k1"]', 'data-ticket'), '');
    // an arrow key (down: back in either direction of writing): one step back again, the desk still closed
    await page.press('#tt-slider', 'ArrowDown');
    await atStep(page, 2);
    await showing(page, 'P-001 P-002 P-003');
    // the queue reads the same at both steps: wait for the desk of this one to be shown
    await page
      .waitForFunction(
        () => document.querySelector('#tt-desks tr[data-desk="k1"]')?.getAttribute('data-status') === 'CLOSED',
        null,
        { timeout: 10_000 },
      )
      .catch(() => {});
    assert.equal(await page.getAttribute('#tt-desks tr[data-desk="k1"]', 'data-status'), 'CLOSED');
    await page.press('#tt-slider', 'Home');
    await showing(page, 'P-001');
    await page.click('#tt-forward');
    await showing(page, 'P-001 P-002');
    const violations = await axe(page, 'time-travel-fa');
    assert.deepEqual(violations, []);

    // playback runs to the end of the day and stops
    await page.click('#tt-play');
    assert.equal(await page.getAttribute('#tt-play', 'aria-pressed'), 'true');
    await atStep(page, 4);
    await showing(page, 'P-002 P-003');
    await page.waitForFunction(() => document.querySelector('#tt-play')?.getAttribute('aria-pressed') === 'false');

    // in English, and the explanation of P-002: P-001 was called while it waited, by the policy's reason
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() => document.querySelector('#tt-title')?.textContent === 'Time travel');
    assert.match(await page.textContent('#tt-now'), /step 5 of 5/);
    assert.equal(await page.textContent('#tt-services tr[data-service="papers"] .tickets'), 'P-002, P-003');
    await page.fill('#find-ticket', 'p2');
    await page.click('#find-title ~ form button[type=submit]');
    await page.waitForSelector('#explanation tr[data-ticket="P-001"]');
    assert.match(await page.textContent('#explanation tr[data-ticket="P-001"]'), /Waited .* min × weight 1 = score/);
    assert.equal(await page.locator('#explanation tbody tr').count(), 1);
    await shot(page, 'time-travel-2-explanation-en');
    assert.deepEqual(await axe(page, 'time-travel-en'), []);

    for (const lang of ['fa-AF', 'ps']) {
      await page.selectOption('#lang', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.doesNotMatch(await page.textContent('#time-travel'), /[0-9]/, `${lang}: the screen's digits`);
      assert.doesNotMatch(await page.textContent('#explanation'), /[0-9]/, `${lang}: the screen's digits`);
    }
    assert.equal(await page.textContent('#tt-title'), 'په وخت کې سفر');
    await shot(page, 'time-travel-3-ps');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
