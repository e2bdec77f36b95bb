// Weight benchmark: every byte a visitor's browser downloads for the standalone page and for
// an embed, per file, raw, gzip (level 9) and brotli (quality 11). Loads the release build in
// headless Chromium and records the responses, so nothing the page fetches is missed.
// Usage: node bench/weight.mjs [dist-folder] → prints a table and writes bench/results/weight.json.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? join(here, '..', 'dist');

/** Raw, gzip and brotli sizes of a body. */
export function sizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Loads `url` and returns each downloaded file (same origin) with its sizes, and the totals. */
export async function weigh(browser, url, origin, ready) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const files = new Map();
  // Bodies still being read when the network falls idle (the favicon, last to arrive, was
  // sometimes lost to the page closing first).
  const reading = [];
  page.on('response', (r) => {
    if (!r.url().startsWith(origin) || r.status() !== 200) return;
    reading.push(r.body().then(
      (body) => files.set(new URL(r.url()).pathname, sizes(body)),
      () => { /* a navigation replaced the page: nothing downloaded */ },
    ));
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(reading);
  await page.close();
  const list = [...files].map(([path, s]) => ({ path, ...s })).sort((a, b) => b.gzip - a.gzip);
  const total = list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { files: list, total };
}

const kb = (n) => (n / 1024).toFixed(1);

export function table(title, w) {
  const rows = w.files.map((f) => `| \`${f.path.replace(/-[0-9a-f]{16}/, '-HASH')}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  return [`**${title}** (KB = 1,024 bytes)`, '', '| file | raw KB | gzip KB | brotli KB |', '|---|---:|---:|---:|', ...rows,
    `| **total** | **${kb(w.total.raw)}** | **${kb(w.total.gzip)}** | **${kb(w.total.brotli)}** |`].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // No Content-Security-Policy here: the stand-in host page must be allowed to frame the widget.
  const server = await serve(dist, {
    headers: {},
    extra: {
      '/bench-host.html': ['text/html; charset=utf-8',
        '<!doctype html><title>host</title><div data-contracts-explorer data-view="category=womens"></div><script src="embed.js" async></script>'],
    },
  });
  const browser = await launch();
  const page = await weigh(browser, server.url, server.origin, (p) => p.getByTestId('total-value').waitFor());
  const embed = await weigh(browser, `${server.url}bench-host.html`, server.origin,
    (p) => p.frameLocator('iframe').getByTestId('total-value').waitFor());
  // The host page itself is the charity's, not ours.
  embed.files = embed.files.filter((f) => f.path !== '/bench-host.html');
  embed.total = embed.files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  await browser.close();
  await server.close();
  const result = { standalone: page, embed };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'weight.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(table('Standalone page', page));
  console.log();
  console.log(table('Embed (embed.js and the framed widget)', embed));
}
