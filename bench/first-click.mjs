// The first click after the page loads, which is what a visitor meets first and what Chromium's
// Interaction to Next Paint often reports: our page with the 2021 data, our page with 100,000
// synthetic awards built in, the dc.js + crossfilter2 peer page, and the floor page
// (bench/floor/: a click writes one line, so its first click shows what the browser itself
// adds to a fresh page's first click), each loaded fresh `loads` times (in turn, the order
// reversed every other round). On each load, once the
// page is drawn and a second has passed, six real mouse clicks on its filters (the first
// category on, off, the second on, off, ...), each timed from the input to the paint that
// shows it (Event Timing, as `paintTimes` in bench/browser.mjs). Reports the first click's
// times and the next five's, and how much slower the first is (ratio of medians).
// Usage: node bench/first-click.mjs [dist] [dist-100k] [loads] → bench/results/first-click.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { FLOOR, OURS, paintTimes, stats } from './browser.mjs';
import { PEER, servePeer } from './peer-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = process.argv[2] ?? join(root, 'dist');
const dist100k = process.argv[3] ?? join(root, 'target', 'dist-100k');
const loads = Number(process.argv[4] ?? 20);
const SETTLE_MS = 1000;
const CLICKS = 6;

const pages = [
  { name: 'ours_2021', server: await serve(dist), page: OURS },
  { name: 'ours_100k', server: await serve(dist100k), page: OURS },
  { name: 'peer_2021', server: await servePeer(), page: PEER },
  { name: 'floor', server: await serve(join(here, 'floor')), page: FLOOR },
];
const browser = await launch();
for (const p of pages) Object.assign(p, { first: [], later: [] });
for (let round = 0; round < loads; round += 1) {
  for (const p of round % 2 ? [...pages].reverse() : pages) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(p.server.url);
    await tab.evaluate(p.page.ready);
    await tab.waitForTimeout(SETTLE_MS);
    const [first, ...later] = await paintTimes(tab, p.page.clickables, CLICKS, true);
    p.first.push(first);
    p.later.push(...later);
    await context.close();
  }
}
await browser.close();
for (const p of pages) await p.server.close();

const result = { loads, settle_ms: SETTLE_MS, clicks_per_load: CLICKS };
for (const p of pages) {
  const first = stats(p.first);
  const later = stats(p.later);
  result[p.name] = {
    first_click_to_paint: first,
    next_five_to_paint: later,
    first_over_later_median: Math.round((first.median / later.median) * 1000) / 1000,
    first_clicks_over_100_ms: p.first.filter((t) => t > 100).length,
  };
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'first-click.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
