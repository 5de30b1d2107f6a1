// The admin page's audit of configuration changes (issue 15): a staff account made through the API
// shows up with the administrator who made it, in the screen's language and digits; axe-core clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, axe, CENTRE as C, launch, open, shot } from './support.mjs';

test('an administrator reads who changed the configuration', async () => {
  const made = await api('/api/admin/staff', {
    method: 'POST',
    body: { username: 'e2e-audited-clerk', password: 'amber lantern ferry', role: 'DESK', centres: [C] },
  });
  assert.ok([201, 409].includes(made.status), JSON.stringify(made.body));
  const browser = await launch();
  try {
    // axe is injected as a script the page's own policy would refuse
    const page = await open(browser, `/admin.html?centre=${C}&lang=fa`, {
      viewport: { width: 1280, height: 1000 },
      bypassCSP: true,
    });
    // the page asks who is signed in before it settles on the form: fill it after that answer
    await page.waitForLoadState('networkidle');
    await page.waitForSelector('#username');
    await page.fill('#username', 'demo-admin');
    await page.fill('#password', 'demo-admin-pass');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#audit-show').catch(async (e) => {
      await shot(page, 'audit-0-failed');
      throw new Error(`no audit section; page errors: ${JSON.stringify(page.errors)}`, { cause: e });
    });
    assert.equal(await page.textContent('#audit-title'), 'تغییرات پیکربندی');
    await page.click('#audit-show');
    const row = '#audit-table tr[data-kind="STAFF_ACCOUNT_CREATED"][data-subject="e2e-audited-clerk"]';
    await page.waitForSelector(row);
    assert.match(await page.textContent(row), /ساخت حساب کارمند/);
    assert.match(await page.textContent(row), /demo-admin/);
    assert.match(await page.textContent(row), /[۰-۹]{2}:[۰-۹]{2}/, 'the time in Persian digits');
    // the seed's definition of the centre is there, with the settings it set
    assert.ok((await page.locator('#audit-table tr[data-kind="CENTRE_DEFINED"]').count()) >= 1);
    await page.locator('#audit').scrollIntoViewIfNeeded();
    await shot(page, 'audit-1-fa');
    assert.deepEqual(await axe(page, 'audit-fa'), []);
    await page.selectOption('#lang', 'ps');
    await page.waitForFunction(() => document.querySelector('#audit-title')?.textContent === 'د تنظیماتو بدلونونه');
    assert.match(await page.textContent(row), /د کارمند حساب جوړ شو/);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
