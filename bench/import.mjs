// Import benchmark: a large OCDS JSON Lines file opened in the page (the import worker, read
// in parts, a line at a time), against JSON.parse plus a JavaScript loop doing the same
// counting (each award once, as its latest release gives it; the GBP values summed) in a
// worker of the same browser. Ours is timed to the worker's answer (the reading: parsing,
// the rules, the dataset built and packed) and to the view on screen. Medians of RUNS runs
// each, alternated.
// Usage: node bench/import.mjs [MB] [runs] → prints the figures and writes bench/results/import.json.
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const MB = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 3);
const file = join('/tmp', `contracts-import-${MB}mb.jsonl`);

/** A release shaped like Contracts Finder's: buyer, parties with details, a tender with an
 *  item and a document, one award; every tenth an update of the one before. */
function release(i) {
  const n = i % 10 === 9 ? i - 1 : i;
  return JSON.stringify({
    ocid: `ocds-b5fd17-${n}`, id: `ocds-b5fd17-${n}-${i}`, date: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
    tag: ['award'], initiationType: 'tender',
    buyer: { id: `GB-B-${i % 300}`, name: `Buyer ${i % 300} &amp; Partners` },
    parties: [
      { id: `GB-B-${i % 300}`, name: `Buyer ${i % 300} &amp; Partners`, roles: ['buyer'], address: { region: 'London', postalCode: 'SW1A 1AA' } },
      { id: `GB-S-${i % 5000}`, name: `Supplier ${i % 5000} Ltd`, roles: ['supplier'], details: { scale: i % 3 ? 'sme' : 'large', vcse: i % 4 === 0 } },
    ],
    tender: {
      id: `t-${n}`, title: `Services lot ${n}`, description: 'A description of the services. '.repeat(12),
      classification: { scheme: 'CPV', id: '75231240', description: 'Probation services' },
      items: [{ id: '1', deliveryAddresses: [{ region: ['London', 'Wales', 'South East'][i % 3] }] }],
      documents: [{ id: 'notice', url: `https://www.contractsfinder.service.gov.uk/Notice/${n}` }],
      contractPeriod: { startDate: '2026-04-01T00:00:00Z', endDate: '2029-03-31T23:59:59Z' },
    },
    awards: [{ id: `a-${n}`, status: 'active', date: '2026-01-10T00:00:00Z', value: { amount: 1000 + (i % 997), currency: 'GBP' }, suppliers: [{ id: `GB-S-${i % 5000}`, name: `Supplier ${i % 5000} Ltd` }] }],
  });
}

async function write() {
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; bytes < MB * 1e6; i++) {
    const l = release(i) + '\n';
    bytes += Buffer.byteLength(l);
    if (!out.write(l)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

const COUNT = `onmessage = async ({ data: file }) => {
      const t0 = performance.now();
      const text = await file.text();
      const held = new Map();
      for (const line of text.split('\\n')) {
        if (!line) continue;
        const r = JSON.parse(line);
        for (const a of r.awards ?? []) {
          const key = r.ocid + ' ' + a.id;
          const old = held.get(key);
          if (old && old.date > r.date) continue;
          held.set(key, { date: r.date, value: a.status === 'cancelled' ? null : a.value });
        }
      }
      let total = 0, n = 0;
      for (const { value } of held.values()) if (value) { n++; if (value.currency === 'GBP') total += Math.round(value.amount); }
      postMessage({ seconds: (performance.now() - t0) / 1000, n, total });
    };`;

await write();
const size = statSync(file).size;
// Served as a file of the page's origin: the page's policy allows no other worker.
const server = await serve(dist, { extra: { '/bench-count.js': ['text/javascript; charset=utf-8', COUNT] } });
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = [];
const reading = [];
const js = [];
let awards;
for (let run = 0; run < RUNS; run++) {
  // The explorer: from choosing the file to the view of it.
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByTestId('total-value').waitFor();
  const t0 = Date.now();
  await page.getByTestId('open-file').setInputFiles(file);
  await page.getByTestId('own-list').waitFor({ timeout: 600_000 });
  ours.push((Date.now() - t0) / 1000);
  reading.push(await page.evaluate(() => performance.measure('read', 'contracts-list-start', 'contracts-list-read').duration / 1000));
  awards = Number(await page.getByTestId('awards').getAttribute('data-value'));
  await page.close();
  // JavaScript: the whole text, JSON.parse per line, the same counting, in a worker.
  const p2 = await browser.newPage();
  await p2.goto(server.url);
  await p2.getByTestId('total-value').waitFor();
  await p2.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    document.body.append(input);
  });
  await p2.locator('#bench-file').setInputFiles(file);
  const result = await p2.evaluate(async () => {
    const w = new Worker('bench-count.js');
    const file = document.getElementById('bench-file').files[0];
    return new Promise((resolve, reject) => {
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => reject(new Error(e.message));
      w.postMessage(file);
    });
  }).catch((e) => ({ error: String(e) }));
  js.push(result.seconds ?? NaN);
  if (result.error) console.log('JavaScript baseline:', result.error);
  await p2.close();
  console.log(`run ${run + 1}: explorer ${ours.at(-1).toFixed(1)} s to the view (${reading.at(-1).toFixed(1)} s reading), JavaScript ${js.at(-1)?.toFixed?.(1)} s (${result.n} awards)`);
}
await browser.close();
await server.close();
const mbps = (s) => size / 1e6 / s;
const figures = {
  date: new Date().toISOString(), file_mb: +(size / 1e6).toFixed(1), awards, runs: RUNS,
  reading_seconds: median(reading), reading_mb_per_s: +mbps(median(reading)).toFixed(1),
  to_view_seconds: median(ours), to_view_mb_per_s: +mbps(median(ours)).toFixed(1),
  javascript_seconds: median(js), javascript_mb_per_s: +mbps(median(js)).toFixed(1),
  reading_ratio: +(median(reading) / median(js)).toFixed(2),
  to_view_ratio: +(median(ours) / median(js)).toFixed(2),
};
console.log(figures);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'import.json'), JSON.stringify(figures, null, 2) + '\n');
