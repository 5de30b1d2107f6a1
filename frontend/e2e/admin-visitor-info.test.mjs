// The centre's address and the documents to bring for a service, edited on the admin page in every
// language; a document named in one language only is refused with the catalog's reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, CENTRE, eventually, launch, open, shot } from './support.mjs';

const LANGS = ['fa', 'fa-AF', 'ps', 'en'];

test('an administrator edits the address and the documents to bring', async () => {
  const browser = await launch();
  try {
    const page = await open(browser, `/admin.html?centre=${CENTRE}&lang=en`, {
      viewport: { width: 1280, height: 1000 },
    });
    await page.fill('#username', 'demo-admin');
    await page.fill('#password', 'demo-admin-pass');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#address-name-fa');
    for (const l of LANGS) await page.fill(`#address-name-${l}`, `Test street (${l})`);
    await page.click('[data-documents="residence"] button[data-action="add-document"]');
    for (const l of LANGS) await page.fill(`#doc-0-0-name-${l}`, `Passport (${l})`);
    await page.click('#save-centre');
    const saved = await eventually(
      async () => (await api(`/api/centres/${CENTRE}`)).body,
      (c) => c.address?.ps === 'Test street (ps)' && c.documents?.length === 1,
      5_000,
    );
    assert.equal(saved.address.en, 'Test street (en)');
    assert.deepEqual(saved.documents, [
      { serviceCode: 'residence', items: [Object.fromEntries(LANGS.map((l) => [l, `Passport (${l})`]))] },
    ]);
    await shot(page, 'admin-visitor-info-saved');

    // the catalog may follow the change later than the page waits on a busy machine: read it afresh
    await page.reload();
    await page.waitForSelector('#doc-0-0-name-fa');
    assert.equal(await page.inputValue('#address-name-ps'), 'Test street (ps)');
    await page.click('[data-documents="residence"] button[data-action="add-document"]');
    await page.fill('#doc-0-1-name-en', 'Photos');
    await page.click('#save-centre');
    const refusal = await page.waitForSelector('#centre .error');
    assert.ok((await refusal.textContent()).length > 0);
    assert.equal((await api(`/api/centres/${CENTRE}`)).body.documents[0].items.length, 1, 'nothing half-named is kept');
    await shot(page, 'admin-visitor-info-refused');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
