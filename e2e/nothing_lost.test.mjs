// Issue 14 (http and file://): a long note keeps its text; a Hypothesis-style import is placed and listed
// note by note; adopting shared notes twice adds them once; two tabs keep each other's notes; hostile input
// through notes, tags, imports and links is shown as text — no dialog, no page error, no request, no
// Trusted Types or CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go, ready, siteDir, selectPhrase, openArticle } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

/** Records CSP / Trusted Types violations and dialogs on a page. */
async function watch(page) {
  const seen = { violations: [], dialogs: [] };
  page.on('dialog', async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
  await page.exposeFunction('__violation', (v) => seen.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  return seen;
}

async function addNote(page, phrase, note, tags = '') {
  await selectPhrase(page, phrase);
  await page.click('#add-note');
  await page.fill('#selection-toolbar textarea', note);
  if (tags) await page.fill('#selection-toolbar input[type="text"]', tags);
  await page.click('#save-note');
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: a note over the limit keeps its text and says the limit; shortened, it saves`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    const long = 'Langer Text. '.repeat(8000); // 104,000 bytes
    await addNote(page, 'Ein eigener Impfstoff ist ebenfalls in Arbeit.', long);
    await page.waitForSelector('#selection-toolbar .form-problem');
    const said = await page.locator('#selection-toolbar .form-problem').textContent();
    assert.match(said, /104\.000 Bytes/);
    assert.match(said, /65\.536/);
    assert.equal(await page.locator('#selection-toolbar textarea').inputValue(), long, 'the typed text stays');
    await page.fill('#selection-toolbar textarea', long.slice(0, 5000));
    await page.click('#save-note');
    await page.waitForSelector('#notes-panel .annotation-item');
    assert.equal(await page.locator('#selection-toolbar').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: shared notes taken over twice are added once`, async () => {
    const teacher = await openPage(browser, origin());
    await openArticle(teacher.page, origin());
    await addNote(teacher.page, 'Sergej Lawrow in der Schwarzmeerstadt Sotschi', 'Wer reist zu wem?');
    await teacher.page.waitForSelector('#notes-panel .annotation-item');
    const hash = await teacher.page.locator('#notes-panel [data-copy-link]').getAttribute('data-copy-link');
    await teacher.context.close();
    const student = await openPage(browser, origin());
    await go(student.page, origin(), hash);
    await student.page.click('#add-shared');
    await student.page.waitForSelector('#notes-panel .annotation-item');
    await student.page.reload();
    await ready(student.page);
    await student.page.waitForSelector('#shared-known');
    assert.match(await student.page.locator('#shared-known').textContent(), /schon in Ihren Notizen/);
    assert.ok(await student.page.locator('#add-shared').isDisabled());
    assert.equal(await student.page.locator('#notes-panel .annotation-item').count(), 1);
    assert.deepEqual(student.problems, []);
    await student.context.close();
  });

  test(`${name}: two tabs keep each other's notes`, async () => {
    const { page: a, context, problems } = await openPage(browser, origin());
    await openArticle(a, origin());
    const b = await context.newPage();
    await b.goto(a.url());
    await ready(b);
    await addNote(a, 'Sergej Lawrow in der Schwarzmeerstadt Sotschi', 'aus Tab A');
    await a.waitForSelector('#notes-panel :text("aus Tab A")');
    // Tab B has not reloaded; its own note must not erase A's.
    await b.waitForSelector('#notes-panel :text("aus Tab A")', { timeout: 5000 });
    await addNote(b, 'Ein eigener Impfstoff ist ebenfalls in Arbeit.', 'aus Tab B');
    await b.waitForSelector('#notes-panel :text("aus Tab B")');
    await a.waitForSelector('#notes-panel :text("aus Tab B")', { timeout: 5000 });
    const stored = JSON.parse(await a.evaluate(() => localStorage.getItem('presseschau.annotations')));
    assert.deepEqual(stored.annotations.map((x) => x.note).sort(), ['aus Tab A', 'aus Tab B']);
    await a.reload();
    await ready(a);
    await a.waitForSelector('#notes-panel .annotation-item');
    assert.equal(await a.locator('#notes-panel .annotation-item').count(), 2);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: a Hypothesis-style import (quote first, page address) is placed and listed note by note`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    const articleFile = page.url().split('/').pop().split('#')[0];
    const quote = 'Ein eigener Impfstoff ist ebenfalls in Arbeit.';
    const doc = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/AbC123xyz',
      created: '2026-12-04T13:00:00.000000+00:00',
      modified: '2026-12-04T15:30:00.000000+02:00',
      creator: 'acct:lehrerin@hypothes.is',
      body: [{ type: 'TextualBody', value: 'Impfstoff: Quelle?', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Gesundheit' }],
      target: [{ source: `https://example.org/presseschau/${articleFile}`,
        selector: [{ type: 'TextPositionSelector', start: 2424, end: 2509 },
          { type: 'TextQuoteSelector', exact: quote, prefix: 'x', suffix: 'y' }] }],
    };
    await go(page, origin(), 'notes.html');
    await page.setInputFiles('#import-file', { name: 'h.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.waitForSelector('#import-report');
    assert.match(await page.locator('#notice').textContent(), /1 neu/);
    assert.match(await page.locator('#import-report').textContent(), /an anderer Stelle gefunden/);
    await page.click('#import-report summary');
    await page.locator('#import-report a').first().click();
    await page.waitForSelector('html[data-app="ready"] [data-page="article"] mark.annotation');
    assert.equal(await page.locator('mark.annotation').first().evaluate((m) => m.textContent.includes('Impfstoff')), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: hostile input is shown as text and runs nothing`, async () => {
    const { page, problems, context, foreign } = await openPage(browser, origin());
    const seen = await watch(page);
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '[klick](javascript:alert(3)) ![bild](http://example.org/x.png) <a href="data:text/html,<script>alert(4)</script>">d</a>',
      '<svg onload=alert(5)><iframe src="http://example.org"></iframe>',
      '\u202Egnp.exe\u202C <details open ontoggle=alert(6)>',
    ];
    await openArticle(page, origin());
    await addNote(page, 'Sergej Lawrow in der Schwarzmeerstadt Sotschi', payloads.join('\n\n'), '<b onmouseover=alert(7)>, "><script>alert(8)</script>');
    await page.waitForSelector('#notes-panel .annotation-item');
    const shown = await page.locator('#notes-panel .annotation-item').textContent();
    assert.match(shown, /<script>alert\(1\)<\/script>/, 'the markup is shown as text');
    assert.equal(await page.locator('#notes-panel .annotation-item script, #notes-panel .annotation-item img, #notes-panel .annotation-item svg, #notes-panel .annotation-item iframe').count(), 0);
    assert.equal(await page.locator('#notes-panel a[href^="javascript:"], #notes-panel a[href^="data:"]').count(), 0);
    // a dropped link is its text, not a link that does nothing
    assert.equal(await page.locator('#notes-panel .note-text a:not([href])').count(), 0);
    assert.match(shown, /klick/);
    // an image is not loaded: it is its description, said to be an image, linking to its address
    const image = page.locator('#notes-panel .note-text a.md-image');
    assert.equal(await image.getAttribute('href'), 'http://example.org/x.png');
    assert.equal(await image.evaluate((a) => a.textContent + '|' + getComputedStyle(a, '::before').content), 'bild|"Bild: "');
    // The share link carries the same note to a fresh profile.
    const hash = await page.locator('#notes-panel [data-copy-link]').getAttribute('data-copy-link');
    const student = await openPage(browser, origin());
    const seen2 = await watch(student.page);
    await go(student.page, origin(), hash);
    await student.page.waitForSelector('#shared-notes');
    assert.match(await student.page.locator('#shared-notes').textContent(), /<img src=x onerror=alert\(2\)>/);
    // Broken and hostile link parts.
    for (const part of ['#q=%3Cscript%3Ealert(9)%3C/script%3E', '#n=v1.%3Csvg%20onload=alert(10)%3E', `#q=${'A'.repeat(1_000_000)}`]) {
      await student.page.goto(siteDir(origin()) + hash.split('#')[0] + part);
      await ready(student.page);
    }
    // The search box: the same payloads as a query (typed, and in the page's address).
    await go(student.page, origin(), 'search.html');
    for (const q of payloads) {
      await student.page.fill('#search-query', q);
      await student.page.press('#search-query', 'Enter');
      await student.page.waitForFunction(() => document.querySelector('.search-count, .search-page .hint'));
    }
    assert.equal(await student.page.locator('#search-query').inputValue(), payloads.at(-1));
    await student.page.goto(siteDir(origin()) + 'search.html#q=' + encodeURIComponent(payloads[1]) + '%00%FF');
    await ready(student.page);
    // An imported W3C file full of markup and a 1 MB string.
    const doc = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://evil.example/a/1', type: 'Annotation',
      body: [{ type: 'TextualBody', value: payloads.join(' ') + 'x'.repeat(60000), format: 'text/html' },
        { type: 'TextualBody', value: '<img src=x onerror=alert(11)>', purpose: 'replying', creator: { name: '<script>alert(12)</script>' } }],
      target: { source: 'javascript:alert(13)', selector: { type: 'TextQuoteSelector', exact: 'Sergej Lawrow in der Schwarzmeerstadt Sotschi' } } };
    await go(page, origin(), 'notes.html');
    await page.setInputFiles('#import-file', { name: 'x.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.waitForSelector('#import-report');
    assert.match(await page.locator('[data-page="notes"]').textContent(), /<img src=x onerror=alert\(11\)>/);
    const huge = { ...doc, id: 'https://evil.example/a/2', body: [{ type: 'TextualBody', value: 'y'.repeat(1_048_576) }] };
    await page.setInputFiles('#import-file', { name: 'y.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(huge)) });
    await page.waitForFunction(() => /fehlgeschlagen/.test(document.querySelector('#notice')?.textContent || ''));
    assert.match(await page.locator('#notice').textContent(), /Import fehlgeschlagen, nichts wurde geändert: die Notiz in Eintrag 1 hat 1\.048\.576 Bytes, erlaubt sind höchstens 65\.536/);
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen2.dialogs, []);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen2.violations, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(student.problems, []);
    assert.deepEqual(foreign(), []);
    assert.deepEqual(student.foreign(), []);
    await student.context.close();
    await context.close();
  });
}

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: leaving a page with a note being written or drafts not saved asks first; once saved it does not`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    const asked = [];
    page.on('dialog', async (d) => { asked.push(d.type()); await d.dismiss(); });
    await openArticle(page, origin());
    const here = page.url();
    await selectPhrase(page, 'Ein eigener Impfstoff ist ebenfalls in Arbeit.');
    await page.click('#add-note');
    await page.focus('#selection-toolbar textarea');
    await page.keyboard.type('Meine Notiz, noch nicht gespeichert');
    // a stray click on a link: the browser asks, the reader stays, the text is still there
    await page.locator('nav a').first().click();
    await page.waitForTimeout(500);
    assert.deepEqual(asked, ['beforeunload']);
    assert.equal(page.url(), here);
    assert.equal(await page.locator('#selection-toolbar textarea').inputValue(), 'Meine Notiz, noch nicht gespeichert');
    // saved, the page may be left without a question
    await page.click('#save-note');
    await page.waitForSelector('mark.annotation');
    await Promise.all([page.waitForURL((u) => u.href !== here), page.locator('nav a').first().click()]);
    assert.deepEqual(asked, ['beforeunload']);
    // the add page: a draft not saved
    await go(page, origin(), 'add.html');
    await page.focus('#paste-text');
    await page.keyboard.type('Ein Entwurf\n\nSergej Lawrow reiste am Mittwoch nach Ankara.');
    await page.click('#paste-use');
    await page.waitForSelector('.draft');
    const add = page.url();
    await page.locator('nav a').first().click();
    await page.waitForTimeout(500);
    assert.deepEqual(asked, ['beforeunload', 'beforeunload']);
    assert.equal(page.url(), add);
    assert.equal(await page.locator('.draft').count(), 1, 'the draft is still there');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
