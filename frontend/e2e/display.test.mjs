// The TV display on a realistic floor (31 waiting, desks calling, a recall, a completed visit, a
// paused desk) at 1920×1080 and 1280×720 in every language: one screen, no scroll, a panel per
// desk, the latest call on one line; then the day closes. A centre of its own (it-tv), so that
// closing its day leaves the other tests' floor alone.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { api, axe, launch, open, shot } from './support.mjs';

const TV = 'it-tv';
const SERVICES = ['residence', 'identity', 'work-permit', 'employment', 'family', 'health'];
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
const LANGS = ['fa', 'fa-AF', 'ps', 'en'];
const csp = { bypassCSP: true }; // axe is injected as a script the page's own policy would refuse
const PAUSED = {
  fa: 'موقتاً متوقف',
  'fa-AF': 'موقتاً متوقف',
  ps: 'لنډمهاله درول شوې',
  en: 'Paused',
};
const SECOND_CALL = { fa: 'فراخوان دوم', 'fa-AF': 'فراخوان دوم', ps: 'دوهم غږ', en: 'Second call' };
const DAY_CLOSED = {
  fa: 'نوبت‌دهی امروز به پایان رسیده است',
  'fa-AF': 'نوبت‌دهی امروز به پایان رسیده است',
  ps: 'د نن ورځې نوبت پای ته ورسېد',
  en: "Today's queue is closed",
};

