// The kiosk on its portrait touch screen (and a landscape one): the welcome in four languages,
// SVG pictograms and no emoji, the waiting count and wait on each service, printing by itself,
// a booking code checked at once (on-screen keys, and the camera reading the booking's QR code),
// and a first screen that says when the centre is closed instead of issuing a ticket.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { api, axe, BASE, CENTRE, countPrints, KIOSK_TOKEN, launch, open, shot } from './support.mjs';

const EMOJI = /\p{Extended_Pictographic}/u;
const KIOSK = `/kiosk.html?centre=${CENTRE}&device_token=${KIOSK_TOKEN}`;

async function noEmoji(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, EMOJI, `${where}: ${text}`);
}

for (const viewport of [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
]) {
  const shape = viewport.width < viewport.height ? 'portrait' : 'landscape';
  test(`the ${shape} kiosk: four-language welcome, pictograms, queue counts, a ticket that prints itself`, async () => {
    // someone already waits for residence: its button shows the count
    const ahead = await api(`/api/centres/${CENTRE}/visits`, {
      method: 'POST',
      device: KIOSK_TOKEN,
      body: { serviceCode: 'residence', priorityClass: 'NONE' },
    });
    assert.equal(ahead.status, 201);
    const browser = await launch();
    try {
      const context = await browser.newContext({
        locale: 'fa-IR',
        timezoneId: 'Asia/Tehran',
        viewport,
        bypassCSP: true,
      });
      await context.addInitScript(countPrints);
      const kiosk = await context.newPage();
      kiosk.errors = [];
      kiosk.on('pageerror', (e) => kiosk.errors.push(String(e)));
      await kiosk.goto(BASE + KIOSK);
      await kiosk.waitForSelector('button[lang="fa"]');
      // every language's welcome, each sentence once (Dari's is the Persian one)
      const welcome = await kiosk.$$eval('.welcome [lang]', (lines) => lines.map((l) => l.textContent));
      assert.deepEqual(welcome, [
        'خوش آمدید. زبان خود را انتخاب کنید',
        'ښه راغلاست. خپله ژبه وټاکئ',
        'Welcome. Choose your language',
      ]);
      await noEmoji(kiosk, 'welcome');
      await shot(kiosk, `kiosk-${shape}-1-welcome`);

      await kiosk.click('button[lang="fa"]');
      assert.equal(await kiosk.locator('.choices button svg[data-pictogram]').count(), 2);
      await noEmoji(kiosk, 'mode');
      await kiosk.click('text=گرفتن نوبت');
      const residence = await kiosk.waitForSelector('button[data-service="residence"] .queue');
      assert.ok(Number(await residence.getAttribute('data-waiting')) >= 1);
      // a figure ("about 5 min") or a range ("5 to 15 min") once a desk serves; before that, no promise
      assert.match(
        await residence.textContent(),
        /[۰-۹]+ نفر در انتظار — (حدود [۰-۹]+ دقیقه|[۰-۹]+ تا [۰-۹]+ دقیقه|فعلاً باجه‌ای این خدمت را نمی‌دهد|همین حالا)/,
      );
      assert.equal(await kiosk.locator('button[data-service] svg[data-pictogram]').count(), 3);
      // measured in one step in the page: a refresh of the queue counts re-renders the buttons
      const height = await kiosk.$eval('button[data-service="residence"]', (b) => b.getBoundingClientRect().height);
      assert.ok(height >= (shape === 'portrait' ? 100 : 70), `the service button is ${height}px high`);
      await noEmoji(kiosk, 'services');
      assert.deepEqual(await axe(kiosk, `kiosk-${shape}-services`), []);
      await shot(kiosk, `kiosk-${shape}-2-services`);

      await kiosk.click('button[data-service="residence"]');
      const priorities = await kiosk.$$eval('label.radio', (labels) =>
        labels.map((l) => [l.dataset.priority, l.querySelector('svg')?.dataset.pictogram]),
      );
      assert.deepEqual(priorities, [
        ['NONE', 'person'],
        ['ELDERLY', 'elderly'],
        ['DISABLED', 'wheelchair'],
        ['PREGNANT', 'pregnant'],
        ['WITH_INFANT', 'infant'],
        ['MEDICAL_REFERRAL', 'medical'],
      ]);
      await shot(kiosk, `kiosk-${shape}-3-priority`);
      await kiosk.click('#take-ticket');
      await kiosk.waitForSelector('.ticket-number');
      await kiosk.waitForFunction(() => window.printed === 1);
      await noEmoji(kiosk, 'ticket');
      await shot(kiosk, `kiosk-${shape}-4-ticket`);
      await kiosk.click('#print-again');
      assert.equal(await kiosk.evaluate(() => window.printed), 2);
      assert.deepEqual(kiosk.errors, []);
    } finally {
      await browser.close();
    }
  });
}

