// Switching to Pashto flips the page to right-to-left and translates it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CENTRE, KIOSK_TOKEN, launch, open, shot } from './support.mjs';

test('switching to Pashto flips the layout to right-to-left', async () => {
  const browser = await launch();
  try {
    const page = await open(browser, '/book.html?lang=en');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await page.textContent('h1'), 'Book an appointment');
    await shot(page, 'language-1-english');
    await page.selectOption('#lang', 'ps');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ps');
    assert.equal(await page.textContent('h1'), 'وخت نیول');
    const direction = await page.evaluate(() => getComputedStyle(document.querySelector('main')).direction);
    assert.equal(direction, 'rtl');
    await shot(page, 'language-2-pashto');
    await page.reload(); // the choice is kept in the address
    assert.equal(await page.getAttribute('html', 'lang'), 'ps');

    const kiosk = await open(browser, `/kiosk.html?centre=${CENTRE}&device_token=${KIOSK_TOKEN}&lang=en`);
    await kiosk.click('button[lang="ps"]');
    await kiosk.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await kiosk.textContent('h2'), 'خدمت وټاکئ');
    await shot(kiosk, 'language-3-kiosk-pashto');
    assert.deepEqual([...page.errors, ...kiosk.errors], []);
  } finally {
    await browser.close();
  }
});
