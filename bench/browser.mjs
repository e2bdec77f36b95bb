// Startup and interaction benchmarks in headless Chromium, on the release build.
//   startup: navigation to the first frame with everything rendered (figures, every chart
//            drawn with its click targets, the table filled), fresh context each load,
//            unthrottled and with 4x CPU throttling.
//   interaction: a filter click to the moment all the work it caused is done (DOM and
//            canvases updated, before the frame is painted), and to the next frame.
// Usage: node bench/browser.mjs [dist] [loads] [clicks] → bench/results/browser.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? join(here, '..', 'dist');
const loads = Number(process.argv[3] ?? 20);
const clicks = Number(process.argv[4] ?? 60);

/** Median and 95th percentile (nearest rank) of a list of milliseconds. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: rank(0.5), p95: rank(0.95), min: s[0], max: s[s.length - 1] };
}

/** In the page: resolves with performance.now() at the first frame where everything is drawn. */
const READY = `new Promise((resolve) => {
  const ready = () => {
    const charts = [...document.querySelectorAll('figure.chart')];
    return document.querySelector('[data-testid="total-value"]')?.dataset.value
      && charts.length > 0
      && charts.every((c) => c.querySelector('button.hit:not(.hidden)'))
      && document.querySelectorAll('[data-testid="award-row"]').length > 0;
  };
  const check = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(check));
  requestAnimationFrame(check);
})`;

async function startup(browser, url, throttle) {
  const times = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.addInitScript(`window.__ready = ${READY};`);
    await page.goto(url);
    times.push(await page.evaluate(() => window.__ready));
    await context.close();
  }
  return stats(times);
}

/** Clicks filter options in turn (tick, then untick) and times each. */
async function interaction(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.evaluate(READY);
  const ids = await page.evaluate(() => [...document.querySelectorAll('fieldset.facet input[type=checkbox]')]
    .map((e) => e.id).filter((id) => /^facet-(service-category|lead-provider-s-sector|probation-region)-/.test(id)));
  const work = [];
  const frame = [];
  for (let i = 0; i < clicks; i += 1) {
    const id = ids[Math.floor(i / 2) % ids.length];
    const [w, f] = await page.evaluate((id) => new Promise((resolve) => {
      const box = document.getElementById(id);
      const t0 = performance.now();
      box.click();
      // Leptos runs effects (redraws) as microtasks and queued tasks; a task queued after
      // the click runs once they are done. The frame after that is the painted result.
      setTimeout(() => {
        const t1 = performance.now();
        requestAnimationFrame(() => resolve([t1 - t0, performance.now() - t0]));
      }, 0);
    }), id);
    work.push(w);
    frame.push(f);
  }
  await page.close();
  return { work: stats(work), next_frame: stats(frame) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve(dist);
  const browser = await launch();
  const result = {
    startup: {
      unthrottled: await startup(browser, server.url, 1),
      cpu_4x_slower: await startup(browser, server.url, 4),
    },
    interaction: await interaction(browser, server.url),
  };
  await browser.close();
  await server.close();
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'browser.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