test('a walk-in may leave a phone for "your turn is near", told what it is for and for how long', async () => {
  const browser = await launch();
  try {
    const kiosk = await open(browser, KIOSK, { viewport: { width: 1080, height: 1920 }, bypassCSP: true });
    await kiosk.click('button[lang="fa"]');
    await kiosk.click('text=گرفتن نوبت');
    await kiosk.click('button[data-service="residence"]');
    assert.match(await kiosk.textContent('label[for="walk-in-phone"]'), /اختیاری/);
    assert.match(await kiosk.textContent('#walk-in-phone-why'), /پایان امروز پاک می‌شود/);
    assert.deepEqual(await axe(kiosk, 'kiosk-walk-in-phone'), []);
    await kiosk.fill('#walk-in-phone', '12');
    await kiosk.click('#take-ticket');
    await kiosk.waitForFunction(() => document.querySelector('p.error')?.textContent);
    assert.match(await kiosk.textContent('p.error'), /شماره همراه/);
    assert.equal(await kiosk.$('.ticket-number'), null, 'no ticket for a mistyped phone');
    await kiosk.fill('#walk-in-phone', '0912 555 1234');
    await kiosk.click('#take-ticket');
    await kiosk.waitForSelector('.ticket-number');
    assert.doesNotMatch(
      await kiosk.evaluate(() => document.body.innerText),
      /5551234|۵۵۵۱۲۳۴/,
      'the phone is not printed',
    );
    assert.deepEqual(kiosk.errors, []);
  } finally {
    await browser.close();
  }
});

test('a wrong booking code is reported at once, on the on-screen keys', async () => {
  const browser = await launch();
  try {
    const kiosk = await open(browser, KIOSK, { viewport: { width: 1080, height: 1920 }, bypassCSP: true });
    await kiosk.click('button[lang="fa"]');
    await kiosk.click('text=وقت قبلی دارم');
    assert.equal(await kiosk.getAttribute('#code', 'inputmode'), 'none');
    for (const key of 'ZZZZZZZZ') await kiosk.click(`.keypad button[data-key="${key}"]`);
    assert.equal(await kiosk.inputValue('#code'), 'ZZZZ-ZZZZ');
    await kiosk.click('#check-code');
    await kiosk.waitForFunction(() => document.querySelector('#checkin-error')?.textContent);
    assert.match(await kiosk.textContent('#checkin-error'), /پیدا نشد/);
    assert.equal(await kiosk.$('fieldset.priorities'), null, 'no priority step for an unknown code');
    await noEmoji(kiosk, 'check-in');
    assert.deepEqual(await axe(kiosk, 'kiosk-checkin'), []);
    await shot(kiosk, 'kiosk-checkin-unknown');
    assert.deepEqual(kiosk.errors, []);
  } finally {
    await browser.close();
  }
});

/** A booked appointment some days ahead (its check-in is not open yet). */
async function bookAhead() {
  for (let i = 3; i < 40; i++) {
    const date = new Date(Date.now() + i * 86_400_000).toISOString().slice(0, 10);
    const slots = await api(`/api/centres/${CENTRE}/services/residence/slots?date=${date}`, { user: null });
    const free = slots.body?.slots?.find((s) => s.bookable);
    if (!free) continue;
    const booked = await api('/api/appointments', {
      method: 'POST',
      user: null,
      body: {
        centreId: CENTRE,
        serviceCode: 'residence',
        date,
        slot: free.start,
        identityType: 'FOREIGN_NATIONAL_ID',
        identityNumber: String(Date.now()).slice(-12).padStart(12, '5'),
        phone: '09121234567',
        language: 'fa',
      },
    });
    if (booked.status === 201) return booked.body.code;
  }
  throw new Error('no bookable slot ahead');
}

