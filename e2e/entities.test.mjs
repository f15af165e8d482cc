// Entity highlights in the reader (http and file://): DOM contract, kind toggles, card on focus, entity pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

async function openArticle(page, origin, titlePart) {
  await go(page, origin);
  await page.locator('.card-title a', { hasText: titlePart }).click();
  await page.waitForSelector('html[data-app="ready"] [data-page="article"] mark.entity');
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: the app starts from the build's analysis (data.js): nothing is analysed again, no model runs`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin());
    const mark = (n) => page.evaluate((m) => performance.getEntriesByName(`presseschau:${m}`)[0]?.startTime ?? null, n);
    assert.ok((await mark('precomputed')) !== null, 'started from data.js');
    await page.waitForTimeout(300);
    assert.equal(await mark('entities'), null, 'no entity analysis in the browser');
    assert.equal(await mark('detected'), null, 'no model run in the browser');
    assert.equal(await mark('model-requested'), null, 'model.js not loaded');
    assert.deepEqual(problems, []);
    await context.close();
  });

  if (name === 'http') {
    test('http: without data.js the app analyses by itself, first page before the model, the model right after', async () => {
      const { page, problems, context } = await openPage(browser, origin());
      // neither the page's share nor the whole analysis: the reading app hands over to the full app
      await context.route('**/data.js', (route) => route.fulfill({ status: 404, body: '' }));
      await context.route('**/data/*.js', (route) => route.fulfill({ status: 404, body: '' }));
      await go(page, origin());
      const mark = (n) => page.evaluate((m) => performance.getEntriesByName(`presseschau:${m}`)[0]?.startTime ?? null, n);
      await page.waitForFunction(() => performance.getEntriesByName('presseschau:detected').length > 0, null, { timeout: 15000 });
      const [rendered, detected] = [await mark('rendered'), await mark('detected')];
      assert.ok(rendered !== null && detected !== null && detected > rendered, `rendered ${rendered}, detected ${detected}`);
      assert.equal(await mark('precomputed'), null);
      assert.ok((await mark('model-loaded')) !== null, 'the model came from model.js');
      // the 404 of data.js is the only console error a browser reports here
      assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
      await context.close();
    });
  }

  test(`${name}: marks follow the DOM contract`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin(), 'Russisch-türkische');
    const marks = await page.locator('.article-body mark.entity').evaluateAll((ms) => ms.map((m) => ({
      kind: m.dataset.kind, id: m.dataset.entityId, derived: m.dataset.derived, value: m.dataset.value,
      text: m.firstChild?.textContent,
    })));
    assert.ok(marks.length > 30, `only ${marks.length} marks`);
    const kinds = new Set(marks.map((m) => m.kind));
    for (const k of ['person', 'place', 'organization', 'product', 'quantity']) assert.ok(kinds.has(k), `no ${k} mark`);
    for (const m of marks) assert.match(m.kind, /^(person|place|organization|product|event|date|quantity)$/);
    const lawrow = marks.find((m) => m.text === 'Sergej Lawrow');
    assert.ok(lawrow && lawrow.kind === 'person' && lawrow.id, 'Sergej Lawrow is a linked person');
    assert.ok(marks.some((m) => m.derived === 'true' && /^russisch/.test(m.text)), 'derived adjective marked');
    assert.ok(marks.some((m) => m.kind === 'quantity' && m.value), 'quantities carry data-value');
    for (const word of ['Politik', 'Hintergrund', 'Anzeige']) assert.ok(!marks.some((m) => m.text === word), `${word} marked`);
    // the kind is an accessible description, not text in the sentence (not copied, not found by Ctrl+F)
    const first = page.locator('.article-body mark.entity').first();
    assert.equal(await first.locator('.sr-only').count(), 0);
    const described = await first.evaluate((m) => document.getElementById(m.getAttribute('aria-describedby'))?.textContent);
    assert.match(described, /^(Person|Ort|Organisation|Produkt|Ereignis|Datum|Menge)/);
    const bodyText = await page.locator('.article-body').evaluate((b) => b.innerText);
    assert.ok(!/\((Ort|Person|Organisation)\)/.test(bodyText), 'no "(Ort)" in the text stream');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: a kind toggle hides and shows that kind, and is remembered`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin(), 'Russisch-türkische');
    const persons = () => page.locator('.article-body mark.entity[data-kind="person"]').count();
    const before = await persons();
    assert.ok(before > 0);
    await page.click('[data-kind-toggle="person"]');
    assert.equal(await persons(), 0);
    assert.ok((await page.locator('.article-body mark.entity[data-kind="place"]').count()) > 0, 'other kinds stay');
    await page.reload();
    await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
    assert.equal(await persons(), 0, 'remembered across reload');
    await page.click('#kinds-all');
    assert.equal(await page.locator('.article-body mark.entity').count(), 0, 'all off');
    await page.click('#kinds-all');
    assert.equal(await persons(), before, 'all on again');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the entity card opens on keyboard focus and links to the entity page`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin(), 'Russisch-türkische');
    const mark = page.locator('.article-body mark.entity[data-kind="person"]', { hasText: 'Lawrow' }).first();
    await mark.focus();
    await page.waitForSelector('#entity-card');
    const card = await page.locator('#entity-card').textContent();
    assert.match(card, /Lawrow/);
    assert.match(card, /Person/);
    await page.locator('#entity-card a', { hasText: 'Alle Erwähnungen' }).click();
    await page.waitForSelector('html[data-app="ready"] [data-page="entity"]');
    assert.match(await page.locator('h1').textContent(), /Lawrow/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: an entity page lists mentions from several articles; the index lists entities`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin());
    const chips = await page.locator('.article-card').nth(1).locator('.card-entities a').allTextContents();
    assert.ok(chips.length >= 3 && chips.some((c) => c.includes('Türkei')), `main entities on the card: ${chips}`);
    await go(page, origin(), '#/e');
    await page.waitForSelector('html[data-app="ready"] [data-page="entities"] tbody tr');
    assert.ok((await page.locator('tbody tr').count()) > 40);
    // the page holds its own names; a filter loads the whole list (data/names.js), then shows it
    assert.equal(await page.locator('script[src="data/names.js"]').count(), 0);
    await page.selectOption('#entity-kind', 'person');
    await page.waitForFunction(() => {
      const kinds = [...document.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.textContent);
      return kinds.length > 5 && kinds.every((k) => k === 'Person');
    });
    assert.equal(await page.locator('script[src="data/names.js"]').count(), 1);
    await page.locator('tbody tr a', { hasText: 'Putin' }).first().click();
    await page.waitForSelector('html[data-app="ready"] [data-page="entity"]');
    assert.ok((await page.locator('.mention-group').count()) >= 4, 'Putin appears in several articles');
    assert.ok((await page.locator('.mention-sentences mark').count()) >= 8);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
