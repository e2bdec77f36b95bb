// A visitor on a slow phone: our page and the dc.js + crossfilter2 peer page (measure 6 in
// BENCHMARKS.md), each loaded fresh under Lighthouse's mobile throttling (1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip, CPU 4x slower; through DevTools), served gzipped as a
// static host serves them. For each load: the first contentful paint (when anything of the
// page is first on screen) and the complete page (the first frame with the figures, every
// chart and the table, as in bench/browser.mjs). Pages alternate load by load.
// Usage: node bench/slow-phone.mjs [dist] [loads] → bench/results/slow-phone.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { OURS, stats } from './browser.mjs';
import { PEER, servePeer } from './peer-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? join(here, '..', 'dist');
const loads = Number(process.argv[3] ?? 20);

const SLOW_PHONE = {
  latency_ms: 150,
  download_kbit_s: 1600,
  upload_kbit_s: 750,
  cpu_slowdown: 4,
};

/** One fresh load of `url` under SLOW_PHONE: [first contentful paint, complete] in ms. */
async function load(browser, url, page) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, deviceScaleFactor: 2.6 });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.latency_ms,
    downloadThroughput: (SLOW_PHONE.download_kbit_s * 1000) / 8,
    uploadThroughput: (SLOW_PHONE.upload_kbit_s * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpu_slowdown });
  await tab.addInitScript(`window.__ready = ${page.ready};`);
  await tab.goto(url);
  const complete = await tab.evaluate(() => window.__ready);
  const fcp = await tab.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
      if (e) resolve(e.startTime);
    }).observe({ type: 'paint', buffered: true });
  }));
  await context.close();
  return [fcp, complete];
}

const pages = [
  { name: 'ours', server: await serve(dist, { gzip: true }), page: OURS },
  { name: 'peer', server: await servePeer({ gzip: true }), page: PEER },
];
const browser = await launch();
const times = Object.fromEntries(pages.map((p) => [p.name, { fcp: [], complete: [] }]));
for (let i = 0; i < loads; i += 1) {
  for (const p of i % 2 ? [...pages].reverse() : pages) {
    const [fcp, complete] = await load(browser, p.server.url, p.page);
    times[p.name].fcp.push(fcp);
    times[p.name].complete.push(complete);
  }
}
await browser.close();
for (const p of pages) await p.server.close();

const result = { conditions: { ...SLOW_PHONE, viewport: '412x823, mobile', served: 'gzip level 9', loads } };
for (const p of pages) {
  result[p.name] = { first_contentful_paint: stats(times[p.name].fcp), complete: stats(times[p.name].complete) };
}
const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;
result.ratios = {
  first_contentful_paint_median: ratio(result.ours.first_contentful_paint.median, result.peer.first_contentful_paint.median),
  complete_median: ratio(result.ours.complete.median, result.peer.complete.median),
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'slow-phone.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
