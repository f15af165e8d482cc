// Accessibility (issue 13): axe-core on every page of the site, in the light and the dark theme (the second
// chosen with the theme switch, in the English UI), with an entity card open on every article page. Any
// violation, of any impact, fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch, serveDist, DIST } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let browser;
let server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every page of the built site (the list forward.js uses). */
function pages() {
  const src = fs.readFileSync(path.join(DIST, 'pages.js'), 'utf8');
  return JSON.parse(src.slice(src.indexOf('['), src.lastIndexOf(']') + 1));
}

// light: the system's light theme, German UI; dark: chosen with the theme switch on a light system, English UI
for (const [scheme, locale] of [['light', 'de-DE'], ['dark', 'en-GB']]) {
  test(`axe: every page in the ${scheme} theme (${locale}) has no violations`, async () => {
    // axe is injected as a script: the test context does not enforce the site's CSP (the pages do).
    const context = await browser.newContext({ bypassCSP: true, colorScheme: 'light', locale, viewport: { width: 1200, height: 900 } });
    if (scheme === 'dark') await context.addInitScript(() => localStorage.setItem('presseschau.theme', 'dark'));
    // a note on the first article, so the notes page lists one (with its buttons) and the article shows it
    const noted = pages().find((f) => f.startsWith('a-')).slice(2, -5);
    await context.addInitScript((article) => localStorage.setItem('presseschau.annotations', JSON.stringify({ version: 2, annotations: [{
      id: 'axe1', article_id: article, quote: { exact: 'Russland', prefix: '', suffix: '' }, position: { start: 0, end: 8 },
      color: 'green', note: 'Eine **Notiz**', tags: ['Unterricht'], created: '2026-12-01T10:00:00Z', modified: '2026-12-01T10:00:00Z' }] })), noted);
    const page = await context.newPage();
    const found = [];
    // each language's pages (a page in the other language would send the browser to this one's)
    for (const file of pages().filter((f) => f.startsWith('en-') === (locale !== 'de-DE'))) {
      await page.goto(server.base + file);
      await page.waitForSelector('html[data-app="ready"] main [data-page]', { timeout: 15000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), locale.slice(0, 2), file);
      if (/^(en-)?a-/.test(file)) {
        await page.locator('.article-body mark.entity').first().hover();
        await page.waitForSelector('#entity-card');
      }
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      for (const v of violations) found.push(`${file}: ${v}`);
    }
    assert.deepEqual(found, []);
    await context.close();
  });
}
