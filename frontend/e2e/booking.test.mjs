// Booking end to end: centre, service, a Solar Hijri day, a free slot, identity and phone → a code;
// then find it by code, move it and cancel it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, CENTRE, launch, open, shot } from './support.mjs';

async function firstBookableDay() {
  const today = new Date();
  const seen = [];
  for (let i = 1; i < 30; i++) {
    const d = new Date(today.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const r = await api(`/api/centres/${CENTRE}/services/residence/slots?date=${d}`, { user: null });
    const free = r.body?.slots?.filter((s) => s.bookable) ?? [];
    if (free.length >= 2) return { date: d, slots: free.map((s) => s.start) };
    seen.push(`${d}: ${r.status} ${r.body?.closedReason ?? r.body?.detail ?? ''}`);
  }
  throw new Error(`no bookable day in the next 30 days: ${seen.join('; ')}`);
}

test('book, find, move and cancel an appointment', async () => {
  const { date, slots } = await firstBookableDay();
  const browser = await launch();
  try {
    const page = await open(browser, '/book.html?lang=fa', { viewport: { width: 414, height: 896 }, isMobile: true });
    await page.selectOption('#centre', CENTRE);
    await page.selectOption('#service', 'residence');
    for (let i = 0; i < 3 && !(await page.$(`button.day[data-date="${date}"]`)); i++) {
      await page.click('.calendar-head button:last-child');
    }
    await page.click(`button.day[data-date="${date}"]`);
    await page.click(`button.slot[data-slot="${slots[0]}"]`, { timeout: 15_000 }).catch(async (e) => {
      // what the page showed instead (a notice, an error by the slot field), and what the server says now
      const shown = await page.textContent('body').catch(() => '');
      const now = await api(`/api/centres/${CENTRE}/services/residence/slots?date=${date}`, { user: null });
      throw new Error(
        `${e.message}; page errors: ${page.errors.join('; ')}; the page said: ${shown}; ` +
          `the slots now: ${now.status} ${JSON.stringify(now.body?.slots?.slice(0, 3))}`,
      );
    });
    await page.selectOption('#identity-type', 'FOREIGN_NATIONAL_ID');
    const id = String(Date.now()).slice(-12).padStart(12, '7');
    await page.fill(
      '#identity-number',
      id.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]),
    ); // typed in Persian digits
    await page.fill('#phone', '09121234567');
    await shot(page, 'booking-1-form');
    await page.click('#book');
    const card = await page.waitForSelector('.appointment[data-status="BOOKED"]');
    const code = await card.getAttribute('data-code');
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(await page.textContent('.appointment .code'), code);
    assert.doesNotMatch(await page.textContent('.appointment'), /1234567/); // the phone is masked
    await shot(page, 'booking-2-code');

    const stored = await api(`/api/appointments/${code}`, { user: null });
    assert.equal(stored.body.date, date);
    assert.equal(stored.body.slot, slots[0]);

    await page.fill('#find-code', code.toLowerCase().replace('-', ''));
    await page.click('#find button[type=submit]');
    await page.waitForSelector(`#find .appointment[data-code="${code}"]`);
    await page.click('button[data-action="move"]');
    await page.click(`#find button.slot[data-slot="${slots[1]}"]`);
    await page.click('button[data-action="confirm-move"]');
    await page.waitForFunction(
      (s) =>
        document
          .querySelector('#find .appointment dd:nth-of-type(2)')
          ?.textContent?.includes(s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d])),
      slots[1],
    );
    assert.equal((await api(`/api/appointments/${code}`, { user: null })).body.slot, slots[1]);
    await shot(page, 'booking-3-moved');

    await page.click('button[data-action="cancel"]');
    await page.click('button[data-action="confirm-cancel"]'); // cancelling asks first
    await page.waitForSelector('#find .appointment[data-status="CANCELLED"]');
    assert.equal((await api(`/api/appointments/${code}`, { user: null })).body.status, 'CANCELLED');
    await shot(page, 'booking-4-cancelled');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
