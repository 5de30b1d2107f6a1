// The printed ticket on an 80 mm thermal roll: the page is 80 mm wide (an invalid @page rule made
// Chromium print on Letter), the number is at least 15 mm high, everything is black (thermal
// printers dither grey), and the slip names the centre, the service, the day and what to do.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CENTRE, KIOSK_TOKEN, launch, open, shot } from './support.mjs';

const MM = 72 / 25.4; // PDF points per millimetre

for (const lang of ['fa', 'ps']) {
  test(`the ${lang} ticket prints on one 80 mm page, large and black`, async () => {
    const browser = await launch();
    try {
      const kiosk = await open(browser, `/kiosk.html?centre=${CENTRE}&device_token=${KIOSK_TOKEN}`, {
        viewport: { width: 1080, height: 1920 },
      });
      await kiosk.click(`button[lang="${lang}"]`);
      await kiosk.click('.choices button >> nth=0');
      await kiosk.click('button[data-service="residence"]');
      // the Pashto visitor is elderly: the slip says so, as the desk will see it
      if (lang === 'ps') await kiosk.check('input[value="ELDERLY"]');
      await kiosk.click('#take-ticket');
      await kiosk.waitForSelector('.ticket-number');
      await kiosk.waitForFunction(() => document.querySelector('img.qr')?.complete);
      await kiosk.emulateMedia({ media: 'print' });
      await shot(kiosk, `ticket-${lang}-print`);

      const slip = await kiosk.$eval('.ticket-slip', (el) => ({
        text: el.innerText,
        numberHeightPx: el.querySelector('.ticket-number').getBoundingClientRect().height,
        notBlack: [...el.querySelectorAll('*')]
          .filter((e) => e.textContent.trim() && getComputedStyle(e).color !== 'rgb(0, 0, 0)')
          .map((e) => `${e.tagName}.${e.className}: ${getComputedStyle(e).color}`),
      }));
      assert.ok(slip.numberHeightPx >= (15 / 25.4) * 96, `the number is ${slip.numberHeightPx}px high`);
      assert.deepEqual(slip.notBlack, []);
      assert.match(slip.text, /۱۴۰[0-9۰-۹]/, 'the Solar Hijri year is on the slip');
      const keep = { fa: 'نگه دارید', ps: 'وساتئ' }[lang];
      assert.ok(slip.text.includes(keep), `"${keep}" is on the slip: ${slip.text}`);
      const priority = { fa: null, ps: 'لومړیتوب: سپین ږیری' }[lang];
      if (priority) assert.ok(slip.text.includes(priority), `"${priority}" is on the slip: ${slip.text}`);
      else assert.equal(await kiosk.$('.slip-priority'), null, 'no priority line for a regular ticket');

      const pdf = (await kiosk.pdf({ preferCSSPageSize: true, printBackground: false })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
      assert.equal(boxes.length, 1, 'the ticket is one page');
      const width = Number(boxes[0][1]) / MM;
      assert.ok(Math.abs(width - 80) < 0.5, `the page is ${width.toFixed(1)} mm wide`);
      // the QR code opens the phone's page in the language chosen at the kiosk; nothing on the
      // public kiosk is a link that would open the visitor's page there
      const qrSrc = await kiosk.getAttribute('img.qr', 'src');
      assert.ok(qrSrc.endsWith(`?lang=${lang}`), qrSrc);
      assert.equal(await kiosk.$$eval('main a', (links) => links.length), 0);
      const link = new URL(await kiosk.getAttribute('img.qr', 'data-track-url'));
      const phone = await open(browser, link.pathname + link.search, { viewport: { width: 390, height: 844 } });
      await phone.waitForSelector('.state');
      assert.equal(await phone.getAttribute('html', 'lang'), lang);
      assert.deepEqual([...kiosk.errors, ...phone.errors], []);
    } finally {
      await browser.close();
    }
  });
}
