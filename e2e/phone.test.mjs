// At a phone's width (390 px), over http and from disk: what a reader's action brings shows where the reader
// is — the shortcuts overlay over the page, a copied link's message in the window, the add page's message
// about a pasted text in the window — and an own article offers only the link that works elsewhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go, ready, openArticle, selectPhrase } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

const phone = { viewport: { width: 390, height: 844 } };
/** Whether the element is inside the window (its box within the viewport's height). */
const inView = (page, selector) => page.locator(selector).first().evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
});

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: at 390 px the shortcuts overlay covers the window and a copied passage link says so in view`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), phone);
    await openArticle(page, origin());
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.keyboard.press('?');
    await page.waitForSelector('#help-overlay');
    const box = await page.locator('#help-overlay').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { position: getComputedStyle(el).position, top: r.top, height: r.height, scrollY };
    });
    assert.equal(box.position, 'fixed');
    assert.equal(box.top, 0);
    assert.equal(box.height, 844);
    assert.equal(box.scrollY, 600, 'the page stays where the reader was');
    assert.ok(await inView(page, '#help-close'));
    await page.keyboard.press('Escape');
    // a passage far down the text: "Link zu dieser Stelle" → the message is in the window
    await selectPhrase(page, '50 Millionen Dosen sind bereits bestellt');
    await page.click('#link-passage');
    await page.waitForSelector('#notice');
    assert.ok(await inView(page, '#notice'), 'the message is in the window');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: at 390 px the add page shows what a paste brought: a message for a text too long, the draft for an article`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), phone);
    await go(page, origin(), 'add.html');
    await ready(page);
    const para = 'Die Türkei hat eine weitere Lieferung von Kampfdrohnen an die Ukraine auf den Weg gebracht. Der Hersteller bestätigte das am Montag in Ankara.\n\n';
    // (set as a paste would, at once: typing a megabyte takes Playwright minutes)
    await page.evaluate((text) => {
      const area = document.querySelector('#paste-text');
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, 'Drohnen für Kiew\n\n' + para.repeat(8000));
    await page.click('#paste-use');
    await page.waitForSelector('.add-problems li');
    assert.match(await page.locator('.add-problems li').textContent(), /ist zu lang für einen Artikel/);
    await page.waitForFunction(() => { const r = document.querySelector('.add-problems li').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
    // nothing lost: the text stays in the field
    assert.ok((await page.inputValue('#paste-text')).length > 1_000_000);
    await page.fill('#paste-text', 'Drohnen für Kiew\n\n' + para.repeat(3));
    await page.click('#paste-use');
    await page.waitForSelector('.drafts > li');
    await page.waitForFunction(() => { const r = document.querySelector('.drafts > li').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: at 390 px the names index fits the window, in German and English`, async () => {
    for (const [file, locale] of [['e.html', 'de-DE'], ['en-e.html', 'en-GB']]) {
      const { page, problems, context } = await openPage(browser, origin(), { ...phone, locale });
      await go(page, origin(), file);
      await ready(page);
      const fits = await page.locator('.table-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(fits[0] <= fits[1], `${file}: the table is ${fits[0]} px in a ${fits[1]} px box`);
      // each row still says the name's kind
      assert.match(await page.locator('[data-entity-row] .kind-inline').first().textContent(), locale === 'de-DE' ? /Ort|Person|Organisation/ : /Place|Person|Organisation/);
      assert.ok(await page.locator('[data-entity-row] .kind-inline').first().isVisible());
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  // 400 % zoom on a 1,280 px screen is a 320 px window (WCAG reflow): nothing scrolls sideways, and a page
  // reached by a link starts at its top (the heading takes the focus without scrolling the header away)
  test(`${name}: at 320 px no page scrolls sideways, and a page reached by a link starts at its top`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), { viewport: { width: 320, height: 256 } });
    await go(page, origin(), 'index.html');
    await ready(page);
    const article = await page.locator('.card-title a').first().getAttribute('href');
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
    assert.equal(await page.evaluate(() => scrollY), 0, 'the article starts at its top');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the heading has the focus');
    const compare = await page.locator('a[href^="c-"]').first().getAttribute('href');
    for (const file of ['index.html', article, compare, 'e.html', 't.html', 'notes.html', 'search.html', 'add.html']) {
      await go(page, origin(), file);
      await ready(page);
      const width = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      assert.ok(width[0] <= width[1], `${file}: ${width[0]} px wide in a ${width[1]} px window`);
      // (and every id once: a label and the keyboard find their field by it)
      const twice = await page.evaluate(() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.filter((x, i) => ids.indexOf(x) !== i); });
      assert.deepEqual(twice, [], `${file}: ids twice`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
