// The size budget: every file the standalone page downloads (index.html and what it links),
// gzipped at level 9 as bench/weight.mjs measures it. Sizes are deterministic, so this is a
// fair test. The target is 150 KB; the page is not there yet, so each build's limit is a
// ratchet at its size today plus a little: no change may make the page heavier unnoticed.
// Lower a limit whenever the page shrinks; raise one only for a measured reason stated in the
// commit. The stable build (scripts/trunk) keeps the standard library's panic machinery, so
// it has a limit of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { root } from './helpers.mjs';

const TARGET_KB = 150;
const LIMIT_KB = { nightly: 243, stable: 264 };

/** The files index.html makes the browser fetch (its own links and scripts), with itself. */
export function pageFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Quoted or not: the release build's index.html is minified.
  const linked = [...html.matchAll(/\s(?:href|src)=(?:"(?:\.?\/)?([^"]+)"|(?:\.?\/)?([^\s">]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((p) => !/^(https?:|data:|#)/.test(p));
  return ['index.html', ...new Set(linked)];
}

/** Which build `dist` holds, as scripts/minify-glue.mjs records it. */
export function buildOf(dist) {
  return readFileSync(join(dist, 'index.html'), 'utf8').match(/contracts-explorer-build"? content="?(\w+)/)?.[1];
}

test(`the standalone page stays within its build's size limit (nightly ${LIMIT_KB.nightly} KB gzip, stable ${LIMIT_KB.stable} KB; target ${TARGET_KB} KB)`, () => {
  const dist = process.env.DIST ?? join(root, 'dist');
  const build = buildOf(dist);
  assert.ok(build in LIMIT_KB, `index.html names its build (stable or nightly), not ${build}`);
  const limit = LIMIT_KB[build];
  const files = pageFiles(dist);
  assert.ok(files.some((f) => f.endsWith('.wasm')), `the page's wasm is among ${files}`);
  assert.ok(files.some((f) => f.endsWith('.js')), `the page's scripts are among ${files}`);
  const sizes = files.map((f) => [f, gzipSync(readFileSync(join(dist, f)), { level: 9 }).length]);
  const total = sizes.reduce((t, [, n]) => t + n, 0);
  const kb = (n) => (n / 1024).toFixed(1);
  const detail = sizes.map(([f, n]) => `${f} ${kb(n)} KB`).join(', ');
  console.log(`page weight, ${build} build: ${kb(total)} KB gzip (${detail}); target ${TARGET_KB} KB, ${kb(total - TARGET_KB * 1024)} KB over`);
  assert.ok(total <= limit * 1024, `${kb(total)} KB gzip is over the ${build} build's ${limit} KB limit: ${detail}`);
});
