// The staff screens as a new user meets them at 1366×768 in a browser set to American English
// (issue 13): holidays in the Solar Hijri calendar and hours in 24-hour time whatever the browser's
// locale, labels that say what they are, values in words, removals that ask first, a supervisor
// told that the admin page is not theirs, two administrators' saves of one version, and the
// supervisor's desk table and charts. The test makes its own centre and accounts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, axe, BASE, countPrints, eventually, launch, open, shot } from './support.mjs';

const C = 'it-staff-screens';
const PASSWORD = 'amber lantern ferry';
const SUPER = 'e2e-ss-super';
const ADMIN2 = 'e2e-ss-admin2';
const LONG_NAME = 'صدور و تمدید پروانه اقامت و کارت هویت اتباع خارجی مقیم استان تهران';
const SCREEN = { viewport: { width: 1366, height: 768 }, locale: 'en-US', bypassCSP: true };

let ready;
/** The centre (a copy of it-keys with a long service name) and the accounts, made once. */
function setUp() {
  ready ??= (async () => {
    const keys = (await api('/api/centres/it-keys')).body;
    const profile = structuredClone(keys);
    profile.centreId = C;
    profile.names = { fa: 'مرکز آزمایش', 'fa-AF': 'مرکز آزمایش', ps: 'د ازمایښت مرکز', en: 'Test centre' };
    profile.services[1].names.fa = LONG_NAME; // open all day every day, as it-keys is
    const defined = await api(`/api/centres/${C}`, { method: 'PUT', body: profile });
    assert.equal(defined.status, 200, JSON.stringify(defined.body));
    await eventually(
      async () => (await api(`/api/centres/${C}`)).status,
      (s) => s === 200,
    );
    for (const [username, role] of [
      [SUPER, 'SUPERVISOR'],
      [ADMIN2, 'ADMIN'],
    ]) {
      const made = await api('/api/admin/staff', { method: 'POST', body: { username, password: PASSWORD, role } });
      assert.ok([201, 409].includes(made.status), JSON.stringify(made.body));
    }
  })();
  return ready;
}

async function signIn(page, user, password = PASSWORD) {
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('form button[type=submit]');
}

async function adminPage(browser, lang, user = 'demo-admin', password = 'demo-admin-pass') {
  const page = await open(browser, `/admin.html?centre=${C}&lang=${lang}`, SCREEN);
  await signIn(page, user, password);
  await page.waitForSelector('#hours-0-opens');
  return page;
}

const labelOf = (page, id) => page.textContent(`label[for="${id}"]`);

