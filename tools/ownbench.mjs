// Own articles benchmark (issue 15): in Chromium on the built dist/ (from disk), times
// (1) a pasted ~1,000-word news text from "save" until it is saved, analysed and linked (the link to it is
//     on screen), and until its page shows the highlights;
// (2) 200 news texts dropped as files: reading them into drafts (with progress), then saving all;
// and the longest main-thread task during each save (PerformanceObserver "longtask").
// Texts from ../shared/data/same-event-de (never bundled). Prints numbers only; asserts nothing.
// Usage: trunk build --release && node tools/ownbench.mjs [files=200]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, DIST } from '../e2e/harness.mjs';
import { newsTexts } from './news_texts.mjs';

const n = Number(process.argv[2] || 200);
const texts = newsTexts();
const words = (t) => t.split(/\s+/).length;
const long = texts.map((t) => [Math.abs(words(t) - 1000), t]).sort((a, b) => a[0] - b[0])[0][1];

const browser = await launch();
const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
const base = pathToFileURL(path.join(DIST, 'add.html')).href;
await page.addInitScript(() => {
  window.__longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
});
const ready = () => page.waitForSelector('html[data-app="ready"] main [data-page]');

await page.goto(base);
await ready();
await page.fill('#paste-text', long);
await page.click('#paste-use');
await page.waitForSelector('.draft');
await page.evaluate(() => { window.__longest = 0; });
let t0 = Date.now();
await page.click('#save-own');
await page.waitForSelector('.add-saved a');
const saved = Date.now() - t0;
const longestSave = await page.evaluate(() => window.__longest);
const href = await page.locator('.add-saved a').first().getAttribute('href');
t0 = Date.now();
await page.goto(new URL(href, base).href);
await ready();
await page.waitForSelector('.article-body mark.entity');
const shown = Date.now() - t0;
console.log(`1,000-word paste (${words(long)} words): saved, analysed, linked in ${saved} ms (longest task ${Math.round(longestSave)} ms); its page with highlights ${shown} ms after opening`);

await page.goto(base);
await ready();
const files = texts.slice(0, n).map((t, i) => ({ name: `text-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(t) }));
await page.evaluate(() => { window.__longest = 0; });
t0 = Date.now();
await page.setInputFiles('#add-files', files);
await page.waitForSelector('#add-progress');
await page.waitForSelector('#add-progress', { state: 'detached', timeout: 300000 });
const read = Date.now() - t0;
const longestRead = await page.evaluate(() => window.__longest);
const drafts = await page.locator('.draft').count();
await page.evaluate(() => { window.__longest = 0; });
t0 = Date.now();
await page.click('#save-own');
await page.waitForSelector('.add-saved a', { timeout: 300000 });
const savedCount = await page.locator('.add-saved a').count();
// the page adds ten articles a task: done when IndexedDB holds them all (the last chunk's write)
const stored = () => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('presseschau');
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('own-articles')) { db.close(); resolve(0); return; }
    const count = db.transaction('own-articles').objectStore('own-articles').count();
    count.onsuccess = () => { db.close(); resolve(count.result); };
    count.onerror = () => { db.close(); resolve(-1); };
  };
  open.onerror = () => resolve(-1);
}));
while ((await stored()) < savedCount + 1) await page.waitForTimeout(50);
const savedAll = Date.now() - t0;
// and the model's names of the new articles (model.js, then the tagger over the new ones only)
await page.waitForTimeout(2000);
const longestAll = await page.evaluate(() => window.__longest);
console.log(`${files.length} files: read into ${drafts} drafts in ${read} ms (longest task ${Math.round(longestRead)} ms); ${savedCount} analysed, linked and stored in ${savedAll} ms (longest task until 2 s later, the model's names included: ${Math.round(longestAll)} ms)`);
await browser.close();
