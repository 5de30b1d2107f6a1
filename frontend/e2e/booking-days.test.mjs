// The booking calendar marks every day that cannot be booked before a tap: Fridays (the demo
// centre is closed), a holiday by its name in the visitor's language, days beyond the horizon.
// The server runs on the real clock, so the days are counted from today in Tehran.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, axe, launch, open, shot } from './support.mjs';

const C = 'persian-gulf';
const DAY = 86_400_000;
const tehranDay = (at) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(at);
const weekday = (iso) => new Date(`${iso}T12:00:00Z`).getUTCDay(); // 5 = Friday

async function showDay(page, iso) {
  for (let i = 0; i < 4 && !(await page.$(`button.day[data-date="${iso}"]`)); i++) {
    await page.click('.calendar-head button:last-child');
  }
  return page.waitForSelector(`button.day[data-date="${iso}"][data-state]`);
}

test('closed days, a named holiday and days beyond the horizon are marked before a tap', async () => {
  const now = Date.now();
  const friday = [...Array(7).keys()].map((i) => tehranDay(now + (i + 1) * DAY)).find((d) => weekday(d) === 5);
  let holiday = tehranDay(now + 9 * DAY);
  if (weekday(holiday) === 5) holiday = tehranDay(now + 10 * DAY);
  const beyond = tehranDay(now + 62 * DAY);
  const names = {
    fa: 'تعطیل آزمون تقویم',
    'fa-AF': 'رخصتی آزمون جنتری',
    ps: 'د جنتري ازموینې رخصتي',
    en: 'Calendar test day',
  };
  const declared = await api(`/api/centres/${C}/holidays/${holiday}`, { method: 'PUT', body: { names } });
  assert.equal(declared.status, 200, JSON.stringify(declared.body));
  const browser = await launch();
  try {
    const page = await open(browser, '/book.html?lang=ps', {
      viewport: { width: 414, height: 896 },
      isMobile: true,
      bypassCSP: true, // axe is injected as a script the page's own policy would refuse
    });
    await page.selectOption('#centre', C);
    await page.selectOption('#service', 'residence');

    const fri = await showDay(page, friday);
    assert.equal(await fri.isDisabled(), true, 'a Friday cannot be tapped');
    assert.match(await fri.getAttribute('aria-label'), /رخصتي/);

    await page.click('.calendar-head button:first-child'); // back, in case the Friday was in the next month
    const off = await showDay(page, holiday);
    assert.equal(await off.getAttribute('data-state'), 'HOLIDAY');
    assert.equal(await off.isDisabled(), true);
    assert.ok((await off.getAttribute('aria-label')).includes(names.ps), await off.getAttribute('aria-label'));
    assert.ok((await page.textContent('.calendar-notes')).includes(names.ps), 'the holiday is named as text');
    // a past day, a closed day and a holiday look different, and a legend says what each look means
    const looks = await page.$$eval('button.day.unavailable', (days) =>
      Object.fromEntries(
        days.map((d) => {
          const s = getComputedStyle(d);
          const look = ['past', 'closed', 'holiday', 'full', 'later', 'walkin'].find((l) => d.classList.contains(l));
          return [look, `${s.backgroundColor}|${s.borderStyle}|${s.textDecorationLine}|${s.color}`];
        }),
      ),
    );
    assert.equal(new Set(Object.values(looks)).size, Object.keys(looks).length, JSON.stringify(looks));
    const legend = await page.$$eval('.calendar-legend li', (items) =>
      Object.fromEntries(items.map((li) => [li.dataset.legend, li.textContent])),
    );
    for (const look of Object.keys(looks))
      assert.ok(legend[look], `the legend explains ${look}: ${JSON.stringify(legend)}`);
    assert.ok(legend.closed.includes('رخصتي') && legend.holiday.includes('رسمي رخصتي'), JSON.stringify(legend));
    assert.deepEqual(await axe(page, 'booking-days'), []);
    await shot(page, 'booking-days-holiday');

    const far = await showDay(page, beyond);
    assert.equal(await far.getAttribute('data-state'), 'BEYOND_HORIZON');
    assert.equal(await far.isDisabled(), true);
    assert.match(await far.getAttribute('aria-label'), /خلاص نه دی/);
    await shot(page, 'booking-days-beyond');
    assert.deepEqual(page.errors, []);
  } finally {
    await api(`/api/centres/${C}/holidays/${holiday}`, { method: 'DELETE' });
    await browser.close();
  }
});