async function ok(path, body) {
  const r = await api(path, { method: 'POST', body });
  assert.ok(r.status < 300, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
const callNext = (desk) => ok(`/api/centres/${TV}/desks/${desk}/call-next`, { requestId: randomUUID() });

/** What the page shows, measured in the page. */
function measure() {
  const call = document.querySelector('.latest .call');
  const callBox = call?.getBoundingClientRect();
  const lineHeight = call ? parseFloat(getComputedStyle(call).lineHeight) : 0;
  const desks = document.querySelector('.desks').getBoundingClientRect();
  return {
    documentHeight: document.documentElement.scrollHeight,
    bodyHeight: document.body.scrollHeight,
    viewport: innerHeight,
    callOneLine: call ? callBox.height < 1.5 * lineHeight && call.scrollWidth <= call.clientWidth + 1 : null,
    panels: [...document.querySelectorAll('.desk-panel')].map((p) => {
      const r = p.getBoundingClientRect();
      return {
        desk: p.dataset.desk,
        state: p.dataset.state,
        ticket: p.dataset.ticket,
        text: p.textContent,
        marker: p.querySelector('.recall-marker')?.textContent ?? null,
        inside: r.top >= desks.top - 1 && r.bottom <= desks.bottom + 1 && p.scrollWidth <= p.clientWidth + 1,
        // nothing in a panel cut short ("Desk 8 (Red Cr…")
        whole: [...p.children].every((c) => c.scrollWidth <= c.clientWidth + 1),
      };
    }),
    recentTickets: [...document.querySelectorAll('.calls li')].map((li) => li.dataset.ticket + '@' + li.textContent),
    latestMarker: document.querySelector('.latest h2 .recall-marker')?.textContent ?? null,
    soundButtonShown: !document.querySelector('.sound').hidden,
    // the smallest text a visitor reads across the hall (the connection badge is for the staff)
    smallestText: [...document.querySelectorAll('main *, header .clock *')]
      .filter(
        (e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length,
      )
      .map((e) => ({ what: `${e.tagName}.${e.className}`, px: parseFloat(getComputedStyle(e).fontSize) }))
      .sort((a, b) => a.px - b.px)[0],
  };
}

const persian = (ticket) => ticket.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);

test('the TV display: a panel per desk, one screen at 1920×1080 and 1280×720, a closed day', async () => {
  const device = await ok('/api/admin/devices', { deviceId: 'e2e-tv-display', kind: 'DISPLAY', centreId: TV });
  const url = (lang) => `/display.html?centre=${TV}&lang=${lang}&device_token=${device.token}`;

  for (let i = 0; i < 39; i++) await ok(`/api/centres/${TV}/visits`, { serviceCode: SERVICES[i % SERVICES.length] });
  for (let d = 1; d <= 8; d++) await ok(`/api/centres/${TV}/desks/desk-${d}/open`, {});
  const completed = await callNext('desk-1');
  await ok(`/api/visits/${completed.visitId}/start`);
  await ok(`/api/visits/${completed.visitId}/complete`);
  await callNext('desk-1');
  const inService = await callNext('desk-2');
  await ok(`/api/visits/${inService.visitId}/start`);
  for (const d of ['desk-3', 'desk-4', 'desk-5', 'desk-6']) await callNext(d);
  await ok(`/api/centres/${TV}/desks/desk-7/pause`);
  const recalled = await callNext('desk-8'); // the longest desk name: "Desk 8 (Red Crescent)"

  const browser = await launch();
  try {
    // this one sees the recall arrive: it flashes, and is marked
    const watching = await open(browser, url('fa'), { viewport: SIZES[0], ...csp });
    await watching.waitForSelector('body[data-connection="live"]', { timeout: 15_000 });
    await watching.waitForSelector('.desk-panel[data-desk="desk-8"][data-ticket]');
    await ok(`/api/visits/${recalled.visitId}/recall`);
    await watching.waitForSelector(`.latest .call.flash[data-ticket="${recalled.ticket}"][data-recall="1"]`, {
      timeout: 5_000,
    });
    await watching.waitForSelector('.desk-panel[data-desk="desk-8"].flash[data-recall="1"]');
    await shot(watching, 'display-fa-1920x1080-flash');
    await watching.waitForTimeout(4_500); // the flash is over: what stays on screen is checked below

    const display = (await api(`/api/centres/${TV}/display`)).body;
    const serving = display.desks.filter((d) => d.serving);
    assert.equal(serving.length, 7, 'seven desks serve a ticket');
    assert.equal(
      display.services.reduce((n, s) => n + s.waiting, 0),
      31,
      '31 waiting',
    );
    assert.equal(display.latestCall.ticket, recalled.ticket);

    for (const size of SIZES) {
      for (const lang of LANGS) {
        const name = `display-${lang}-${size.width}x${size.height}`;
        const page =
          lang === 'fa' && size.width === 1920 ? watching : await open(browser, url(lang), { viewport: size, ...csp });
        await page.waitForSelector('body[data-connection="live"]', { timeout: 15_000 });
        await page.waitForSelector(`.latest .call[data-ticket="${recalled.ticket}"][data-recall="1"]`);
        await page.waitForSelector(`body[data-centre="${TV}"]`);
        await page.evaluate(() => document.fonts.ready);
        const seen = await page.evaluate(measure);

        assert.ok(seen.documentHeight <= seen.viewport, `${name}: the page is ${seen.documentHeight} px tall`);
        assert.ok(seen.bodyHeight <= seen.viewport, `${name}: the body is ${seen.bodyHeight} px tall`);
        assert.equal(seen.callOneLine, true, `${name}: the latest call is on one line`);
        assert.equal(seen.latestMarker, SECOND_CALL[lang], `${name}: the latest call is marked as a recall`);
        assert.equal(seen.soundButtonShown, false, `${name}: sound plays, so no button`);
        // 2.4 % of the height: 17 px on a 720-line TV, as large as the service table and the clock's date
        assert.ok(
          seen.smallestText.px >= 0.024 * size.height,
          `${name}: ${seen.smallestText.what} is ${seen.smallestText.px} px`,
        );

        for (const d of serving) {
          const panel = seen.panels.find((p) => p.desk === d.deskId);
          assert.ok(panel, `${name}: a panel for ${d.deskId}`);
          assert.equal(panel.ticket, d.serving.ticket, `${name}: ${d.deskId} serves ${d.serving.ticket}`);
          const shown = lang === 'en' ? d.serving.ticket : persian(d.serving.ticket);
          assert.ok(panel.text.includes(shown), `${name}: ${d.deskId}'s panel reads ${shown}: ${panel.text}`);
        }
        assert.ok(
          seen.panels.every((p) => p.inside),
          `${name}: every panel fits: ${JSON.stringify(seen.panels)}`,
        );
        assert.ok(
          seen.panels.every((p) => p.whole),
          `${name}: no panel text is cut: ${JSON.stringify(seen.panels)}`,
        );
        assert.ok(
          seen.panels.every((p) => p.ticket !== completed.ticket),
          `${name}: the completed ${completed.ticket} is not served`,
        );
        assert.equal(seen.panels.find((p) => p.desk === 'desk-8').marker, SECOND_CALL[lang]);
        const paused = seen.panels.find((p) => p.desk === 'desk-7');
        assert.equal(paused.state, 'paused');
        assert.ok(paused.text.includes(PAUSED[lang]), `${name}: desk 7 says paused: ${paused.text}`);
        assert.ok(seen.recentTickets.length >= 1, `${name}: recent calls shown`);
        const tickets = seen.recentTickets.map((r) => r.split('@')[0]);
        assert.equal(new Set(tickets).size, tickets.length, `${name}: no duplicate rows: ${seen.recentTickets}`);
        assert.ok(!tickets.includes(recalled.ticket), `${name}: the latest call is not repeated below`);

        await shot(page, name);
        assert.deepEqual(await axe(page, name), [], `${name}: axe`);
        assert.deepEqual(page.errors, []);
        if (page !== watching) await page.context().close();
      }
    }

    await api(`/api/centres/${TV}/close-day`, { method: 'POST', body: {} });
    for (const lang of ['fa', 'ps']) {
      for (const size of SIZES) {
        const name = `display-${lang}-${size.width}x${size.height}-closed`;
        const page = await open(browser, url(lang), { viewport: size, ...csp });
        await page.waitForSelector('.latest .day-closed');
        assert.equal(await page.textContent('.latest .day-closed'), DAY_CLOSED[lang]);
        assert.equal(await page.locator('.desk-panel').count(), 0, `${name}: no desk serves on a closed day`);
        assert.equal(await page.locator('.latest .call').count(), 0, `${name}: nothing is now serving`);
        await shot(page, name);
        assert.deepEqual(await axe(page, name), [], `${name}: axe`);
        await page.context().close();
      }
    }
    // the page open before the closing follows it live
    await watching.waitForSelector('.latest .day-closed', { timeout: 5_000 });
    assert.equal(await watching.locator('.desk-panel').count(), 0);
    assert.deepEqual(watching.errors, []);
  } finally {
    await browser.close();
  }
});