test('holidays in Solar Hijri and hours in 24 hours, whatever the browser speaks', async () => {
  await setUp();
  const browser = await launch();
  try {
    const page = await adminPage(browser, 'fa');
    assert.equal(await page.$('input[type=date], input[type=time]'), null, 'no browser date or time picker');

    // hours: 24-hour text in the screen's digits; a 12-hour time is refused on the page
    assert.equal(await page.inputValue('#hours-0-opens'), '۰۰:۰۰');
    assert.equal(await page.inputValue('#hours-0-closes'), '۲۳:۵۹:۵۹');
    await page.fill('#hours-0-opens', '7:30 PM');
    assert.equal(await page.getAttribute('#hours-0-opens', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#hours-0-opens-error'), /۲۳:۵۹/);
    await page.click('#save-centre');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'hours-0-opens', 'the wrong field first');
    assert.ok(await page.isVisible('#centre .form-check'));
    await page.fill('#hours-0-opens', '۰۷:۳۰');
    assert.equal(await page.getAttribute('#hours-0-opens', 'aria-invalid'), null);
    await page.fill('#hours-0-closes', '19:00');
    await page.click('#save-centre');
    const hours = await eventually(
      async () => (await api(`/api/centres/${C}`)).body.openingHours[0],
      (o) => o.opens.startsWith('07:30'),
    );
    assert.deepEqual([hours.day, hours.opens.slice(0, 5), hours.closes.slice(0, 5)], ['SATURDAY', '07:30', '19:00']);
    await page.waitForSelector('#centre .notice');
    await page.waitForFunction(() => document.querySelector('#hours-0-opens')?.value === '۰۷:۳۰');

    // labels say what they are; services and values in words
    assert.equal(await labelOf(page, 'hours-0-day'), 'روز هفته');
    assert.equal(await labelOf(page, 'svc-0-name-fa'), 'نام خدمت به فارسی');
    assert.equal(await labelOf(page, 'desk-0-name-ps'), 'نام باجه به پشتو');
    assert.equal(await labelOf(page, 'holiday-name-en'), 'نام تعطیل به انگلیسی');
    assert.equal(await labelOf(page, 'end-of-day'), 'در پایان روز');
    const labels = await page.$$eval('label, legend', (els) => els.map((e) => e.textContent));
    assert.deepEqual(
      labels.filter((l) => /\((fa|fa-AF|ps|en)\)/.test(l)),
      [],
      'no language code in a label',
    );
    assert.deepEqual(await page.$$eval('[data-desk="k1"] label.check', (els) => els.map((e) => e.textContent)), [
      'مدارک',
      LONG_NAME,
    ]);
    const words = await page.$$eval('#end-of-day option, #new-role option, #new-kind option', (os) =>
      os.map((o) => o.textContent),
    );
    assert.equal(words.filter((w) => /[A-Za-z]/.test(w)).length, 0, `in words: ${words}`);
    assert.equal(await page.textContent(`#staff tr[data-username="${SUPER}"] td[data-role]`), 'سرپرست');
    // every name fits its field, the longest too
    const cut = await page.$$eval('input.name', (inputs) =>
      inputs.filter((i) => i.scrollWidth > i.clientWidth + 1).map((i) => `${i.id}: ${i.value}`),
    );
    assert.deepEqual(cut, []);
    await shot(page, 'staff-screens-1-admin-fa');

    // a holiday typed in the Solar Hijri calendar (Latin digits too) is kept as its ISO date
    await page.fill('#holiday-date', '1405-10-05');
    assert.equal(await page.textContent('#holiday-date-hint'), 'شنبه ۵ دی ۱۴۰۵');
    await page.fill('#holiday-date', '2026-12-26'); // a Gregorian date is no Solar Hijri day
    assert.equal(await page.getAttribute('#holiday-date', 'aria-invalid'), 'true');
    await page.fill('#holiday-date', '1405-10-05');
    for (const [l, name] of [
      ['fa', 'تعطیل آزمایشی'],
      ['fa-AF', 'رخصتی آزمایشی'],
      ['ps', 'ازمایښتي رخصتي'],
      ['en', 'Test holiday'],
    ]) {
      await page.fill(`#holiday-name-${l}`, name);
    }
    await page.click('#holidays button[type=submit]');
    const row = '#holidays tr[data-date="2026-12-26"][data-source="centre"]';
    await page.waitForSelector(row);
    assert.equal(await page.textContent(`${row} td:nth-child(1)`), 'شنبه ۵ دی ۱۴۰۵');
    assert.equal(await page.textContent(`${row} td:nth-child(3)`), 'همین مرکز');
    const sources = await page.$$eval('#holidays tbody td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
    assert.ok(!sources.some((s) => /national|centre/.test(s)), `sources in words: ${sources}`);

    // …or chosen on a month grid from Saturday; the arrow keys follow the reading direction
    await page.fill('#holiday-date', '۱۴۰۵-۱۰-۰۵');
    await page.click('#holidays [data-action="calendar"]');
    await page.waitForSelector('dialog[data-dialog="calendar"][open]');
    assert.equal(await page.textContent('dialog[data-dialog="calendar"] h3'), 'دی ۱۴۰۵');
    assert.deepEqual((await page.$$eval('table.month th', (ths) => ths.map((th) => th.textContent))).slice(0, 2), [
      'ش',
      'ی',
    ]);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.iso), '2026-12-26');
    assert.deepEqual(await axe(page, 'staff-screens-calendar'), []);
    await shot(page, 'staff-screens-2-calendar');
    await page.keyboard.press('ArrowLeft'); // the next day, right to left
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.iso), '2027-01-03');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[data-dialog="calendar"]', { state: 'detached' });
    assert.equal(await page.inputValue('#holiday-date'), '۱۴۰۵-۱۰-۱۳');
    assert.equal(await page.textContent('#holiday-date-hint'), 'یکشنبه ۱۳ دی ۱۴۰۵');

    // lifting and removing ask first; going back keeps the row
    await page.click(`${row} button`);
    await page.waitForSelector('dialog[data-dialog="confirm"][open]');
    assert.match(await page.textContent('#ask-question'), /۵ دی ۱۴۰۵/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[data-dialog="confirm"]', { state: 'detached' });
    assert.ok(await page.$(row), 'still declared');
    await page.click(`${row} button`);
    await page.click('dialog[data-dialog="confirm"] button[value="yes"]');
    await page.waitForSelector(row, { state: 'detached' });
    assert.ok(!(await api(`/api/centres/${C}/holidays`)).body.some((x) => x.date === '2026-12-26'));

    const periods = () => page.$$eval('select[id^="hours-"][id$="-day"]', (s) => s.length);
    const before = await periods();
    const removeSunday = 'div.item:has(#hours-1-day) > [data-action="remove"]';
    await page.click(removeSunday);
    await page.waitForSelector('dialog[data-dialog="confirm"][open]');
    assert.match(await page.textContent('#ask-question'), /یکشنبه/);
    assert.deepEqual(await axe(page, 'staff-screens-confirm'), []);
    await page.click('dialog[data-dialog="confirm"] button[value="no"]');
    assert.equal(await periods(), before);
    await page.click(removeSunday);
    await page.click('dialog[data-dialog="confirm"] button[value="yes"]');
    await page.waitForFunction(
      (n) => document.querySelectorAll('select[id^="hours-"][id$="-day"]').length === n,
      before - 1,
    );
    assert.equal(await page.inputValue('#hours-1-day'), 'MONDAY');
    assert.deepEqual(await axe(page, 'staff-screens-admin'), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test("a second administrator's save of the same version is refused as changed meanwhile", async () => {
  await setUp();
  const browser = await launch();
  try {
    const first = await adminPage(browser, 'en');
    const second = await adminPage(browser, 'fa', ADMIN2, PASSWORD);
    const target = async () => (await api(`/api/centres/${C}`)).body.services[0].targetWaitMinutes;
    const was = await target();

    await first.fill('#svc-0-target', String(was + 5));
    await first.click('#save-centre');
    await first.waitForSelector('#centre .notice');
    assert.equal(await eventually(target, (v) => v === was + 5), was + 5);

    await second.fill('#svc-0-target', String(was + 9));
    await second.click('#save-centre');
    const refusal = await (await second.waitForSelector('#centre .error[role=alert]')).textContent();
    assert.match(refusal, /هم‌زمان با شما/);
    assert.equal(await target(), was + 5, 'the first save is kept, not silently overwritten');
    await shot(second, 'staff-screens-3-changed-meanwhile');

    // read again, the second administrator's change goes through
    await second.reload();
    await second.waitForSelector('#svc-0-target');
    // numbers in the screen's digits, and Persian digits typed are read
    const fa = (n) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
    assert.equal(await second.inputValue('#svc-0-target'), fa(was + 5));
    await second.fill('#svc-0-target', fa(was + 9));
    await second.click('#save-centre');
    await second.waitForSelector('#centre .notice');
    assert.equal(await eventually(target, (v) => v === was + 9), was + 9);
    assert.deepEqual([...first.errors, ...second.errors], []);
  } finally {
    await browser.close();
  }
});

test('a supervisor is told the admin page is not theirs, and reads the desks and charts', async () => {
  await setUp();
  const browser = await launch();
  try {
    const admin = await open(browser, `/admin.html?centre=${C}&lang=fa`, SCREEN);
    await signIn(admin, SUPER);
    const told = await (await admin.waitForSelector('[data-state="no-access"]')).textContent();
    assert.match(told, /فقط برای مدیران/);
    assert.match(told, /سرپرست/);
    assert.equal(await admin.$('#username'), null, 'not the sign-in form again');
    assert.deepEqual(await axe(admin, 'staff-screens-no-access'), []);
    // and so on the next visit, already signed in
    await admin.reload();
    await admin.waitForSelector('[data-state="no-access"]');
    await shot(admin, 'staff-screens-4-no-access');

    // the first test set Saturday's hours; a visitor must be able to arrive at whatever hour this runs
    const allDay = (await api('/api/centres/it-keys')).body.openingHours;
    const current = (await api(`/api/centres/${C}`)).body;
    const reopened = await api(`/api/centres/${C}`, { method: 'PUT', body: { ...current, openingHours: allDay } });
    assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
    await eventually(
      async () => JSON.stringify((await api(`/api/centres/${C}`)).body.openingHours),
      (hours) => hours === JSON.stringify(allDay),
    );
    const arrived = await api(`/api/centres/${C}/visits`, { method: 'POST', body: { serviceCode: 'papers' } });
    assert.equal(arrived.status, 201, JSON.stringify(arrived.body));
    const page = await open(browser, `/supervisor.html?centre=${C}&lang=fa`, SCREEN);
    await signIn(page, SUPER);
    await page.waitForSelector('.charts svg text');
    assert.deepEqual(
      await page.$$eval('table.desks thead th', (ths) => ths.map((th) => th.getAttribute('scope'))),
      Array(6).fill('col'),
    );
    assert.match(await page.textContent('header .signed-in'), /سرپرست/);
    // every label of the charts is drawn at 12 px or more on this screen
    const sizes = await page.$$eval('.charts svg text, .charts .legend span, .charts figcaption', (els) =>
      els.map((el) => {
        const px = parseFloat(getComputedStyle(el).fontSize);
        const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
        return { text: el.textContent, px: px * scale };
      }),
    );
    assert.ok(sizes.length > 3, JSON.stringify(sizes));
    assert.deepEqual(
      sizes.filter((s) => s.px < 12),
      [],
    );
    assert.deepEqual(await axe(page, 'staff-screens-supervisor'), []);
    await shot(page, 'staff-screens-5-supervisor');
    assert.deepEqual([...admin.errors, ...page.errors], []);
  } finally {
    await browser.close();
  }
});

test("a sign-in made while the page's first look is under way holds", async () => {
  await setUp();
  const browser = await launch();
  try {
    for (const [path, shown] of [
      [`/admin.html?centre=${C}&lang=en`, '#hours-0-opens'],
      [`/supervisor.html?centre=${C}&lang=en`, 'table.desks'],
    ]) {
      const context = await browser.newContext(SCREEN);
      await context.addInitScript(countPrints);
      let first = true;
      // the page's own first /api/me answers late (a cold server): "nobody signed in", after the sign-in
      await context.route('**/api/me', async (route) => {
        if (!first) return route.continue();
        first = false;
        const answer = await route.fetch();
        await new Promise((r) => setTimeout(r, 2_500));
        await route.fulfill({ response: answer });
      });
      const page = await context.newPage();
      await page.goto(BASE + path, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('#username');
      await signIn(page, 'demo-admin', 'demo-admin-pass');
      await page.waitForSelector(shown);
      await new Promise((r) => setTimeout(r, 3_000)); // the late answer has come meanwhile
      assert.equal(await page.$('#username'), null, `${path}: the sign-in form does not come back`);
      assert.ok(await page.$(shown), path);
      await context.close();
    }
  } finally {
    await browser.close();
  }
});
