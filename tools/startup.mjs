// Prints how long the built app (dist/) takes from navigation to a rendered library, over http and file://.
// Usage: trunk build --release && node tools/startup.mjs [runs]
import { launch, openPage, origins } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] || 3);
const browser = await launch();
const env = await origins();
for (const origin of env.list) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { page, context, problems } = await openPage(browser, origin);
    await page.goto(origin.base + '#/');
    await page.waitForSelector('main [data-page]', { timeout: 30000 });
    times.push(Math.round(await page.evaluate(() => performance.now())));
    if (problems.length) console.error(problems);
    await context.close();
  }
  console.log(`${origin.name}: rendered after ${times.join(', ')} ms (performance.now at first render)`);
}
await browser.close();
await env.server.close();
