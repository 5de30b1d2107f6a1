// The visitor's phone as an app: a favicon, a web-app manifest with home-screen icons that load,
// and a compact header on a 390 px phone in every language, in which even the demo centre's long
// official name is read whole (two short lines) rather than cut after a few words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, BASE, CENTRE, KIOSK_TOKEN, launch, open, shot } from './support.mjs';

test('the phone page has an icon, a manifest and a compact header', async () => {
  const arrival = await api(`/api/centres/${CENTRE}/visits`, {
    method: 'POST',
    device: KIOSK_TOKEN,
    body: { serviceCode: 'work' },
  });
  assert.equal(arrival.status, 201);
  const browser = await launch();
  try {
    for (const lang of ['fa', 'fa-AF', 'ps', 'en']) {
      const phone = await open(browser, `/track.html?token=${arrival.body.trackingToken}&lang=${lang}`, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
      });
      await phone.waitForSelector('.state');
      await shot(phone, `home-screen-${lang}-phone`);
      const header = await phone.$eval('header.bar', (el) => el.getBoundingClientRect().height);
      assert.ok(header <= 60, `the ${lang} header is ${header}px high`);
      // the Persian Gulf centre's Pashto name, the longest of the demo's: whole, in at most two lines
      const longName = await phone.$eval('header.bar h1', (h1) => {
        h1.textContent = 'د خلیج فارس د اداري خدماتو او نړیوالو چارو مرکز';
        const bar = h1.parentElement.getBoundingClientRect().height;
        const shown = h1.getBoundingClientRect().height;
        h1.style.display = 'block'; // the same box without its line limit: as tall as the whole name needs
        h1.style.webkitLineClamp = 'none';
        h1.style.whiteSpace = 'normal';
        const whole = h1.getBoundingClientRect().height;
        h1.removeAttribute('style');
        return { cut: whole > shown + 2, bar };
      });
      assert.equal(longName.cut, false, `the ${lang} header cuts a long centre name`);
      assert.ok(longName.bar <= 60, `the ${lang} header is ${longName.bar}px high with a long name`);
      assert.deepEqual(phone.errors, []);
      if (lang !== 'fa') continue;

      const icon = await phone.getAttribute('link[rel="icon"]', 'href');
      const iconResponse = await fetch(new URL(icon, BASE));
      assert.equal(iconResponse.status, 200);
      assert.match(iconResponse.headers.get('content-type'), /^image\/svg\+xml/);
      const manifestHref = await phone.getAttribute('link[rel="manifest"]', 'href');
      const manifestResponse = await fetch(new URL(manifestHref, BASE));
      assert.equal(manifestResponse.status, 200);
      const manifest = await manifestResponse.json();
      assert.equal(manifest.display, 'standalone');
      const sizes = [];
      for (const i of manifest.icons.filter((i) => i.type === 'image/png')) {
        const size = await phone.evaluate(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return `${img.naturalWidth}x${img.naturalHeight}`;
        }, i.src);
        assert.equal(size, i.sizes);
        sizes.push(size);
      }
      assert.deepEqual(sizes.sort(), ['192x192', '512x512']);
    }
  } finally {
    await browser.close();
  }
});
