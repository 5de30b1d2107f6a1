// The visitor's phone through a whole visit: the expected time of the call, the call and the
// recall ("come now or lose your turn"), a transfer explained (new number, old ticket void), and
// "I am leaving" with its confirmation; after that nothing claims to be live.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, axe, launch, open, shot } from './support.mjs';

const C = 'persian-gulf';

async function ok(path, body = {}) {
  const r = await api(path, { method: 'POST', body });
  assert.ok(r.status < 300, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const WEEK = ['SATURDAY', 'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

test('the phone explains a call, a recall, a transfer and leaving', async () => {
  // the demo centre takes walk-ins in its opening hours only: open it all day while this test runs
  const profile = (await api(`/api/centres/${C}`)).body;
  const allDay = WEEK.map((day) => ({ day, opens: '00:00', closes: '23:59:59' }));
  const opened = await api(`/api/centres/${C}`, { method: 'PUT', body: { ...profile, openingHours: allDay } });
  assert.ok(opened.status < 300, JSON.stringify(opened.body));
  for (let i = 0; i < 50; i++) {
    const now = (await api(`/api/centres/${C}`)).body; // the catalog follows the command a moment later
    if (now.openingHours.length === 7 && now.openingHours.every((p) => p.opens === '00:00')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    await walkThrough();
  } finally {
    await api(`/api/centres/${C}`, { method: 'PUT', body: profile });
  }
});

async function walkThrough() {
  const arrival = await api(`/api/centres/${C}/visits`, {
    method: 'POST',
    body: { serviceCode: 'residence', priorityClass: 'WITH_INFANT' },
  });
  assert.equal(arrival.status, 201, JSON.stringify(arrival.body));
  const { trackingToken: token, visitId, ticket } = arrival.body;
  // a desk serves residence: only then does the phone promise a time (with none it says no desk serves)
  await ok(`/api/centres/${C}/desks/desk-1/open`, { serviceCodes: ['residence'] });
  const browser = await launch();
  try {
    const phone = await open(browser, `/track.html?token=${token}&lang=en`, {
      viewport: { width: 390, height: 844 },
      bypassCSP: true, // for axe
    });
    // called at once at an idle desk: "now" alone; behind others (earlier tests' visitors): a wait and its clock time
    const eta = await phone.waitForSelector('[data-eta]');
    if ((await eta.textContent()) === 'now') {
      assert.equal(await phone.locator('[data-expected]').count(), 0);
    } else {
      const expected = await phone.waitForSelector('[data-expected]');
      assert.match(await expected.textContent(), /around \d{2}:\d{2}/);
    }
    // the phone names the priority the visitor asked for at the kiosk
    assert.equal(await phone.textContent('.priority'), 'Priority: With an infant');
    await shot(phone, 'phone-1-waiting');

    let called;
    do {
      called = await ok(`/api/centres/${C}/desks/desk-1/call-next`, { requestId: `phone-${Date.now()}` });
      if (called.visitId !== visitId) {
        await ok(`/api/visits/${called.visitId}/start`);
        await ok(`/api/visits/${called.visitId}/complete`);
      }
    } while (called.visitId !== visitId);
    await phone.waitForFunction(() => document.querySelector('.state')?.textContent === 'Go to Desk 1 now');
    // the time of the call says what it is
    assert.match(await phone.textContent('.called-at'), /^Called at \d{2}:\d{2}$/);

    await ok(`/api/visits/${visitId}/recall`);
    await phone.waitForFunction(() =>
      document.querySelector('.state')?.textContent?.startsWith('Second call: go to Desk 1'),
    );
    assert.match(await phone.textContent('.state'), /or you lose your turn/);
    await shot(phone, 'phone-2-recalled');

    await ok(`/api/visits/${visitId}/start`);
    await ok(`/api/visits/${visitId}/transfer`, { toServiceCode: 'identity' });
    const notice = await phone.waitForSelector('.transfer');
    const text = await notice.textContent();
    assert.match(text, /You were sent to Identity and Amayesh cards\. Your new number is B-\d{3}/);
    assert.ok(text.includes(`your old ticket ${ticket} is no longer valid`), text);
    assert.equal(await phone.getAttribute('.ticket-card', 'data-status'), 'WAITING');
    await shot(phone, 'phone-3-transferred');

    await phone.click('button[data-action="leave"]');
    await phone.waitForSelector('button[data-action="confirm-leave"]');
    assert.equal((await api(`/api/track/${token}`, { user: null })).body.status, 'WAITING'); // nothing yet
    assert.deepEqual(await axe(phone, 'phone-leave'), []);
    await shot(phone, 'phone-4-leave-question');
    await phone.click('button[data-action="stay"]');
    await phone.click('button[data-action="leave"]');
    await phone.click('button[data-action="confirm-leave"]');
    await phone.waitForSelector('.ticket-card[data-status="CANCELLED"]');
    assert.equal(await phone.textContent('.state'), 'This ticket was cancelled.');
    assert.equal(await phone.$('button[data-action="leave"]'), null);
    assert.equal(await phone.isVisible('.connection'), false, 'no live badge after the visit');
    assert.equal((await api(`/api/track/${token}`, { user: null })).body.status, 'CANCELLED');
    await shot(phone, 'phone-5-left');
    assert.deepEqual(phone.errors, []);

    // a ticket that does not exist: said plainly, with no "connecting" badge beside it
    const unknown = await open(browser, `/track.html?token=${'x'.repeat(16)}&lang=en`, {
      viewport: { width: 390, height: 844 },
    });
    await unknown.waitForSelector('.error');
    await unknown.waitForTimeout(1500);
    assert.equal(await unknown.isVisible('.connection'), false, 'no live badge for a ticket that does not exist');
  } finally {
    await api(`/api/centres/${C}/desks/desk-1/close`, { method: 'POST', body: {} });
    await browser.close();
  }
}
