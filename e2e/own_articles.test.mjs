// Readers' own articles (issue 15), over http and from disk: paste an agency copy of a bundled report →
// it is saved in the browser, highlighted and linked to that report; a reload keeps it; delete → undo;
// shared by link into a fresh browser, shown read-only, kept; hostile files get a message each and run or
// load nothing; the collection saved as one file opens from disk with its articles and notes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, origins, openPage, go, ready, siteDir, selectPhrase, DIST } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

/** The text of the newest bundled report as an agency would send it: its headline with a prefix, the body
 * without the last paragraph. */
async function agencyCopy(page, origin) {
  await go(page, origin, 'index.html');
  const href = await page.locator('.card-title a').first().getAttribute('href');
  await go(page, origin, href);
  const title = (await page.locator('main h1').textContent()).trim();
  const paras = await page.locator('.article-body > p[lang="de"]').evaluateAll((ps) => ps.map((p) => p.textContent.trim()));
  return { seed: href, text: `Agenturmeldung: ${title}\n\n${paras.slice(0, -1).join('\n\n')}` };
}

async function paste(page, origin, text) {
  await go(page, origin, 'add.html');
  await page.fill('#paste-text', text);
  await page.click('#paste-use');
  await page.waitForSelector('.draft');
  await page.click('#save-own');
  await page.waitForSelector('.add-saved a');
  return page.locator('.add-saved a').first().getAttribute('href');
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: a pasted article is analysed, linked to the bundled report of its event, kept, deleted and restored`, async () => {
    const { page, problems, context, foreign, requests } = await openPage(browser, origin());
    const { seed, text } = await agencyCopy(page, origin());
    // a name no list has: only the model finds it (model.js loads for text the build did not read)
    const minister = '\n\nDer neue Landwirtschaftsminister Gerold Wunderlich (SPD) besuchte am Montag die Stadt Kleinmachnow.';
    const href = await paste(page, origin(), text + minister);
    assert.match(href, /^view\.html#\/a\//);
    requests.length = 0;
    await page.goto(siteDir(origin()) + href);
    await ready(page);
    assert.ok((await page.locator('.article-body mark.entity').count()) > 5, 'names highlighted');
    await page.waitForSelector('.article-body mark.entity--detected >> text=Gerold Wunderlich');
    assert.ok(await page.locator(`[data-panel="same-event"] a[href="${seed}"]`).count() >= 1, 'linked to the bundled report');
    // its page loads the linked report's share, not the whole analysis: the save linked it and kept the links
    assert.ok(!requests.some((u) => u.endsWith('/data.js')), `data.js on its page: ${requests}`);
    assert.ok(requests.some((u) => u.endsWith(`/data/${seed.replace('.html', '.js')}`)), `the report's share: ${requests}`);
    // in the library with its mark, after a reload too
    requests.length = 0;
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-own-tools]');
    // the model's names in it were kept: this page shows them without loading the model again
    await page.waitForSelector('.article-body mark.entity--detected >> text=Gerold Wunderlich');
    assert.ok(!requests.some((u) => u.endsWith('/model.js')), `model.js loaded again: ${requests}`);
    // its page opens only in this browser: the one link offered is the one that carries the text
    await page.waitForSelector('[data-own-tools] [data-copy-link]');
    assert.equal(await page.locator('.article-tools [data-copy-link]').count(), 0);
    requests.length = 0;
    await go(page, origin(), 'index.html');
    await page.waitForSelector('.article-card--own');
    assert.ok(!requests.some((u) => u.endsWith('/model.js')), `model.js on the library: ${requests}`);
    // the library and the bundled report start from their own shares, not the whole analysis: the own
    // article's links with the collection were kept where they were found
    assert.ok(!requests.some((u) => u.endsWith('/data.js')), `data.js on the library: ${requests}`);
    requests.length = 0;
    await go(page, origin(), seed);
    await page.waitForSelector(`[data-panel="same-event"] a[href="${href}"]`);
    assert.ok(!requests.some((u) => /\/(data|model)\.js$/.test(u)), `the whole analysis on an article page: ${requests}`);
    // a name's page, the names index and the timeline, each from its share: the own article's mentions on
    // the name's page, the name only it has in the index, its event in the timeline
    await go(page, origin(), href);
    const name = await page.locator('.article-body mark.entity[data-entity-id^="Q"]').first().getAttribute('data-entity-id');
    const ownId = href.split('/').pop();
    // (and it is on the page when the app takes over: nothing moves once shown)
    await context.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    requests.length = 0;
    for (const [target, sel] of [
      [`e-${name}.html`, `.mention-group a[href="${href}"]`],
      ['e.html', '.entity-table a >> text=Gerold Wunderlich'],
      ['t.html', `.timeline-entry li[data-article-id="${ownId}"]`],
    ]) {
      await go(page, origin(), target);
      await page.waitForSelector(sel);
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => window.__shift);
      assert.ok(shift <= 0.1, `${target}: layout shift ${shift}`);
    }
    // and the index keeps every name the build listed on it (the model's too: the share's groups are not
    // found again over the share's few articles), each linking to its page of the site
    await go(page, origin(), 'e.html');
    await page.waitForSelector('.entity-table a >> text=Gerold Wunderlich');
    const built = [...fs.readFileSync(path.join(DIST, 'e.html'), 'utf8').matchAll(/<td><a href="(e-[^"]+\.html)"/g)].map((m) => m[1]);
    const live = await page.locator('.entity-table td > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(built.length > 10 && built.every((h) => live.includes(h)), `names gone: ${built.filter((h) => !live.includes(h))}`);
    assert.ok(!requests.some((u) => /\/(data|names|model)\.js$/.test(u)), `the whole analysis or list: ${requests}`);
    // kept links that are unreadable or for other articles are as none: the whole analysis comes, links
    // the article again and keeps the links once more
    for (const kept of ['{kaputt', JSON.stringify({ build: 'x', own: [], links: { links: [], events: [] } })]) {
      await page.evaluate((k) => localStorage.setItem('presseschau.own.links', k), kept);
      requests.length = 0;
      await go(page, origin(), seed);
      await page.waitForSelector(`[data-panel="same-event"] a[href="${href}"]`);
      assert.ok(requests.some((u) => u.endsWith('/data.js')), `no data.js for ${kept}`);
      await page.waitForFunction((k) => localStorage.getItem('presseschau.own.links') !== k, kept);
    }
    // delete → undo
    await page.goto(siteDir(origin()) + href);
    await ready(page);
    await page.waitForSelector('#delete-own');
    await page.click('#delete-own');
    await page.waitForSelector('#own-undo');
    await page.locator('#own-undo button').click();
    await page.waitForSelector('[data-own-tools]');
    await go(page, origin(), 'index.html');
    await page.waitForSelector('.article-card--own');
    // search finds it (indexed in the browser), next to the bundled reports
    requests.length = 0;
    await go(page, origin(), 'search.html#q=Agenturmeldung');
    await page.waitForSelector('[data-search-results] > li');
    assert.ok(await page.locator('[data-search-results] a.search-hit-title[href^="view.html#/a/"]').count() >= 1, 'own article found');
    assert.ok(!requests.some((u) => u.endsWith('/data.js')), `data.js on the search page: ${requests}`);
    // the same text again is recognised, not added twice; the add page starts from its small share for a
    // reader with own articles too: the whole analysis comes with the save
    requests.length = 0;
    await go(page, origin(), 'add.html');
    assert.ok(!requests.some((u) => u.endsWith('/data.js')), 'add.html loads data.js before a save');
    await page.fill('#paste-text', text + minister);
    await page.click('#paste-use');
    await page.click('#save-own');
    await page.waitForSelector('.add-problems li');
    assert.match(await page.locator('.add-problems').textContent(), /schon in Ihrer Bibliothek/);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });

  test(`${name}: articles stored before the reading app existed (no mark) are found once and shown`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    const { text } = await agencyCopy(page, origin());
    await paste(page, origin(), text);
    // a browser from before the two apps: the articles are stored, but neither mark is set
    await page.evaluate(() => { localStorage.removeItem('presseschau.own.present'); localStorage.removeItem('presseschau.own.checked'); });
    await page.goto(siteDir(origin()) + 'index.html');
    // the reading app finds the database, sets the mark and reloads: the full app lists the article
    await page.waitForSelector('html[data-app="ready"] .article-card--own', { timeout: 15000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('presseschau.own.present')), '1');
    assert.equal(await page.evaluate(() => localStorage.getItem('presseschau.own.checked')), '1');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: an own article shared by link opens in a fresh browser, read-only, and can be kept`, async () => {
    const a = await openPage(browser, origin());
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
    const text = 'Ein eigener Bericht über Sotschi\n\nIn Sotschi trafen sich am Dienstag Sergej Lawrow und Mevlüt Cavusoglu. Die Türkei will weitere S-400-Raketen aus Russland kaufen. Washington droht mit Sanktionen.';
    const href = await paste(a.page, origin(), text);
    await a.page.goto(siteDir(origin()) + href);
    await ready(a.page);
    const shareHash = await a.page.locator('[data-own-tools] [data-copy-link]').getAttribute('data-copy-link');
    assert.match(shareHash, /^view\.html#\/shared\?a=a1\./);
    await a.context.close();
    const b = await openPage(browser, origin());
    await b.page.goto(siteDir(origin()) + shareHash);
    await ready(b.page);
    await b.page.waitForSelector('#shared-article');
    assert.match(await b.page.locator('main h1').textContent(), /Ein eigener Bericht über Sotschi/);
    assert.ok((await b.page.locator('.article-body mark.entity').count()) >= 3, 'analysed in the receiving browser');
    // the page started from its small share; the whole analysis followed, once, for the links
    await b.page.waitForSelector('#links-loading', { state: 'detached' });
    assert.ok(b.requests.some((u) => u.endsWith('/data/view.js')), `${b.requests}`);
    assert.equal(b.requests.filter((u) => u.endsWith('/data.js')).length, 1, 'the whole analysis once');
    await b.page.click('#keep-article');
    await b.page.waitForSelector('#shared-article', { state: 'detached' });
    // written (the app bumps this key after each write, for other tabs)
    await b.page.waitForFunction(() => localStorage.getItem('presseschau.own.changed') !== null);
    await go(b.page, origin(), 'index.html');
    await b.page.waitForSelector('.article-card--own');
    // a damaged link says so
    await b.page.goto(siteDir(origin()) + shareHash.slice(0, -12));
    await ready(b.page);
    await b.page.waitForSelector('#shared-article-error');
    assert.deepEqual(b.problems, []);
    await b.context.close();
  });

  test(`${name}: without storage the articles stay in the window, are said to, and can be saved as a file and added back`, async () => {
    const a = await openPage(browser, origin());
    await a.context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    await paste(a.page, origin(), 'Ohne Speicher: Lawrow in Sotschi\n\nSergej Lawrow traf in Sotschi Mevlüt Cavusoglu. Die Türkei kauft weitere S-400 aus Russland.');
    await a.page.waitForSelector('[data-own-storage="failed"] #export-own');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('#export-own')]);
    const saved = fs.readFileSync(await download.path(), 'utf8');
    assert.match(saved, /Ohne Speicher: Lawrow in Sotschi/);
    await a.context.close();
    const b = await openPage(browser, origin());
    await go(b.page, origin(), 'add.html');
    await b.page.setInputFiles('#add-files', [{ name: 'presseschau-eigene-artikel.json', mimeType: 'application/json', buffer: Buffer.from(saved) }]);
    await b.page.waitForSelector('.draft');
    assert.match(await b.page.locator('.draft-title').inputValue(), /Ohne Speicher/);
    await b.page.click('#save-own');
    await b.page.waitForSelector('.add-saved a');
    assert.deepEqual(b.problems, []);
    await b.context.close();
  });

  // Storage full: over http the real quota of the origin is set to nearly nothing (DevTools protocol); from
  // disk, where that origin cannot be named, the browser's write is made to fail the same way.
  test(`${name}: a full storage keeps the article in the window, says so, and offers it as a file`, async () => {
    const a = await openPage(browser, origin());
    if (name === 'http') {
      const cdp = await a.context.newCDPSession(a.page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(origin().base).origin, quotaSize: 1 });
    } else {
      await a.context.addInitScript(() => {
        IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
      });
    }
    const text = 'Speicher voll: Lawrow in Sotschi\n\nSergej Lawrow traf in Sotschi Mevlüt Cavusoglu. Die Türkei kauft weitere S-400 aus Russland.';
    await paste(a.page, origin(), text);
    await a.page.waitForSelector('[data-own-storage="failed"] #export-own');
    assert.match(await a.page.locator('[data-own-storage="failed"]').textContent(), /Speicher ist voll/);
    // kept in this window; once the write has failed, its link carries the article itself (a page opened
    // from here has no storage to find it in), so it opens analysed
    const href = await a.page.locator('.add-saved a').first().getAttribute('href');
    assert.match(href, /^view\.html#\/shared\?a=/);
    await a.page.locator('.add-saved a').first().click();
    await a.page.waitForSelector('#shared-article');
    await a.page.waitForSelector('.article-body mark.entity');
    assert.match(await a.page.locator('main h1').textContent(), /Speicher voll/);
    assert.deepEqual(a.problems, []);
    await a.context.close();
  });

  // "Sammlung als Datei speichern": one HTML file with the app, every article and the notes, opened from
  // disk in a fresh browser: the articles and notes are there, links stay inside the file, no other request.
  test(`${name}: the collection saved as one file opens from disk with its articles and notes, nothing else loaded`, async () => {
    const a = await openPage(browser, origin());
    const text = 'Eigener Bericht: Lawrow in Sotschi\n\nSergej Lawrow traf in Sotschi Mevlüt Cavusoglu. Die Türkei kauft weitere S-400-Raketen aus Russland.';
    const href = await paste(a.page, origin(), text);
    await a.page.goto(siteDir(origin()) + href);
    await ready(a.page);
    await selectPhrase(a.page, 'weitere S-400-Raketen');
    await a.page.click('#add-note');
    await a.page.fill('#selection-toolbar textarea', 'Für die Klasse: Quelle prüfen');
    await a.page.click('#save-note');
    await a.page.waitForSelector('mark.annotation');
    await go(a.page, origin(), 'add.html');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('#save-collection')]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'presseschau-collection-')), 'sammlung.html');
    fs.copyFileSync(await download.path(), file);
    assert.deepEqual(a.problems, []);
    await a.context.close();

    const url = pathToFileURL(file).href;
    const b = await openPage(browser, { base: url });
    await b.page.goto(url);
    await ready(b.page);
    assert.equal(await b.page.locator('.article-card').count(), 6, 'five bundled and the own one');
    await b.page.evaluate(() => window.scrollTo(0, 300));
    assert.ok((await b.page.evaluate(() => window.scrollY)) > 0, 'the library scrolled');
    await b.page.locator('.card-title a', { hasText: 'Eigener Bericht' }).click();
    await b.page.waitForSelector('.article-body mark.entity');
    assert.ok(b.page.url().startsWith(url + '#/a/'), b.page.url());
    assert.equal(await b.page.evaluate(() => window.scrollY), 0, 'a followed link starts at the top, like a page');
    await b.page.waitForSelector('mark.annotation');
    assert.match(await b.page.locator('#notes-panel').textContent(), /Für die Klasse/);
    // a name page and back, inside the file
    await b.page.locator('.article-body mark.entity[data-entity-id]').first().focus();
    await b.page.waitForSelector('#entity-card');
    await b.page.goBack();
    await b.page.goto(url + '#/notes');
    await b.page.waitForSelector('[data-page="notes"]');
    assert.match(await b.page.locator('main').textContent(), /Für die Klasse/);
    // adding an article in the file works the same, the model's names included (the model is in the file)
    await b.page.goto(url + '#/add');
    await b.page.waitForSelector('#paste-text');
    await b.page.fill('#paste-text', 'Neuer Minister\n\nDer neue Landwirtschaftsminister Gerold Wunderlich (SPD) besuchte am Montag die Stadt Kleinmachnow.');
    await b.page.click('#paste-use');
    await b.page.waitForSelector('.draft');
    await b.page.click('#save-own');
    await b.page.locator('.add-saved a').first().click();
    await b.page.waitForSelector('.article-body mark.entity--detected >> text=Gerold Wunderlich');
    assert.deepEqual(b.requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:')), []);
    assert.deepEqual(b.problems, []);
    await b.context.close();
  });

  test(`${name}: two tabs adding articles at once lose nothing`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    const other = await context.newPage();
    await go(page, origin(), 'add.html');
    await go(other, origin(), 'add.html');
    const add = async (p, text) => {
      await p.fill('#paste-text', text);
      await p.click('#paste-use');
      await p.click('#save-own');
      await p.waitForSelector('.add-saved a');
    };
    await add(page, 'Erster Tab: Lawrow in Ankara\n\nSergej Lawrow reiste am Mittwoch nach Ankara. Er traf dort Mevlüt Cavusoglu zu Gesprächen über Syrien.');
    await add(other, 'Zweiter Tab: Erdogan in Sotschi\n\nRecep Tayyip Erdogan besuchte Wladimir Putin in Sotschi. Beide sprachen über Rüstung und Gas.');
    for (const p of [page, other]) {
      await go(p, origin(), 'index.html');
      await p.waitForFunction(() => document.querySelectorAll('.article-card--own').length === 2, null, { timeout: 10000 });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: hostile and broken files get a message each; nothing runs or loads`, async () => {
    const { page, problems, context, foreign } = await openPage(browser, origin());
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await go(page, origin(), 'add.html');
    const hostile = `<html><head><title>Gefährliche Seite</title><script>alert(1)</script></head><body>
      <img src="http://example.invalid/x.png" onerror="alert(2)"><iframe src="http://example.invalid/"></iframe>
      <article><h1>Ein Artikel aus dem Netz</h1><p onclick="alert(3)">Die Türkei und Russland verhandeln in Moskau weiter über Raketen.</p>
      <p><a href="javascript:alert(4)">Mehr lesen</a> Der Kreml bestätigte das Treffen am Montag.</p></article></body></html>`;
    await page.setInputFiles('#add-files', [
      { name: 'leer.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
      { name: 'bild.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]) },
      { name: 'latin.txt', mimeType: 'text/plain', buffer: Buffer.from([0x66, 0xfc, 0x72, 0x20, 0xff, 0xfe, 0x00, 0x41]) },
      { name: 'adresse.txt', mimeType: 'text/plain', buffer: Buffer.from('https://www.example.org/artikel/123') },
      { name: 'seite.html', mimeType: 'text/html', buffer: Buffer.from(hostile) },
    ]);
    await page.waitForFunction(() => !document.querySelector('#add-progress'));
    const said = await page.locator('.add-problems').textContent();
    for (const f of ['leer.txt', 'bild.png', 'latin.txt', 'adresse.txt']) assert.match(said, new RegExp(f.replace('.', '\\.')), `${f}: ${said}`);
    assert.match(said, /nur eine Adresse/);
    assert.equal(await page.locator('.draft').count(), 1, 'the web page became a draft');
    assert.match(await page.locator('.draft-title').inputValue(), /Ein Artikel aus dem Netz|Gefährliche Seite/);
    await page.click('#save-own');
    const href = await page.locator('.add-saved a').first().getAttribute('href');
    await page.goto(siteDir(origin()) + href);
    await ready(page);
    assert.doesNotMatch(await page.locator('main').innerHTML(), /<script|<iframe|<img|onerror|onclick|javascript:/);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(foreign(), [], 'no request outside the folder');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// A reader with own articles imports notes on the notes page, which the full app shows them from its small
// share: the notes find their places in the whole collection (the page hands the file over and loads again
// with the whole analysis), none is taken for one without a place.
test('http: an own reader\'s import of notes places them in the whole collection', async () => {
  const origin = env.list.find((o) => o.name === 'http');
  const a = await openPage(browser, origin);
  const { seed } = await agencyCopy(a.page, origin);
  await go(a.page, origin, seed);
  const phrase = (await a.page.locator('.article-body > p[lang="de"]').first().textContent()).trim().split(/(?<=\.)\s/)[0];
  await selectPhrase(a.page, phrase);
  await a.page.locator('#selection-toolbar .swatch--blue').click();
  await a.page.waitForSelector('mark.annotation--blue');
  await go(a.page, origin, 'notes.html');
  await a.page.waitForSelector('.annotation-item');
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('#export-all')]);
  let exported = '';
  for await (const c of await download.createReadStream()) exported += c;
  await a.context.close();
  const b = await openPage(browser, origin);
  const { text } = await agencyCopy(b.page, origin);
  await paste(b.page, origin, text);
  await go(b.page, origin, 'notes.html');
  await b.page.setInputFiles('#import-file', { name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(exported) });
  await b.page.waitForSelector('#notice');
  const notice = await b.page.locator('#notice').textContent();
  assert.match(notice, /1 neu/);
  assert.doesNotMatch(notice, /ohne Stelle/);
  assert.equal(await b.page.locator('.annotation-item').count(), 1);
  assert.deepEqual(b.problems, []);
  await b.context.close();
});

test('http: a save that cannot load the whole analysis says so and keeps the drafts', async () => {
  const origin = env.list.find((o) => o.name === 'http');
  const { page, problems, context } = await openPage(browser, origin);
  await context.route('**/data.js', (route) => route.fulfill({ status: 404, body: '' }));
  await go(page, origin, 'add.html');
  await page.fill('#paste-text', 'Lawrow in Ankara\n\nSergej Lawrow reiste am Mittwoch nach Ankara. Er traf dort Mevlüt Cavusoglu.');
  await page.click('#paste-use');
  await page.click('#save-own');
  await page.waitForSelector('#notice.notice--warn >> text=/Analyse der ganzen Sammlung/');
  assert.equal(await page.locator('.draft').count(), 1, 'the draft stays');
  assert.equal(await page.locator('.add-saved a').count(), 0, 'nothing saved half');
  assert.ok(await page.locator('#save-own').isEnabled(), 'the reader can try again');
  // the 404 of data.js is the only console error
  assert.ok(problems.every((p) => /404|Failed to load/.test(p)), `${problems}`);
  await context.close();
});

test('http: an article shared by link shows without the whole analysis, unlinked, and says so', async () => {
  const origin = env.list.find((o) => o.name === 'http');
  const a = await openPage(browser, origin);
  const href = await paste(a.page, origin, 'Lawrow in Ankara\n\nSergej Lawrow reiste am Mittwoch nach Ankara. Er traf dort Mevlüt Cavusoglu zu Gesprächen über Syrien.');
  await a.page.goto(siteDir(origin) + href);
  await ready(a.page);
  const share = await a.page.locator('[data-own-tools] [data-copy-link]').getAttribute('data-copy-link');
  await a.context.close();
  const b = await openPage(browser, origin);
  await b.context.route('**/data.js', (route) => route.fulfill({ status: 404, body: '' }));
  await b.page.goto(siteDir(origin) + share);
  await b.page.waitForSelector('#notice.notice--warn >> text=/ohne seine Verbindungen/');
  assert.match(await b.page.locator('main h1').textContent(), /Lawrow in Ankara/);
  assert.ok((await b.page.locator('.article-body mark.entity').count()) >= 3, 'analysed and highlighted');
  assert.equal(await b.page.locator('#links-loading').count(), 0, 'no longer says the links are coming');
  assert.ok(b.problems.every((p) => /404|Failed to load/.test(p)), `${b.problems}`);
  await b.context.close();
});
