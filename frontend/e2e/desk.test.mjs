// The desk console's double-click guard: one click or two, one ticket is called.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, CENTRE, KIOSK_TOKEN, launch, open, shot, signIn } from './support.mjs';

test('a double click on "call next" calls one ticket', async () => {
  for (let i = 0; i < 2; i++) {
    const r = await api(`/api/centres/${CENTRE}/visits`, {
      method: 'POST',
      device: KIOSK_TOKEN,
      body: { serviceCode: 'health' },
    });
    assert.equal(r.status, 201);
  }
  const browser = await launch();
  try {
    const desk = await open(browser, `/desk.html?centre=${CENTRE}&lang=en`, { viewport: { width: 1280, height: 900 } });
    await signIn(desk, 'e2e-desk-two');
    await desk.selectOption('#desk-select', 'd2');
    await desk.click('button[data-action="open"]');
    await desk.waitForSelector('button[data-action="call-next"]:not([disabled])');
    const waitingBefore = (await api(`/api/centres/${CENTRE}/queues`)).body.services.find(
      (s) => s.serviceCode === 'health',
    ).waitingCount;
    assert.equal(waitingBefore, 2);

    const calls = [];
    desk.on('request', (r) => {
      if (r.url().endsWith('/call-next')) calls.push(r.url());
    });
    await desk.dblclick('button[data-action="call-next"]');
    await desk.waitForSelector('.current[data-status="CALLED"]');
    await desk.waitForTimeout(500); // a second request, if one had gone out, would have been sent by now
    assert.equal(calls.length, 1);
    const queues = (await api(`/api/centres/${CENTRE}/queues`)).body;
    assert.equal(queues.services.find((s) => s.serviceCode === 'health').waitingCount, 1);
    assert.ok(queues.desks.find((d) => d.deskId === 'd2').currentTicket);
    await shot(desk, 'desk-double-click-one-call');

    // buttons are disabled while a request is in flight
    await desk.route('**/visits/*/start', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await desk.click('button[data-action="start"]');
    assert.equal(await desk.locator('button[data-action="recall"]').isDisabled(), true);
    await desk.waitForSelector('.current[data-status="IN_SERVICE"]');
    await shot(desk, 'desk-in-service');
    assert.deepEqual(desk.errors, []);
  } finally {
    await browser.close();
  }
});
