// Same event, same story (http and file://): the article panel with reasons, the event page, the compare view
// (aligned sentences, word differences, one column on a phone), the story timeline, unknown ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

// The seeds by headline: 001 and 002 report the same Putin–Erdoğan phone call; 003 is months later.
const S1 = 'Moskau und Ankara wollen';
const S2 = 'Im sich aufheizenden Ukraine-Konflikt';
const S3 = 'Kreml-Chef ist völlig verzweifelt';

async function openArticle(page, origin, titlePart) {
  await go(page, origin);
  await page.locator('.card-title a', { hasText: titlePart }).click();
  await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
  return page.locator('[data-page="article"]').getAttribute('data-article-id');
}

async function panelTitles(page, panel) {
  return page.locator(`[data-panel="${panel}"] .related-item .related-title`).allTextContents();
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: the two phone-call reports show each other as the same event, with reasons`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    for (const [mine, other] of [[S1, S2], [S2, S1]]) {
      await openArticle(page, origin(), mine);
      const same = await panelTitles(page, 'same-event');
      assert.ok(same.some((t) => t.includes(other)), `${mine}: same-event panel lists ${other}: ${same}`);
      assert.ok(!same.some((t) => t.includes(S3)), `${mine}: 003 is not the same event: ${same}`);
      const item = page.locator('[data-panel="same-event"] .related-item', { hasText: other });
      const reasons = await item.locator('.reasons li').allTextContents();
      const about = reasons.find((r) => r.startsWith('beide berichten über'));
      assert.ok(about, `shared entities named: ${reasons}`);
      // the rarest shared entities, by their KB labels (capitalised names, never ids like Q7747 or s-400)
      assert.match(about, /^beide berichten über [A-ZÄÖÜ]/);
      assert.doesNotMatch(about, /\bQ\d+\b|\b[a-z]+-[a-z0-9]+\b/, 'KB labels, not ids');
      assert.ok(reasons.some((r) => /gleiche[r]? Sätz|gleicher Satz/.test(r)), `shared sentences counted: ${reasons}`);
      assert.ok(reasons.some((r) => r.startsWith('Textähnlichkeit')), `${reasons}`);
      // per-signal scores in a details element
      await item.locator('details.signals summary').click();
      assert.ok((await item.locator('.signal-list dt').count()) >= 5);
      assert.equal(await item.locator('a.compare-link').count(), 1);
    }
    // 003 may be the same story, never the same event with 001/002
    await openArticle(page, origin(), S3);
    const same3 = await panelTitles(page, 'same-event');
    assert.ok(!same3.some((t) => t.includes(S1) || t.includes(S2)), `${same3}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the event page lists both reports and the shared entities`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    const id1 = await openArticle(page, origin(), S1);
    await page.locator('[data-panel="same-event"] .related-group a').click();
    await page.waitForSelector('html[data-app="ready"] [data-page="event"]');
    assert.equal(await page.locator('[data-page="event"]').getAttribute('data-level'), 'same_event');
    const reports = await page.locator('.event-report .related-title').allTextContents();
    assert.equal(reports.length, 2, `${reports}`);
    assert.ok(reports.some((t) => t.includes(S1)) && reports.some((t) => t.includes(S2)), `${reports}`);
    assert.ok((await page.locator(`.event-report[data-report-id="${id1}"]`).count()) === 1);
    const shared = page.locator('[data-entities="shared"] a');
    assert.ok((await shared.count()) >= 2, 'entities shared by all reports');
    const labels = await shared.allTextContents();
    assert.ok(labels.includes('Wladimir Putin'), `Putin is in both reports: ${labels}`);
    const hrefs = await shared.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => /^e-.+\.html$/.test(h)), `${hrefs}`);
    assert.equal(await page.locator('[data-page="event"] [data-copy-link^="s-"]').count(), 1);
    // an entity link leads to the entity page
    await shared.first().click();
    await page.waitForSelector('html[data-app="ready"] [data-page="entity"]');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the compare view aligns sentences and marks differences; one column on a phone`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin(), S1);
    await page.locator('[data-panel="same-event"] .related-item', { hasText: S2 }).locator('a.compare-link').click();
    await page.waitForSelector('html[data-app="ready"] [data-page="compare"]');
    const aligned = page.locator('.cmp-row--aligned');
    assert.ok((await aligned.count()) >= 4, 'several aligned sentence pairs');
    assert.ok((await page.locator('.cmp-cell del').count()) > 0, 'words only on the left are marked');
    assert.ok((await page.locator('.cmp-cell ins').count()) > 0, 'words only on the right are marked');
    // a non-colour cue: struck through and underlined
    const deco = await page.locator('.cmp-cell del').first().evaluate((e) => getComputedStyle(e).textDecorationLine);
    assert.match(deco, /line-through/);
    const cols = await aligned.first().evaluate((e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
    assert.equal(cols, 2, 'side by side on a wide screen');
    assert.match(await page.locator('.cmp-link').textContent(), /Gleiches Ereignis/);
    const hash = new URL(page.url()).pathname.split('/').pop();
    await context.close();

    const phone = await openPage(browser, origin(), { viewport: { width: 390, height: 844 } });
    await go(phone.page, origin(), hash);
    const phoneCols = await phone.page.locator('.cmp-row--aligned').first()
      .evaluate((e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
    assert.equal(phoneCols, 1, 'one column on a phone');
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 400, `no sideways scrolling (${width}px)`);
    assert.deepEqual([...problems, ...phone.problems], []);
    await phone.context.close();
  });

  test(`${name}: unknown event and compare ids show the not-found page`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    for (const hash of ['#/s/0000000000000000', '#/c/nope/also-nope']) {
      await go(page, origin(), hash);
      assert.equal(await page.locator('[data-page]').first().getAttribute('data-page'), 'not-found', hash);
    }
    const id1 = await openArticle(page, origin(), S1);
    await go(page, origin(), `#/c/${id1}/nope`);
    assert.equal(await page.locator('[data-page]').first().getAttribute('data-page'), 'not-found');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the timeline lists the events in date order`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin());
    await page.locator('.nav-links a', { hasText: 'Zeitleiste' }).click();
    await page.waitForSelector('html[data-app="ready"] [data-page="timeline"]');
    const entries = page.locator('.timeline-entry');
    assert.ok((await entries.count()) >= 1);
    const event = page.locator('.timeline-entry[data-level="same_event"]');
    assert.ok((await event.count()) >= 1, 'the phone call is an event');
    const titles = await event.first().locator('.timeline-articles a').allTextContents();
    assert.ok(titles.some((t) => t.includes(S1)) && titles.some((t) => t.includes(S2)), `${titles}`);
    await event.first().locator('.timeline-head a').click();
    await page.waitForSelector('html[data-app="ready"] [data-page="event"]');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
