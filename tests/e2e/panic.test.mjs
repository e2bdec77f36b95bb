// If the widget ever panics, the visitor sees a message and the data as a plain table,
// not a dead box. Runs against the panic-test build (scripts/test builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { root } from './helpers.mjs';

test('a forced panic leaves a message and the full data table', async (t) => {
  const dist = process.env.DIST_PANIC ?? join(root, 'target', 'dist-panic');
  assert.ok(existsSync(join(dist, 'index.html')), `${dist} is missing: scripts/test builds it (scripts/trunk build --features panic-test -d target/dist-panic)`);
  const site = await serve(dist);
  const browser = await launch();
  t.after(() => Promise.all([browser.close(), site.close()]));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}?region=wales`);
  await page.getByTestId('total-value').waitFor();
  await page.getByTestId('force-panic').click();
  await page.getByTestId('fallback').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /Something went wrong/);
  assert.equal(await page.getByTestId('fallback-row').count(), 66);
  assert.equal(await page.getByTestId('total-value').count(), 0, 'the broken widget is gone');
  assert.ok(errors.some((e) => /unreachable|RuntimeError/.test(e)), 'the panic really happened');
  assert.equal(await page.evaluate(() => scrollY), 0, 'the message is in view, not where the page had been scrolled to');
  // On a phone each award is a card of labelled lines, with no sideways scrolling.
  await page.setViewportSize({ width: 375, height: 700 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  assert.equal(await page.getByTestId('fallback-row').first().locator('td').last().getAttribute('data-label'), 'Value');
});
