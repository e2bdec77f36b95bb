// Hostile and broken share links in a real browser: the page renders, runs nothing injected,
// opens no dialog, throws nothing, lists what it ignored, and still applies the valid part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, open, root, summary } from './helpers.mjs';

const PARAMS = ['region', 'area', 'category', 'provider', 'sector', 'min', 'max', 'end-from', 'end-to', 'q', 'v'];
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '<iframe src="javascript:window.parent.__pwned=1">',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '=HYPERLINK("http://evil.example","x")',
  '../../../../etc/passwd',
  '\u202e\u0000\u0007',
  'é'.repeat(300),
  '-1',
  '99999999999999999999999999',
  '1e309',
  'NaN',
  '2023-13',
  '0000-00',
  'narnia',
];
const RAW = [
  '%', '%%', '%zz', '%E2%82', '%C3%28', '%FF%FE', 'a=%', '=%', '&&&&', '=', '==', '?&=&?',
  'region', 'region=', 'region=,,,', 'region=%2C%2C', 'q=%00', 'q=%0A%0D', `${'x='.repeat(2000)}`,
  `q=${'a'.repeat(5000)}`, `region=${'wales,'.repeat(2000)}`, 'region=wales&region=wales&region=wales',
  'min=5&min=6&min=7', '__proto__=1', 'constructor=1', 'region[]=wales', 'region.0=wales', 'Region=WALES',
  'v=2', 'v=0', 'v=', 'v=1.0', 'sector=VOLUNTARY,Private', 'end-from=2023-06&end-to=2021-01', 'min=10&max=5',
  'region=wales#frag', 'region=wales;category=womens', 'region=wales%26category%3Dwomens', 'region=wa%6Ces',
  'provider=the-forward-trust', 'provider=forward_trust', 'area=avon-&-somerset', 'area=avon%20and%20somerset',
];

/** Every hostile link, each starting with `region=wales` as its valid part (first, so even
 *  a link cut at the length limit keeps it). */
function corpus() {
  const links = [];
  for (const p of PARAMS) {
    for (const payload of PAYLOADS) {
      links.push(`${p}=${encodeURIComponent(payload)}`);
    }
    links.push(`${p}=${PAYLOADS[0]}`); // unencoded
  }
  for (const raw of RAW) links.push(raw);
  // Truncated links, as email clients cut them.
  const full = 'region=east-midlands,wales&category=womens,personal-wellbeing&min=100000&q=women%27s%20centre';
  for (let n = 1; n < full.length; n += 3) links.push(full.slice(0, n));
  return links.map((l) => `region=wales&${l}`);
}

test('at least 200 hostile or broken links each render safely and keep their valid part', async () => {
  const links = corpus();
  assert.ok(links.length >= 200, `${links.length} links`);
  let dialogs = 0;
  const failures = [];
  let page = null;
  for (const [i, link] of links.entries()) {
    // A fresh tab every 40 links: Chromium reserves address space for each WebAssembly
    // memory and frees the old documents' only when it collects garbage, which in one tab
    // over hundreds of navigations ran out once on CI ("Cannot allocate Wasm memory").
    // A visitor opens one link; the test still loads every link into a running browser.
    if (i % 40 === 0) {
      await page?.close();
      page = await open('');
      page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
    }
    page.errors = [];
    await page.goto(`${env.server.url}?${link}`);
    // A slow moment on a shared machine is not a failure; a page that never renders is,
    // and the report names the link and whether the fallback (a panic) is showing.
    try {
      await page.getByTestId('total-value').waitFor({ timeout: 15000 });
    } catch {
      const fallback = await page.getByTestId('fallback').count();
      failures.push(`${link.slice(0, 80)}: did not render in 15 s${fallback ? ' (the panic fallback is showing)' : ''}; ${page.errors.join('; ')}`);
      continue;
    }
    // What follows `#` is the fragment, which the browser does not pass as the query.
    const engine = summary(link.split('#')[0]);
    const shown = Number(await page.getByTestId('awards').getAttribute('data-value'));
    const pwned = await page.evaluate(() => window.__pwned ?? null);
    const injected = await page.locator('.explorer img, .explorer svg, .explorer iframe, .explorer script').count();
    const listed = engine.warnings.length ? await page.getByTestId('link-warnings').locator('li').count() : 0;
    const problems = [];
    if (shown !== engine.awards) problems.push(`awards ${shown} != ${engine.awards}`);
    if (!engine.query.split('&').some((p) => p.startsWith('region=') && p.includes('wales'))) problems.push(`lost region=wales: ${engine.query}`);
    if (pwned !== null) problems.push('injected script ran');
    if (injected) problems.push(`${injected} injected elements`);
    if (page.errors.length) problems.push(page.errors.join('; '));
    if (listed !== engine.warnings.length) problems.push(`notice lists ${listed} of ${engine.warnings.length} warnings`);
    if (problems.length) failures.push(`${link.slice(0, 80)}: ${problems.join(', ')}`);
  }
  assert.equal(dialogs, 0);
  assert.deepEqual(failures, []);
  await page.close();
});

test('every link in the share-link corpus opens its meaning in the browser', async () => {
  const corpus = readFileSync(join(root, 'tests', 'link_corpus.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  assert.ok(corpus.length >= 40);
  const page = await open('');
  const failures = [];
  for (const [input, canonical, ignored] of corpus) {
    const meaning = canonical.replace(/^"|"$/g, '');
    await page.goto(`${env.server.url}?${input.replace(/^\?/, '')}`);
    await page.getByTestId('total-value').waitFor();
    const expected = summary(meaning);
    const shown = Number(await page.getByTestId('total-value').getAttribute('data-value'));
    const awards = Number(await page.getByTestId('awards').getAttribute('data-value'));
    const listed = await page.getByTestId('link-warnings').locator('li').count();
    const warned = ignored === '-' ? 0 : summary(input.replace(/^\?/, '')).warnings.length;
    if (shown !== expected.total_value || awards !== expected.awards || listed !== warned) {
      failures.push(`${input}: shows ${shown}/${awards} with ${listed} notices; expected ${expected.total_value}/${expected.awards} with ${warned}`);
    }
  }
  assert.deepEqual(failures, []);
  await page.close();
});
