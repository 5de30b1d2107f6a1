// Every visitors' screen in all four languages at the size it is used at (portrait kiosk, phone,
// and a small laptop for booking): a screenshot of each saved with the build, axe-core without a
// serious or critical finding, nothing wider than the screen, and no English label on the
// Persian, Dari and Pashto screens. (The TV display at 1920x1080 and 1280x720 is display.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, axe, CENTRE, KIOSK_TOKEN, launch, open, shot } from './support.mjs';

const LANGS = ['fa', 'fa-AF', 'ps', 'en'];
const csp = { bypassCSP: true }; // axe is injected as a script the pages' own policy would refuse
// the test centre's names are its codes, and tickets are Latin: those may appear anywhere
const ALLOWED_LATIN = /\b(it-[a-z-]+|residence|health|work|[A-Z]-[0-9۰-۹]+|N|S|R|C|T|M|X|P|English|QR)\b/g;

async function checked(page, name, lang) {
  await shot(page, `visitor-${name}-${lang}`);
  const findings = await axe(page, `visitor-${name}-${lang}`);
  assert.deepEqual(findings, [], `${name} in ${lang}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${name} in ${lang} is ${overflow}px wider than the screen`);
  if (lang !== 'en') {
    // the choices of a centre picker are the centres' own names, as they gave them
    const shown = await page.evaluate(() => {
      const selects = [...document.querySelectorAll('select')];
      selects.forEach((e) => (e.style.display = 'none'));
      const visible = document.body.innerText;
      selects.forEach((e) => (e.style.display = ''));
      return visible;
    });
    const text = shown.replace(ALLOWED_LATIN, '');
    const english = text.match(/[A-Za-z]{3,}(\s+[A-Za-z]{2,})*/g) ?? [];
    assert.deepEqual(english, [], `English words on the ${lang} ${name} screen`);
  }
}

test('the visitors screens in four languages at their sizes', async () => {
  const arrival = await api(`/api/centres/${CENTRE}/visits`, {
    method: 'POST',
    device: KIOSK_TOKEN,
    body: { serviceCode: 'work' },
  });
  assert.equal(arrival.status, 201);
  const browser = await launch();
  try {
    for (const lang of LANGS) {
      const kiosk = await open(browser, `/kiosk.html?centre=${CENTRE}&device_token=${KIOSK_TOKEN}&autoprint=off`, {
        ...csp,
        viewport: { width: 1080, height: 1920 },
      });
      await kiosk.click(`button[lang="${lang}"]`);
      await kiosk.waitForFunction((l) => document.documentElement.lang === l, lang);
      await checked(kiosk, 'kiosk-mode', lang);
      await kiosk.click('.choices button >> nth=0');
      await kiosk.waitForSelector('button[data-service]');
      await checked(kiosk, 'kiosk-services', lang);

      const phone = await open(browser, `/track.html?token=${arrival.body.trackingToken}&lang=${lang}`, {
        ...csp,
        viewport: { width: 390, height: 844 },
        isMobile: true,
      });
      await phone.waitForSelector('.state');
      await checked(phone, 'phone', lang);

      for (const [size, viewport] of [
        ['phone', { width: 390, height: 844 }],
        ['laptop', { width: 1280, height: 720 }],
      ]) {
        const book = await open(browser, `/book.html?lang=${lang}`, { ...csp, viewport });
        await book.selectOption('#centre', CENTRE);
        await book.selectOption('#service', 'residence');
        await book.waitForSelector('.calendar button.day');
        await checked(book, `booking-${size}`, lang);
        assert.deepEqual(book.errors, []);
      }
      assert.deepEqual([...kiosk.errors, ...phone.errors], []);
    }
  } finally {
    await browser.close();
  }
});
