// Scale benchmark in headless Chromium: our engine compiled to wasm (examples/scale.rs) and
// crossfilter2 over the same synthetic awards, filter sequence and group-bys, in one page.
// Each size first checks that both give the same sums and counts on every step.
// Usage: node bench/scale.mjs [PKG_DIR] [SIZES] → bench/results/scale.json
//   PKG_DIR: wasm-bindgen output for the example (scripts/bench builds it into
//            target/bench-scale); SIZES: comma-separated award counts, default 10000,100000,1000000.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = process.argv[2] ?? join(root, 'target', 'bench-scale');
const sizes = (process.argv[3] ?? '10000,100000,1000000').split(',').map(Number);

const file = (p) => readFileSync(p);
const extra = {
  '/crossfilter.min.js': ['text/javascript', file(join(root, 'node_modules/crossfilter2/crossfilter.min.js'))],
  '/pkg/scale.js': ['text/javascript', file(join(pkg, 'scale.js'))],
  '/pkg/scale_bg.wasm': ['application/wasm', file(join(pkg, 'scale_bg.wasm'))],
};
const server = await serve(join(here, 'scale'), { headers: {}, extra });
const browser = await launch();
const results = [];
for (const awards of sizes) {
  // A fresh page per size, so one size's garbage does not slow the next.
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(e));
  await page.goto(server.url);
  await page.waitForFunction(() => window.ready, null, { timeout: 60_000 });
  const rounds = awards >= 1_000_000 ? 3 : awards >= 100_000 ? 10 : 30;
  const r = await page.evaluate(([n, k]) => window.run(n, k), [awards, rounds]);
  console.log(JSON.stringify(r));
  results.push(r);
  await page.close();
}
await browser.close();
await server.close();
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'scale.json'), `${JSON.stringify(results, null, 2)}\n`);
