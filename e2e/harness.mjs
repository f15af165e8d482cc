// Shared set-up for the browser tests: a static server for dist/ on 127.0.0.1, Debian's chromium through
// playwright-core, and a page wrapper that records console errors, page errors and every request.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '..', 'dist');
export const SHOTS = path.resolve(here, '..', 'target', 'screenshots');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves dist/ on 127.0.0.1 with a free port. */
export async function serveDist() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
  });
}

/** The two ways the app is opened: over http and straight from disk. */
export async function origins() {
  const server = await serveDist();
  return {
    server,
    list: [
      { name: 'http', base: server.base + 'index.html' },
      { name: 'file', base: pathToFileURL(path.join(DIST, 'index.html')).href },
    ],
  };
}

/** A fresh context + page that records problems; `own(url)` says whether a request is the page's own file.
 * The browser speaks German unless `locale` says otherwise (the app's language follows the browser's). */
export async function openPage(browser, origin, { viewport = { width: 1200, height: 900 }, locale = 'de-DE' } = {}) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  const baseNoHash = origin.base.split('#')[0];
  const dir = baseNoHash.slice(0, baseNoHash.lastIndexOf('/') + 1);
  const foreign = () => requests.filter((u) => !(u.startsWith(dir) || u.startsWith('data:')));
  return { context, page, problems, requests, foreign };
}

/** Opens a route by its old hash address (forwarded to its page by forward.js) and waits until the app
 * has taken over the prerendered page. */
export async function go(page, origin, hash = '#/') {
  await page.goto(hash.startsWith('#') ? origin.base + hash : siteDir(origin) + hash);
  await ready(page);
}

/** The site's folder of an origin (pages are addressed relative to it: `a-<id>.html#q=…`). */
export function siteDir(origin) {
  return origin.base.slice(0, origin.base.lastIndexOf('/') + 1);
}

/** Waits until the app has taken over the page (after a navigation). */
export async function ready(page) {
  await page.waitForSelector('html[data-app="ready"] main [data-page]', { timeout: 15000 });
}

/** Selects `phrase` in the article text (as a mouse drag would; screen-reader-only and decorative text
 * left out) and waits for the selection toolbar. */
export async function selectPhrase(page, phrase) {
  const ok = await page.evaluate((phrase) => {
    const body = document.querySelector('.article-body');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('.sr-only, [data-decor], [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.textContent; }
    const i = all.indexOf(phrase);
    if (i < 0) return false;
    const at = (pos, end) => {
      for (let k = nodes.length - 1; k >= 0; k--) {
        const [n, off] = nodes[k];
        if (end ? off < pos : off <= pos) return [n, pos - off];
      }
      return null;
    };
    const [sn, so] = at(i, false);
    const [en, eo] = at(i + phrase.length, true);
    const r = document.createRange();
    r.setStart(sn, so);
    r.setEnd(en, eo);
    const s = window.getSelection();
    s.removeAllRanges();
    s.addRange(r);
    body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return true;
  }, phrase);
  if (!ok) throw new Error(`phrase not found: ${phrase}`);
  await page.waitForSelector('#selection-toolbar');
}

/** Opens the library, then the article whose card title contains `title`, and waits for the app. */
export async function openArticle(page, origin, title = 'Russisch-türkische') {
  await go(page, origin);
  await page.locator('.card-title a', { hasText: title }).click();
  await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
}

/** Text of an element as seen on screen (screen-reader-only text left out). */
export async function visibleText(locator) {
  return locator.evaluate((el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll('.sr-only').forEach((x) => x.remove());
    return c.textContent;
  });
}

/** The files a built page loads: its stylesheet and scripts named in tags of their own, then those boot.js
 * adds after the first paint (its `data-load`), in their order. */
export function pageFiles(html) {
  const tags = [...html.matchAll(/\n<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const booted = (html.match(/data-load="([^"]*)"/) || ['', ''])[1].split(' ').filter(Boolean);
  return { tags, booted };
}
