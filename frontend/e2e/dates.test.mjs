// Dates on the Pashto and Dari screens: Chromium has no Pashto locale data, so a date written
// through Intl's names alone came out as English Gregorian ("November ۲۰۲۶", "Sat Sun …").
// On a fixed day (Saturday 14 Azar 1405 = 5 December 2026) every date shown must be in the
// screen's script with the Afghan name of the month.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE, CENTRE, DISPLAY_TOKEN, KIOSK_TOKEN, launch, shot } from './support.mjs';

const FIXED = new Date('2026-12-05T06:30:00Z'); // 10:00 in Tehran
const MONTH = { ps: 'لیندۍ', 'fa-AF': 'قوس' };
const LATIN = /[A-Za-z0-9]/;

async function openAt(browser, path, viewport) {
  const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran', viewport });
  await context.clock.install({ time: FIXED });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(BASE + path);
  return page;
}

for (const lang of ['ps', 'fa-AF']) {
  test(`every date on the ${lang} screens is in its script with the Afghan month`, async () => {
    const browser = await launch();
    try {
      const kiosk = await openAt(browser, `/kiosk.html?centre=${CENTRE}&device_token=${KIOSK_TOKEN}&lang=${lang}`, {
        width: 1080,
        height: 1920,
      });
      const kioskDate = (await kiosk.waitForSelector('.date')).textContent();
      const display = await openAt(
        browser,
        `/display.html?centre=${CENTRE}&device_token=${DISPLAY_TOKEN}&lang=${lang}`,
        { width: 1920, height: 1080 },
      );
      const displayDate = (await display.waitForSelector('.date')).textContent();
      const book = await openAt(browser, `/book.html?lang=${lang}`, { width: 390, height: 844 });
      await book.selectOption('#centre', CENTRE);
      await book.selectOption('#service', 'residence');
      const title = await (await book.waitForSelector('.calendar-head strong')).textContent();
      const heads = await book.$$eval('.calendar .weekday', (cells) => cells.map((c) => c.textContent));
      const dayLabel = await book.getAttribute('button.day[data-date="2026-12-05"]', 'aria-label');

      for (const [where, text] of [
        ['kiosk', await kioskDate],
        ['display', await displayDate],
        ['calendar', title],
        ['calendar day', dayLabel],
        ['weekday heads', heads.join(' ')],
      ]) {
        assert.ok(text && !LATIN.test(text), `${where} on the ${lang} screen shows "${text}"`);
      }
      for (const [where, text] of [
        ['kiosk', await kioskDate],
        ['display', await displayDate],
        ['calendar', title],
      ]) {
        assert.ok(
          text.includes(MONTH[lang]) && text.includes('۱۴۰۵'),
          `${where} on the ${lang} screen shows "${text}"`,
        );
      }
      assert.ok(dayLabel.includes(`۱۴ ${MONTH[lang]}`), `the 5 December button reads "${dayLabel}"`);
      assert.equal(heads.length, 7);
      await shot(kiosk, `dates-${lang}-kiosk`);
      await shot(display, `dates-${lang}-display`);
      await shot(book, `dates-${lang}-booking`);
      assert.deepEqual([...kiosk.errors, ...display.errors, ...book.errors], []);
    } finally {
      await browser.close();
    }
  });
}
