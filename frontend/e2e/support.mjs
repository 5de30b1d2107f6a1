// Shared by the browser tests: Debian's Chromium through playwright-core (no browser download),
// screenshots as build artifacts, and axe-core for accessibility.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
export const CENTRE = process.env.CENTRE ?? 'it-screens';
export const KIOSK_TOKEN = process.env.KIOSK_TOKEN ?? 'demo-kiosk-token';
export const DISPLAY_TOKEN = process.env.DISPLAY_TOKEN ?? 'demo-display-token';
const SHOTS = process.env.SCREENSHOTS ?? join(process.cwd(), '..', 'target', 'browser-screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Chromium; `extraArgs` for a test's own needs (a fake microphone). */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}

/**
 * The kiosk prints by itself: headless Chromium has no printer, and a print under way stops
 * page.pdf(), so window.print() is counted (window.printed) instead.
 */
export function countPrints() {
  window.printed = 0;
  window.print = () => {
    window.printed += 1;
  };
}

/** A page whose uncaught errors fail the test that reads `errors`. */
export async function open(browser, path, options = {}) {
  const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran', ...options });
  await context.addInitScript(countPrints);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(BASE + path);
  return page;
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core on the page as it is: the serious and critical violations, also saved beside the screenshots. */
export async function axe(page, name) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  writeFileSync(join(SHOTS, `axe-${name}.json`), JSON.stringify(result, null, 2));
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The API as staff, for setting up and checking what the pages did. */
export async function api(
  path,
  { method = 'GET', body, user = 'demo-admin', password = 'demo-admin-pass', device } = {},
) {
  const headers = { Accept: 'application/json' };
  if (device) headers.Authorization = `Device ${device}`;
  else if (user) headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(BASE + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function signIn(page, user) {
  await page.fill('#username', user);
  await page.fill('#password', 'amber lantern ferry'); // BrowserIT's staff accounts share it
  await page.click('form button[type=submit]');
}

/** Asks `probe` every 100 ms until `done` holds or `ms` have passed; answers the last value either way. */
export async function eventually(probe, done, ms = 8_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A POST as the administrator that must succeed; its body. */
export async function post(path, body) {
  const r = await api(path, { method: 'POST', body });
  assert.ok(r.status < 300, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
