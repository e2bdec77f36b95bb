// Prints BENCHMARKS.md's tables from bench/results/ (scripts/bench's JSON): the current
// figures, each beside the peer's from the same run, and the page's weight file by file.
//   node bench/table.mjs [results-dir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? join(import.meta.dirname, 'results');
const read = (name) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
const peer = read('peer');
const browser = read('browser');
const big = read('browser-100k');
const first = read('first-click');
const phone = read('slow-phone');
const scale = read('scale');
const interactions = read('interactions');
const interactions100k = read('interactions-100k');
const weight = read('weight');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => `${x >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toFixed(1)} ms`;
const pair = (s) => `${ms(s.median)} / ${ms(s.p95)}`;
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '–');
const floor = browser.floor.interaction.to_paint;
const above = (s) => ({ median: Math.max(0, s.median - floor.median), p95: Math.max(0, s.p95 - floor.p95) });
// An interactions file: one entry per kind of interaction, beside its `dist` and `loads`.
const kinds = (table) => Object.values(table).filter((s) => typeof s === 'object' && 'max' in s);
const worst = (table) => kinds(table).reduce((m, s) => Math.max(m, s.max), 0);
const over = (table) => kinds(table).reduce((n, s) => n + s.over_100_ms, 0);
const count = (table) => kinds(table).reduce((n, s) => n + s.n, 0);
const [s10k, s100k, s1m] = scale;
const worstStep = (s) => Math.max(...s.per_step.map((p) => p.engine_median_ms));

const rows = [
  ['page weight, gzip (nightly build)', '≤ 150 KB', kb(peer.weight.ours.total.gzip), kb(peer.weight.peer.total.gzip),
    ratio(peer.weight.ours.total.gzip, peer.weight.peer.total.gzip)],
  ['startup, median (4× CPU throttling)', '–', `${ms(peer.ours.startup.unthrottled.median)} (${ms(peer.ours.startup.cpu_4x_slower.median)})`,
    `${ms(peer.peer.startup.unthrottled.median)} (${ms(peer.peer.startup.cpu_4x_slower.median)})`,
    `${ratio(peer.ours.startup.unthrottled.median, peer.peer.startup.unthrottled.median)} (${ratio(peer.ours.startup.cpu_4x_slower.median, peer.peer.startup.cpu_4x_slower.median)})`],
  ['a filter click: its own work, median / p95', '16 ms', pair(peer.ours.interaction.work), pair(peer.peer.interaction.work),
    `${ratio(peer.ours.interaction.work.median, peer.peer.interaction.work.median)} / ${ratio(peer.ours.interaction.work.p95, peer.peer.interaction.work.p95)}`],
  ['a filter click: to paint above the floor page\'s, median / p95', '16 ms', pair(above(peer.ours.interaction.to_paint)), pair(above(peer.peer.interaction.to_paint)),
    `${ratio(above(peer.ours.interaction.to_paint).median, above(peer.peer.interaction.to_paint).median)} / ${ratio(above(peer.ours.interaction.to_paint).p95, above(peer.peer.interaction.to_paint).p95)}`],
  ['the first click after a load, to paint, median / max', '–', `${ms(first.ours_2021.first_click_to_paint.median)} / ${ms(first.ours_2021.first_click_to_paint.max)}`,
    `${ms(first.peer_2021.first_click_to_paint.median)} / ${ms(first.peer_2021.first_click_to_paint.max)}`,
    ratio(first.ours_2021.first_click_to_paint.median, first.peer_2021.first_click_to_paint.median)],
  ['slow phone: first paint / complete, median', '–', `${ms(phone.ours.first_contentful_paint.median)} / ${ms(phone.ours.complete.median)}`,
    `${ms(phone.peer.first_contentful_paint.median)} / ${ms(phone.peer.complete.median)}`,
    `${phone.ratios.first_contentful_paint_median.toFixed(2)} / ${phone.ratios.complete_median.toFixed(2)}`],
  ['engine per filter change, median, 10k / 100k / 1M awards (crossfilter2 as the peer)', 'below the peer',
    [s10k, s100k, s1m].map((s) => ms(s.engine.median_ms)).join(' / '), [s10k, s100k, s1m].map((s) => ms(s.crossfilter.median_ms)).join(' / '),
    [s10k, s100k, s1m].map((s) => s.ratio.toFixed(2)).join(' / ')],
  ['engine, slowest step / slowest change, 100k awards', '≤ 16 ms', `${ms(worstStep(s100k))} / ${ms(s100k.engine.max_ms)}`, `${ms(Math.max(...s100k.per_step.map((p) => p.crossfilter_median_ms)))} / ${ms(s100k.crossfilter.max_ms)}`, '–'],
  ['engine, slowest step / slowest change, 1M awards', '≤ 50 ms', `${ms(worstStep(s1m))} / ${ms(s1m.engine.max_ms)}`, `${ms(Math.max(...s1m.per_step.map((p) => p.crossfilter_median_ms)))} / ${ms(s1m.crossfilter.max_ms)}`, '–'],
  ['100k awards built in: a filter click to paint, median / max', '≤ 100 ms', `${ms(big.interaction.to_paint.median)} / ${ms(big.interaction.to_paint.max)}`, '–', '–'],
  ['100k awards: the first click after a load, median / max (over 100 ms)', '≤ 100 ms',
    `${ms(first.ours_100k.first_click_to_paint.median)} / ${ms(first.ours_100k.first_click_to_paint.max)} (${first.ours_100k.first_clicks_over_100_ms} of ${first.ours_100k.first_click_to_paint.n})`, '–', '–'],
  ['100k awards: every other kind of interaction, slowest (over 100 ms)', '≤ 100 ms', `${ms(worst(interactions100k))} (${over(interactions100k)} of ${count(interactions100k)})`, '–', '–'],
  ['2021 data: every other kind of interaction, slowest (over 100 ms)', '–', `${ms(worst(interactions))} (${over(interactions)} of ${count(interactions)})`, '–', '–'],
];

console.log('| measure | target | ours | dc.js peer, same run | ours ÷ peer |');
console.log('|---|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nThe floor page (a click that writes one line), same run: its click to paint ${pair(floor)}, to the next frame ${pair(browser.floor.interaction.next_frame)}.`);

const name = (path) => (path === '/' ? 'index.html' : path.slice(1).replace(/-[0-9a-f]{12,}/, '-HASH'));
console.log('\n| file (standalone page) | raw | gzip | brotli |');
console.log('|---|---:|---:|---:|');
for (const f of weight.standalone.files) console.log(`| \`${name(f.path)}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
const t = weight.standalone.total;
console.log(`| **total** | ${kb(t.raw)} | **${kb(t.gzip)}** | ${kb(t.brotli)} |`);
const e = weight.embed.total;
console.log(`\nEmbedded (the host page's \`embed.js\` and the frame's files): ${kb(e.gzip)} gzip.`);
