// The entity card and the keyboard (issue 13), over http and from disk: one tab stop for the text, arrow
// keys between names; the card closes on Escape (focus back on the name), by its close button, when the
// pointer leaves, on a click outside; it stays inside the window, and is a bottom sheet on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go, openArticle } from './harness.mjs';

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
