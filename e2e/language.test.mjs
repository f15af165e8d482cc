// German and English (issue 13), over http and from disk: the language follows the browser, the switch in
// the header changes every string at once and is remembered, <html lang> follows; the rendered UI of every
// kind of page (and a notice, a card, the help overlay) is scanned for words of the other language — the
// articles' own German text is marked lang="de" and left out. The theme switch: light / dark / system,
// remembered, applied before the app starts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go, ready, siteDir, selectPhrase, openArticle } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

/** Words that give German away in the English UI, and English in the German UI (whole words). */
const GERMAN = ['der', 'die', 'das', 'und', 'nicht', 'ist', 'Sie', 'Ihre', 'mit', 'eine', 'für', 'oder', 'Artikel',
  'Notiz', 'Notizen', 'Seite', 'Namen', 'Erwähnungen', 'Ereignis', 'Berichte', 'Zeitleiste', 'Suche', 'Schließen',
  'Gleiches', 'Meine', 'Sprache', 'hell', 'dunkel', 'Medium', 'Jahr', 'alle', 'Datum', 'Ort', 'Menge', 'Lesezeit'];
const ENGLISH = ['the', 'and', 'not', 'is', 'your', 'with', 'of', 'for', 'this', 'note', 'notes', 'file', 'page',
  'search', 'found', 'copied', 'failed', 'error', 'article', 'articles', 'names', 'timeline', 'same', 'event',
  'close', 'language', 'theme', 'light', 'dark', 'Place', 'Date', 'read', 'mentions'];

/** Every UI word on the page (text, aria-label, title, placeholder) outside content marked with another
 * language, with the element it sits in. */
