// If the widget ever panics, the visitor sees a message and the data as a plain table,
// not a dead box. Runs against each panic-test build (scripts/test builds them: the stable build
// always, the nightly one where a nightly toolchain is present), since their panics end the
// wasm differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { root } from './helpers.mjs';

const dists = (process.env.PANIC_DISTS ?? 'target/dist-panic-stable target/dist-panic-nightly')
  .split(/\s+/).filter(Boolean).map((d) => join(root, d))
  .filter((d) => process.env.PANIC_DISTS || existsSync(d));

test('there is a panic-test build to test', () => {
  assert.ok(dists.length > 0, 'no panic-test build: scripts/test builds them (CONTRACTS_BUILD=stable scripts/trunk build --features panic-test -d target/dist-panic-stable)');
});

for (const dist of dists) test(`a forced panic leaves a message and the full data table (${dist.split('-').pop()} build)`, async (t) => {
  assert.ok(existsSync(join(dist, 'index.html')), `${dist} is missing: scripts/test builds it`);
  const kind = dist.split('-').pop();
  assert.match(readFileSync(join(dist, 'index.html'), 'utf8'), new RegExp(`contracts-explorer-build" content="${kind}"`), `${dist} is the ${kind} build`);
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
