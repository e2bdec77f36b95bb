// Our widget beside a peer page built the usual way, with dc.js + crossfilter2 (bench/peer/),
// in the same browser and run: weight, startup and interaction for both, and the ratios
// (ours ÷ peer; under 1 means ours is lighter or faster).
// Usage: node bench/peer.mjs [dist] [loads] [clicks] → bench/results/peer.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { measure, OURS } from './browser.mjs';
import { PEER, servePeer } from './peer-page.mjs';
import { weigh, table } from './weight.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = process.argv[2] ?? join(root, 'dist');
const loads = Number(process.argv[3] ?? 20);
const clicks = Number(process.argv[4] ?? 60);

const ours = await serve(dist);
const peer = await servePeer();
const browser = await launch();

const weight = {
  ours: await weigh(browser, ours.url, ours.origin, (p) => p.evaluate(OURS.ready)),
  peer: await weigh(browser, peer.url, peer.origin, (p) => p.evaluate(PEER.ready)),
};
console.log(table('Ours', weight.ours));
console.log(table('Peer (dc.js + crossfilter2)', weight.peer));
// Interleaved, so a slow spell on this shared machine hits both.
const result = { weight, ours: await measure(browser, ours.url, OURS, { loads, clicks }) };
result.peer = await measure(browser, peer.url, PEER, { loads, clicks });
await browser.close();
await ours.close();
await peer.close();

const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;
result.ratios = {
  weight_gzip: ratio(weight.ours.total.gzip, weight.peer.total.gzip),
  weight_brotli: ratio(weight.ours.total.brotli, weight.peer.total.brotli),
  startup_median: ratio(result.ours.startup.unthrottled.median, result.peer.startup.unthrottled.median),
  startup_4x_median: ratio(result.ours.startup.cpu_4x_slower.median, result.peer.startup.cpu_4x_slower.median),
  interaction_median: ratio(result.ours.interaction.next_frame.median, result.peer.interaction.next_frame.median),
  interaction_p95: ratio(result.ours.interaction.next_frame.p95, result.peer.interaction.next_frame.p95),
  to_paint_median: ratio(result.ours.interaction.to_paint.median, result.peer.interaction.to_paint.median),
  to_paint_p95: ratio(result.ours.interaction.to_paint.p95, result.peer.interaction.to_paint.p95),
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'peer.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ours: result.ours, peer: result.peer, ratios: result.ratios }, null, 2));
