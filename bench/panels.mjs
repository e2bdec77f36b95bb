// Where a click's time goes: the interaction benchmark (bench/browser.mjs) on the widget
// showing only some of its panels, through the embed option `panels=` (the same build, so
// the same engine and code; only what is on the page differs). Each set always has the
// filter panel, whose checkboxes are clicked. Sets alternate in rounds on one browser, so
// a slow spell on this shared machine hits them all.
// Usage: node bench/panels.mjs [dist] [rounds] [clicks per round] → bench/results/panels.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { OURS, clickTimes, paintTimes, stats } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? join(here, '..', 'dist');
const rounds = Number(process.argv[3] ?? 3);
const clicks = Number(process.argv[4] ?? 36);

const SETS = [
  'filters',
  'filters,figures,sentence',
  'filters,map',
  'filters,charts',
  'filters,chart-provider',
  'filters,table',
  null, // the whole standalone page
];

/** Ready when the filters, any charts (with their click targets) and any table rows are drawn. */
const ready = `new Promise((resolve) => {
  const ok = () => document.querySelector('fieldset.facet input')
    && [...document.querySelectorAll('figure.chart')].every((c) => c.querySelector('button.hit:not(.hidden)'))
    && (!document.querySelector('table.awards') || document.querySelector('[data-testid="award-row"]'));
  const check = () => (ok() ? resolve(performance.now()) : requestAnimationFrame(check));
  requestAnimationFrame(check);
})`;

const server = await serve(dist);
const browser = await launch();
const times = SETS.map(() => ({ work: [], frame: [], paint: [] }));
for (let r = 0; r < rounds; r += 1) {
  for (const [i, set] of SETS.entries()) {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(set ? `${server.url}#embed&panels=${set}` : server.url);
    await tab.evaluate(ready);
    const t = await clickTimes(tab, OURS.clickables, clicks);
    times[i].work.push(...t.work);
    times[i].frame.push(...t.frame);
    // Event Timing's click-to-paint, on the raw values (each ≥ 16 ms; see paintTimes).
    const p = await paintTimes(tab, OURS.clickables, clicks, true);
    times[i].paint.push(...p);
    await tab.close();
  }
}
await browser.close();
await server.close();
const result = SETS.map((set, i) => ({
  panels: set ?? 'the whole page',
  work: stats(times[i].work),
  next_frame: stats(times[i].frame),
  to_paint: stats(times[i].paint),
}));
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'panels.json'), `${JSON.stringify(result, null, 2)}\n`);
for (const r of result) {
  console.log(`${r.panels.padEnd(26)} next frame ${r.next_frame.median.toFixed(1)} ms median, ${r.next_frame.p95.toFixed(1)} ms p95 (work ${r.work.median.toFixed(1)} / ${r.work.p95.toFixed(1)})`);
}
