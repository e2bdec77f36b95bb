// The page shows the engine's figures for any share link, and reads broken links safely.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, summary, assertFiguresMatch, cspViolations, env } from './helpers.mjs';

for (const q of ['', 'category=womens&region=wales', 'area=dorset', 'sector=private', 'q=trust&end-to=2023-06', 'region=greater-manchester']) {
  test(`the figures equal the engine's totals for "${q}"`, async () => {
    const page = await open(q);
    await assertFiguresMatch(page, q);
    const engine = summary(q);
    assert.equal(await page.getByTestId('page-status').innerText(),
      engine.awards === 0 ? 'No awards' : `Awards 1–${Math.min(20, engine.awards)} of ${engine.awards}`);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await cspViolations(page), [], 'the page runs under the strict CSP');
    await page.close();
  });
}

test('the default view shows the whole dataset as people read it', async () => {
  const page = await open('');
  assert.equal(await page.getByTestId('total-value').innerText(), '£196.1m');
  assert.equal(await page.getByTestId('contracts').innerText(), '110');
  assert.equal(await page.getByTestId('lead-providers').innerText(), '26');
  assert.equal(await page.getByTestId('voluntary-share').innerText(), '64%');
  assert.equal(await page.getByTestId('separately-commissioned').count(), 2);
  assert.match(await page.getByTestId('sentence').innerText(), /^Across England and Wales, 26 lead providers were awarded 110 contracts worth £196\.1m in May 2021; 64% of the value/);
  await page.close();
});

// Every scheduled end (the last in March 2026) is before any day these tests run.
test('the page speaks of the 2021 awards in the past tense, as announced and not as today\'s providers', async () => {
  const page = await open('area=south-yorkshire&category=accommodation');
  const sentence = await page.getByTestId('sentence').innerText();
  assert.match(sentence, /^In South Yorkshire, 1 lead provider was awarded 1 contract for accommodation worth £4\.1m in May 2021 /);
  assert.match(sentence, /It was scheduled to end in March 2025, which has passed\.$/);
  assert.doesNotMatch(sentence, /\bholds?\b/);
  assert.equal(await page.getByTestId('currency').innerText(),
    "These are the 66 awards announced in May 2021, not today's providers: every scheduled end, the last in March 2026, has passed.");
  assert.match(await page.getByTestId('counting').innerText(), /^An award is one line of the announcement/);
  const ends = await page.getByTestId('award-row').locator('td[data-label="Scheduled end"]').allInnerTexts();
  assert.ok(ends.length > 0 && ends.every((e) => e.endsWith(', passed')), ends.join(' | '));
  assert.match(await page.getByTestId('chart-timeline').innerText(), /Today is [A-Z][a-z]+ 20\d\d: all have passed\./);
  // "Copy summary and link" copies the sentence (explorer.test.mjs), so it says the same.
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a broken link shows what was ignored, applies the rest, and the notice can be dismissed', async () => {
  const page = await open('region=wales&region=atlantis&colour=red');
  const notice = await page.getByTestId('link-warnings').innerText();
  assert.match(notice, /atlantis/);
  assert.match(notice, /colour/);
  await assertFiguresMatch(page, 'region=wales');
  await page.getByTestId('dismiss-warnings').click();
  assert.equal(await page.getByTestId('link-warnings').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an injected script in the link is shown as text, never run', async () => {
  let dialogs = 0;
  const page = await open('region=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  assert.equal(await page.locator('.explorer img').count(), 0);
  assert.equal(await page.locator('.explorer script').count(), 0);
  assert.match(await page.getByTestId('link-warnings').innerText(), /<img src=x/);
  assert.equal(await page.getByTestId('search').inputValue(), '<script>alert(1)</script>');
  assert.equal(dialogs, 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('while the explorer loads the page says so, and the line goes once the explorer is there', async () => {
  const page = await env.browser.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(env.server.url);
  const loading = page.locator('#loading');
  await loading.waitFor();
  assert.equal(await loading.innerText(), 'Loading the contracts explorer…');
  assert.equal(await loading.getAttribute('role'), 'status', 'screen readers hear it');
  release();
  await page.getByTestId('total-value').waitFor();
  assert.equal(await loading.count(), 0);
  await page.close();
});

test('if the explorer cannot start, the loading line says so and where the data is', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(env.server.url);
  const loading = page.locator('#loading');
  await page.waitForFunction(() => /could not start/.test(document.getElementById('loading')?.textContent ?? ''));
  assert.match(await loading.innerText(), /^The explorer could not start in this browser\. The data is available as CSV files in the data\/ folder\.$/);
  assert.equal(errors.length, 1, 'the failure is still reported to the console');
  await page.close();
});
