// The desk console calls a named ticket and returns it to the queue (issue 13): the waiting list is
// numbered in the order the desk's call-next will really call across its services; a ticket is
// called by name with a reason and a note (a note with a phone number is refused in Persian); the
// timeline says why; the visitor's phone shows the call, then "waiting" again at the place it kept;
// and the next call by the policy is still the first in line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, launch, open, shot, signIn } from './support.mjs';

const CALL = 'it-call';
const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const fa = (text) => text.replace(/\d/g, (d) => FA_DIGITS[d]);

async function arrive(serviceCode) {
  const r = await api(`/api/centres/${CALL}/visits`, { method: 'POST', body: { serviceCode } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

/** The waiting list as the clerk sees it: [number shown, ticket] per row, top to bottom. */
async function waitingRows(desk) {
  return desk.$$eval('table.waiting tbody tr', (rows) => rows.map((r) => [r.cells[0].textContent, r.dataset.ticket]));
}

async function waitForRows(desk, tickets) {
  await desk.waitForFunction(
    (expected) =>
      JSON.stringify([...document.querySelectorAll('table.waiting tbody tr')].map((r) => r.dataset.ticket)) ===
      JSON.stringify(expected),
    tickets,
  );
}

test('a clerk calls a named ticket with a reason and returns it to the queue', async () => {
  const browser = await launch();
  try {
    const desk = await open(browser, `/desk.html?centre=${CALL}&lang=fa`, { viewport: { width: 1366, height: 900 } });
    await signIn(desk, 'e2e-call');
    await desk.click('button[data-action="open"]');
    await desk.waitForSelector('button[data-action="call-next"]');

    // two of papers, then one of permits: per service both firsts are "1", but the desk calls by
    // the policy across its services, so the second paper (waiting longer) comes before the permit
    const p1 = await arrive('papers');
    const p2 = await arrive('papers');
    const q1 = await arrive('permits');
    await waitForRows(desk, [p1.ticket, p2.ticket, q1.ticket]);
    assert.deepEqual(await waitingRows(desk), [
      ['۱', p1.ticket],
      ['۲', p2.ticket],
      ['۳', q1.ticket],
    ]);
    const queues = (await api(`/api/centres/${CALL}/queues`)).body;
    assert.deepEqual(queues.desks.find((d) => d.deskId === 'c1').callOrder, [p1.visitId, p2.visitId, q1.visitId]);
    assert.ok(await desk.$('.call-order'), 'the list says what its numbers mean');
    await shot(desk, 'desk-call-1-waiting-in-call-order');

    const phone = await open(browser, `/track.html?token=${q1.trackingToken}&lang=fa`, {
      viewport: { width: 390, height: 844 },
    });
    await phone.waitForSelector('.ticket-card[data-status="WAITING"] [data-position="1"]');

    // the permit's holder is back from the photo shop: called by name, with a reason; a note with
    // a phone number in it is refused, in Persian, and nothing is called
    const row = `table.waiting tr[data-ticket="${q1.ticket}"] button[data-action="call-ticket"]`;
    await desk.click(row);
    await desk.waitForSelector('dialog.ask[open] input[type=radio]');
    assert.equal(await desk.$$eval('dialog.ask[open] input[type=radio]', (r) => r.length), 3);
    await desk.keyboard.press('Enter'); // no reason chosen yet: asked for one on the spot
    await desk.waitForSelector('dialog.ask[open] .error:not([hidden])');
    await desk.keyboard.press('1');
    await desk.fill('#ask-note', 'شماره‌اش ۰۹۱۲۱۲۳۴۵۶۷');
    await desk.click('dialog.ask[open] button[data-confirm="yes"]');
    const refused = await (await desk.waitForSelector('.console p.error[role=alert]')).textContent();
    assert.match(refused, /یادداشت/);
    assert.ok(!/[A-Za-z]{3,}/.test(refused), `no Latin sentence: ${refused}`);
    assert.equal(await desk.getAttribute('.current', 'data-status'), '');

    await desk.waitForSelector(`${row}:not([disabled])`);
    await desk.click(row);
    await desk.waitForSelector('dialog.ask[open] input[type=radio]');
    await desk.keyboard.press('1');
    await desk.fill('#ask-note', '  برگشت از عکاسی ');
    await shot(desk, 'desk-call-2-reason');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector(`.current[data-ticket="${q1.ticket}"][data-status="CALLED"]`);
    await desk.waitForSelector('.timeline td[data-step="CALLED_OUT_OF_TURN"]');
    const stepped = await desk.$$eval('.timeline tbody tr', (rows) =>
      rows.map((r) => [r.cells[1].textContent, r.cells[3].textContent]),
    );
    assert.deepEqual(stepped.at(-1), ['خارج از نوبت فراخوانده شد', 'بیرون رفته بود و برگشته است — برگشت از عکاسی']);
    await phone.waitForSelector('.ticket-card[data-status="CALLED"]');
    await shot(phone, 'desk-call-3-phone-called');
    await shot(desk, 'desk-call-4-called-by-name');

    // a visitor arrives meanwhile; then the called one is not at the desk: back to the queue (Q),
    // keeping its place ahead of the newcomer
    const p3 = await arrive('papers');
    assert.equal(await desk.getAttribute('button[data-action="return"]', 'aria-keyshortcuts'), 'Q');
    await desk.waitForSelector('button[data-action="return"]:not([disabled])');
    await desk.keyboard.press('KeyQ');
    await desk.waitForSelector('dialog.ask[open] input[type=radio]');
    assert.equal(await desk.$$eval('dialog.ask[open] input[type=radio]', (r) => r.length), 4);
    await desk.keyboard.press('1');
    await desk.keyboard.press('Enter');
    await desk.waitForSelector('.current[data-status=""]');
    assert.match(await desk.textContent('[data-note="returned"]'), new RegExp(fa(q1.ticket)));
    await waitForRows(desk, [p1.ticket, p2.ticket, q1.ticket, p3.ticket]);
    assert.deepEqual(
      (await waitingRows(desk)).map(([n]) => n),
      ['۱', '۲', '۳', '۴'],
    );
    await phone.waitForSelector('.ticket-card[data-status="WAITING"] [data-position="1"]');
    await shot(phone, 'desk-call-5-phone-waiting-again');

    // the record says who did what and why, with the note as typed (trimmed)
    const visit = (await api(`/api/visits/${q1.visitId}`)).body;
    assert.deepEqual(visit.timeline.map((s) => [s.event, s.reason, s.detail, s.by]).slice(1), [
      ['CALLED_OUT_OF_TURN', 'RETURNED_AFTER_STEPPING_OUT', 'برگشت از عکاسی', 'e2e-call'],
      ['RETURNED_TO_QUEUE', 'VISITOR_NOT_HERE', null, 'e2e-call'],
    ]);
    assert.equal(visit.status, 'WAITING');

    // the policy's next call is still the first in line
    await desk.waitForSelector('button[data-action="call-next"]:not([disabled])');
    await desk.keyboard.press('KeyN');
    await desk.waitForSelector(`.current[data-ticket="${p1.ticket}"][data-status="CALLED"]`);
    await shot(desk, 'desk-call-6-next-by-policy');
    assert.deepEqual(desk.errors, []);
    assert.deepEqual(phone.errors, []);
  } finally {
    await browser.close();
  }
});
