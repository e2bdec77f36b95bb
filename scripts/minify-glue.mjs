// Trunk post-build hook (Trunk.toml): records which build this is (scripts/trunk's stable or
// nightly) in index.html as <meta name="contracts-explorer-build">; and in release builds, minifies the wasm-bindgen glue
// (the page's one JavaScript module Trunk's own minifier fails on) with terser,
// and rewrites its Subresource Integrity hash in index.html to match; and minifies boot.js,
// the loader, whose comments are for readers of the source (it has no integrity hash). Debug
// builds are left as they are. Any surprise (no glue named in index.html, no integrity to
// replace, no boot.js) stops the build with a message rather than shipping a page that
// would not load.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const stop = (message) => {
  console.error(`minify-glue: ${message}`);
  process.exit(1);
};
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) stop('TRUNK_STAGING_DIR is not set: run me as a Trunk hook');
const htmlPath = join(staging, 'index.html');

const build = process.env.CONTRACTS_BUILD;
if (build !== 'stable' && build !== 'nightly') stop('CONTRACTS_BUILD is not set: build with scripts/trunk');
// Before the first <meta>: the release build's minified index.html may have no <head> tag.
const tagged = readFileSync(htmlPath, 'utf8').replace(/<meta/, `<meta name="contracts-explorer-build" content="${build}"><meta`);
if (!tagged.includes('contracts-explorer-build')) stop(`${htmlPath} has no <meta> to record the build beside`);
writeFileSync(htmlPath, tagged);

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const html = readFileSync(htmlPath, 'utf8');
// Trunk's HTML minifier may reorder a tag's attributes and drop their quotes.
const meta = [...html.matchAll(/<meta\s[^>]*>/g)].find((m) => /name="?contracts-explorer-js"?[\s>]/.test(m[0]));
const name = meta?.[0].match(/content="?(?:\.\/)?([\w.-]+\.js)/)?.[1];
if (!name) stop(`${htmlPath} names no glue script (meta contracts-explorer-js)`);

/** The module at `path`, minified by terser. */
async function minified(path, name) {
  const result = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
  if (!result.code) stop(`terser returned nothing for ${name}`);
  return Buffer.from(result.code, 'utf8');
}

const jsPath = join(staging, name);
const before = readFileSync(jsPath);
const after = await minified(jsPath, name);

const oldHash = sri(before);
if (!html.includes(oldHash)) stop(`${htmlPath} has no integrity ${oldHash} for ${name} to replace`);
writeFileSync(jsPath, after);
writeFileSync(htmlPath, html.split(oldHash).join(sri(after)));
console.log(`minify-glue: ${name} ${before.length} → ${after.length} bytes`);

const bootPath = join(staging, 'boot.js');
if (!existsSync(bootPath)) stop(`${bootPath} is missing: index.html copies www/boot.js`);
const boot = await minified(bootPath, 'boot.js');
console.log(`minify-glue: boot.js ${readFileSync(bootPath).length} → ${boot.length} bytes`);
writeFileSync(bootPath, boot);
