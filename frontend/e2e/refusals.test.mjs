// Refusals on a Persian screen: the desk console says why in Persian, with no English sentence of
// the server's (a desk someone else holds, starting a ticket someone else cancelled, calling at a
// desk a supervisor paused meanwhile).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, CENTRE, KIOSK_TOKEN, launch, open, shot, signIn } from './support.mjs';

/** The refusal shown, once one is; its tickets (a Latin prefix letter, Persian digits) are values, not words. */
async function refusalShown(page) {
  const alert = page.locator('p.error[role="alert"]');
  await alert.waitFor({ timeout: 5_000 });
  const text = (await alert.textContent()).trim();
  assert.doesNotMatch(text.replace(/[A-Z]-[۰-۹]+/g, ''), /[A-Za-z]/, `a Latin sentence on a Persian screen: ${text}`);
  return text;
}

test('a Persian desk console tells its refusals in Persian', async () => {
  const browser = await launch();
  try {
    const desk = await open(browser, `/desk.html?centre=${CENTRE}&lang=fa`, { viewport: { width: 1280, height: 900 } });
    await signIn(desk, 'e2e-super');
    // the keyboard is on the open-desk form at once
    await desk.waitForFunction(() => document.activeElement?.id === 'desk-select');
    await desk.selectOption('#desk-select', 'd4');
    // someone else opens desk 4 just before this clerk does
    await desk.route('**/desks/d4/open', async (route) => {
      const opened = await api(`/api/centres/${CENTRE}/desks/d4/open`, {
        method: 'POST',
        body: { serviceCodes: ['residence'] },
      });
      assert.equal(opened.status, 200);
      await route.continue();
    });
    const refused = desk.waitForResponse((r) => r.url().endsWith('/desks/d4/open'));
    await desk.click('button[data-action="open"]');
    assert.equal((await refused).status(), 409);
    assert.equal(await refusalShown(desk), 'باجه ۴ از قبل باز است.');
    await desk.unroute('**/desks/d4/open');
    // the picker now shows desk 4 as someone else's, and the keyboard is back on it
    await desk.waitForSelector('#desk-select option[value="d4"][disabled][data-held-by]', { state: 'attached' });
    assert.match(await desk.textContent('#desk-select option[value="d4"]'), /^باجه ۴ — در دست /);
    await desk.waitForFunction(() => document.activeElement?.id === 'desk-select');
    await shot(desk, 'refusal-1-desk-open-fa');

    // the desk is free again: open it here, call a ticket and mark it no-show before any recall
    assert.equal((await api(`/api/centres/${CENTRE}/desks/d4/close`, { method: 'POST', body: {} })).status, 200);
    const arrival = await api(`/api/centres/${CENTRE}/visits`, {
      method: 'POST',
      device: KIOSK_TOKEN,
      body: { serviceCode: 'residence' },
    });
    assert.equal(arrival.status, 201);
    await desk.waitForFunction(() => !document.querySelector('p.error'), null, { timeout: 5_000 }).catch(() => {});
    await desk.waitForSelector('#desk-select option[value="d4"]:not([disabled])', { state: 'attached' });
    await desk.selectOption('#desk-select', 'd4');
    await desk.click('button[data-action="open"]');
    await desk.waitForSelector('button[data-action="call-next"]:not([disabled])');
    await desk.click('button[data-action="call-next"]');
    await desk.waitForSelector('.current[data-status="CALLED"]');
    const ticket = await desk.getAttribute('.current', 'data-ticket');
    // meanwhile someone else cancels the called ticket (a supervisor at another screen): starting it is refused
    const held = (await api(`/api/centres/${CENTRE}/queues`)).body.desks.find((d) => d.deskId === 'd4');
    await desk.route('**/visits/*/start', async (route) => {
      const cancelled = await api(`/api/visits/${held.currentVisitId}/cancel`, { method: 'POST', body: {} });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      await route.continue();
    });
    const start = desk.waitForResponse((r) => r.url().endsWith('/start'));
    await desk.click('button[data-action="start"]');
    assert.equal((await start).status(), 409);
    const digits = ticket.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    const shown = await refusalShown(desk);
    assert.ok(shown.startsWith(`نوبت ${digits} اکنون فراخوانده نشده است`), shown);
    assert.ok(!/[A-Za-z]{3,}/.test(shown), `no Latin sentence: ${shown}`);
    await shot(desk, 'refusal-2-visit-not-called-fa');

    // a supervisor pauses the desk from another screen just as the clerk calls the next ticket
    await desk.waitForSelector('.current[data-ticket=""]');
    await desk.unroute('**/visits/*/start');
    await desk.route('**/desks/d4/call-next', async (route) => {
      const paused = await api(`/api/centres/${CENTRE}/desks/d4/pause`, { method: 'POST', body: {} });
      assert.equal(paused.status, 200, JSON.stringify(paused.body));
      await route.continue();
    });
    const call = desk.waitForResponse((r) => r.url().endsWith('/call-next'));
    await desk.click('button[data-action="call-next"]');
    assert.equal((await call).status(), 409);
    assert.equal(await refusalShown(desk), 'باجه ۴ در مکث است. اول آن را ادامه دهید.');
    await shot(desk, 'refusal-3-desk-paused-fa');
    assert.deepEqual(desk.errors, []);
    await desk.unroute('**/desks/d4/call-next');
    assert.equal((await api(`/api/centres/${CENTRE}/desks/d4/resume`, { method: 'POST', body: {} })).status, 200);

    // leave the desk as it was found
    await desk.click('button[data-action="close"]');
    await desk.waitForSelector('button[data-action="open"]');
  } finally {
    await browser.close();
  }
});
