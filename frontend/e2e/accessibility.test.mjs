// axe-core on every screen (WCAG 2.1 A and AA rules): no serious or critical violation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, axe, CENTRE, DISPLAY_TOKEN, KIOSK_TOKEN, launch, open, shot, signIn } from './support.mjs';

test('every screen passes axe-core without serious or critical violations', async () => {
  const browser = await launch();
  const found = {};
  const check = async (page, name) => {
    await shot(page, `a11y-${name}`);
    found[name] = await axe(page, name);
  };
  const csp = { bypassCSP: true }; // axe is injected as a script the pages' own policy would refuse
  try {
    const arrival = await api(`/api/centres/${CENTRE}/visits`, {
      method: 'POST',
      device: KIOSK_TOKEN,
      body: { serviceCode: 'work' },
    });
    assert.equal(arrival.status, 201);

    const home = await open(browser, '/?lang=fa', csp);
    await home.waitForSelector('main a');
    await check(home, 'home');

    const display = await open(browser, `/display.html?centre=${CENTRE}&device_token=${DISPLAY_TOKEN}`, {
      ...csp,
      viewport: { width: 1600, height: 900 },
    });
    await display.waitForSelector('body[data-connection="live"]');
    await display.waitForSelector('tr[data-service]');
    await check(display, 'display');

    const kiosk = await open(browser, `/kiosk.html?centre=${CENTRE}&device_token=${KIOSK_TOKEN}`, csp);
    await check(kiosk, 'kiosk-language');
    await kiosk.click('button[lang="fa"]');
    await kiosk.click('text=گرفتن نوبت');
    await kiosk.waitForSelector('button[data-service]');
    await check(kiosk, 'kiosk-services');
    await kiosk.click('button[data-service="work"]');
    await check(kiosk, 'kiosk-priority');
    await kiosk.click('#take-ticket');
    await kiosk.waitForSelector('.ticket-number');
    await check(kiosk, 'kiosk-ticket');

    const phone = await open(browser, `/track.html?token=${arrival.body.trackingToken}`, {
      ...csp,
      viewport: { width: 390, height: 844 },
    });
    await phone.waitForSelector('.ticket-card');
    await check(phone, 'track');

    const book = await open(browser, '/book.html', csp);
    await book.selectOption('#centre', 'persian-gulf');
    await book.selectOption('#service', 'residence');
    await book.waitForSelector('.calendar');
    await check(book, 'booking');

    const desk = await open(browser, `/desk.html?centre=${CENTRE}`, csp);
    await desk.waitForSelector('#username');
    await check(desk, 'desk-sign-in');
    await signIn(desk, 'e2e-desk');
    await desk.waitForSelector('#desk-select');
    await check(desk, 'desk-open');
    await desk.selectOption('#desk-select', 'd3');
    await desk.click('button[data-action="open"]');
    await desk.waitForSelector('button[data-action="call-next"]');
    await check(desk, 'desk-console');
    await desk.click('button[data-action="close"]');

    const supervisor = await open(browser, `/supervisor.html?centre=${CENTRE}`, csp);
    await signIn(supervisor, 'e2e-super');
    await supervisor.waitForSelector('.charts figure');
    await supervisor.waitForSelector('#sms-counts'); // today's text messages, counts only
    await check(supervisor, 'supervisor');

    const admin = await open(browser, `/admin.html?centre=${CENTRE}`, csp);
    await admin.fill('#username', 'demo-admin');
    await admin.fill('#password', 'demo-admin-pass');
    await admin.click('form button[type=submit]');
    await admin.waitForSelector('#staff table');
    await check(admin, 'admin');

    const all = Object.entries(found)
      .map(([screen, v]) => `${screen}: ${v.length}`)
      .join(', ');
    console.log(`serious or critical violations per screen: ${all}`);
    assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0)), {});
  } finally {
    await browser.close();
  }
});
