// Prints how long the built app (dist/) takes from navigation until it has taken over the prerendered library
// page, over http and file://, with the start-up marks.
// Usage: trunk build --release && node tools/startup.mjs [runs]
import { launch, openPage, origins } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] || 3);
const browser = await launch();
const env = await origins();
for (const origin of env.list) {
  const times = [];
  const steps = [];
  for (let i = 0; i < runs; i++) {
    const { page, context, problems } = await openPage(browser, origin);
    await page.goto(origin.base);
    await page.waitForSelector('html[data-app="ready"] main [data-page]', { timeout: 30000 });
    times.push(Math.round(await page.evaluate(() => performance.now())));
    // the steps the page marks: base64 decoded, wasm inflated, corpus analysed (in the app's state), rendered
    steps.push(await page.evaluate(() => performance.getEntriesByType('mark')
      .filter(m => m.name.startsWith('presseschau:'))
      .map(m => `${m.name.slice(12)} ${Math.round(m.startTime)}`).join(', ')));
    if (problems.length) console.error(problems);
    await context.close();
  }
  console.log(`${origin.name}: rendered after ${times.join(', ')} ms (performance.now at first render)`);
  for (const s of steps) console.log(`  marks (ms): ${s}`);
}
await browser.close();
await env.server.close();
