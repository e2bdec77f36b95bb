// Every kind of interaction a visitor has, not only the filter boxes bench/browser.mjs clicks:
// typing in the search box and the value box (and deleting it again), sorting the table by
// each column both ways, paging, clicking a bar of each chart, clearing the filters, clicking
// map tiles, typing in the lead-provider finder, downloading the table as CSV. Each is real
// input (mouse or keyboard, through DevTools) on a freshly loaded page, timed from the input
// to the paint that shows it by Chromium's Event Timing (as `paintTimes` in browser.mjs:
// the longest entry of the interaction, 8 ms steps; under 16 ms counts as 16).
// Usage: node bench/interactions.mjs [dist] [loads] [name] → bench/results/[name].json
// (scripts/bench runs it on dist as `interactions` and on target/dist-100k as
// `interactions-100k`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { OURS, stats } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? join(here, '..', 'dist');
const loads = Number(process.argv[3] ?? 3);
const name = process.argv[4] ?? 'interactions';

const times = {};

/** Runs `act` (one interaction) and records its input-to-paint time under `kind`. */
async function timed(tab, kind, act) {
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await tab.evaluate(() => { window.__events.length = 0; });
  if ((await act()) === false) return;
  // Entries arrive after the paint; wait until none has come for 300 ms (1.5 s at most).
  const d = await tab.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    let seen = -1;
    let since = t0;
    const check = () => {
      const mine = window.__events.filter((e) => e.interactionId > 0);
      if (mine.length !== seen) [seen, since] = [mine.length, performance.now()];
      const longest = mine.length ? Math.max(...mine.map((e) => e.duration)) : null;
      if ((mine.length && performance.now() - since > 300) || performance.now() - t0 > 1500) resolve(longest);
      else setTimeout(check, 20);
    };
    check();
  }));
  (times[kind] ??= []).push(d ?? 16);
}

/** The middle of the `nth` element `sel` matches, scrolled into view; null if there is none. */
const centre = (tab, sel, nth = 0) => tab.evaluate(async ([sel, nth]) => {
  const t = document.querySelectorAll(sel)[nth];
  if (!t) return null;
  t.scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const b = t.getBoundingClientRect();
  return [b.x + b.width / 2, b.y + b.height / 2];
}, [sel, nth]);

/** An interaction: a mouse click on the `nth` match of `sel` (false, not timed, if none). */
const click = (tab, sel, nth = 0) => async () => {
  const at = await centre(tab, sel, nth);
  if (!at) return false;
  await tab.mouse.click(...at);
  return true;
};

/** Focuses the box `sel`, types `text` a key at a time, then deletes it a key at a time. */
async function typing(tab, kind, sel, text) {
  const at = await centre(tab, sel);
  if (!at) return;
  await tab.mouse.click(...at);
  for (const key of text) await timed(tab, `${kind}: a key typed`, () => tab.keyboard.press(key));
  for (const _ of text) await timed(tab, `${kind}: a key deleted`, () => tab.keyboard.press('Backspace'));
}

const server = await serve(dist);
const browser = await launch();
for (let load = 0; load < loads; load += 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await tab.goto(server.url);
  await tab.evaluate(OURS.ready);
  await tab.waitForTimeout(1000);
  await tab.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => window.__events.push(...list.getEntries()))
      .observe({ type: 'event', durationThreshold: 16 });
  });
  await typing(tab, 'search', '[data-testid=search]', 'trust');
  await typing(tab, 'award value at least', '[data-testid=min-value]', '250000');
  const columns = await tab.evaluate(() => [...document.querySelectorAll('button.sort')].map((b) => b.dataset.testid));
  for (const testid of columns) {
    await timed(tab, `${testid}, ascending or descending`, click(tab, `[data-testid=${testid}]`));
    await timed(tab, `${testid}, ascending or descending`, click(tab, `[data-testid=${testid}]`));
  }
  for (let i = 0; i < 3; i += 1) await timed(tab, 'next page', click(tab, '[data-testid=next-page]'));
  for (let i = 0; i < 3; i += 1) await timed(tab, 'previous page', click(tab, '[data-testid=prev-page]'));
  for (const chart of ['chart-region', 'chart-category', 'chart-provider', 'chart-timeline']) {
    await timed(tab, 'a chart bar (adds a filter)', click(tab, `[data-testid=${chart}] button.hit`));
  }
  await timed(tab, 'clear all filters', click(tab, '[data-testid=clear-all]'));
  for (let i = 0; i < 3; i += 1) {
    await timed(tab, 'a map tile (on, then off)', click(tab, 'button.tile', i * 7));
    await timed(tab, 'a map tile (on, then off)', click(tab, 'button.tile', i * 7));
  }
  await typing(tab, 'lead-provider finder', 'input.find', 'care');
  await timed(tab, 'download CSV', click(tab, '[data-testid=download-csv]'));
  await context.close();
}
await browser.close();
await server.close();

const result = { dist, loads };
for (const [kind, list] of Object.entries(times)) {
  result[kind] = { ...stats(list), over_100_ms: list.filter((t) => t > 100).length };
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
