// The reports page (issue 15): a supervisor chooses a range of Solar Hijri days and a grouping,
// reads the figures in tables and charts (each chart with its table) in the screen's language and
// digits, compares two periods and downloads the table as CSV. A centre of its own (a copy of
// it-reports: residence and documents, desk d1 serves both).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { api, axe, eventually, launch, open, post, shot, signIn } from './support.mjs';

const C = 'it-reports-screen';
const SUPER = 'e2e-reports-super';
// axe is injected as a script the page's own policy would refuse
const SCREEN = { viewport: { width: 1366, height: 900 }, bypassCSP: true };
const NAMES = {
  residence: { fa: 'اقامت', 'fa-AF': 'اقامت', ps: 'استوګنه', en: 'Residence' },
  documents: { fa: 'مدارک', 'fa-AF': 'اسناد', ps: 'اسناد', en: 'Documents' },
};

const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** The centre, a supervisor, three residence visitors and one for documents; two of them served. */
async function setUp() {
  const profile = structuredClone((await api('/api/centres/it-reports')).body);
  profile.centreId = C;
  profile.names = { fa: 'مرکز گزارش', 'fa-AF': 'مرکز گزارش', ps: 'د راپور مرکز', en: 'Report centre' };
  for (const s of profile.services) s.names = NAMES[s.code];
  const defined = await api(`/api/centres/${C}`, { method: 'PUT', body: profile });
  assert.equal(defined.status, 200, JSON.stringify(defined.body));
  await eventually(
    async () => (await api(`/api/centres/${C}`)).status,
    (s) => s === 200,
    10_000,
  );
  const made = await api('/api/admin/staff', {
    method: 'POST',
    body: { username: SUPER, password: 'amber lantern ferry', role: 'SUPERVISOR', centres: [C] },
  });
  assert.ok([201, 409].includes(made.status), JSON.stringify(made.body));
  for (let i = 0; i < 3; i++) await post(`/api/centres/${C}/visits`, { serviceCode: 'residence' });
  await post(`/api/centres/${C}/visits`, { serviceCode: 'documents' });
  await post(`/api/centres/${C}/desks/d1/open`);
  for (let i = 0; i < 2; i++) {
    const call = await post(`/api/centres/${C}/desks/d1/call-next`, { requestId: `e2e-reports-${Date.now()}-${i}` });
    await post(`/api/visits/${call.visitId}/start`);
    await post(`/api/visits/${call.visitId}/complete`);
  }
  const day = today();
  const report = await eventually(
    async () => (await api(`/api/centres/${C}/reports?from=${day}&to=${day}&groupBy=service`)).body,
    (r) => r?.total?.served === 2,
    10_000,
  );
  assert.equal(report.total.served, 2);
  assert.equal(report.total.arrivals, 4);
  return report;
}

const cell = (page, table, key, column) =>
  page.textContent(`#${table} tr[data-key="${key}"] td[data-column="${column}"]`);

test('a supervisor reads a range by service, compares two periods and downloads the CSV', async () => {
  const expected = await setUp();
  const served = Object.fromEntries(expected.rows.map((r) => [r.key, r.served]));
  const browser = await launch();
  try {
    const page = await open(browser, `/reports.html?centre=${C}&lang=fa`, SCREEN);
    await signIn(page, SUPER);
    // the last seven days by day, read at once
    await page.waitForSelector('#report-table tbody tr');
    assert.equal(await page.locator('#report-table tbody tr').count(), 7);
    assert.equal(await cell(page, 'report-table', 'total', 'colServed'), '۲');
    assert.equal(await cell(page, 'report-table', 'total', 'colArrivals'), '۴');

    // one day (typed in the Solar Hijri calendar), by service
    const day = await page.inputValue('#report-to');
    assert.match(day, /^[۰-۹]{4}-[۰-۹]{2}-[۰-۹]{2}$/);
    await page.fill('#report-from', day);
    await page.selectOption('#report-group', 'service');
    await page.click('#report-show');
    await page.waitForSelector('#report-table tr[data-key="residence"]');
    assert.equal(await page.locator('#report-table tbody tr').count(), expected.rows.length);
    assert.equal(await page.textContent('#report-table tr[data-key="residence"] th'), 'اقامت');
    assert.equal(
      await cell(page, 'report-table', 'residence', 'colServed'),
      String(served.residence).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]),
    );
    // each chart has its table for screen readers
    assert.equal(await page.locator('figure.chart table').count(), 2);
    assert.deepEqual(await axe(page, 'reports-fa'), []);
    await shot(page, 'reports-fa');

    // the CSV of the same table: a byte-order mark, the figures' names, the same figures
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-csv')]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    const header = lines[0].split(',');
    const servedAt = header.indexOf('served');
    assert.ok(servedAt > 0);
    const byKey = Object.fromEntries(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
    assert.equal(byKey.total[servedAt], '2');
    assert.equal(byKey.residence[servedAt], String(served.residence));

    // English, and this period against the week before
    await page.selectOption('#lang', 'en');
    assert.match(await page.inputValue('#report-to'), /^\d{4}-\d{2}-\d{2}$/); // written again in Latin digits
    await page.check('#report-compare');
    await page.click('#report-show');
    await page.waitForSelector('#report-compare-table');
    assert.equal(await page.textContent('#report-compare-table tr[data-figure="colServed"] td'), '2');
    assert.equal(await page.textContent('#report-table tr[data-key="residence"] th'), 'Residence');
    assert.deepEqual(await axe(page, 'reports-en'), []);
    await shot(page, 'reports-en');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
