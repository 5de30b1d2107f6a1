// The display announces a call with recorded clips, played back to back, in each of the centre's
// announcement languages (here Persian, then English): headless Chromium has no speech voice at
// all, so without the clips there would be a chime and no words. Observed through the audio
// elements' events; one word comes from the centre's own recording, the others from the default pack.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { api, BASE, CENTRE, DISPLAY_TOKEN, KIOSK_TOKEN, launch, shot } from './support.mjs';

const ADMIN = `Basic ${Buffer.from('demo-admin:demo-admin-pass').toString('base64')}`;

// an oracle of its own for the words of a number (lib/voice-clips.ts composes them for the display)
function numberWords(n, lang) {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const unit = rest % 10;
  const tens = rest >= 20 ? [`n.${rest - unit}`, ...(unit ? [`n.${unit}`] : [])] : rest ? [`n.${rest}`] : [];
  if (lang === 'en') return [...(h ? [`n.${h}`, 'hundred'] : []), ...tens];
  const groups = [...(h ? [`n.${h * 100}`] : []), ...tens];
  return groups.flatMap((k, i) => (i === 0 ? [k] : ['and', k]));
}

async function until(probe, what) {
  for (let i = 0; i < 100; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test('the display says a call with clips, Persian then English, with no speech voice', async () => {
  const profile = (await api(`/api/centres/${CENTRE}`)).body;
  const languagesBefore = profile.announcementLanguages;
  const defined = await api(`/api/centres/${CENTRE}`, {
    method: 'PUT',
    body: { ...profile, announcementLanguages: ['fa', 'en'] },
  });
  assert.equal(defined.status, 200);
  await until(
    async () => (await api(`/api/centres/${CENTRE}`)).body.announcementLanguages.join() === 'fa,en',
    'the catalog',
  );
  // the centre's own "desk" in Persian (any short Ogg clip will do for the test)
  const recorded = await fetch(`${BASE}/api/centres/${CENTRE}/voice/fa/desk`, {
    method: 'PUT',
    headers: { Authorization: ADMIN, 'Content-Type': 'audio/ogg' },
    body: readFileSync(new URL('../public/voice/en/desk.ogg', import.meta.url)),
  });
  assert.equal(recorded.status, 200);
  const { version } = await recorded.json();

  const browser = await launch();
  try {
    const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    await context.addInitScript(() => {
      window.clipEvents = [];
      for (const type of ['playing', 'ended', 'error']) {
        document.addEventListener(
          type,
          (e) => {
            if (e.target instanceof HTMLMediaElement) window.clipEvents.push({ type, src: e.target.dataset.clip });
          },
          true,
        );
      }
    });
    const display = await context.newPage();
    const errors = [];
    display.on('pageerror', (e) => errors.push(String(e)));
    await display.goto(`${BASE}/display.html?centre=${CENTRE}&lang=fa&device_token=${DISPLAY_TOKEN}`);
    await display.waitForSelector('body[data-connection="live"]', { timeout: 15_000 });
    assert.equal(await display.evaluate(() => speechSynthesis.getVoices().length), 0, 'headless Chromium has no voice');

    const arrival = await api(`/api/centres/${CENTRE}/visits`, {
      method: 'POST',
      device: KIOSK_TOKEN,
      body: { serviceCode: 'work' },
    });
    assert.equal(arrival.status, 201);
    assert.equal(
      (await api(`/api/centres/${CENTRE}/desks/d3/open`, { method: 'POST', body: { serviceCodes: ['work'] } })).status,
      200,
    );
    const call = await api(`/api/centres/${CENTRE}/desks/d3/call-next`, {
      method: 'POST',
      body: { requestId: `voice-${Date.now().toString(16)}` },
    });
    assert.equal(call.status, 200);
    const { ticket, visitId } = call.body;
    const [letters, digits] = ticket.split('-');

    const own = `/api/centres/${CENTRE}/voice/fa/desk?v=${version}`;
    const said = (lang) => [
      `/voice/${lang}/ticket.ogg`,
      ...[...letters.toLowerCase()].map((c) => `/voice/${lang}/letter.${c}.ogg`),
      ...numberWords(Number(digits), lang).map((k) => `/voice/${lang}/${k}.ogg`),
      lang === 'fa' ? own : `/voice/${lang}/desk.ogg`,
      `/voice/${lang}/n.3.ogg`,
    ];
    const expected = [...said('fa'), ...said('en')];
    await display.waitForFunction(
      (n) => window.clipEvents.filter((e) => e.type === 'ended').length >= n,
      expected.length,
      { timeout: 30_000 },
    );
    await shot(display, 'voice-1-display-announced');
    const events = await display.evaluate(() => window.clipEvents);
    // each clip plays to its end before the next one starts: never two at once
    assert.deepEqual(
      events,
      expected.flatMap((src) => [
        { type: 'playing', src },
        { type: 'ended', src },
      ]),
    );
    assert.equal(await display.evaluate(() => document.querySelectorAll('audio').length), 0, 'the clips are let go');
    assert.deepEqual(errors, []);

    await api(`/api/visits/${encodeURIComponent(visitId)}/cancel`, { method: 'POST', body: {} });
    await api(`/api/centres/${CENTRE}/desks/d3/close`, { method: 'POST', body: {} });
  } finally {
    await browser.close();
    await fetch(`${BASE}/api/centres/${CENTRE}/voice/fa/desk`, { method: 'DELETE', headers: { Authorization: ADMIN } });
    const now = (await api(`/api/centres/${CENTRE}`)).body;
    await api(`/api/centres/${CENTRE}`, { method: 'PUT', body: { ...now, announcementLanguages: languagesBefore } });
  }
});

test('an administrator records a Pashto word with the microphone, hears it and removes it', async () => {
  const browser = await launch(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
  const clip = `/api/centres/${CENTRE}/voice/ps/ticket`;
  try {
    const context = await browser.newContext({
      locale: 'fa-IR',
      timezoneId: 'Asia/Tehran',
      viewport: { width: 1280, height: 1000 },
    });
    await context.grantPermissions(['microphone'], { origin: BASE });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${BASE}/admin.html?centre=${CENTRE}&lang=ps`);
    await page.fill('#username', 'demo-admin');
    await page.fill('#password', 'demo-admin-pass');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#staff table', { timeout: 60_000 }).catch(async (e) => {
      await shot(page, 'voice-2-admin-failed');
      throw new Error(`${e.message}\n${await page.locator('body').innerText()}\n${errors}`);
    });
    await page.waitForSelector('#voice tr[data-clip="ticket"]').catch(async (e) => {
      await shot(page, 'voice-2-admin-failed');
      throw new Error(
        `${e.message}\n${await page
          .locator('#voice')
          .innerText()
          .catch(() => 'no #voice')}\n${errors}`,
      );
    });
    await page.selectOption('#voice-lang', 'ps');
    const row = (key) => page.locator(`#voice tr[data-clip="${key}"]`);
    assert.equal(await row('ticket').getAttribute('data-recorded'), 'none'); // no default Pashto pack
    assert.equal(await row('n.20.compound').locator('td').first().textContent(), 'ویشت');

    await row('ticket').locator('button.record').click();
    await page.waitForSelector('#voice tr[data-clip="ticket"] button.record.danger');
    await page.waitForTimeout(800);
    const stored = page.waitForResponse((r) => r.url().endsWith('/voice/ps/ticket') && r.request().method() === 'PUT');
    await row('ticket').locator('button.record').click();
    assert.equal((await stored).status(), 200);
    await page.waitForSelector('#voice tr[data-clip="ticket"][data-recorded="own"]');
    const pack = (await api(`/api/centres/${CENTRE}/voice`)).body.clips;
    const mine = pack.find((c) => c.language === 'ps' && c.key === 'ticket');
    assert.match(mine.type, /^audio\//);
    assert.ok(mine.size > 0);
    await shot(page, 'voice-2-admin-recorded');
    await page
      .locator('#voice')
      .screenshot({ path: join(process.cwd(), '..', 'target', 'browser-screenshots', 'voice-3-admin-section.png') });

    // played back from the server
    const played = page.waitForResponse((r) => r.url().includes('/voice/ps/ticket?v='));
    await row('ticket').locator('button.play').click();
    assert.equal((await played).status(), 200);

    await row('ticket').locator('button.remove').click();
    await page.waitForSelector('#voice tr[data-clip="ticket"][data-recorded="none"]');
    assert.equal((await fetch(BASE + clip)).status, 404);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await fetch(BASE + clip, { method: 'DELETE', headers: { Authorization: ADMIN } });
  }
});
