// The desk console from the keyboard alone: a clerk calls and serves five tickets with three keys
// each (N call, S start, C complete), focus stays on the console, a no-show is offered only after
// the last recall and asks first, a transfer asks for its service and says what happened, and the
// timeline speaks the screen's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, launch, open, shot } from './support.mjs';

const KEYS = 'it-keys';
const PASSWORD = 'amber lantern ferry'; // BrowserIT's staff accounts share it

async function arrive(serviceCode) {
  const r = await api(`/api/centres/${KEYS}/visits`, { method: 'POST', body: { serviceCode } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.ticket;
}

async function press(page, key, presses) {
  await page.keyboard.press(key);
  presses.count++;
}

async function focusIsOnTheConsole(page) {
  return page.evaluate(() => Boolean(document.activeElement?.closest('.actions')));
}

test('a clerk calls and serves five tickets with the keyboard alone', async () => {
  const browser = await launch();
  try {
    const desk = await open(browser, `/desk.html?centre=${KEYS}&lang=fa`, { viewport: { width: 1366, height: 768 } });
    const presses = { count: 0 };
    // sign in and open the desk by keyboard too
    for (let i = 0; i < 10 && !(await desk.evaluate(() => document.activeElement?.id === 'username')); i++) {
      await press(desk, 'Tab', presses);
    }
    await desk.keyboard.type('e2e-keys');
    await press(desk, 'Tab', presses);
    await desk.keyboard.type(PASSWORD);
    await press(desk, 'Enter', presses);
    await desk.waitForSelector('button[data-action="open"]');
    for (let i = 0; i < 15 && !(await desk.evaluate(() => document.activeElement?.dataset.action === 'open')); i++) {
      await press(desk, 'Tab', presses);
    }
    await press(desk, 'Enter', presses);
    await desk.waitForSelector('button[data-action="call-next"] kbd');
    assert.equal(await desk.getAttribute('button[data-action="call-next"]', 'aria-keyshortcuts'), 'N');

    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await arrive(i % 2 ? 'permits' : 'papers'));
    presses.count = 0;
    for (let i = 0; i < 5; i++) {
      await desk.waitForSelector('button[data-action="call-next"]:not([disabled])');
      await press(desk, 'KeyN', presses);
      await desk.waitForSelector('.current[data-status="CALLED"]');
      assert.ok(await focusIsOnTheConsole(desk), 'focus stays on the console after a call');
      await press(desk, 'KeyS', presses);
      await desk.waitForSelector('.current[data-status="IN_SERVICE"]');
      await press(desk, 'KeyC', presses);
      await desk.waitForSelector('.current[data-status=""]');
      assert.ok(await focusIsOnTheConsole(desk), 'focus stays on the console after completing');
    }
    assert.equal(presses.count, 15, 'three keys per ticket');
    const served = (await api(`/api/centres/${KEYS}/queues`)).body;
    assert.equal(
      served.services.reduce((n, s) => n + s.waitingCount, 0),
      0,
    );
    await shot(desk, 'desk-keyboard-1-served');

    // recalls, then the no-show: offered only after the last recall, and asked first
    await arrive('papers');
    await desk.keyboard.press('KeyN');
    await desk.waitForSelector('.current[data-status="CALLED"]');
    assert.equal(await desk.$('button[data-action="no-show"]'), null, 'no no-show before the last recall');
    for (let r = 0; r < 2; r++) {
      const steps = await desk.$$eval('.timeline tbody tr', (rows) => rows.length);
      await desk.keyboard.press('KeyR');
      await desk.waitForFunction((n) => document.querySelectorAll('.timeline tbody tr').length > n, steps);
    }
    assert.equal(await desk.$('button[data-action="recall"]'), null, 'no third recall');
    await desk.waitForSelector('button[data-action="no-show"]:not([disabled])');
    await desk.keyboard.press('KeyM');
    await desk.waitForSelector('dialog.ask[open]');
    await shot(desk, 'desk-keyboard-2-confirm-no-show');
    await desk.keyboard.press('Escape'); // going back does nothing
    await desk.waitForSelector('dialog.ask', { state: 'detached' });
    assert.equal(await desk.getAttribute('.current', 'data-status'), 'CALLED');
    await desk.waitForSelector('button[data-action="no-show"]:not([disabled])');
    await desk.keyboard.press('KeyM');
    await desk.waitForSelector('dialog.ask[open]');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.current[data-status=""]');

    // a transfer asks for the service, chooses nothing by itself, and says what happened
    const from = await arrive('papers');
    await desk.keyboard.press('KeyN');
    await desk.waitForSelector('.current[data-status="CALLED"]');
    await desk.keyboard.press('KeyS');
    await desk.waitForSelector('.current[data-status="IN_SERVICE"]');
    const steps = await desk.$$eval('.timeline td[data-step]', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(steps, ['ورود', 'فراخوانده شد', 'خدمت آغاز شد']);
    await desk.keyboard.press('KeyT');
    await desk.waitForSelector('dialog.ask[open] input[type=radio]');
    await desk.keyboard.press('Enter'); // nothing chosen yet: refused on the spot
    await desk.waitForSelector('dialog.ask[open] .error:not([hidden])');
    await desk.keyboard.press('1');
    await desk.keyboard.press('Enter');
    const note = await (await desk.waitForSelector('[data-note="transferred"]')).textContent();
    assert.match(note, new RegExp(`${from.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d])} → Q-`));
    await shot(desk, 'desk-keyboard-3-transferred');
    const queues = (await api(`/api/centres/${KEYS}/queues`)).body;
    assert.equal(queues.services.find((s) => s.serviceCode === 'permits').waitingCount, 1);
    assert.deepEqual(desk.errors, []);

    // the supervisor finds that visit by the number the visitor still holds, typed in Persian digits
    const supervisor = await open(browser, `/supervisor.html?centre=${KEYS}&lang=fa`, {
      viewport: { width: 1366, height: 768 },
    });
    await supervisor.fill('#username', 'e2e-super');
    await supervisor.fill('#password', PASSWORD);
    await supervisor.click('form button[type=submit]');
    await supervisor.waitForSelector('#find-ticket');
    await supervisor.fill(
      '#find-ticket',
      from.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]),
    );
    await supervisor.click('#find-title ~ form button[type=submit]');
    await supervisor.waitForSelector('.timeline td[data-step="TRANSFERRED"]');
    const stepsSeen = await supervisor.$$eval('.timeline td[data-step]', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(stepsSeen, ['ورود', 'فراخوانده شد', 'خدمت آغاز شد', 'منتقل شد']);
    // each step's detail in words: how it came, the policy's reason for the call, the transfer
    const details = await supervisor.$$eval('.timeline tbody tr', (rows) => rows.map((r) => r.cells[3].textContent));
    assert.equal(details[0], 'مراجعه حضوری — اولویت: عادی');
    assert.match(details[1], /^[۰-۹٫]+ دقیقه انتظار × وزن ۱ = امتیاز [۰-۹٫]+$/);
    assert.equal(details[3], 'از مدارک به مجوزها، با همان زمان ورود');
    for (const d of details) assert.doesNotMatch(d, /[A-Za-z]/, `a Latin word in the timeline: ${d}`);
    await supervisor.fill('#find-ticket', 'P-999');
    await supervisor.click('#find-title ~ form button[type=submit]');
    const refused = await (await supervisor.waitForSelector('p.error[role=alert]')).textContent();
    assert.ok(!/[A-Za-z]{3,}/.test(refused.replace(/P-[0-9۰-۹]+/g, '')), `no Latin sentence: ${refused}`);
    await shot(supervisor, 'desk-keyboard-4-supervisor-finds-ticket');

    // the clerk walked away with the desk open: the supervisor pauses it, saying why, then closes it
    const deskRow = 'tr[data-desk="k1"]';
    assert.equal(await supervisor.getAttribute(deskRow, 'data-status'), 'OPEN');
    assert.equal(await supervisor.$$eval('table.desks thead th', (cells) => cells.length), 6);
    await supervisor.click(`${deskRow} button[data-desk-action="pause"]`);
    await supervisor.waitForSelector('dialog.ask[open] #desk-reason');
    await supervisor.keyboard.type('رفته ناهار');
    await supervisor.keyboard.press('Enter');
    await supervisor.waitForSelector(`${deskRow}[data-status="PAUSED"]`);
    assert.match(await supervisor.textContent(deskRow), /رفته ناهار/);
    const paused = (await api(`/api/centres/${KEYS}/queues`)).body;
    assert.equal(paused.desks.find((d) => d.deskId === 'k1').pauseReason, 'رفته ناهار');
    assert.equal(paused.services.find((s) => s.serviceCode === 'permits').desksServing, 0);
    await shot(supervisor, 'desk-keyboard-5-supervisor-paused-desk');
    await supervisor.click(`${deskRow} button[data-desk-action="close"]`);
    await supervisor.waitForSelector('dialog.ask[open] #desk-reason');
    await supervisor.keyboard.type('رفت');
    await supervisor.keyboard.press('Enter');
    await supervisor.waitForSelector(`${deskRow}[data-status="CLOSED"]`);
    assert.deepEqual(supervisor.errors, []);
  } finally {
    await browser.close();
  }
});
