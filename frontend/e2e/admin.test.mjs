// The administrator's screen: a centre's service changed through the form, a holiday declared and
// lifted, a staff account created, a device token issued and revoked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, CENTRE, eventually, launch, open, shot } from './support.mjs';

/** An ISO date as its Solar Hijri year-month-day, as the holiday field takes it. */
function jalali(iso) {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${iso}T12:00:00Z`));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

test('an administrator changes the centre, holidays, staff and devices', async () => {
  const browser = await launch();
  try {
    const page = await open(browser, `/admin.html?centre=${CENTRE}&lang=en`, {
      viewport: { width: 1280, height: 1000 },
    });
    await page.fill('#username', 'demo-admin');
    await page.fill('#password', 'demo-admin-pass');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#svc-0-target');

    const before = (await api(`/api/centres/${CENTRE}`)).body.services.find(
      (s) => s.code === 'residence',
    ).targetWaitMinutes;
    await page.fill('#svc-0-target', String(before + 7));
    await page.click('#save-centre');
    await page.waitForSelector('#centre .notice');
    const after = await eventually(
      async () =>
        (await api(`/api/centres/${CENTRE}`)).body.services.find((s) => s.code === 'residence').targetWaitMinutes,
      (v) => v === before + 7,
      5_000,
    );
    assert.equal(after, before + 7);
    await shot(page, 'admin-1-centre-saved');

    await page.waitForSelector('#rule-0-capacity');
    await page.fill('#rule-0-capacity', '4');
    await page.click('#save-template');
    await page.waitForSelector('#template .notice');
    assert.equal(
      await eventually(
        async () =>
          (await api(`/api/centres/${CENTRE}/services/residence/slot-template`)).body.template.rules[0].capacity,
        (c) => c === 4,
        5_000,
      ),
      4,
    );

    const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('#holiday-date', jalali(day));
    for (const [lang, name] of [
      ['fa', 'تعطیل آزمایشی'],
      ['fa-AF', 'رخصتی آزمایشی'],
      ['ps', 'ازمایښتي رخصتي'],
      ['en', 'Test holiday'],
    ]) {
      await page.fill(`#holiday-name-${lang}`, name);
    }
    await page.click('#holidays button[type=submit]');
    await page.waitForSelector(`#holidays tr[data-date="${day}"]`);
    await page.click(`#holidays tr[data-date="${day}"] button`);
    await page.click('dialog[data-dialog="confirm"] button[value="yes"]'); // lifting asks first
    await page.waitForSelector(`#holidays tr[data-date="${day}"][data-source="centre"]`, { state: 'detached' });

    await page.fill('#new-username', 'admin-made-desk');
    await page.fill('#new-password', 'a long enough password');
    await page.selectOption('#new-role', 'DESK');
    await page.click('#staff button[type=submit]');
    await page.waitForSelector('#staff tr[data-username="admin-made-desk"]');
    assert.equal((await api('/api/me', { user: 'admin-made-desk', password: 'a long enough password' })).status, 200);

    await page.fill('#new-device', 'kiosk-from-admin');
    await page.selectOption('#new-kind', 'KIOSK');
    await page.click('#devices button[type=submit]');
    const token = await (await page.waitForSelector('.token code')).textContent();
    assert.equal((await api('/api/me', { device: token })).status, 200);
    await shot(page, 'admin-2-token-issued');
    await page.click('#devices tr[data-device="kiosk-from-admin"] button');
    await page.click('dialog[data-dialog="confirm"] button[value="yes"]');
    await page.waitForFunction(() => !document.querySelector('#devices tr[data-device="kiosk-from-admin"] button'));
    assert.equal((await api('/api/me', { device: token })).status, 401);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
