// Print handouts, hand-written passage links and sharing from a downloaded folder (issue 13), over http
// and from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, origins, openPage, go, siteDir, ready, selectPhrase, openArticle, DIST } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: print gives a handout — no buttons or navigation, passages numbered against the notes, the source`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    for (const [phrase, note] of [['Ein eigener Impfstoff ist ebenfalls in Arbeit.', 'Zweite Notiz'], ['Sergej Lawrow in der Schwarzmeerstadt Sotschi', 'Erste Notiz']]) {
      await selectPhrase(page, phrase);
      await page.click('#add-note');
      await page.fill('#selection-toolbar textarea', note);
      await page.click('#save-note');
      await page.waitForSelector(`#notes-panel :text("${note}")`);
    }
    await page.emulateMedia({ media: 'print' });
    const shown = (sel) => page.$$eval(sel, (els) => els.filter((e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length);
    assert.equal(await shown('button'), 0, 'no buttons');
    assert.equal(await shown('.site-header, .legend, .site-search, .prev-next, .site-footer'), 0, 'no navigation, legend or search');
    // passages numbered in text order, the notes in the same order
    const numbers = await page.$$eval('.article-body mark.annotation', (ms) => ms.map((m) => [m.getAttribute('data-n'), m.textContent]));
    assert.deepEqual(numbers.map((n) => n[0]), ['1', '2']);
    assert.match(numbers[0][1], /Lawrow/);
    const notes = await page.$$eval('#notes-panel .annotation-item', (li) => li.map((l) => [getComputedStyle(l, '::before').content, l.textContent]));
    assert.match(notes[0][1], /Erste Notiz/);
    assert.match(notes[0][0], /counter\(note\)/);
    assert.equal(await shown('.print-source'), 1);
    assert.ok((await page.locator('.print-source').textContent()).includes(name === 'file' ? 'file://' : 'http://127.0.0.1'), 'the page address is printed');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await shown('.print-source'), 0, 'not on screen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: a passage link written by hand (only a quote) marks the first place and says so`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    const file = page.url().split('/').pop().split('#')[0];
    await page.goto(`${siteDir(origin())}${file}#q=Ein%20eigener%20Impfstoff`);
    await ready(page);
    await page.waitForSelector('mark.passage');
    assert.equal((await page.locator('mark.passage').textContent()).trim(), 'Ein eigener Impfstoff');
    assert.equal(await page.locator('#link-first-of').count(), 0, 'unique: nothing to say');
    await page.goto(`${siteDir(origin())}${file}#q=Russland`);
    await page.reload();
    await ready(page);
    await page.waitForSelector('#link-first-of');
    assert.match(await page.locator('#link-first-of').textContent(), /kommt \d+-mal im Text vor; markiert ist die erste/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: copying a page link says where it works`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
    await openArticle(page, origin());
    await page.locator('.article-tools [data-copy-link]').click();
    await page.waitForSelector('.article-tools .copy-status:not(:empty)');
    const said = await page.locator('.article-tools .copy-status').textContent();
    if (name === 'file') assert.match(said, /nur dort, wo derselbe Ordner liegt/);
    else assert.doesNotMatch(said, /Ordner/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('file: with a public address (site_url), copying a link offers it instead of the path on this disk', async () => {
  // a copy of the folder whose article page names its public address, as `presseschau site --site-url` writes it
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presseschau-site-url-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const file = fs.readdirSync(dir).find((f) => f.startsWith('a-'));
  const html = fs.readFileSync(path.join(dir, file), 'utf8');
  fs.writeFileSync(path.join(dir, file), html.replace('<title>', `<link rel="canonical" href="https://presseschau.example/${file}" />\n<title>`));
  const origin = { name: 'file', base: pathToFileURL(path.join(dir, 'index.html')).href };
  const { page, problems, context } = await openPage(browser, origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
  await page.goto(pathToFileURL(path.join(dir, file)).href);
  await ready(page);
  await page.locator('.article-tools [data-copy-link]').click();
  await page.waitForSelector('.article-tools .copy-status:not(:empty)');
  const said = await page.locator('.article-tools .copy-status').textContent();
  assert.match(said, /Öffentliche Adresse dieser Seite kopiert/);
  assert.match(said, new RegExp(`https://presseschau\\.example/${file}`));
  assert.doesNotMatch(said, /file:/);
  assert.deepEqual(problems, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the compare view says links/rechts side by side and oben/unten when stacked', async () => {
  const origin = env.list[0];
  for (const [width, want, not] of [[1200, /links/, /oben/], [390, /oben/, /links/]]) {
    const { page, problems, context } = await openPage(browser, origin, { viewport: { width, height: 900 } });
    await openArticle(page, origin, 'Kampfdrohnen');
    await page.locator('a.compare-link').first().click();
    await page.waitForSelector('html[data-app="ready"] [data-page="compare"]');
    const help = await page.locator('.related-help:visible').textContent();
    assert.match(help, want);
    assert.doesNotMatch(help, not);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
