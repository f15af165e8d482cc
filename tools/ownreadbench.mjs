// What a reader with own articles loads on each page (issue 10: no page grows with the corpus), from disk at
// 390 px: adds an agency copy of a bundled report on add.html (its headline with a prefix, its body without
// the last paragraph), then opens the report, the library's first and last page, the names index, the
// timeline's page with the report's event and the own article's page, and prints for each whether the own article shows there, the time to
// that, the files it loaded and their bytes (gzip -9 of each). Prints numbers only; asserts nothing.
// Usage: trunk build --release && node tools/ownreadbench.mjs [site=dist] [report=a-<id>.html]
// (the 1,000-article site: presseschau site <dir> --corpus target/scale1000, with the apps copied from dist;
// docs/static-site.md, "Scale")
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { launch, DIST } from '../e2e/harness.mjs';

const root = path.resolve(process.argv[2] || DIST);
const dir = pathToFileURL(root).href + '/';
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(root, f)), { level: 9 }).length;
const files = fs.readdirSync(root);
const seed = process.argv[3] || files.find((f) => /^a-.*\.html$/.test(f));
// the timeline's page with the report's event (the own article joins it there)
const seedId = seed.replace(/^a-|\.html$/g, '');
const timeline = files.filter((f) => /^t(-\d+)?\.html$/.test(f)).sort()
  .find((f) => fs.readFileSync(path.join(root, f), 'utf8').includes(`data-article-id="${seedId}"`)) || 't.html';
const lastLibrary = files.filter((f) => /^library-\d+\.html$/.test(f)).sort((a, b) => parseInt(a.slice(8), 10) - parseInt(b.slice(8), 10)).pop() || 'index.html';

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' })).newPage();
const problems = [];
const requests = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(e.message));
page.on('request', (r) => requests.push(r.url()));
const ready = () => page.waitForSelector('html[data-app="ready"] main [data-page]');

await page.goto(dir + seed);
await ready();
const title = (await page.locator('main h1').textContent()).trim();
const paras = await page.locator('.article-body > p[lang="de"]').evaluateAll((ps) => ps.map((p) => p.textContent.trim()));
await page.goto(dir + 'add.html');
await ready();
await page.fill('#paste-text', `Agenturmeldung: ${title}\n\n${paras.slice(0, -1).join('\n\n')}`);
await page.click('#paste-use');
await page.waitForSelector('.draft');
let t0 = Date.now();
await page.click('#save-own');
await page.waitForSelector('.add-saved a');
console.log(`saved and linked in ${Date.now() - t0} ms (the save loads data.js: ${gz('data.js')} bytes gzip)`);
const own = await page.locator('.add-saved a').first().getAttribute('href');
const ownId = own.split('/').pop();

const visits = [
  [seed, `[data-panel="same-event"] a[href="${own}"]`],
  ['index.html', 'main [data-page="library"]'],
  [lastLibrary, `.article-card--own`],
  ['e.html', 'main [data-page="entities"], .entity-table'],
  [timeline, `.timeline-entry li[data-article-id="${ownId}"]`],
  [own, `[data-panel="same-event"] a[href="${seed}"]`],
];
for (const [target, shows] of visits) {
  // (a fresh page for the view page too: a fragment change alone loads nothing)
  await page.goto('about:blank');
  requests.length = 0;
  t0 = Date.now();
  await page.goto(dir + target);
  await ready();
  const shown = await page.waitForSelector(shows, { timeout: 10000 }).then(() => true, () => false);
  const ms = Date.now() - t0;
  const loaded = [...new Set(requests.filter((u) => u.startsWith(dir)).map((u) => u.slice(dir.length).split(/[?#]/)[0]))];
  const bytes = loaded.reduce((n, f) => n + gz(f), 0);
  console.log(`${target.padEnd(28)} ${shown ? 'shown' : 'NOT SHOWN'} after ${ms} ms; ${bytes} bytes gzip: ${loaded.join(' ')}`);
}
console.log(`console errors: ${problems.length ? problems.join(' | ') : 'none'}`);
await browser.close();
