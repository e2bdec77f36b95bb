// The map of PCC areas as a visitor uses it: click or tap a tile, walk the tiles with the
// arrow keys, change what colours the map, read the table; the URL and figures follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, open, out, query, assertFiguresMatch, assertAccessible } from './helpers.mjs';

const tile = (page, slug) => page.getByTestId('map').locator(`button.tile[data-key="${slug}"]`);

test('clicking an area filters by it, marks it, and clicking again lets it go', async () => {
  const page = await open('');
  const kent = tile(page, 'kent');
  await kent.hover();
  const tip = page.getByTestId('map-tip');
  assert.match(await tip.innerText(), /Kent[\s\S]*Region: Kent, Surrey and Sussex[\s\S]*Lead providers:/);
  await kent.click();
  assert.equal(await query(page), 'area=kent');
  await assertFiguresMatch(page, 'area=kent');
  assert.equal(await kent.getAttribute('aria-pressed'), 'true');
  await tile(page, 'surrey').click();
  assert.equal(await query(page), 'area=kent,surrey');
  await assertFiguresMatch(page, 'area=kent,surrey');
  await kent.click();
  assert.equal(await query(page), 'area=surrey');
  assert.equal(await kent.getAttribute('aria-pressed'), 'false');
  await assertAccessible(page, 'map with an area chosen');
  await page.getByTestId('map').screenshot({ path: `${out}/map-desktop.png` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the tiles are one tab stop; arrow keys move between areas and Enter or Space choose one', async () => {
  const page = await open('');
  let found = false;
  for (let i = 0; i < 200 && !found; i += 1) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.classList.contains('tile'));
  }
  assert.ok(found, 'Tab reaches the map');
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.key);
  assert.equal(await focused(), 'northumbria', 'the top tile takes focus first');
  assert.equal(await page.getByTestId('map').locator('button.tile[tabindex="0"]').count(), 1);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'durham');
  assert.match(await page.getByTestId('map-tip').innerText(), /Durham[\s\S]*Region: North East/);
  await page.keyboard.press('Enter');
  assert.equal(await query(page), 'area=durham');
  await assertFiguresMatch(page, 'area=durham');
  assert.equal(await focused(), 'durham', 'focus stays on the tile after the redraw');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'cleveland');
  await page.keyboard.press(' ');
  assert.equal(await query(page), 'area=cleveland,durham');
  await assertFiguresMatch(page, 'area=cleveland,durham');
  // The arrow keys retrace their steps; Home and End reach the first and last tiles.
  const path = [await focused()];
  for (const key of ['ArrowDown', 'ArrowLeft', 'ArrowDown', 'ArrowLeft']) {
    await page.keyboard.press(key);
    path.push(await focused());
  }
  for (const [i, key] of ['ArrowRight', 'ArrowUp', 'ArrowRight', 'ArrowUp'].entries()) {
    await page.keyboard.press(key);
    assert.equal(await focused(), path[path.length - 2 - i], `back along ${path.join(' → ')}`);
  }
  await page.keyboard.press('End');
  const last = await focused();
  await page.keyboard.press('Home');
  assert.equal(await focused(), 'northumbria');
  assert.notEqual(last, 'northumbria');
  // Escape closes the details, which may hide neighbouring tiles.
  assert.equal(await page.getByTestId('map-tip').count(), 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('map-tip').count(), 0);
  // Tab leaves the map in one step.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tile')), false);
  await page.close();
});

test('the pointer can move onto an area\'s details without them closing, and Escape closes them', async () => {
  const page = await open('');
  const kent = tile(page, 'kent');
  await kent.hover();
  const tip = page.getByTestId('map-tip');
  const box = await tip.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  assert.match(await tip.innerText(), /^Kent/);
  await page.keyboard.press('Escape');
  assert.equal(await tip.count(), 0);
  await page.close();
});

test('the map can show where a service is provided and where it is not, and the link keeps it', async () => {
  const page = await open('', { width: 360, height: 800 });
  await page.getByTestId('map-colour').selectOption('womens');
  assert.equal(await query(page), 'map=womens');
  const map = page.getByTestId('map');
  assert.match(await map.locator('.chart-summary').innerText(),
    /Coverage: Women's services\. Awarded for the whole term: 32 areas; Awarded only until June 2023: 8 areas; Commissioned separately: London and Greater Manchester; Gap \(no contract awarded\): none\./);
  // A filter the map follows: no private company holds a women's contract, so every area is a gap.
  await page.goto(`${env.server.url}?sector=private&map=womens`);
  await map.locator('.chart-summary').waitFor();
  assert.match(await map.locator('.chart-summary').innerText(), /No contract matching the filters: 42 areas/);
  await page.goto(`${env.server.url}?map=womens`);
  assert.equal(await page.getByTestId('map-colour').inputValue(), 'womens', 'the link sets the colouring');
  // The text alternative: a table of every area, reachable from the map.
  await map.getByRole('button', { name: 'Show as table' }).click();
  const rows = map.locator('table.chart-table tbody tr');
  assert.equal(await rows.count(), 42);
  assert.match(await rows.filter({ hasText: 'London' }).first().innerText(), /London\s+London\s+Commissioned separately/);
  await map.locator('table.chart-table').getByRole('button', { name: 'Lincolnshire' }).click();
  assert.equal(await query(page), 'area=lincolnshire&map=womens');
  await assertAccessible(page, 'map coloured by coverage, table open, phone width');
  await map.screenshot({ path: `${out}/map-phone.png` });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an embed can show the map alone', async () => {
  const page = await env.browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`${env.server.url}?map=sector#embed&panels=map,figures`);
  await page.getByTestId('map').locator('canvas').waitFor();
  assert.equal(await page.getByTestId('chart-region').count(), 0);
  assert.equal(await page.getByTestId('map-colour').inputValue(), 'sector');
  await tile(page, 'london').click();
  assert.equal(await query(page), 'area=london&map=sector');
  await page.close();
});
