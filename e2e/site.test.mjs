// The static site (issue 10): every page's text is there with JavaScript off, each page has its own title
// and link-preview title, old one-page links are forwarded with their passage, nothing breaks the
// Content-Security-Policy, and no request leaves the folder — over http and from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch, origins, openPage, go, siteDir, pageFiles, DIST } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

const pages = fs.readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: every page is readable with JavaScript off, with its own title`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const titles = new Map();
    assert.ok(pages.length > 20, `${pages.length} pages`);
    for (const file of pages) {
      await page.goto(siteDir(origin()) + file);
      const main = page.locator('main [data-page]').first();
      assert.equal(await main.count(), 1, `${file} has its page`);
      const text = (await page.locator('main').innerText()).trim();
      assert.ok(text.length > 40, `${file} has text: ${text}`);
      const title = await page.title();
      const og = await page.locator('meta[property="og:title"]').getAttribute('content');
      assert.equal(og, title, `${file}: og:title`);
      assert.ok(await page.locator('meta[name="description"]').getAttribute('content'), `${file}: description`);
      if (/^(en-)?a-/.test(file)) {
        assert.ok((await page.locator('.article-body mark.entity[data-kind]').count()) > 5, `${file}: highlights`);
        // (an article's English page has its German title: the headline is the article's)
        const key = `${file.startsWith('en-') ? 'en' : 'de'} ${title}`;
        assert.ok(!titles.has(key), `${file} shares its title with ${titles.get(key)}`);
        titles.set(key, file);
      }
      // the page's language, and its version in the other
      const lang = await page.evaluate(() => document.documentElement.lang);
      assert.equal(lang, file.startsWith('en-') ? 'en' : 'de', file);
      const other = file === '404.html' || file === 'en-404.html' ? null : file.startsWith('en-') ? file.slice(3) : `en-${file}`;
      if (other) assert.equal(await page.locator(`link[rel="alternate"][href="${other}"]`).count(), 1, `${file} names ${other}`);
    }
    await context.close();
  });

  test(`${name}: old links are forwarded with their passage; no CSP violation; nothing from outside`, async () => {
    const { page, problems, context, foreign } = await openPage(browser, origin());
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const article = pages.find((f) => f.startsWith('a-'));
    const id = article.slice(2, -5);
    await go(page, origin(), `#/a/${id}?q=${encodeURIComponent('0-10~x')}`);
    assert.ok(page.url().endsWith(`${article}#q=${encodeURIComponent('0-10~x')}`) || page.url().includes(`${article}#q=`), page.url());
    await go(page, origin(), '#/e');
    assert.ok(page.url().endsWith('/e.html'), page.url());
    await go(page, origin(), '#/a/000000000000');
    assert.equal(await page.locator('[data-page]').first().getAttribute('data-page'), 'not-found');
    // the old link's own message (not the page's generic one)
    assert.match(await page.locator('main').innerText(), /Diesen Artikel gibt es hier nicht/);
    await go(page, origin(), `#/c/${id}/000000000000`);
    assert.match(await page.locator('main').innerText(), /Diese beiden Artikel lassen sich nicht vergleichen/);
    // two reports the build did not link: no page was written, the full app compares them
    const unlinked = pages.filter((f) => /^a-/.test(f)).map((f) => f.slice(2, -5))
      .flatMap((x, i, all) => all.slice(i + 1).map((y) => [x, y]))
      .find(([x, y]) => !pages.includes(`c-${x}-${y}.html`));
    assert.ok(unlinked, 'the seeds have an unlinked pair');
    await go(page, origin(), `#/c/${unlinked[0]}/${unlinked[1]}`);
    await page.waitForSelector('html[data-app="ready"] [data-page="compare"]');
    for (const file of ['index.html', article, 'e.html', 't.html', 'notes.html']) {
      await go(page, origin(), file);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], `CSP violations on ${file}`);
    }
    // back and forward across pages, and a reload
    await page.goBack();
    await page.waitForSelector('html[data-app="ready"] [data-page="timeline"]');
    await page.goForward();
    await page.waitForSelector('html[data-app="ready"] [data-page="notes"]');
    await page.reload();
    await page.waitForSelector('html[data-app="ready"] [data-page="notes"]');
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  // The reading pages load the reading app (app.js: no analysis, no tool pages); the tool pages, and a
  // reading page of a reader with own articles (text the build did not analyse), load the full app.
  test(`${name}: before the app, a name opens its card (card.js); the app takes over with the focus on it`, async () => {
    const article = pages.find((f) => f.startsWith('a-'));
    let release = () => {};
    let origin_ = origin();
    let tmp = null;
    if (name === 'file') {
      // from disk the app cannot be held back: a copy of the page without it (the app never comes)
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'presseschau-card-'));
      for (const f of [article, 'style.css', 'card.js', 'data.js']) fs.copyFileSync(path.join(DIST, f), path.join(tmp, f));
      origin_ = { name, base: pathToFileURL(path.join(tmp, article)).href };
    }
    const { page, context, foreign } = await openPage(browser, origin_);
    if (name === 'http') {
      const held = new Promise((resolve) => { release = resolve; });
      await context.route('**/app.js', async (route) => { await held; await route.continue(); });
    }
    // (the page's load event waits for the app: not for it here)
    await page.goto(siteDir(origin_) + article, { waitUntil: 'commit' });
    await page.locator('#article-text').focus();
    await page.keyboard.press('ArrowRight');
    const card = page.locator('#entity-card');
    await card.waitFor();
    const first = page.locator('#app .article-body mark.entity[data-m]').first();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'before the app');
    assert.equal(await card.getAttribute('data-preview-for'), await first.getAttribute('data-m'));
    assert.ok(await first.evaluate((m) => m === document.activeElement), 'the first name has the focus');
    const id = await first.getAttribute('data-entity-id');
    if (id) assert.equal(await card.locator(`a[href="e-${id}.html"]`).count(), 1, 'its entity page');
    assert.ok((await card.locator('.card-label').innerText()).length > 1);
    // → the next name's card; Escape closes it and gives the name the focus
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.getAttribute('data-m'));
    assert.notEqual(second, await first.getAttribute('data-m'));
    assert.equal(await card.getAttribute('data-preview-for'), second);
    await page.keyboard.press('Escape');
    assert.equal(await card.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-m')), second);
    await page.keyboard.press('ArrowRight');
    const third = await page.evaluate(() => document.activeElement.getAttribute('data-m'));
    await card.waitFor();
    if (name === 'http') {
      // the app comes: the same name keeps the focus, and its card is the app's now
      release();
      await page.waitForSelector('html[data-app="ready"] #app-live .article-body');
      assert.equal(await page.evaluate(() => document.activeElement.closest('#app-live') !== null
        && document.activeElement.getAttribute('data-m')), third);
      await page.waitForSelector('#entity-card:not([data-preview-for])');
    }
    assert.deepEqual(foreign(), []);
    await context.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  if (name === 'http') {
    test(`${name}: what a reader typed and focused before the app is still there after the take-over`, async () => {
      const { page, context, problems } = await openPage(browser, origin());
      let release = () => {};
      const held = new Promise((resolve) => { release = resolve; });
      await context.route('**/app.js', async (route) => { await held; await route.continue(); });
      const article = pages.find((f) => f.startsWith('a-'));
      await page.goto(siteDir(origin()) + article, { waitUntil: 'commit' });
      await page.locator('#site-search').fill('Kreml');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'before the app');
      release();
      await page.waitForSelector('html[data-app="ready"] #app-live #site-search');
      assert.equal(await page.inputValue('#site-search'), 'Kreml');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search');
      // the app has it in its state: the search goes to the search page with it
      await page.keyboard.press('Enter');
      await page.waitForURL(/search\.html/);
      assert.match(decodeURIComponent(page.url()), /Kreml/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test(`${name}: reading pages load only the reading app; own articles and tool pages load the full app`, async () => {
    const { page, problems, requests, context, foreign } = await openPage(browser, origin());
    const article = pages.find((f) => f.startsWith('a-'));
    const compare = pages.find((f) => f.startsWith('c-'));
    const apps = () => requests.filter((u) => /\/(app|app-full|model)\.js$/.test(u)).map((u) => u.split('/').pop());
    for (const file of ['index.html', article, 'e.html', 't.html', compare, 'notes.html']) {
      requests.length = 0;
      await go(page, origin(), file);
      await page.locator('.article-body mark.entity, main h1').first().waitFor();
      assert.deepEqual(apps(), ['app.js'], `${file} loads ${apps()}`);
      // the app is not the parser's: boot.js adds it once the page is painted (from disk there are no
      // resource timings; loadbench measures the paint)
      assert.equal(await page.locator('script[src="app.js"]:not([defer])').count(), 1, `${file}: app.js added by boot.js`);
      if (name === 'http') {
        const after = await page.evaluate(() => {
          const t = (f) => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/' + f));
          return t('app.js').startTime - t('boot.js').responseEnd;
        });
        assert.ok(after > 0, `${file}: app.js asked for ${after} ms after boot.js arrived`);
      }
      // its own share of the analysis, not the whole corpus
      assert.ok(requests.some((u) => u.endsWith(`/data/${file.replace(/\.html$/, '.js')}`)), `${file}: ${requests}`);
      assert.ok(!requests.some((u) => u.endsWith('/data.js')), `${file} loads data.js`);
    }
    if (name === 'http') {
      // the card opens in the reading app
      await go(page, origin(), article);
      await page.locator('.article-body mark.entity[data-entity-id]').first().focus();
      await page.waitForSelector('#entity-card');
    }
    for (const file of ['search.html', 'add.html']) {
      requests.length = 0;
      await go(page, origin(), file);
      assert.deepEqual(apps(), ['app-full.js'], `${file} loads ${apps()}`);
    }
    // the add page starts from its small share; the whole analysis comes when the reader saves (own text is
    // linked with the collection)
    assert.ok(requests.some((u) => u.endsWith('/data/add.js')), `${requests}`);
    assert.ok(!requests.some((u) => u.endsWith('/data.js')), 'add.html loads data.js before a save');
    // the search page starts from its small share, and a query loads its hits' articles' shares
    requests.length = 0;
    await page.goto(siteDir(origin()) + 'search.html#q=' + encodeURIComponent('Erdogans Drohnen'));
    await page.waitForSelector('html[data-app="ready"] .search-hit .snippet mark');
    assert.ok(requests.some((u) => u.endsWith('/data/search.js')), `${requests}`);
    assert.ok(requests.some((u) => /\/data\/a-[0-9a-f]{12}\.js$/.test(u)), `${requests}`);
    assert.ok(!requests.some((u) => u.endsWith('/data.js')), 'search.html loads data.js');
    // a reader with own articles: boot.js loads the full app with the page's share on a reading page (not
    // the reading app, which would hand the page over), and the full app adds them (own_articles.test.mjs)
    await page.evaluate(() => localStorage.setItem('presseschau.own.present', '1'));
    requests.length = 0;
    await go(page, origin(), 'index.html');
    assert.deepEqual(apps(), ['app-full.js']);
    assert.ok(requests.some((u) => u.endsWith('/data/index.js')), 'the page\'s share');
    assert.ok(!requests.some((u) => u.endsWith('/data.js')), 'not the whole analysis');
    assert.equal(await page.locator('#app-live').count(), 1, 'one live root');
    // the full app finds none in storage and clears the mark: the next page is the reading app's again
    await page.waitForFunction(() => localStorage.getItem('presseschau.own.present') === null);
    requests.length = 0;
    await go(page, origin(), article);
    assert.deepEqual(apps(), ['app.js']);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });
}

// Issue 10's byte budgets, as a reader's browser would get them from a static host with gzip (level 9, each
// file alone): an article page with everything it loads (its stylesheet, card.js, boot.js and what boot.js
// adds: its share and the reading app) at most 600 KB; before its first text (the page and its stylesheet:
// the scripts wait) at most 50 KB. Not a time: loadbench prints those.
test('every article page, with all it loads, is within issue 10\'s byte budgets', () => {
  const zlib = (f) => gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length;
  const articles = pages.filter((f) => /^(en-)?a-.*\.html$/.test(f));
  assert.ok(articles.length >= 10, `${articles.length} article pages`);
  for (const file of articles) {
    const html = fs.readFileSync(path.join(DIST, file), 'utf8');
    const { tags, booted } = pageFiles(html);
    assert.ok(booted.includes('app.js') && tags.includes('style.css'), `${file}: ${tags} ${booted}`);
    const first = zlib(file) + zlib('style.css');
    const all = [...tags, ...booted].reduce((n, f) => n + zlib(f), zlib(file));
    assert.ok(first <= 50_000, `${file}: ${first} bytes before its first text`);
    assert.ok(all <= 600_000, `${file}: ${all} bytes with all it loads`);
  }
});