/** One grey frame with the image centred, as a YUV4MPEG2 (4:2:0) file for Chromium's fake camera. */
function y4m(gray, width, height) {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`),
    Buffer.from(gray),
    chroma,
  ]);
}

test("the kiosk's camera reads the booking's QR code and checks it at once", async () => {
  const code = await bookAhead();
  // the booking's own QR code (the one the booking page shows), drawn into a 640×480 grey frame
  const drawer = await launch();
  let frame;
  try {
    const page = await open(drawer, '/'); // an HTML page of the same origin, to draw in
    frame = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 640, 480);
      g.drawImage(img, 140, 60, 360, 360);
      const rgba = g.getImageData(0, 0, 640, 480).data;
      const y = [];
      for (let i = 0; i < rgba.length; i += 4)
        y.push(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
      return y;
    }, `${BASE}/api/appointments/${code}/qr.svg`);
  } finally {
    await drawer.close();
  }
  const file = join(tmpdir(), `kiosk-qr-${process.pid}.y4m`);
  writeFileSync(file, y4m(frame, 640, 480));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
    ],
  });
  try {
    const context = await browser.newContext({
      locale: 'fa-IR',
      timezoneId: 'Asia/Tehran',
      viewport: { width: 1080, height: 1920 },
      permissions: ['camera'],
    });
    const kiosk = await context.newPage();
    kiosk.errors = [];
    kiosk.on('pageerror', (e) => kiosk.errors.push(String(e)));
    await kiosk.goto(BASE + KIOSK);
    await kiosk.click('button[lang="fa"]');
    await kiosk.click('text=وقت قبلی دارم');
    await kiosk.click('#scan');
    await kiosk.waitForSelector('video.camera');
    await shot(kiosk, 'kiosk-checkin-camera');
    // the code read from the camera is looked up at once: this appointment's check-in opens later
    await kiosk.waitForFunction(() => /زود/.test(document.querySelector('#checkin-error')?.textContent ?? ''), null, {
      timeout: 45_000,
    });
    assert.equal(await kiosk.inputValue('#code'), code);
    assert.equal(await kiosk.$('fieldset.priorities'), null);
    const screenText = await kiosk.evaluate(() => document.body.innerText);
    assert.doesNotMatch(screenText, /0912|1234567/, 'no personal data on the kiosk');
    await shot(kiosk, 'kiosk-checkin-scanned');
    assert.deepEqual(kiosk.errors, []);
  } finally {
    await browser.close();
  }
});

/** A centre open Saturday to Wednesday 08:00–14:00, for the kiosk's closed screen. */
async function hoursCentre() {
  const base = (await api(`/api/centres/${CENTRE}`, { user: null })).body;
  const centreId = 'it-kiosk-hours';
  const days = ['SATURDAY', 'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY'];
  const put = await api(`/api/centres/${centreId}`, {
    method: 'PUT',
    body: {
      ...base,
      centreId,
      openingHours: days.map((day) => ({ day, opens: '08:00', closes: '14:00' })),
    },
  });
  assert.ok(put.status < 300, JSON.stringify(put.body));
  return centreId;
}

async function kioskAt(browser, centreId, at) {
  const context = await browser.newContext({
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    viewport: { width: 1080, height: 1920 },
    bypassCSP: true, // axe is injected as a script
  });
  await context.clock.install({ time: new Date(at) });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${BASE}/kiosk.html?centre=${centreId}&lang=fa`);
  return page;
}

test('outside opening hours and on a closed day the first screen says so and offers no ticket', async () => {
  const centreId = await hoursCentre();
  const browser = await launch();
  try {
    // Saturday 14 Azar 1405, 01:00 in Tehran
    const night = await kioskAt(browser, centreId, '2026-12-04T21:30:00Z');
    await night.waitForSelector('.closed[data-closed="hours"]');
    assert.equal(await night.textContent('.closed-now'), 'اکنون بسته است. ساعت کار امروز: ۰۸:۰۰ تا ۱۴:۰۰');
    const others = await night.$$eval('.closed-others [lang]', (ps) => ps.map((p) => [p.lang, p.textContent]));
    assert.deepEqual(
      others.map(([l]) => l),
      ['ps', 'en'], // the Dari sentence is the Persian one
    );
    assert.ok(others.find(([l]) => l === 'en')[1].includes('08:00–14:00'));
    assert.equal(await night.$('button[lang]'), null, 'no language, service or ticket button');
    assert.equal(await night.$('button[data-service]'), null);
    assert.deepEqual(await axe(night, 'kiosk-closed'), []);
    await shot(night, 'kiosk-closed-night');

    // the same day at 10:00: open
    const morning = await kioskAt(browser, centreId, '2026-12-05T06:30:00Z');
    await morning.waitForSelector('button[lang="fa"]');
    assert.equal(await morning.$('.closed'), null);

    // Friday: no opening hours at all
    const friday = await kioskAt(browser, centreId, '2026-12-04T06:30:00Z');
    await friday.waitForSelector('.closed');
    assert.equal(await friday.textContent('.closed-now'), 'امروز بسته است.');

    // a holiday the centre declared
    const declared = await api(`/api/centres/${centreId}/holidays/2026-12-06`, {
      method: 'PUT',
      body: { names: { fa: 'تعطیل آزمایشی', 'fa-AF': 'رخصتی آزمایشی', ps: 'ازمایښتي رخصتي', en: 'Test holiday' } },
    });
    if (declared.status < 300) {
      const holiday = await kioskAt(browser, centreId, '2026-12-06T06:30:00Z');
      await holiday.waitForSelector('.closed[data-closed="holiday"]');
      assert.equal(await holiday.textContent('.closed-now'), 'امروز بسته است: تعطیل آزمایشی');
      await shot(holiday, 'kiosk-closed-holiday');
      assert.deepEqual(holiday.errors, []);
    }
    assert.deepEqual([...night.errors, ...morning.errors, ...friday.errors], []);
  } finally {
    await browser.close();
  }
});
