// Opening your own list: a spreadsheet or OCDS file chosen in the page is read in the import
// worker (loaded only then), never sent anywhere, and the whole explorer follows it with the
// same figures the command line's `summary --file` gives for the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, open, out, query, root, assertFiguresMatch, assertAccessible, cspViolations } from './helpers.mjs';
import { serve } from './server.mjs';

const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);
const readerFiles = /open-list|import-worker/;

/** Opens `file` through the page's file picker and waits for the view of it. */
async function openList(page, file) {
  await page.getByTestId('open-file').setInputFiles(file);
  await page.getByTestId('own-list').waitFor();
}

test('a spreadsheet opens in the page with the command line\u2019s figures, and never leaves the device', async () => {
  const page = await open('region=wales');
  assert.ok(!env.server.requests.some((r) => readerFiles.test(r)), 'the default page loads no reader');
  const requests = [];
  page.on('request', (r) => requests.push([r.method(), new URL(r.url()).pathname]));
  const file = fixture('spreadsheet.csv');
  await openList(page, file);
  // Only the reader's own code was fetched, from the widget's origin, and nothing was sent.
  assert.deepEqual(requests.map(([m]) => m).filter((m) => m !== 'GET'), []);
  // (Chromium asks for the page's icon again after the address changes.)
  assert.deepEqual(
    requests.map(([, p]) => p).filter((p) => !p.startsWith('/favicon')).sort(),
    ['/import-worker.js', '/import-worker_bg.wasm', '/import-worker_loader.js', '/open-list.js'],
  );
  // A new view of the list: its own link, every filter cleared.
  assert.equal(await query(page), 'data=spreadsheet');
  await assertFiguresMatch(page, '', file);
  const notice = await page.getByTestId('own-list').innerText();
  assert.match(notice, /This is your own file, “spreadsheet”, read in this browser; it has not left this device\./);
  assert.match(notice, /cannot carry the file itself/);
  assert.match(notice, /4 awards read from 6 rows; 1 value was rounded to whole pounds; 1 supplier's sector is not stated; 2 awards have no region or area the explorer knows; 5 problems, listed below\./);
  await page.getByTestId('own-list').locator('summary').click();
  assert.match(notice + (await page.getByTestId('own-list').innerText()), /line 6, column 2: "lots" is not an amount of money/);
  // The table and the charts follow it: Acme's row, and the area list knows Avon & Somerset.
  assert.match((await page.getByTestId('award-row').allInnerTexts()).join('\n'), /Acme Justice Ltd/);
  // Its commissioners are a filter, a chart and a column: choosing one, from its list or
  // its bar, filters as `buyer=` does on the command line.
  const buyers = page.getByTestId('facet-buyer');
  assert.deepEqual(
    await buyers.locator('li label').evaluateAll((ls) => ls.map((l) => l.firstChild.textContent)),
    ['Avon and Somerset PCC', 'Buyer not stated', 'Gloucestershire PCC', 'Ministry of Justice'],
  );
  assert.equal(await page.locator('th[scope="col"]', { hasText: 'Buyer' }).count(), 1);
  // The chart's targets are its own bars, largest first (none left from the page's first view).
  assert.deepEqual(
    await page.getByTestId('chart-buyer').locator('button.hit').evaluateAll((bs) => bs.map((b) => b.dataset.key)),
    ['gloucestershire-pcc', 'ministry-of-justice', 'avon-and-somerset-pcc', 'not-stated'],
  );
  await buyers.getByRole('checkbox', { name: /Ministry of Justice/ }).check();
  assert.equal(await query(page), 'data=spreadsheet&buyer=ministry-of-justice');
  await assertFiguresMatch(page, 'buyer=ministry-of-justice', file);
  assert.deepEqual(await page.getByTestId('award-row').locator('td[data-label="Buyer"]').allInnerTexts(), ['Ministry of Justice']);
  await page.getByRole('button', { name: 'Remove filter Buyer: Ministry of Justice' }).click();
  await page.getByTestId('chart-buyer').locator('button.hit[data-key="gloucestershire-pcc"]').click();
  assert.equal(await query(page), 'data=spreadsheet&buyer=gloucestershire-pcc');
  await assertFiguresMatch(page, 'buyer=gloucestershire-pcc', file);
  // The built-in awards name no buyer: none of it shows there.
  await page.getByTestId('dataset').selectOption('crs-2021');
  await page.getByText('Who was paid to deliver probation services?').waitFor();
  assert.equal(await page.getByTestId('facet-buyer').count(), 0);
  assert.equal(await page.getByTestId('chart-buyer').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an OCDS release package opens in the page; filters follow it as on the command line', async () => {
  const page = await open();
  const file = fixture('release-package.json');
  await openList(page, file);
  await assertFiguresMatch(page, '', file);
  assert.match(await page.getByTestId('import-report').innerText(),
    /4 awards read from 8 releases \(6 contracting processes\); 1 release had no award; 2 were earlier versions of later releases/);
  // The map places the two awards whose region it knows; it and the figures say so.
  const placed = '2 of 4 awards are placed on the map; the others name no region or PCC area the explorer knows.';
  assert.ok((await page.getByTestId('detail').innerText()).endsWith(placed));
  assert.ok((await page.getByTestId('map').locator('.chart-summary').innerText()).endsWith(placed));
  // The sector no source states is a filter of its own.
  await page.getByRole('checkbox', { name: /Sector not stated/ }).check();
  assert.equal(await query(page), 'data=release-package&sector=not-stated');
  await assertFiguresMatch(page, 'data=release-package&sector=not-stated', file);
  // The dataset switch lists the file and goes back to the built-in awards.
  await page.getByTestId('dataset').selectOption('crs-2021');
  await page.getByText('Who was paid to deliver probation services?').waitFor();
  await assertFiguresMatch(page, '');
  await page.goBack();
  await page.getByTestId('own-list').waitFor();
  await assertFiguresMatch(page, 'data=release-package&sector=not-stated', file);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${out}/own-list-${width}.png`, fullPage: true });
  }
  await assertAccessible(page, 'an opened OCDS file');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('JSON Lines open with their problems located; an unreadable file says where, and changes nothing', async () => {
  const page = await open('region=wales');
  const file = fixture('releases.jsonl');
  await openList(page, file);
  await assertFiguresMatch(page, '', file);
  await page.getByTestId('own-list').locator('summary').click();
  const report = await page.getByTestId('import-report').innerText();
  assert.match(report, /What could not be read \(2\)/);
  assert.match(report, /releases\.jsonl, line 10, column 693, awards\[0\]\.value\.amount: expected a number, found a string/);
  // A file that is no list: the view stays as it was, and the status says why and where.
  const bad = join(out, 'not-a-list.json');
  writeFileSync(bad, '{"releases": [\n  {"ocid": 1,}\n]}');
  await page.getByTestId('open-file').setInputFiles(bad);
  await page.getByText(/“not-a-list\.json” could not be read: not-a-list\.json, line 2, column 14: expected a member name in double quotes/).waitFor();
  assert.equal(await query(page), 'data=releases');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a large file is read in parts with progress, and can be cancelled', async () => {
  const page = await open();
  // About 60 MB of JSON Lines: the same release, 60,000 times, each a process of its own.
  const line = (i) => JSON.stringify({
    ocid: `ocds-b5fd17-big-${i}`, id: `r-${i}`, date: '2026-01-01T00:00:00Z', tag: ['award'],
    parties: [{ id: 'p', name: 'Big Supplier Ltd', roles: ['supplier'], details: { vcse: false } }],
    tender: { title: 'x'.repeat(800) },
    awards: [{ id: `a-${i}`, status: 'active', value: { amount: 1000, currency: 'GBP' }, suppliers: [{ id: 'p', name: 'Big Supplier Ltd' }] }],
  });
  const big = join(out, 'big.jsonl');
  writeFileSync(big, Array.from({ length: 60_000 }, (_, i) => line(i)).join('\n'));
  await page.getByTestId('open-file').setInputFiles(big);
  const status = page.getByTestId('open-status');
  await status.getByText(/Reading “big\.jsonl”: \d+% of 6\d\.\d MB…/).waitFor();
  // The page answers while it reads.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.locator('#open-cancel').click();
  await status.getByText('Stopped reading “big.jsonl”. Nothing was changed.').waitFor();
  assert.equal(await query(page), '');
  // Read to the end, it is 60,000 awards of £1,000.
  await page.getByTestId('open-file').setInputFiles(big);
  await page.getByTestId('own-list').waitFor({ timeout: 120_000 });
  assert.equal(await page.getByTestId('awards').getAttribute('data-value'), '60000');
  assert.equal(await page.getByTestId('total-value').getAttribute('data-value'), '60000000');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a list the host publishes beside the explorer opens by its link, with the link\u2019s filters', async () => {
  // The built page, plus what a charity adds: its list and a line for it in the catalogue.
  const site = mkdtempSync(join(tmpdir(), 'hosted-'));
  cpSync(join(root, 'dist'), site, { recursive: true });
  cpSync(fixture('spreadsheet.csv'), join(site, 'data', 'centres.csv'));
  writeFileSync(join(site, 'data', 'catalogue.csv'), 'slug,label,file\nour-centres,"Women\'s centres, 2026",centres.csv\n');
  const server = await serve(site);
  try {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await page.goto(`${server.url}?data=our-centres&region=south-west`);
    await page.getByTestId('own-list').waitFor();
    assert.match(await page.getByTestId('own-list').innerText(), /“Women's centres, 2026” is read from data\/centres\.csv, published beside the explorer/);
    assert.equal(await query(page), 'data=our-centres&region=south-west');
    await assertFiguresMatch(page, 'region=south-west', fixture('spreadsheet.csv'));
    assert.equal(await page.getByTestId('link-warnings').count(), 0, 'the link is not reported as ignored');
    // A slug the catalogue does not list: the built-in awards, with the notice.
    await page.goto(`${server.url}?data=narnia`);
    await page.getByTestId('link-warnings').waitFor();
    assert.match(await page.getByTestId('link-warnings').innerText(), /narnia/);
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
