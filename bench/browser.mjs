// Startup and interaction benchmarks in headless Chromium, on the release build.
//   startup: navigation to the first frame with everything rendered (figures, every chart
//            drawn with its click targets, the table filled), fresh context each load,
//            unthrottled and with 4x CPU throttling.
//   interaction: a filter click to the moment all the work it caused is done (DOM and
//            canvases updated, before the frame is painted), and to the next frame; and,
//            separately, a real mouse click to the paint that shows its result, as
//            Chromium's Event Timing reports it (the measure behind Interaction to Next Paint).
// The same clicks on a page that does almost nothing (bench/floor/) give the floor of both
// measures on this machine, under `floor`.
// Usage: node bench/browser.mjs [dist] [loads] [clicks] [name] → bench/results/[name].json
// (name defaults to browser; scripts/bench uses browser-100k for the 100k-award build).
// bench/peer.mjs runs the same measures on the dc.js peer page through `measure`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Median and 95th percentile (nearest rank) of a list of milliseconds. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: rank(0.5), p95: rank(0.95), min: s[0], max: s[s.length - 1] };
}

/**
 * What the benchmark needs to know about a page: `ready`, an expression for a promise of
 * performance.now() at the first frame where everything is drawn; `clickables`, an
 * expression for the filter controls to click, in order.
 */
export const OURS = {
  ready: `new Promise((resolve) => {
    const ready = () => {
      const charts = [...document.querySelectorAll('figure.chart')];
      return document.querySelector('[data-testid="total-value"]')?.dataset.value
        && charts.length > 0
        && charts.every((c) => c.querySelector('button.hit:not(.hidden)'))
        && document.querySelectorAll('[data-testid="award-row"]').length > 0;
    };
    const check = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`,
  clickables: `[...document.querySelectorAll('fieldset.facet input[type=checkbox]')]
    .filter((e) => /^facet-(service-category|lead-provider-s-sector|probation-region)-/.test(e.id))`,
};

/**
 * The floor (bench/floor/): 18 checkboxes whose click writes one line of text, clicked as
 * ours are, in the same browser. Its times are the part of a click that is the browser's
 * and the measure's own (waiting for the next frame and presenting it), not any page's work.
 */
export const FLOOR = {
  ready: `new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))`,
  clickables: `[...document.querySelectorAll('#options input[type=checkbox]')]`,
};

async function startup(browser, url, page, throttle, loads) {
  const times = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await tab.addInitScript(`window.__ready = ${page.ready};`);
    await tab.goto(url);
    times.push(await tab.evaluate(() => window.__ready));
    await context.close();
  }
  return stats(times);
}

/** Clicks the filter controls in turn (each twice: on, then off) and times each click. */
async function interaction(browser, url, page, clicks) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(url);
  await tab.evaluate(page.ready);
  const { targets, work, frame } = await clickTimes(tab, page.clickables, clicks);
  const paint = await paintTimes(tab, page.clickables, clicks);
  await tab.close();
  return { targets, work: stats(work), next_frame: stats(frame), to_paint: paint };
}

/**
 * On a page that is ready, clicks the controls `clickables` gives in turn (each twice) with
 * the mouse, as a visitor does (trusted input, through DevTools), and reads each click's
 * time from the input to the next paint after it has been handled from Chromium's Event
 * Timing entries (the longest of the click's pointer, mouse and click events, as
 * Interaction to Next Paint counts it; whole milliseconds, rounded to 8). Chromium reports
 * only interactions of 16 ms or more: faster ones are counted as 16 ms and in `under_16`.
 * With `raw`, the list of times instead of their statistics.
 */
export async function paintTimes(tab, clickables, clicks, raw = false) {
  const targets = await tab.evaluate(`(() => {
    window.__targets = ${clickables};
    window.__events = [];
    new PerformanceObserver((list) => window.__events.push(...list.getEntries()))
      .observe({ type: 'event', durationThreshold: 16 });
    return window.__targets.length;
  })()`);
  const times = [];
  let under16 = 0;
  for (let i = 0; i < clicks; i += 1) {
    const k = Math.floor(i / 2) % targets;
    const [x, y] = await tab.evaluate(async (k) => {
      const target = window.__targets[k];
      target.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      window.__events.length = 0;
      const b = target.getBoundingClientRect();
      return [b.x + b.width / 2, b.y + b.height / 2];
    }, k);
    await tab.mouse.click(x, y);
    // Entries arrive after the paint; give up waiting after a second with nothing (under 16 ms).
    const d = await tab.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const check = () => {
        const mine = window.__events.filter((e) => e.interactionId > 0);
        if (mine.some((e) => e.name === 'click')) resolve(Math.max(...mine.map((e) => e.duration)));
        else if (performance.now() - t0 > 1000) resolve(null);
        else setTimeout(check, 20);
      };
      check();
    }));
    if (d === null) under16 += 1;
    times.push(d ?? 16);
  }
  return raw ? times : { ...stats(times), under_16: under16 };
}

/**
 * On a page that is ready, clicks the controls `clickables` gives in turn (each twice: on,
 * then off); returns how many there are and each click's time to work done and to the
 * next frame, in milliseconds.
 */
export async function clickTimes(tab, clickables, clicks) {
  const targets = await tab.evaluate(`(window.__targets = ${clickables}).length`);
  const work = [];
  const frame = [];
  for (let i = 0; i < clicks; i += 1) {
    const k = Math.floor(i / 2) % targets;
    const [w, f] = await tab.evaluate((k) => new Promise((resolve) => {
      const target = window.__targets[k];
      const t0 = performance.now();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      // Leptos runs effects (redraws) as microtasks and queued tasks; a task queued after
      // the click runs once they are done. The frame after that is the painted result.
      setTimeout(() => {
        const t1 = performance.now();
        requestAnimationFrame(() => resolve([t1 - t0, performance.now() - t0]));
      }, 0);
    }), k);
    work.push(w);
    frame.push(f);
  }
  return { targets, work, frame };
}

/** Startup (unthrottled and 4x slower CPU) and interaction for one page. */
export async function measure(browser, url, page, { loads = 20, clicks = 60 } = {}) {
  return {
    startup: {
      unthrottled: await startup(browser, url, page, 1, loads),
      cpu_4x_slower: await startup(browser, url, page, 4, loads),
    },
    interaction: await interaction(browser, url, page, clicks),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? join(here, '..', 'dist');
  const loads = Number(process.argv[3] ?? 20);
  const clicks = Number(process.argv[4] ?? 60);
  const name = process.argv[5] ?? 'browser';
  const server = await serve(dist);
  const browser = await launch();
  const result = await measure(browser, server.url, OURS, { loads, clicks });
  const floor = await serve(join(here, 'floor'));
  result.floor = { interaction: await interaction(browser, floor.url, FLOOR, clicks) };
  await browser.close();
  await server.close();
  await floor.close();
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
