// The entity card and the keyboard (issue 13), over http and from disk: one tab stop for the text, arrow
// keys between names; the card closes on Escape (focus back on the name), by its close button, when the
// pointer leaves, on a click outside; it stays inside the window, and is a bottom sheet on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go, ready, openArticle } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

const cardShown = (page) => page.locator('#entity-card').count().then((n) => n === 1);
const active = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { mark: a?.matches('mark.entity') ?? false, m: a?.getAttribute('data-m'), body: a?.classList.contains('article-body') ?? false };
});

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: one tab stop for the text, arrows between names, Escape and the close button return focus`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), { viewport: { width: 1200, height: 700 } });
    await openArticle(page, origin());
    assert.equal(await page.locator('.article-body [tabindex="0"]').count(), 0, 'names are not tab stops');
    assert.equal(await page.locator('.article-body').getAttribute('tabindex'), '0');
    await page.focus('.article-body');
    await page.keyboard.press('ArrowRight');
    const first = await active(page);
    assert.ok(first.mark, 'ArrowRight focuses the first name');
    assert.ok(await cardShown(page), 'the card opens for the focused name');
    await page.keyboard.press('ArrowRight');
    const second = await active(page);
    assert.ok(second.mark && second.m !== first.m, 'ArrowRight moves to the next name');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await active(page)).m, first.m);
    await page.keyboard.press('Escape');
    assert.equal(await cardShown(page), false, 'Escape closes the card');
    assert.equal((await active(page)).m, first.m, 'focus stays on the name');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#entity-card');
    await page.click('#entity-card .card-close');
    assert.equal(await cardShown(page), false, 'the close button closes it');
    assert.ok((await active(page)).mark, 'focus returns to the name');
    assert.equal(await page.locator('aside[role="dialog"]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the card closes when the pointer leaves and on a click outside, and stays inside the window`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), { viewport: { width: 1200, height: 700 } });
    await openArticle(page, origin());
    const mark = page.locator('.article-body mark.entity').nth(3);
    await mark.hover();
    await page.waitForSelector('#entity-card');
    await page.mouse.move(5, 690);
    await page.waitForTimeout(700);
    assert.equal(await cardShown(page), false, 'pointer left: closed after a moment');
    await mark.hover();
    await page.waitForSelector('#entity-card');
    // a click on the page far from the card (the card may cover the heading)
    await page.mouse.click(1190, 690);
    assert.equal(await cardShown(page), false, 'a click outside closes it');
    // A name near the bottom of the window: the card goes above it, inside the window.
    const low = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('.article-body mark.entity')];
      const m = marks.find((x) => x.getBoundingClientRect().top > window.innerHeight + 200);
      window.scrollBy(0, m.getBoundingClientRect().top - (window.innerHeight - 60));
      return marks.indexOf(m);
    });
    await page.locator('.article-body mark.entity').nth(low).hover();
    await page.waitForSelector('#entity-card');
    await page.waitForTimeout(100);
    const r = await page.locator('#entity-card').evaluate((c) => { const b = c.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, right: b.right, h: window.innerHeight, w: window.innerWidth }; });
    assert.ok(r.top >= 0 && r.bottom <= r.h && r.right <= r.w, `card inside the window: ${JSON.stringify(r)}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: on a phone the card is a bottom sheet inside the screen`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), { viewport: { width: 390, height: 800 } });
    await openArticle(page, origin());
    await page.locator('.article-body mark.entity').nth(2).click();
    await page.waitForSelector('#entity-card');
    const r = await page.locator('#entity-card').evaluate((c) => { const b = c.getBoundingClientRect(); return { left: b.left, right: b.right, bottom: b.bottom, top: b.top, h: window.innerHeight, w: window.innerWidth }; });
    assert.ok(Math.abs(r.left) < 1 && Math.abs(r.right - r.w) < 1 && Math.abs(r.bottom - r.h) < 1 && r.top > 0, JSON.stringify(r));
    await page.locator('h1').click();
    assert.equal(await cardShown(page), false, 'a tap outside closes it');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: keyboard only, library → a note on a passage; ≤ 15 keys after reaching the text`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin(), 'index.html');
    // arriving by a link, the focus is on the page's heading
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.matches('.card-title a'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await ready(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the article page starts at its heading');
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.id === 'article-text')); i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'article-text', 'reached the text');
    // from here every key counts: two names on, the sentence of that name, the next sentence, a note, save
    const keys = [];
    const press = async (k) => { keys.push(k); await page.keyboard.press(k); };
    await press('ArrowRight');
    await press('ArrowRight');
    const name = await page.evaluate(() => document.activeElement?.textContent);
    await press('Shift+ArrowDown');
    await page.waitForSelector('#selection-toolbar');
    const first = await page.locator('.toolbar-quote').textContent();
    assert.ok(first.includes(name), `the sentence of the focused name ${name}: ${first}`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-note', 'the toolbar has the focus');
    await press('Shift+ArrowDown');
    await page.waitForFunction((f) => document.querySelector('.toolbar-quote')?.textContent !== f, first);
    const quote = (await page.locator('.toolbar-quote').textContent()).replace(/^„|“$/g, '').replace(/ …$/, '');
    await press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'toolbar-note', 'the note field has the focus');
    keys.push('(typing)');
    await page.keyboard.type('Mit der Tastatur allein');
    await press('Control+Enter');
    await page.waitForSelector('.notes-panel [data-annotation-item]');
    assert.ok(keys.length <= 15, `${keys.length} keys: ${keys.join(' ')}`);
    assert.match(await page.locator('.notes-panel .note-text').first().textContent(), /Mit der Tastatur allein/);
    assert.ok(quote.length > 10 && (await page.locator('.notes-panel .annotation-quote').first().textContent()).includes(quote.slice(0, 40)));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'article-text', 'back in the text');
    console.log(`keyboard run: ${keys.length} keys after reaching the text: ${keys.join(' ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: back from a name page restores where the reader was in the article`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin(), 'index.html');
    await page.locator('.card-title a').first().click();
    await ready(page);
    await page.evaluate(() => scrollTo(0, 900));
    await page.waitForFunction(() => Math.abs(scrollY - 900) < 2);
    // a name in view, followed by its link (no scrolling on the way)
    const href = await page.evaluate(() => {
      const m = [...document.querySelectorAll('.article-body mark.entity[data-entity-id]')].find((el) => el.getBoundingClientRect().top > 0);
      return `e-${m.dataset.entityId}.html`;
    });
    await page.evaluate((h) => { location.href = h; }, href);
    await page.waitForURL(new RegExp(href));
    await ready(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the name page starts at its heading');
    await page.goBack();
    await ready(page);
    await page.waitForTimeout(300);
    const y = await page.evaluate(() => scrollY);
    assert.ok(Math.abs(y - 900) < 3, `scroll restored: ${y}`);
    assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'back does not jump to the heading');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: shortcuts — ? lists the keys, ←/→ change article, n jumps to the next own passage; touch selection opens the toolbar`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    await page.keyboard.press('?');
    await page.waitForSelector('#help-overlay');
    const keys = await page.locator('#help-overlay').textContent();
    for (const k of ['/', '?', 'Esc', 'n']) assert.ok(keys.includes(k), `help lists ${k}`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'help-close');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#help-overlay').count(), 0);
    // A selection made without a mouse-up (touch handles) opens the toolbar.
    await page.evaluate(() => {
      const p = document.querySelector('.article-body p:not(.lead)');
      const t = [...p.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim().length > 10);
      const r = document.createRange();
      r.setStart(t, 0);
      r.setEnd(t, 8);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    });
    await page.waitForSelector('#selection-toolbar', { timeout: 3000 });
    await page.locator('#selection-toolbar .swatch--green').click();
    await page.waitForSelector('mark.annotation--green');
    await page.evaluate(() => { getSelection().removeAllRanges(); document.activeElement?.blur(); window.scrollTo(0, 0); });
    await page.keyboard.press('n');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('mark.annotation')), 'n focuses the passage');
    await page.evaluate(() => document.activeElement?.blur());
    const before = page.url();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.href !== before);
    await page.waitForSelector('html[data-app="ready"] [data-page="article"]');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
