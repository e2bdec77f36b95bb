// The explorer in Welsh: chosen by link, by the browser or by the switch, with every word
// the page writes from the Welsh catalogue (names and sources' own words aside, marked
// lang="en"), accessible, and the view kept across a switch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { env, open, out, query, root, assertFiguresMatch, assertAccessible } from './helpers.mjs';

/** A catalogue's texts. */
const texts = (file) => readFileSync(join(root, 'www', 'lang', file), 'utf8')
  .split('\n')
  .filter((l) => l.includes('=') && !l.startsWith('#'))
  .map((l) => l.slice(l.indexOf('=') + 1).replace(/\{\w+\}/g, ' '));
const words = (text) => text.toLowerCase().match(/[a-z’']{3,}/g) ?? [];

/** Minimal CSV rows (quoted fields with commas, doubled quotes). */
function rows(file) {
  const out = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean)) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell); cell = ''; } else cell += c;
    }
    cells.push(cell);
    out.push(cells);
  }
  return out;
}

// Words that are names: organisations (they keep their own names), places with no Welsh
// form of their own, and what sources call themselves.
const data = join(root, 'www', 'data');
const folders = [data, ...readdirSync(data, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(data, d.name))];
const names = new Set();
const add = (text) => words(text).forEach((w) => names.add(w));
for (const folder of folders) {
  const at = (f) => { try { return rows(join(folder, f)); } catch { return []; } };
  at('providers.csv').forEach((r) => { add(r[1]); add(r[3]); });
  at('awards.csv').forEach((r) => add(r[3]));
  at('regions.csv').filter((r) => !r[2]).forEach((r) => add(r[1]));
  at('areas.csv').filter((r) => !r[2]).forEach((r) => add(r[1]));
  at('sources.csv').forEach((r) => { add(r[1]); add(r[2]); });
}
// English words of the English catalogue that the Welsh one never uses.
const welsh = new Set(texts('cy.txt').flatMap(words));
const english = [...new Set(texts('en.txt').flatMap(words))].filter((w) => !welsh.has(w) && !names.has(w));

/** Every word the page shows or names for assistive technology, outside text marked English. */
async function shown(page) {
  return page.evaluate(() => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || node.closest('[lang="en"], script, style, noscript')) return;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (node.hasAttribute(a)) parts.push(node.getAttribute(a));
      for (const c of node.childNodes) walk(c);
    };
    walk(document.body);
    parts.push(document.title);
    return parts.join(' ');
  });
}

async function assertAllWelsh(page, state, own = '') {
  const text = (await shown(page)).toLowerCase();
  const theirs = new Set(words(own));
  const found = english.filter((w) => !theirs.has(w)).filter((w) => new RegExp(`(^|[^a-zà-ÿŵŷ’'])${w}($|[^a-zà-ÿŵŷ’'])`).test(text));
  assert.deepEqual(found, [], `English catalogue words on the Welsh page (${state})`);
}

