// The reader over http://127.0.0.1 and file://: library, every article, deep links, history, not-found,
// the original view; no console errors, no requests except the page's own file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, origins, openPage, go, SHOTS, ready } from './harness.mjs';

let browser;
let env;
before(async () => {
  browser = await launch();
  env = await origins();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await env?.server.close();
});

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: library lists the five seed articles, newest first`, async () => {
    const { page, problems, foreign, context } = await openPage(browser, origin());
    await go(page, origin());
    const cards = page.locator('.article-card');
    assert.equal(await cards.count(), 5);
    const titles = await page.locator('.card-title').allTextContents();
    assert.ok(titles[1].includes('Russisch-türkische Militärkooperation steht'), titles.join(' | '));
    const dates = await page.locator('.article-card .meta-date').allTextContents();
    assert.deepEqual(dates.slice(0, 3), ['Januar 2022', '29. Dezember 2020', 'Juli 2017']);
    // the page brought its own share of the analysis; a filter loads the whole list (data/library.js) first
    const wholeLoaded = () => page.locator('script[src="data/library.js"]').count();
    assert.equal(await page.locator('script[src="data/index.js"]').count(), 1);
    assert.equal(await wholeLoaded(), 0, 'the library page loads only its share');
    assert.equal(await page.locator('script[src="data.js"]').count(), 0, 'nor the whole analysis');
    // filter by outlet, then reset
    await page.selectOption('#filter-outlet', 'DW');
    await page.waitForFunction(() => document.querySelectorAll('.article-card').length === 1);
    assert.equal(await wholeLoaded(), 1, 'the filter loaded the whole library');
    // the heading counts what the filter shows, of all
    assert.equal((await page.locator('[data-page="library"] h1 .count').textContent()).trim(), '(1 von 5)');
    await page.selectOption('#filter-outlet', '');
    await page.selectOption('#filter-year', '2022');
    assert.equal(await cards.count(), 1);
    // the filter is in the address: Back from an article, a reload and a sent link keep it
    await page.waitForFunction(() => location.hash === '#year=2022');
    assert.match(await page.locator('[data-page="library"] [data-copy-link]').getAttribute('data-copy-link'), /^index\.html#year=2022$/);
    await cards.first().locator('.card-title a').click();
    await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
    await page.goBack();
    await page.waitForSelector('html[data-app="ready"] [data-page="library"]');
    await page.waitForFunction(() => document.querySelectorAll('.article-card').length === 1);
    assert.equal(await page.locator('#filter-year').inputValue(), '2022');
    await page.reload();
    await page.waitForSelector('html[data-app="ready"] [data-page="library"]');
    await page.waitForFunction(() => document.querySelectorAll('.article-card').length === 1);
    assert.equal((await page.locator('[data-page="library"] h1 .count').textContent()).trim(), '(1 von 5)');
    await page.selectOption('#filter-year', '');
    assert.equal(await cards.count(), 5);
    assert.equal((await page.locator('[data-page="library"] h1 .count').textContent()).trim(), '(5)');
    await page.waitForFunction(() => location.hash === '');
    // a link sent with a filter opens filtered
    await go(page, origin(), 'e.html');
    await go(page, origin(), 'index.html#outlet=DW');
    await page.waitForFunction(() => document.querySelectorAll('.article-card').length === 1);
    assert.equal(await page.locator('#filter-outlet').inputValue(), 'DW');
    if (name === 'http') await page.screenshot({ path: path.join(SHOTS, 'library.png'), fullPage: false });
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });

  test(`${name}: every article opens, with prev/next, and deep links survive a reload`, async () => {
    const { page, problems, foreign, context } = await openPage(browser, origin());
    await go(page, origin());
    const hrefs = await page.locator('.card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const titles = await page.locator('.card-title').allTextContents();
    assert.equal(hrefs.length, 5);
    for (let i = 0; i < hrefs.length; i++) {
      await page.locator('.card-title a').nth(i).click();
      await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
      assert.equal((await page.locator('article h1').textContent()).trim(), titles[i].trim());
      assert.ok((await page.locator('.article-body p').count()) >= 3);
      assert.match(page.url(), /\/a-[0-9a-f]{12}\.html$/);
      // the article page loads its own share of the analysis, not the whole corpus
      const file = page.url().split('/').pop().replace(/\.html$/, '');
      assert.equal(await page.locator(`script[src="data/${file}.js"]`).count(), 1);
      assert.equal(await page.locator('script[src="data.js"]').count(), 0);
      // deep link: reload keeps the article
      await page.reload();
      await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
      assert.equal((await page.locator('article h1').textContent()).trim(), titles[i].trim());
      await page.goBack();
      await page.waitForSelector('html[data-app="ready"] [data-page="library"]');
    }
    // prev/next walk through all articles
    await page.locator('.card-title a').first().click();
    await ready(page);
    for (let i = 1; i < 5; i++) {
      await page.locator('.prev-next .next').click();
      await page.waitForFunction((t) => document.querySelector('article h1')?.textContent.trim() === t, titles[i].trim());
      await ready(page);
    }
    if (name === 'http') await page.screenshot({ path: path.join(SHOTS, 'article.png'), fullPage: false });
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });

  test(`${name}: back and forward move through history`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin());
    await page.locator('.card-title a').nth(0).click();
    await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
    const first = await page.locator('article h1').textContent();
    await page.locator('.prev-next .next').click();
    await page.waitForFunction((t) => document.querySelector('article h1')?.textContent !== t, first);
    await page.goBack();
    await page.waitForFunction((t) => document.querySelector('article h1')?.textContent === t, first);
    await page.goBack();
    await page.waitForSelector('html[data-app="ready"] [data-page="library"]');
    await page.goForward();
    await page.waitForFunction((t) => document.querySelector('article h1')?.textContent === t, first);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: unknown routes and ids show a friendly not-found page with a way back`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    for (const hash of ['#/does/not/exist', '#/a/000000000000', '#/a/']) {
      await go(page, origin(), hash);
      await page.waitForSelector('html[data-app="ready"] [data-page="not-found"]');
      assert.ok((await page.locator('h1').textContent()).includes('nicht gefunden'));
    }
    await page.locator('[data-page="not-found"] a').click();
    await page.waitForSelector('html[data-app="ready"] [data-page="library"]');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: "show original" marks removed lines with their reasons`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin());
    await page.locator('.card-title a', { hasText: 'Russisch-türkische' }).click();
    await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
    assert.equal(await page.locator('.article-body').textContent().then((t) => t.includes('Zum Inhalt springen')), false);
    await page.click('#toggle-original');
    await page.waitForSelector('.original-lines');
    const removed = await page.locator('.line--removed').allTextContents();
    assert.ok(removed.some((t) => t.includes('Zum Inhalt springen') && t.includes('Navigationslink')), removed.join('\n'));
    assert.ok(removed.some((t) => t.includes('https://p.dw.com/p/3nKf9') && t.includes('Kurzlink')));
    await page.click('#toggle-original');
    await page.waitForSelector('.article-body');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('phone width: no horizontal scrolling on any page', async () => {
  const origin = env.list[0];
  const { page, problems, context } = await openPage(browser, origin, { viewport: { width: 360, height: 740 } });
  await go(page, origin);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await overflow() <= 1, `the library overflows by ${await overflow()}px at 360px width`);
  await page.locator('.card-title a').first().click();
  await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
  assert.ok(await overflow() <= 1, `an article overflows by ${await overflow()}px at 360px width`);
  await page.screenshot({ path: path.join(SHOTS, 'phone.png') });
  // every other page, reached from the articles' links
  const pages = new Set(['e.html', 't.html', 'notes.html']);
  const articles = await page.$$eval('a[href^="a-"]', (as) => as.map((a) => a.getAttribute('href')));
  for (const article of new Set([...articles, await page.evaluate(() => location.pathname.split('/').pop())])) {
    await go(page, origin, article.split('#')[0]);
    for (const sel of ['a[href^="s-"]', 'a[href^="c-"]', '.article-body mark.entity[data-entity-id]']) {
      const first = page.locator(sel).first();
      if (await first.count()) {
        const href = await first.getAttribute('href');
        pages.add(href ?? `e-${await first.getAttribute('data-entity-id')}.html`);
      }
    }
  }
  assert.ok([...pages].some((h) => h.startsWith('s-')) && [...pages].some((h) => h.startsWith('c-')));
  for (const hash of pages) {
    await go(page, origin, hash);
    const by = await overflow();
    assert.ok(by <= 1, `${hash} overflows by ${by}px at 360px width`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every reading page but the notes has a copy-link button that copies a link to that page', async () => {
  const origin = env.list[0];
  const { page, problems, context } = await openPage(browser, origin);
  await go(page, origin);
  const article = await page.locator('.card-title a').first().getAttribute('href');
  await page.locator('.card-title a').first().click();
  await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
  const entity = await page.locator('.article-body mark.entity[data-entity-id]').first().getAttribute('data-entity-id');
  // (not the notes page: a link to it would show the recipient their own notes; it offers a link with the
  // notes of each article instead, annotations.test.mjs)
  for (const hash of ['index.html', 'e.html', 't.html', article, `e-${entity}.html`]) {
    await go(page, origin, hash);
    const target = await page.locator('main [data-copy-link]').first().getAttribute('data-copy-link');
    assert.equal(target, hash, `copy link on ${hash}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
