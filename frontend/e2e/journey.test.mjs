// Kiosk issues a ticket → the display shows it → a desk calls it → display and phone update within a second.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, CENTRE, DISPLAY_TOKEN, KIOSK_TOKEN, launch, open, shot, signIn } from './support.mjs';

test('kiosk → display → desk → phone', async () => {
  const browser = await launch();
  try {
    const display = await open(browser, `/display.html?centre=${CENTRE}&lang=fa&device_token=${DISPLAY_TOKEN}`, {
      viewport: { width: 1600, height: 900 },
    });
    await display.waitForSelector('body[data-connection="live"]', { timeout: 15_000 });

    const kiosk = await open(browser, `/kiosk.html?centre=${CENTRE}&device_token=${KIOSK_TOKEN}`, {
      viewport: { width: 1080, height: 1400 },
    });
    await kiosk.click('button[lang="fa"]');
    await kiosk.click('text=گرفتن نوبت');
    await kiosk.click('button[data-service="residence"]');
    await kiosk.check('input[value="ELDERLY"]');
    const qr = kiosk.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/qr.svg'));
    await kiosk.click('#take-ticket');
    const slip = await kiosk.waitForSelector('.ticket-number');
    assert.equal((await qr).status(), 200);
    const ticket = await slip.getAttribute('data-ticket');
    assert.match(ticket, /^R-\d{3}$/);
    assert.equal(
      await slip.textContent(),
      ticket.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]),
    );
    await kiosk.waitForFunction(() => document.querySelector('img.qr')?.complete);
    await shot(kiosk, 'journey-1-kiosk-ticket');
    await kiosk.emulateMedia({ media: 'print' });
    await shot(kiosk, 'journey-1b-kiosk-ticket-print');
    const trackUrl = await kiosk.getAttribute('img.qr', 'data-track-url');

    // the display counts the new visitor
    await display.waitForFunction(
      () => document.querySelector('tr[data-service="residence"] td:nth-child(2)')?.textContent === '۱',
      null,
      { timeout: 5_000 },
    );
    await shot(display, 'journey-2-display-waiting');

    const phone = await open(browser, new URL(trackUrl).pathname + new URL(trackUrl).search, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.waitForSelector(`.ticket-number[data-ticket="${ticket}"]`);
    await phone.waitForSelector('.ticket-card[data-status="WAITING"]');
    await phone.waitForSelector('body[data-connection="live"]', { timeout: 15_000 });
    await shot(phone, 'journey-3-phone-waiting');

    const desk = await open(browser, `/desk.html?centre=${CENTRE}&lang=fa`, { viewport: { width: 1280, height: 900 } });
    await signIn(desk, 'e2e-desk');
    await desk.selectOption('#desk-select', 'd4'); // serves residence only: our ticket is the only one
    await desk.click('button[data-action="open"]');
    await desk.waitForSelector('button[data-action="call-next"]:not([disabled])');
    await desk.waitForSelector(`tr[data-ticket="${ticket}"]`);
    await shot(desk, 'journey-4-desk-before-call');

    // the call: both screens within a second of the desk's answer
    const answered = desk.waitForResponse((r) => r.url().endsWith('/call-next'));
    await desk.click('button[data-action="call-next"]');
    await answered;
    const started = Date.now();
    const shown = async (page, selector) => {
      await page.waitForSelector(selector, { timeout: 5_000 });
      return Date.now() - started;
    };
    const [onDisplay, onPhone] = await Promise.all([
      shown(display, `.latest .call[data-ticket="${ticket}"]`),
      shown(phone, '.ticket-card[data-status="CALLED"]'),
    ]);
    console.log(
      `the call reached the display after ${onDisplay} ms and the phone after ${onPhone} ms (from the desk's answer)`,
    );
    assert.ok(onDisplay < 1_000, `display: ${onDisplay} ms`);
    assert.ok(onPhone < 1_000, `phone: ${onPhone} ms`);
    assert.equal(await phone.textContent('.state'), 'همین حالا به باجه ۴ بروید');
    await display.waitForFunction((t) => document.body.dataset.lastAnnounced === t, ticket, { timeout: 2_000 });
    await shot(display, 'journey-5-display-called');
    await shot(phone, 'journey-6-phone-called');
    await desk.waitForSelector(`.current[data-ticket="${ticket}"]`);

    await desk.click('button[data-action="start"]');
    await desk.waitForSelector('.current[data-status="IN_SERVICE"]');
    await desk.click('button[data-action="complete"]');
    await desk.waitForSelector('.current[data-ticket=""]');
    await phone.waitForSelector('.ticket-card[data-status="COMPLETED"]', { timeout: 5_000 });
    await shot(desk, 'journey-7-desk-after-complete');
    await shot(phone, 'journey-8-phone-completed');

    const queues = await api(`/api/centres/${CENTRE}/queues`);
    assert.equal(queues.body.desks.find((d) => d.deskId === 'd4').currentVisitId, null);
    for (const page of [display, kiosk, phone, desk]) assert.deepEqual(page.errors, []);
    await desk.click('button[data-action="close"]');
    await desk.waitForSelector('button[data-action="open"]');
  } finally {
    await browser.close();
  }
});
