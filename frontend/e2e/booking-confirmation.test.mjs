// After booking: a "booked" heading, the check-in window, the centre's address and the documents
// to bring, print / share / .ics; errors next to their field (a wrong phone, a wrong code in "find
// my booking"); cancelling asks first, and a cancelled booking no longer says "keep this code".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, CENTRE, axe, launch, open, shot } from './support.mjs';

const C = CENTRE; // the test centre: the demo centre's seats are used by the other tests of this run

async function firstBookableDay() {
  for (let i = 1; i < 30; i++) {
    const d = new Date(Date.now() + i * 86_400_000).toISOString().slice(0, 10);
    // as staff: a visitor's rate limit must not end the search
    const r = await api(`/api/centres/${C}/services/residence/slots?date=${d}`);
    const free = r.body?.slots?.filter((s) => s.bookable) ?? [];
    if (free.length) return { date: d, slot: free[free.length - 1].start };
  }
  throw new Error('no bookable day in the next 30 days');
}

test('the confirmation tells where, when and what to bring; errors sit by their field', async () => {
  // the centre's address and the residence documents, as an administrator keeps them
  const names = (text) => ({ fa: text, 'fa-AF': text, ps: text, en: text });
  const profile = (await api(`/api/centres/${C}`)).body;
  const address = names('1 Sample Street, Tehran');
  const documents = [{ serviceCode: 'residence', items: [names('Two 3×4 photos')] }];
  const saved = await api(`/api/centres/${C}`, { method: 'PUT', body: { ...profile, address, documents } });
  assert.ok(saved.status < 300, JSON.stringify(saved.body));
  for (let i = 0; i < 50 && (await api(`/api/centres/${C}`)).body.address?.en !== address.en; i++) {
    await new Promise((r) => setTimeout(r, 100)); // the catalog follows the command a moment later
  }
  const { date, slot } = await firstBookableDay();
  const browser = await launch();
  try {
    const page = await open(browser, '/book.html?lang=en', {
      viewport: { width: 414, height: 896 },
      isMobile: true,
      bypassCSP: true, // axe is injected as a script the page's own policy would refuse
    });
    await page.selectOption('#centre', C);
    await page.selectOption('#service', 'residence');
    for (let i = 0; i < 3 && !(await page.$(`button.day[data-date="${date}"]`)); i++) {
      await page.click('.calendar-head button:last-child');
    }
    await page.click(`button.day[data-date="${date}"]`);
    await page.click(`button.slot[data-slot="${slot}"]`);
    // both fields wrong: each says so by itself, at once
    await page.fill('#identity-number', '12345');
    await page.fill('#phone', '12');
    await page.click('#book');
    await page.waitForSelector('#error-identity');
    await page.waitForSelector('#error-phone');
    assert.equal(await page.getAttribute('#identity-number', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#phone', 'aria-invalid'), 'true');
    assert.equal(await page.textContent('#error-identity'), 'The document number is not valid. Please check it.');
    assert.equal(await page.$$eval('#app .error', (e) => e.length), 2, 'two errors, each by its field');
    await page.waitForFunction(() => document.activeElement?.id === 'identity-number'); // the first to mend
    assert.deepEqual(await axe(page, 'booking-two-errors'), []);
    await shot(page, 'booking-confirm-0-two-errors');

    await page.fill('#identity-number', String(Date.now()).slice(-12).padStart(12, '8'));
    await page.click('#book');
    await page.waitForSelector('#error-identity', { state: 'detached' });
    const phoneError = await page.waitForSelector('#error-phone');
    assert.ok((await phoneError.textContent()).length > 0);
    assert.equal(await page.getAttribute('#phone', 'aria-invalid'), 'true');
    assert.equal(await page.$$eval('#app .error', (e) => e.length), 1, 'one error, by the phone field');
    await shot(page, 'booking-confirm-1-phone-error');

    await page.fill('#phone', '09121234567');
    await page.click('#book');
    const card = await page.waitForSelector('[data-booked] .appointment[data-status="BOOKED"]');
    const code = await card.getAttribute('data-code');
    assert.equal(await page.textContent('[data-booked] h2'), 'Booked');
    assert.match(await page.textContent('[data-check-in]'), /^Check in between \d{2}:\d{2} and \d{2}:\d{2}$/);
    assert.match(await page.textContent('[data-address]'), /Sample Street, Tehran/);
    assert.ok((await page.textContent('.documents')).includes('Two 3×4 photos'));
    assert.ok(await page.isVisible('button[data-action="print"]'));
    const ics = decodeURIComponent((await page.getAttribute('a[data-action="ics"]', 'href')).split(',')[1]);
    const [h, m] = slot.split(':');
    assert.ok(ics.includes(`DTSTART;TZID=Asia/Tehran:${date.replace(/-/g, '')}T${h}${m}00`), ics);
    assert.ok(ics.includes(`DESCRIPTION:Booking code: ${code}`), ics);
    assert.ok(ics.includes('LOCATION:') && ics.includes('Sample Street'), ics);
    assert.doesNotMatch(ics, /1234567/, 'no phone number in the calendar file');
    assert.deepEqual(await axe(page, 'booking-confirmation'), []);
    await shot(page, 'booking-confirm-2-booked');

    await page.fill('#find-code', 'ZZZZ-ZZZ2');
    await page.click('#find button[type=submit]');
    const findError = await page.waitForSelector('#find-code-error');
    assert.ok(await findError.evaluate((e) => e.closest('form')?.querySelector('#find-code') !== null));
    assert.equal(await page.$$eval('.error', (e) => e.length), 1, 'the wrong code shows by its field only');
    await shot(page, 'booking-confirm-3-wrong-code');

    await page.fill('#find-code', code);
    await page.click('#find button[type=submit]');
    await page.waitForSelector(`#find .appointment[data-code="${code}"]`);
    await page.click('button[data-action="cancel"]');
    await page.waitForSelector('#cancel-question');
    await page.click('button[data-action="keep-booking"]');
    assert.equal((await api(`/api/appointments/${code}`, { user: null })).body.status, 'BOOKED');
    await page.click('button[data-action="cancel"]');
    await page.click('button[data-action="confirm-cancel"]');
    await page.waitForSelector('#find .appointment[data-status="CANCELLED"] [data-cancelled]');
    assert.doesNotMatch(await page.textContent('#find .appointment'), /Keep this code/);
    assert.doesNotMatch(await page.textContent('[data-booked]'), /Keep this code/);
    await shot(page, 'booking-confirm-4-cancelled');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