async function uiWords(page, lang) {
  return page.evaluate((lang) => {
    const out = [];
    const foreign = (el) => { const l = el.closest('[lang]'); return l && l.getAttribute('lang') !== lang; };
    const add = (text, el) => {
      for (const w of text.replace(/\S+:\/\/\S+/g, ' ').split(/[^\p{L}\p{N}]+/u)) if (w) out.push([w, el.tagName + '.' + el.className + ': ' + text.trim().slice(0, 80)]);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, [hidden], template') || foreign(el)) continue;
      add(n.textContent, el);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (foreign(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) if (el.hasAttribute(a)) add(el.getAttribute(a), el);
    }
    add(document.title.split(' — ').slice(1).join(' '), document.head);
    return out;
  }, lang);
}

async function assertNoWordsOf(page, lang, list, where) {
  const hits = (await uiWords(page, lang)).filter(([w]) => list.includes(w));
  assert.deepEqual(hits.slice(0, 8), [], `${where} (${lang} UI) has words of the other language`);
}

/** The pages to scan: one of each kind, found by following the app's own links. */
async function pagesToScan(page, origin) {
  await go(page, origin, 'index.html');
  // (by their German names: a page in the other language sends the browser to the reader's)
  const href = async (sel) => (await page.locator(sel).first().getAttribute('href')).replace(/^en-/, '');
  const article = await href('.card-title a');
  const list = ['index.html', 'e.html', 't.html', 'notes.html', 'search.html#q=Erdogans', 'e-Q7747.html', '404.html', 'add.html'];
  await go(page, origin, 't.html');
  list.push(await href('main a[href^="s-"], main a[href^="en-s-"]'));
  await go(page, origin, list.at(-1));
  await go(page, origin, await href('main a.related-title'));
  list.push(await href('main a[href^="c-"], main a[href^="en-c-"]'));
  list.push(article);
  return list;
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: an English browser gets English; no German in the English UI and no English in the German`, async () => {
    const { page, problems, context, foreign } = await openPage(browser, origin(), { locale: 'en-GB' });
    const pages = await pagesToScan(page, origin());
    for (const lang of ['en', 'de']) {
      if (lang === 'de') {
        await page.selectOption('#pref-lang', 'de');
        await page.waitForFunction(() => document.documentElement.lang === 'de');
      }
      for (const p of pages) {
        await go(page, origin(), p);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${p}: <html lang>`);
        if (p.startsWith('a-')) {
          // a card, the help overlay and the legend's kinds are part of the UI too
          await page.locator('.article-body mark.entity').first().hover();
          await page.waitForSelector('.entity-card');
          await assertNoWordsOf(page, lang, lang === 'en' ? GERMAN : ENGLISH, `${p} with a card`);
          await page.keyboard.press('Escape');
          await page.locator('body').press('?');
          await page.waitForSelector('#help-overlay');
        }
        if (p.startsWith('search')) await page.waitForSelector('[data-search-results]', { state: 'attached' });
        if (p === 'e-Q7747.html') {
          // the name and its description as the knowledge base has them in the reader's language
          const want = lang === 'en' ? ['Vladimir Putin', /^President of Russia/] : ['Wladimir Putin', /^Präsident Russlands/];
          assert.equal(await page.locator('main h1').textContent(), want[0]);
          await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.entity-description')?.textContent ?? ''), want[1].source);
        }
        await assertNoWordsOf(page, lang, lang === 'en' ? GERMAN : ENGLISH, p);
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });

  test(`${name}: on a phone, in English: the header, an article with its card as a bottom sheet, no German UI`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), { locale: 'en-US', viewport: { width: 390, height: 800 } });
    await go(page, origin(), 'index.html');
    const href = await page.locator('.card-title a').first().getAttribute('href');
    await go(page, origin(), href);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'nothing wider than the phone');
    await page.locator('.article-body mark.entity').first().click();
    await page.waitForSelector('.entity-card');
    await assertNoWordsOf(page, 'en', GERMAN, `${href} at 390 px`);
    await go(page, origin(), 'add.html');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'the add page fits');
    await assertNoWordsOf(page, 'en', GERMAN, 'add.html at 390 px');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the switch changes every string at once, keeps typed text, and is remembered`, async () => {
    const { page, problems, context } = await openPage(browser, origin(), { locale: 'de-DE' });
    await go(page, origin(), 'index.html');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    await page.fill('#site-search', 'Kreml');
    await page.selectOption('#pref-lang', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.inputValue('#site-search'), 'Kreml', 'typed text stays');
    assert.match(await page.locator('.nav-links').textContent(), /Articles.*Names.*Timeline.*My notes/s);
    assert.match(await page.title(), /All articles/);
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'remembered');
    // the English page, chosen before the first paint; its links go to English pages
    assert.match(page.url(), /\/en-index\.html$/);
    assert.match(await page.locator('.card-title a').first().getAttribute('href'), /^en-a-/);
    // a notice from a broken link is worded in English
    await page.goto(siteDir(origin()) + (await page.locator('.card-title a').first().getAttribute('href')) + '#n=v1.AAAA');
    await ready(page);
    assert.match(await page.locator('.notice').first().textContent(), /The link is damaged or incomplete/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: a note being edited keeps its typed text when the language changes`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    await selectPhrase(page, 'Rüstungskooperation');
    await page.click('#add-note');
    await page.fill('#selection-toolbar textarea', 'erste Fassung');
    await page.click('#save-note');
    const item = page.locator('.notes-panel [data-annotation-item]').first();
    await item.locator('button', { hasText: 'Bearbeiten' }).click();
    await item.locator('textarea').fill('zweite Fassung, noch nicht gespeichert');
    await item.locator('input[type="text"]').fill('Quelle prüfen, Lehrer');
    await page.selectOption('#pref-lang', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await item.locator('textarea').inputValue(), 'zweite Fassung, noch nicht gespeichert');
    assert.equal(await item.locator('input[type="text"]').inputValue(), 'Quelle prüfen, Lehrer');
    await item.locator('button', { hasText: 'Save' }).click();
    await page.waitForFunction(() => document.querySelector('.notes-panel .note-text')?.textContent.includes('zweite Fassung'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the theme switch: dark and light override the system, remembered before the first paint`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await page.emulateMedia({ colorScheme: 'light' });
    await go(page, origin(), 'index.html');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.selectOption('#pref-theme', 'dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const dark = await bg();
    assert.notEqual(dark, light, 'dark differs from light');
    // remembered, and (over http, where the app can be held back) set by the page before the app runs
    if (name === 'http') await context.route('**/app.js', (r) => r.abort());
    await page.goto(siteDir(origin()) + 't.html');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await bg(), dark);
    if (name === 'http') await context.unroute('**/app.js');
    await go(page, origin(), 'index.html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.selectOption('#pref-theme', 'light');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal(await bg(), light, 'light on a dark system');
    await page.selectOption('#pref-theme', 'system');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'system');
    assert.equal(await bg(), dark, 'system follows the system (dark)');
    assert.deepEqual(problems.filter((p) => !(name === 'http' && p.includes('ERR_FAILED'))), [], 'only the held-back app.js');
    await context.close();
  });
}