test('a link with lang=cy opens the page in Welsh, every word from the Welsh catalogue', async () => {
  assert.ok(english.length > 200, `the check knows ${english.length} English words`);
  const page = await open('lang=cy&region=wales&category=womens');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  assert.equal(await page.getByTestId('total-value').locator('xpath=..').locator('dt').innerText(), 'Cyfanswm y gwerth');
  await assertFiguresMatch(page, 'region=wales&category=womens');
  assert.match(await page.getByTestId('sentence').innerText(), /^Yn yr ardal a ddewiswyd \(Cymru\), dyfarnwyd contractau ar gyfer gwasanaethau i fenywod gwerth £2\.4m ym mis Mai 2021/);
  assert.match(await page.title(), /^Rhanbarth: Cymru; Categori: Gwasanaethau i fenywod · Pwy gafodd eu talu/);
  // The switch names the other language in that language, marked as English.
  const sw = page.getByTestId('lang-switch');
  assert.equal(await sw.innerText(), 'English');
  assert.equal(await sw.getAttribute('lang'), 'en');
  // Opened parts: the notes, every chart's table, an area's history, the map's tip.
  await page.locator('details.notes > summary').click();
  const show = page.getByRole('button', { name: 'Dangos fel tabl' });
  while (await show.count() > 0) await show.first().click();
  await assertAllWelsh(page, 'Wales, women\'s services, tables open');
  await assertAccessible(page, 'Welsh, tables open');
  await page.screenshot({ path: join(out, 'cymraeg-1280.png'), fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in Welsh: an empty view, a broken link, an area\'s history and the CRC dataset', async () => {
  const empty = await open('lang=cy&region=greater-manchester&zzz=1&min=x');
  assert.match(await empty.getByTestId('empty').innerText(), /Nid oes dyfarniadau’n cyfateb/);
  assert.match(await empty.getByTestId('link-warnings').innerText(), /Anwybyddwyd “zzz”/);
  await assertAllWelsh(empty, 'empty, with a notice');
  await assertAccessible(empty, 'Welsh, empty');
  await empty.close();
  const history = await open('lang=cy&area=dyfed-powys');
  await history.getByTestId('history').locator('summary').click();
  await history.getByTestId('history').locator('table').waitFor();
  await assertAllWelsh(history, 'an area\'s history');
  await assertAccessible(history, 'Welsh, history');
  await history.close();
  const crcs = await open('lang=cy&data=tr-crcs');
  assert.equal(await crcs.getByTestId('total-value').innerText(), 'Heb ei gyhoeddi');
  await assertAllWelsh(crcs, 'the CRC dataset');
  await assertAccessible(crcs, 'Welsh, CRCs');
  assert.deepEqual(crcs.errors, []);
  await crcs.close();
});

test('the switch opens the same view in the other language, by mouse or keyboard, and Back returns', async () => {
  const page = await open('region=wales&map=sector');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
  assert.equal(await page.getByTestId('lang-switch').innerText(), 'Cymraeg');
  await page.getByTestId('lang-switch').click();
  await page.getByText('Cyfanswm y gwerth').waitFor();
  assert.equal(await query(page), 'region=wales&map=sector&lang=cy');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  assert.equal(await page.getByTestId('map-colour').inputValue(), 'sector');
  await assertFiguresMatch(page, 'region=wales');
  // Filters keep the language in the link, and the switch follows the view.
  await page.locator('#facet-service-category-womens').check();
  assert.equal(await query(page), 'region=wales&category=womens&map=sector&lang=cy');
  await assertFiguresMatch(page, 'region=wales&category=womens');
  assert.equal(await page.getByTestId('lang-switch').getAttribute('href'), '?region=wales&category=womens&map=sector&lang=en');
  await page.goBack();
  assert.equal(await query(page), 'region=wales&map=sector&lang=cy');
  await page.reload();
  await page.getByText('Cyfanswm y gwerth').waitFor();
  // By keyboard: the switch is the first stop after the skip links.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-switch');
  await page.keyboard.press('Enter');
  await page.getByText('Total value').waitFor();
  assert.equal(await query(page), 'region=wales&map=sector&lang=en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
  await page.goBack();
  await page.getByText('Cyfanswm y gwerth').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a browser that prefers Welsh gets Welsh, and its links leave the language to whoever opens them', async () => {
  const context = await env.browser.newContext({ locale: 'cy-GB' });
  const page = await open('region=wales', { context });
  await page.getByText('Cyfanswm y gwerth').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  await page.getByTestId('chart-category').locator('button.hit[data-key="womens"]').click();
  assert.equal(await query(page), 'region=wales&category=womens');
  // lang=en in a link wins over the browser.
  const english = await open('lang=en', { context });
  assert.equal(await english.getByTestId('total-value').locator('xpath=..').locator('dt').innerText(), 'Total value');
  await context.close();
});

test('a list opened on the Welsh page is read, reported and shown in Welsh', async () => {
  const page = await open('lang=cy');
  const file = join(root, 'tests', 'fixtures', 'import', 'spreadsheet.csv');
  await page.getByTestId('open-file').setInputFiles(file);
  await page.getByTestId('own-list').waitFor();
  const notice = await page.getByTestId('own-list').innerText();
  assert.match(notice, /Dyma’ch ffeil eich hun, “spreadsheet”/);
  assert.match(notice, /Darllenwyd dyfarniadau o resi \(dyfarniadau: 4; rhesi: 6\)/);
  await page.getByTestId('own-list').locator('summary').click();
  assert.match(await page.getByTestId('own-list').innerText(), /llinell 6, colofn 2: nid yw "lots" yn swm o arian/);
  assert.match(await page.getByTestId('sentence').innerText(), /^Ar draws y rhestr hon, daliwyd contractau gwerth £1.6m \(contractau: 4; prif ddarparwyr: 3\)/);
  // The list's own words (its name, suppliers, buyers and notes) are its names.
  await assertAllWelsh(page, 'an opened list', `spreadsheet ${readFileSync(file, 'utf8')}`);
  await assertAccessible(page, 'Welsh, an opened list');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the Welsh page at phone width: read, and axe-clean', async () => {
  const page = await open('lang=cy&region=wales', { width: 375, height: 812 });
  await assertAllWelsh(page, 'phone width');
  await assertAccessible(page, 'Welsh, 375 px');
  await page.screenshot({ path: join(out, 'cymraeg-375.png'), fullPage: false });
  await page.screenshot({ path: join(out, 'cymraeg-375-full.png'), fullPage: true });
  const wide = await open('lang=cy', { width: 1280, height: 900 });
  await wide.screenshot({ path: join(out, 'cymraeg-1280-full.png'), fullPage: true });
  await wide.close();
  await page.close();
});
