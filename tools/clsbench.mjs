// Cumulative layout shift while the app takes over the prerendered pages (issue 10: ≤ 0.1): opens every page
// except the per-pair compare pages from disk at desktop and phone width, for a German and an English browser
// (every page exists in both languages; a page in the other language sends the browser to its twin before
// the first paint, so each file is measured as a reader of each language meets it), and prints the worst
// CLS. Prints numbers only. Usage: trunk build --release && node tools/clsbench.mjs
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, DIST } from '../e2e/harness.mjs';

const browser = await launch();
const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.html'));
for (const [locale, viewport] of ['de-DE', 'en-US'].flatMap((l) => [[l, { width: 1200, height: 900 }], [l, { width: 390, height: 844 }]])) {
  let worst = 0;
  let worstFile = '-';
  for (const f of files) {
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(pathToFileURL(path.join(DIST, f)).href);
    await page.waitForSelector('html[data-app="ready"]');
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    if (cls > worst) { worst = cls; worstFile = f; }
    await context.close();
  }
  console.log(`${locale}, ${viewport.width}px: ${files.length} pages, worst cumulative layout shift ${worst.toFixed(4)} (${worstFile})`);
}
await browser.close();
