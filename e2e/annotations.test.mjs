// Annotations (http and file://): highlight + note survive a reload; a note-set link opens in a fresh
// profile; a passage link scrolls to and marks the passage; corrupt storage is kept and offered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, openPage, go, selectPhrase, openArticle, visibleText } from './harness.mjs';

let browser;
let env;
before(async () => { browser = await launch(); env = await origins(); });
after(async () => { await browser?.close(); await env?.server.close(); });

for (const name of ['http', 'file']) {
  const origin = () => env.list.find((o) => o.name === name);

  test(`${name}: a highlight with a note and tags survives a reload`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    const phrase = 'baut die Türkei ihre Rüstungskooperation mit Russland aus';
    await selectPhrase(page, phrase);
    assert.match(await page.locator('.toolbar-quote').textContent(), /Rüstungskooperation/);
    await page.click('#add-note');
    await page.fill('#selection-toolbar textarea', 'Warum **trotz** Sanktionen?');
    await page.fill('#selection-toolbar input[type="text"]', 'Rüstung, Quelle prüfen');
    await page.click('#save-note');
    await page.waitForSelector('mark.annotation');
    assert.equal(await visibleText(page.locator('mark.annotation').first()), phrase);
    await page.reload();
    await page.waitForSelector('#notes-panel .annotation-item');
    assert.equal(await page.locator('mark.annotation').count(), 1);
    const item = await page.locator('#notes-panel .annotation-item').textContent();
    assert.match(item, /Warum trotz Sanktionen\?/);
    assert.match(item, /#Rüstung/);
    assert.equal(await page.locator('#notes-panel .note-text strong').textContent(), 'trotz', 'note Markdown rendered');
    // delete, then undo
    await page.locator('#notes-panel button', { hasText: 'Löschen' }).click();
    assert.equal(await page.locator('mark.annotation').count(), 0);
    // the keyboard goes on from "Rückgängig" (the deleted note's button is gone)
    await page.waitForFunction(() => document.activeElement?.id === 'undo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('mark.annotation');
    assert.equal(await page.locator('mark.annotation').count(), 1);
    // the notes page lists it
    await go(page, origin(), '#/notes');
    await page.waitForSelector('html[data-app="ready"] [data-page="notes"] .annotation-item');
    assert.match(await page.locator('[data-page="notes"]').textContent(), /Warum trotz Sanktionen/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: the notes page loads its notes' articles, not the whole collection, and keeps a note of an unknown article`, async () => {
    const { page, problems, requests, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    const id = page.url().match(/a-([0-9a-f]{12})\.html/)[1];
    const title = await page.locator('main h1').first().textContent();
    await selectPhrase(page, 'Sergej Lawrow in der Schwarzmeerstadt Sotschi');
    await page.click('#add-note');
    await page.fill('#selection-toolbar textarea', 'Wer reist zu wem?');
    await page.click('#save-note');
    await page.waitForSelector('mark.annotation');
    // a note of an article this collection does not have (imported from another one)
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('presseschau.annotations'));
      stored.annotations.push({ ...stored.annotations[0], id: 'fremd', article_id: '000000000000', note: 'Aus einer anderen Sammlung' });
      localStorage.setItem('presseschau.annotations', JSON.stringify(stored));
    });
    requests.length = 0;
    await go(page, origin(), 'notes.html');
    await page.waitForSelector('[data-page="notes"] .notes-group h2 a');
    await page.waitForSelector('#notes-loading', { state: 'detached' });
    const apps = requests.filter((u) => /\/(app|app-full|model|data)\.js$/.test(u)).map((u) => u.split('/').pop());
    assert.deepEqual(apps, ['app.js'], `the reading app and no whole analysis: ${apps}`);
    for (const share of ['data/notes.js', `data/a-${id}.js`]) assert.ok(requests.some((u) => u.endsWith(share)), `${share}: ${requests}`);
    const groups = page.locator('[data-page="notes"] .notes-group');
    assert.equal(await groups.count(), 2);
    assert.equal((await groups.nth(0).locator('h2').textContent()).trim(), title.trim());
    assert.match(await groups.nth(0).textContent(), /Wer reist zu wem\?/);
    assert.match(await groups.nth(0).locator('a', { hasText: 'Zur Stelle' }).getAttribute('href'), new RegExp(`a-${id}\\.html[#?]q=`));
    assert.match(await groups.nth(1).textContent(), /die es hier nicht gibt[\s\S]*Aus einer anderen Sammlung/);
    // the export has both notes, the first with its article's address
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-all')]);
    let exported = '';
    for await (const c of await download.createReadStream()) exported += c;
    assert.equal(JSON.parse(exported).first.items.length, 2);
    // the unknown article's share is missing (its request fails: that is how the page learns it); nothing else
    assert.ok(problems.every((p) => /Failed to load resource|ERR_FILE_NOT_FOUND/.test(p)) && problems.length <= 1, `${problems}`);
    await context.close();
  });

  test(`${name}: a note-set link shows the notes read-only in a fresh profile, and they can be taken over`, async () => {
    const teacher = await openPage(browser, origin());
    await openArticle(teacher.page, origin());
    for (const [phrase, note] of [['Sergej Lawrow in der Schwarzmeerstadt Sotschi', 'Wer reist zu wem?'], ['50 Millionen Dosen sind bereits bestellt', 'Zahl prüfen']]) {
      await selectPhrase(teacher.page, phrase);
      await teacher.page.click('#add-note');
      await teacher.page.fill('#selection-toolbar textarea', note);
      await teacher.page.click('#save-note');
      await teacher.page.waitForSelector(`#notes-panel :text("${note}")`);
    }
    const panelHash = await teacher.page.locator('#notes-panel [data-copy-link]').getAttribute('data-copy-link');
    assert.match(panelHash, /^a-[0-9a-f]{12}\.html#n=v1\./);
    // the notes page offers such a link for each article's notes (what a teacher sends); the student opens it
    await go(teacher.page, origin(), 'notes.html');
    const groupLink = teacher.page.locator('[data-page="notes"] .notes-group [data-copy-link]');
    await groupLink.waitFor();
    assert.equal(await groupLink.count(), 1);
    const hash = await groupLink.getAttribute('data-copy-link');
    assert.equal(hash.split('#')[0], panelHash.split('#')[0]);
    assert.match(hash, /^a-[0-9a-f]{12}\.html#n=v1\./);
    assert.ok(hash.length < 2000);
    assert.equal(await teacher.page.locator('[data-page="notes"] .page-tools [data-copy-link]').count(), 0, 'no link to the page itself: it would show the recipient their own notes');
    assert.deepEqual(teacher.problems, []);
    await teacher.context.close();

    const student = await openPage(browser, origin());
    await go(student.page, origin(), hash);
    await student.page.waitForSelector('#shared-notes');
    const shared = await student.page.locator('#shared-notes').textContent();
    assert.match(shared, /Wer reist zu wem\?/);
    assert.match(shared, /Zahl prüfen/);
    assert.equal(await student.page.locator('mark.annotation--shared').count(), 2);
    assert.equal(await student.page.locator('#notes-panel .annotation-item').count(), 0, 'read-only until taken over');
    await student.page.click('#add-shared');
    await student.page.waitForSelector('#notes-panel .annotation-item');
    assert.equal(await student.page.locator('#notes-panel .annotation-item').count(), 2);
    assert.deepEqual(student.problems, []);
    await student.context.close();
  });

  test(`${name}: a passage link scrolls to and marks the passage; a broken link still opens the article`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await openArticle(page, origin());
    await selectPhrase(page, 'Ein eigener Impfstoff ist ebenfalls in Arbeit.');
    const id = await page.locator('[data-page="article"]').getAttribute('data-article-id');
    // the toolbar copies the link; read what it would copy from the encoder through the UI's notice
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
    await page.click('#link-passage');
    await page.waitForSelector('#notice');
    const notice = await page.locator('#notice').textContent();
    let link = notice.match(/(http|file):\S+/)?.[0];
    if (!link) link = await page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
    assert.ok(link && link.includes(`a-${id}.html#q=`), `no passage link: ${notice}`);
    const fresh = await openPage(browser, origin(), { viewport: { width: 1000, height: 700 } });
    await fresh.page.goto(link);
    await fresh.page.waitForSelector('mark.passage');
    assert.equal(await visibleText(fresh.page.locator('mark.passage')), 'Ein eigener Impfstoff ist ebenfalls in Arbeit.');
    const inView = await fresh.page.locator('mark.passage').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'scrolled into view');
    // tampered and truncated links
    for (const bad of [`#/a/${id}?n=v1.AAAA%%%`, `#/a/${id}?n=v9.xyz`, `#/a/${id}?q=999-1000~q`]) {
      await go(fresh.page, origin(), bad);
      await fresh.page.waitForSelector('#link-problem');
      assert.ok((await fresh.page.locator('.article-body p').count()) > 3, 'article still shown');
    }
    assert.deepEqual(fresh.problems, []);
    assert.deepEqual(problems, []);
    await fresh.context.close();
    await context.close();
  });

  test(`${name}: corrupt stored notes: the app starts, keeps the data aside and offers it`, async () => {
    const { page, problems, context } = await openPage(browser, origin());
    await go(page, origin());
    await page.evaluate(() => localStorage.setItem('presseschau.annotations', '{"version": 2, "annotations": [ {broken'));
    await page.reload();
    await page.waitForSelector('[data-storage="unreadable"]');
    assert.equal(await page.locator('.article-card').count(), 5, 'the app still works');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('presseschau.annotations.unreadable')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(kept, ['{"version": 2, "annotations": [ {broken']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-unreadable')]);
    assert.match(download.suggestedFilename(), /unlesbar/);
    // unexpected errors only: the console must stay clean
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('storage that refuses to save: the reader is told and the notes stay in memory', async () => {
  const origin = env.list[0];
  const { page, problems, context } = await openPage(browser, origin);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota exceeded', 'QuotaExceededError'); };
  });
  await openArticle(page, origin);
  await selectPhrase(page, 'Ein eigener Impfstoff ist ebenfalls in Arbeit.');
  await page.locator('#selection-toolbar .swatch--green').click();
  await page.waitForSelector('[data-storage="save-failed"]');
  assert.equal(await page.locator('mark.annotation--green').count(), 1, 'the highlight stays in memory');
  assert.match(await page.locator('[data-storage="save-failed"]').textContent(), /exportieren/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test('import: a bad file changes nothing and says what is wrong; a good file merges without duplicates', async () => {
  const origin = env.list[0];
  const { page, problems, context } = await openPage(browser, origin);
  await openArticle(page, origin);
  await selectPhrase(page, 'Ein eigener Impfstoff ist ebenfalls in Arbeit.');
  await page.locator('#selection-toolbar .swatch--blue').click();
  await page.waitForSelector('mark.annotation--blue');
  await go(page, origin, '#/notes');
  await page.waitForSelector('html[data-app="ready"] [data-page="notes"] .annotation-item');
  // export (download) and re-import the same file: no duplicates
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-all')]);
  const exported = await download.createReadStream().then(async (s) => { let d = ''; for await (const c of s) d += c; return d; });
  const doc = JSON.parse(exported);
  assert.equal(doc.type, 'AnnotationCollection');
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
  await page.setInputFiles('#import-file', { name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(exported) });
  await page.waitForSelector('#notice');
  assert.match(await page.locator('#notice').textContent(), /0 neu/);
  assert.equal(await page.locator('.annotation-item').count(), 1);
  // a broken file: clear error, nothing changes
  await page.click('#notice button');
  await page.setInputFiles('#import-file', { name: 'kaputt.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"type": "AnnotationCollection", "first": {"items": [{"id": 3}]}}') });
  await page.waitForSelector('#notice');
  assert.match(await page.locator('#notice').textContent(), /Import fehlgeschlagen/);
  assert.equal(await page.locator('.annotation-item').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
