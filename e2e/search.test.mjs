// Search (issue 13), over http and from disk: `/` focuses the header field from any page; inflected and
// derived forms of names and German stems find the articles; each result shows the hit in context and
// opens the article at the hit, marked; the reader's notes are found; nothing is requested from outside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go, ready, visibleText } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

async function search(page, query) {
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search', '/ focuses the search field');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.waitForURL(/search\.html#q=/);
  await ready(page);
  await page.waitForSelector('[data-search-results]', { state: 'attached' });
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: names in any form and stems find articles; a result opens the article at the hit`, async () => {
    const { page, problems, context, foreign } = await openPage(browser, origin());
    await go(page, origin(), 't.html');
    await search(page, 'Erdogans');
    const hits = page.locator('[data-search-results] > li');
    assert.ok((await hits.count()) >= 3, 'three articles mention Erdoğan');
    assert.match(await page.locator('.search-names').textContent(), /Recep Tayyip Erdoğan/);
    assert.match(await hits.first().locator('.snippet mark').textContent(), /Erdo/);
    for (const [q, atLeast] of [['türkische', 3], ['Drohne', 2], ['TURKEI', 3]]) {
      await page.fill('#search-query', q);
      await page.press('#search-query', 'Enter');
      await page.waitForFunction((q) => document.title.includes(q), q);
      await page.waitForSelector('[data-search-results] > li');
      assert.ok((await hits.count()) >= atLeast, `${q}: ${await hits.count()} results`);
    }
    const marked = await hits.first().locator('.snippet mark').textContent();
    await hits.first().locator('a.search-hit-title').click();
    await page.waitForSelector('html[data-app="ready"] [data-page="article"] mark.passage');
    assert.equal((await visibleText(page.locator('mark.passage'))).trim(), marked.trim());
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });

  test(`${name}: nothing found says so; the reader's notes and tags are searched`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin());
    await search(page, 'Xylophonquartett');
    assert.match(await page.locator('.search-count').textContent(), /Nichts gefunden/);
    assert.equal(await page.locator('#search-cut').count(), 0);
    // a query longer than the search reads (a link written by hand) says what was searched
    await page.goto(page.url().split('#')[0] + '#q=' + encodeURIComponent('Drohnen '.repeat(600)));
    await page.reload();
    await ready(page);
    assert.match(await page.locator('#search-cut').textContent(), /ersten 200 Zeichen/);
    assert.equal(await page.locator('#search-query').getAttribute('maxlength'), '200');
    // A stored note (as the notes page writes it) is found by a word of its text and by its tag.
    const article = await page.evaluate(async () => JSON.parse(self.presseschauSearch.meta).docs[0].id);
    await page.evaluate((article) => localStorage.setItem('presseschau.annotations', JSON.stringify({ version: 2, annotations: [{
      id: 'n1', article_id: article, quote: { exact: 'Russland', prefix: '', suffix: '' }, position: { start: 0, end: 8 },
      color: 'green', note: 'Hausaufgaben für Donnerstag', tags: ['Unterrichtsreihe'], created: '2026-12-01T10:00:00Z', modified: '2026-12-01T10:00:00Z' }] })), article);
    for (const q of ['Hausaufgabe', 'unterrichtsreihe']) {
      await page.goto(page.url().split('#')[0] + '#q=' + encodeURIComponent(q));
      await page.reload();
      await ready(page);
      await page.waitForSelector('.search-results--notes li');
      assert.match(await page.locator('.search-results--notes').textContent(), /Hausaufgaben für Donnerstag/);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
