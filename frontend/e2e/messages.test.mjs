// The administrator's texts of the visitors' SMS: the Pashto "turn is near" text changed, saved and
// read again after a reload; a text with a placeholder the kind does not know refused in the
// screen's language (Persian) next to its field; then the shipped text back.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { api, axe, CENTRE, launch, open, shot } from './support.mjs';

const SHOTS = process.env.SCREENSHOTS ?? join(process.cwd(), '..', 'target', 'browser-screenshots');
const TEMPLATES = '/api/admin/notification-templates';
const TEXT = '#sms-ps-turn-near';
const FORM = 'fieldset[data-kind="turn-near"] form[data-language="ps"]';

async function pashtoTurnNear() {
  const read = await api(TEMPLATES);
  assert.equal(read.status, 200);
  return read.body.templates.find((x) => x.language === 'ps' && x.kind === 'turn-near');
}

test('an administrator changes, keeps and resets the Pashto "turn is near" SMS', async () => {
  assert.equal((await api(`${TEMPLATES}/ps/turn-near`, { method: 'DELETE' })).status, 200);
  const shipped = await pashtoTurnNear();
  const changed = 'د {ticket} نوبت په {centre} کې نږدې دی: {position} کسان مخکې. تالار ته راشئ.';
  const browser = await launch();
  try {
    const page = await open(browser, `/admin.html?centre=${CENTRE}&lang=fa`, {
      viewport: { width: 1280, height: 800 },
      bypassCSP: true, // axe is injected as a script the page's own policy would refuse
    });
    await page.fill('#username', 'demo-admin');
    await page.fill('#password', 'demo-admin-pass');
    await page.click('form button[type=submit]');
    await page.waitForSelector(TEXT).catch(async (e) => {
      await shot(page, 'messages-not-shown');
      const shown = await page.textContent('body').catch(() => '');
      throw new Error(`${e.message}; page errors: ${page.errors.join('; ')}; the page said: ${shown}`);
    });
    await page.$eval('#messages', (el) => el.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'messages-0-section-fa.png') });

    // typed in its own language and direction, whatever the screen's
    assert.deepEqual(await page.$eval(TEXT, (el) => [el.lang, el.dir, el.value]), ['ps', 'rtl', shipped.text]);
    assert.deepEqual(await page.$eval('#sms-en-turn-near', (el) => [el.lang, el.dir]), ['en', 'ltr']);
    assert.deepEqual(
      await page.$$eval('fieldset[data-kind="turn-near"] [data-placeholder]', (els) => els.map((e) => e.textContent)),
      ['{centre}', '{ticket}', '{position}'],
    );
    assert.equal(await page.$eval(`${FORM} .sms-state`, (el) => el.dataset.custom), 'false');
    assert.equal(await page.$eval('#sms-ps-booked-warning', (el) => el.hidden), true, 'the shipped text has {code}');

    await page.fill(TEXT, changed);
    assert.equal(await page.$eval('#sms-ps-turn-near-count', (el) => el.dataset.parts), '2'); // 76 characters, UCS-2
    await page.click(`${FORM} button[data-action="save"]`);
    await page.waitForSelector(`${FORM} .sms-note.notice`);
    const saved = await pashtoTurnNear();
    assert.equal(saved.text, changed);
    assert.equal(saved.custom, true);

    await page.reload();
    await page.waitForSelector(TEXT);
    assert.equal(await page.$eval(TEXT, (el) => el.value), changed);
    assert.equal(await page.$eval(`${FORM} .sms-state`, (el) => el.dataset.custom), 'true');

    await page.fill(TEXT, 'د {ticket} نوبت نږدې دی، {desk} ته راشئ.');
    await page.click(`${FORM} button[data-action="save"]`);
    await page.waitForSelector(`${FORM} .sms-note.error`);
    const refusal = await page.$eval(`${FORM} .sms-note.error`, (el) => el.textContent);
    assert.match(refusal, /را در این پیام نمی‌توان به کار برد/);
    assert.match(refusal, /\{desk\}/);
    assert.doesNotMatch(refusal, /\btext\b|not accepted/);
    assert.equal(await page.$eval(TEXT, (el) => el.getAttribute('aria-invalid')), 'true');
    assert.equal((await pashtoTurnNear()).text, changed, 'a refused text is not kept');
    await page.$eval('fieldset[data-kind="turn-near"]', (el) => el.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'messages-1-refused-fa.png') });
    assert.deepEqual(await axe(page, 'messages-refused'), []);

    // the answer follows the screen's language, and the text being typed stays
    await page.selectOption('#lang', 'en');
    await page.waitForSelector(`${FORM} .sms-note.error >> text=cannot be used in this message`);
    assert.match(
      await page.$eval(`${FORM} .sms-note.error`, (el) => el.textContent),
      /\{desk\} cannot be used.*\{position\}/,
    );
    assert.equal(await page.$eval(TEXT, (el) => el.value), 'د {ticket} نوبت نږدې دی، {desk} ته راشئ.');
    await page.selectOption('#lang', 'fa');
    await page.waitForSelector(`${FORM} .sms-note.error >> text=را در این پیام نمی‌توان به کار برد`);

    // the booking code must stay in a booking text: said before anything is sent
    await page.fill('#sms-ps-booked', 'ستاسو نوبت ثبت شو.');
    assert.equal(await page.$eval('#sms-ps-booked-warning', (el) => el.hidden), false);

    await page.click(`${FORM} button[data-action="reset"]`);
    await page.click('dialog[data-dialog="confirm"] button[value="yes"]'); // going back asks first
    await page.waitForSelector(`${FORM} .sms-state[data-custom="false"]`);
    assert.equal(await page.$eval(TEXT, (el) => el.value), shipped.text);
    const reset = await pashtoTurnNear();
    assert.equal(reset.custom, false);
    assert.equal(reset.text, shipped.text);
    await shot(page, 'messages-2-reset-fa');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test('a failed first read of the admin page says why and reads again on request', async () => {
  const browser = await launch();
  try {
    const page = await open(browser, `/admin.html?centre=${CENTRE}&lang=fa`, {
      viewport: { width: 1280, height: 800 },
    });
    const unavailable = {
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'https://nobat.app/problems/unavailable',
        title: 'Service unavailable',
        status: 503,
        code: 'unavailable',
      }),
    };
    await page.route('**/api/admin/devices', (route) => route.fulfill(unavailable));
    await page.fill('#username', 'demo-admin');
    await page.fill('#password', 'demo-admin-pass');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-state="load-failed"] [role="alert"]');
    assert.ok((await page.textContent('[data-state="load-failed"] [role="alert"]')).trim().length > 0);
    await shot(page, 'admin-load-failed-fa');
    await page.unroute('**/api/admin/devices');
    await page.click('[data-state="load-failed"] button');
    await page.waitForSelector('#messages');
    assert.equal(await page.$('[data-state="load-failed"]'), null);
  } finally {
    await browser.close();
  }
});
