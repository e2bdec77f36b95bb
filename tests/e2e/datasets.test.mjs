// Datasets: the default page carries only the 2021 awards; another dataset is fetched from
// beside the page when it is first chosen, and switches, filters, shares and exports like it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { env, open, out, query, summary, assertFiguresMatch, assertAccessible, cspViolations, cli as cliPath } from './helpers.mjs';

const fetched = () => env.server.requests.filter((r) => r.includes('dataset.bin'));

test('the CRC dataset is fetched only when chosen, and every figure follows it', async () => {
  const before = fetched().length;
  const page = await open('region=wales');
  assert.equal(fetched().length, before, 'the default page fetches no other dataset');
  await page.getByTestId('dataset').selectOption('tr-crcs');
  await page.getByText('Who ran probation services before 2021?').waitFor();
  // The areas and regions chosen stay: the geography is shared.
  assert.equal(await query(page), 'data=tr-crcs&region=wales');
  assert.equal(fetched().length, before + 1);
  assert.deepEqual(fetched().slice(-1), ['/data/tr-crcs/dataset.bin']);
  await assertFiguresMatch(page, 'data=tr-crcs&region=wales');
  // Wales: one CRC, held by Working Links and then by Seetec.
  assert.equal(await page.getByTestId('contracts').getAttribute('data-value'), '1');
  assert.equal(await page.getByTestId('awards').getAttribute('data-value'), '2');
  assert.equal(await page.getByTestId('total-value').innerText(), 'Not published');
  // Concentration by the contracts each held, as the engine works it out: Working Links and
  // Seetec one each, 50% apiece.
  const hhi = page.getByTestId('concentration');
  assert.equal(await hhi.getAttribute('data-value'), String(summary('data=tr-crcs&region=wales').hhi));
  assert.equal(await hhi.getAttribute('data-value'), '5000');
  assert.match(await hhi.innerText(), /^Concentration among lead providers \(HHI, by contracts\): 5,000, highly concentrated\./);
  const valued = page.getByTestId('valued-awards');
  assert.equal(await valued.getAttribute('data-value'), '0');
  assert.equal(await valued.innerText(), 'No source gives a value for any of these 2 awards, so the total is not known.');
  assert.match(await page.getByTestId('sentence').innerText(), /^In Wales, 2 lead providers held 1 contract\b/);
  assert.doesNotMatch(await page.getByTestId('sentence').innerText(), /£/);
  const table = (await page.getByTestId('award-row').allInnerTexts()).join('\n');
  assert.match(table, /not published/);
  assert.match(table, /Working Links/);
  assert.match(table, /26 June 2021 \(inferred\), passed/);
  assert.match(await page.getByTestId('chart-provider').innerText(), /Lead providers by contracts/);
  await page.getByTestId('notes').locator('summary').click();
  assert.match(await page.getByTestId('notes').innerText(), /circa £600 million over seven years/);
  await assertAccessible(page, 'the CRC dataset');
  // The CSV names the dataset and the view, and leaves the buyer no source names and the
  // unpublished values empty.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.equal(download.suggestedFilename(), 'probation-crcs-2015-2021-region-wales.csv');
  const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r\n/);
  assert.equal(csv.length, 3);
  assert.match(csv[1], /^14,Wales,Community rehabilitation,Working Links,Private company,,,no,/);
  assert.match(csv[2], /[?]data=tr-crcs&region=wales,2021-06-26$/);
  // Back returns to the 2021 awards, as they were.
  await page.goBack();
  await page.getByText('Who was paid to deliver probation services?').waitFor();
  assert.equal(await query(page), 'region=wales');
  await assertFiguresMatch(page, 'region=wales');
  // Choosing it again needs no second fetch.
  await page.getByTestId('dataset').selectOption('tr-crcs');
  await page.getByText('Who ran probation services before 2021?').waitFor();
  assert.equal(fetched().length, before + 1);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a link to the CRC dataset opens it; a region takes a CRC reaching into it whole', async () => {
  const page = await open('data=tr-crcs&region=greater-manchester');
  await assertFiguresMatch(page, 'data=tr-crcs&region=greater-manchester');
  assert.match((await page.getByTestId('award-row').allInnerTexts()).join('\n'), /Cheshire, Greater Manchester/);
  assert.match(await page.getByTestId('unsplit-note').innerText(), /1 award in this view also covers other areas/);
  assert.equal(summary('data=tr-crcs&region=greater-manchester').partial_awards, 1);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${out}/crcs-${width}.png`, fullPage: true });
  }
  await assertAccessible(page, 'the CRC dataset, one region');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an unknown dataset shows the 2021 awards with a notice, and the rest of the link applies', async () => {
  const page = await open('data=narnia&region=wales');
  assert.match(await page.getByTestId('link-warnings').innerText(), /Ignored the dataset “narnia”: no such dataset here\./);
  await assertFiguresMatch(page, 'region=wales');
  assert.equal(await page.getByTestId('dataset').inputValue(), 'crs-2021');
  await page.close();
});

test("an area's history shows both periods and what comes next, as a table too", async () => {
  const page = await open('area=dyfed-powys');
  const history = page.getByTestId('history');
  await history.locator('summary').click();
  const table = history.locator('table');
  await table.waitFor();
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 6);
  assert.match(rows[0], /CRCs, 2015 to 2021\s+Working Links\s+Community rehabilitation\s+February 2015\s+February 2019, passed/);
  assert.match(rows[1], /Seetec[\s\S]*June 2021 \(inferred\), passed/);
  assert.match(rows[2], /Rehabilitative services, 2021\s+The Nelson Trust/);
  assert.match(await history.innerText(), /Next, March 2027: “Community Support for Men”/);
  // The same as the command line's history.
  const cli = JSON.parse(execFileSync(cliPath, ['history', 'dyfed-powys'], { encoding: 'utf8' }));
  assert.deepEqual(cli.held.map((h) => h.lead_provider), ['Working Links', 'Seetec', 'The Nelson Trust', 'St Giles Wise', 'The Forward Trust', 'Maximus']);
  // The page it opened on stays: the other dataset was read, not shown.
  assert.equal(await query(page), 'area=dyfed-powys');
  assert.equal(await page.getByTestId('dataset').inputValue(), 'crs-2021');
  await assertAccessible(page, "an area's history");
  assert.deepEqual(page.errors, []);
  await page.close();
});
