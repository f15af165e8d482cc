// One-file collection benchmark (issue 15): in Chromium, adds N news texts (../shared/data/same-event-de,
// never bundled) as own articles on the built dist/ from disk, saves the collection as one file
// ("Sammlung als Datei speichern", with notes), then opens that file and dist/index.html from disk,
// alternately, in fresh contexts, and prints the medians of (a) the first contentful paint and (b) when the
// app has taken over (`<html data-app="ready">`). Prints numbers only; asserts nothing.
// Usage: trunk build --release && node tools/collectionbench.mjs [own=20] [runs=7]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, DIST } from '../e2e/harness.mjs';
import { newsTexts } from './news_texts.mjs';

const n = Number(process.argv[2] || 20);
const runs = Number(process.argv[3] || 7);
const texts = newsTexts();
const browser = await launch();
const ready = (page) => page.waitForSelector('html[data-app="ready"] main [data-page]', { timeout: 60000 });

// the collection: N own articles, saved as one file
const context = await browser.newContext({ locale: 'de-DE' });
const page = await context.newPage();
await page.goto(pathToFileURL(path.join(DIST, 'add.html')).href);
await ready(page);
await page.setInputFiles('#add-files', texts.slice(0, n).map((t, i) => ({ name: `text-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(t) })));
await page.waitForSelector('.draft');
await page.waitForSelector('#add-progress', { state: 'detached', timeout: 300000 });
await page.click('#save-own');
await page.waitForSelector('.add-saved a');
await page.waitForTimeout(3000);
const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-collection')]);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'presseschau-collection-')), 'sammlung.html');
fs.copyFileSync(await download.path(), file);
const saved = await page.locator('.add-saved a').count();
await context.close();

async function visit(url) {
  const ctx = await browser.newContext({ locale: 'de-DE' });
  const p = await ctx.newPage();
  await p.goto(url, { waitUntil: 'commit' });
  await ready(p);
  const t = await p.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ready: performance.getEntriesByName('presseschau:rendered')[0]?.startTime ?? NaN,
    cards: document.querySelectorAll('.article-card').length,
  }));
  await ctx.close();
  return t;
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = { file: [], dist: [] };
for (let i = 0; i < runs; i++) {
  rows.file.push(await visit(pathToFileURL(file).href));
  rows.dist.push(await visit(pathToFileURL(path.join(DIST, 'index.html')).href));
}
console.log(`collection: ${saved} own articles + the bundled ones, ${fs.statSync(file).size.toLocaleString('en')} bytes`);
for (const [name, r] of Object.entries(rows)) {
  console.log(`${name === 'file' ? 'the one file  ' : 'dist/index.html'}: ${r[0].cards} cards; first paint ${median(r.map((x) => x.fcp)).toFixed(0)} ms, app ready ${median(r.map((x) => x.ready)).toFixed(0)} ms (median of ${runs})`);
}
const ratio = median(rows.file.map((x) => x.ready)) / median(rows.dist.map((x) => x.ready));
console.log(`app ready: the one file / dist/index.html = ${ratio.toFixed(2)}×`);
await browser.close();
