// End to end against the release build: the page shows the engine's figures for a share link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dist = process.env.DIST ?? join(root, 'dist');
const out = join(here, 'out');
const cli = join(root, 'target', 'release', 'contracts');
mkdirSync(out, { recursive: true });

let server;
let browser;
before(async () => {
  server = await serve(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The engine's own totals for a query, from the command-line summary. */
function summary(query) {
  return JSON.parse(execFileSync(cli, ['summary', query], { encoding: 'utf8' }));
}

/** Opens the page at `query` and collects console errors and page errors. */
async function open(query, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + (query ? `?${query}` : ''));
  await page.getByTestId('total-value').waitFor();
  return { page, errors };
}

async function figures(page) {
  const value = async (id) => page.getByTestId(id).getAttribute('data-value');
  return {
    total_value: Number(await value('total-value')),
    contracts: Number(await value('contracts')),
    awards: Number(await value('awards')),
    lead_providers: Number(await value('lead-providers')),
    voluntary_share: await value('voluntary-share'),
  };
}

for (const query of ['', 'category=womens&region=wales', 'area=dorset', 'sector=private', 'q=trust&end-to=2023-06']) {
  test(`the figures equal the engine's totals for "${query}"`, async () => {
    const { page, errors } = await open(query);
    const shown = await figures(page);
    const engine = summary(query);
    assert.equal(shown.total_value, engine.total_value);
    assert.equal(shown.contracts, engine.contracts);
    assert.equal(shown.awards, engine.awards);
    assert.equal(shown.lead_providers, engine.lead_providers);
    assert.equal(Number(shown.voluntary_share), engine.voluntary_value_share);
    assert.equal(await page.getByTestId('award-row').count(), engine.awards);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the default view shows the whole dataset as people read it', async () => {
  const { page } = await open('');
  assert.equal(await page.getByTestId('total-value').innerText(), '£196.1m');
  assert.equal(await page.getByTestId('contracts').innerText(), '110');
  assert.equal(await page.getByTestId('lead-providers').innerText(), '26');
  assert.equal(await page.getByTestId('voluntary-share').innerText(), '64%');
  assert.equal(await page.getByTestId('separately-commissioned').count(), 2);
  await page.close();
});

test('a broken link shows what was ignored and applies the rest', async () => {
  const { page, errors } = await open('region=wales&region=atlantis&colour=red');
  const notice = await page.getByTestId('link-warnings').innerText();
  assert.match(notice, /atlantis/);
  assert.match(notice, /colour/);
  assert.equal(Number(await page.getByTestId('awards').getAttribute('data-value')), summary('region=wales').awards);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an injected script in the link is shown as text, never run', async () => {
  const { page, errors } = await open('region=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  assert.equal(await page.locator('main img').count(), 0);
  assert.match(await page.getByTestId('link-warnings').innerText(), /<img src=x/);
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots at phone and desktop widths', async () => {
  for (const width of [375, 1280]) {
    const { page } = await open('', width);
    await page.screenshot({ path: join(out, `foundation-${width}.png`), fullPage: true });
    // Nothing but the table may scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at ${width}px`);
    await page.close();
  }
});
