// The static site's load benchmark (issue 10): serves dist/ on 127.0.0.1 with gzip like a static host,
// throttles the network with the Chrome DevTools protocol, and prints, for an article page and the
// library, when the first text is painted on the real page and on the same page with every script removed
// (the floor), when the highlights are interactive (a card opens on keyboard focus: card.js over the cards
// the build prerendered, before the app), when the app has taken over, and the bytes before
// the first text and in all. Runs alternate app/floor; medians. Prints numbers only; asserts nothing.
// Usage: trunk build --release && node tools/loadbench.mjs [runs=5]
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { launch, pageFiles, DIST } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] || 5);
// From disk a visit takes ~0.1 s and its first paint falls on a frame (16.7 ms, ~15 % of the floor): the
// spread of single visits is 80–180 ms, so a median of a few runs moves by a frame between two runs of
// the benchmark. Disk visits are cheap: they are sampled DISK_FACTOR times as often (default 6).
const diskRuns = runs * Number(process.env.DISK_FACTOR || 6);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const noScripts = (html) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// /floor/<file> is the page with every script removed.
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const floor = url.pathname.startsWith('/floor/');
  const file = path.join(DIST, decodeURIComponent(url.pathname.replace(/^\/floor\//, '/')));
  if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end(); return; }
  let body = fs.readFileSync(file);
  if (floor && file.endsWith('.html')) body = Buffer.from(noScripts(body.toString('utf8')));
  const zipped = zlib.gzipSync(body, { level: 6 });
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
  res.end(zipped);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

// A copy of dist/ with the floor pages, for file://.
const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'presseschau-floor-'));
for (const f of fs.readdirSync(DIST)) {
  // (the pages' data files sit in data/)
  if (fs.statSync(path.join(DIST, f)).isDirectory()) { fs.cpSync(path.join(DIST, f), path.join(floorDir, f), { recursive: true }); continue; }
  const body = fs.readFileSync(path.join(DIST, f));
  fs.writeFileSync(path.join(floorDir, f), f.endsWith('.html') ? noScripts(body.toString('utf8')) : body);
}

const article = fs.readdirSync(DIST).filter((f) => f.startsWith('a-')).sort()[0];
const pages = [['article', article], ['library', 'index.html']];
const nets = [
  ['disk (file://)', null],
  ['10 Mbit/s, 40 ms', { latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 }],
  ['1.6 Mbit/s, 150 ms', { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 }],
];

const browser = await launch();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

/** One fresh visit: first contentful paint (the text: the pages are static) and, for the app, the time a
 * focused name first opens its card (card.js's or the app's), and when the app has taken over. */
async function visit(url, net, interactive) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (net) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...net });
  await page.goto(url, { waitUntil: 'commit' });
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') resolve(e.startTime); })
      .observe({ type: 'paint', buffered: true });
  }));
  let card = NaN, ready = NaN;
  if (interactive) {
    // a focused name opens its card: card.js's (the build's cards, before the app) or the app's
    card = await page.evaluate(() => new Promise((resolve) => {
      const tick = () => {
        const mark = document.querySelector('.article-body mark.entity');
        if (mark) { mark.focus(); if (document.querySelector('#entity-card')) { resolve(performance.now()); return; } }
        setTimeout(tick, 5);
      };
      tick();
    }));
    // and when the app has taken over (notes, selection, sharing)
    ready = await page.evaluate(() => new Promise((resolve) => {
      const tick = () => (document.documentElement.dataset.app === 'ready' ? resolve(performance.now()) : setTimeout(tick, 5));
      tick();
    }));
  }
  await context.close();
  return { fcp, card, ready };
}

console.log(`Presseschau load benchmark: ${runs} runs each (${diskRuns} from disk), medians (ms); Chromium, fresh context per run, cache off`);
console.log('| page | where | first text: app | floor (no scripts) | ratio | card on focus | card / floor | app ready | ready / floor |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, file] of pages) {
  for (const [where, net] of nets) {
    const app = []; const floor = []; const cards = []; const readies = [];
    for (let i = 0; i < (net ? runs : diskRuns); i++) {
      const appUrl = net ? base + file : pathToFileURL(path.join(DIST, file)).href;
      const floorUrl = net ? base + 'floor/' + file : pathToFileURL(path.join(floorDir, file)).href;
      const a = await visit(appUrl, net, name === 'article');
      const f = await visit(floorUrl, net, false);
      app.push(a.fcp); floor.push(f.fcp); cards.push(a.card); readies.push(a.ready);
    }
    const [ma, mf, mc, mr] = [median(app), median(floor), median(cards), median(readies)];
    const card = name === 'article' ? `${mc.toFixed(0)} | ${(mc / mf).toFixed(2)}× | ${mr.toFixed(0)} | ${(mr / mf).toFixed(2)}×` : '– | – | – | –';
    console.log(`| ${name} | ${where} | ${ma.toFixed(0)} | ${mf.toFixed(0)} | ${(ma / mf).toFixed(2)}× | ${card} |`);
  }
}
const size = (f) => gz(fs.readFileSync(path.join(DIST, f)));
// every file the page names (its stylesheet and scripts; the app loads nothing more for bundled articles)
// (and those boot.js adds after the first paint, its data-load)
const named = (page) => {
  const { tags, booted } = pageFiles(fs.readFileSync(path.join(DIST, page), 'utf8'));
  return [...tags, ...booted].filter((f) => fs.existsSync(path.join(DIST, f)));
};
for (const [name, page] of pages) {
  const files = named(page);
  const parts = files.map((f) => `${f} ${size(f)}`).join(', ');
  const css = files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + size(f), 0);
  const all = files.reduce((n, f) => n + size(f), size(page));
  console.log(`\n${name} page (gzip -9): ${page} ${size(page)}, ${parts}`);
  console.log(`  before first text (page + stylesheet; the scripts are deferred): ${size(page) + css} bytes`);
  console.log(`  all of the page, the app included: ${all} bytes`);
}
console.log(`(for comparison, not loaded by these pages: app-full.js ${size('app-full.js')}, model.js ${size('model.js')})`);
await browser.close();
server.close();
fs.rmSync(floorDir, { recursive: true, force: true });
