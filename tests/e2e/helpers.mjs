// Shared end-to-end helpers: the release build served locally, Chromium, the engine's own totals.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const out = join(here, 'out');
const dist = process.env.DIST ?? join(root, 'dist');
export const cli = join(root, 'target', 'release', 'contracts');
const axe = join(root, 'node_modules', 'axe-core', 'axe.min.js');
mkdirSync(out, { recursive: true });

export const env = { server: null, browser: null };
before(async () => {
  env.server = await serve(dist);
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

/** The engine's own totals for a query, from the command-line summary (of the list in
 *  `file`, where one is given, as `summary --file` reads it). */
export function summary(query, file) {
  const args = file ? ['summary', '--file', file, query] : ['summary', query];
  return JSON.parse(execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

/** Opens the page at `query`, collecting console and page errors in `page.errors`. */
export async function open(query = '', { width = 1280, height = 900, context } = {}) {
  const page = await (context ?? env.browser).newPage({ viewport: { width, height } });
  page.errors = [];
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await recordCspViolations(page);
  await page.goto(env.server.url + (query ? `?${query}` : ''));
  await page.getByTestId('total-value').waitFor();
  return page;
}

/** The headline figures' exact values. */
export async function figures(page) {
  const value = async (id) => page.getByTestId(id).getAttribute('data-value');
  return {
    total_value: Number(await value('total-value')),
    contracts: Number(await value('contracts')),
    awards: Number(await value('awards')),
    lead_providers: Number(await value('lead-providers')),
    voluntary_value_share: (await value('voluntary-share')) === '' ? null : Number(await value('voluntary-share')),
  };
}

/** Asserts the page's figures equal the engine's totals for `query`. */
export async function assertFiguresMatch(page, query, file) {
  const shown = await figures(page);
  const engine = summary(query, file);
  assert.deepEqual(shown, {
    total_value: engine.total_value,
    contracts: engine.contracts,
    awards: engine.awards,
    lead_providers: engine.lead_providers,
    voluntary_value_share: engine.voluntary_value_share,
  }, `figures for "${query}"`);
}

/** The current query string of `page` (a page or a frame), without `?`. The widget writes
 *  the address after the frame that shows a change, so this reads it a frame and a task later. */
export async function query(page) {
  return page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => resolve(location.search.replace(/^\?/, '')), 0));
  }));
}

/** Runs axe-core's WCAG 2.2 A/AA rules and asserts there are no violations. Axe is
 *  evaluated through DevTools, which the page's Content-Security-Policy does not govern. */
export async function assertAccessible(page, state) {
  await page.evaluate(readFileSync(axe, 'utf8'));
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
  });
  assert.deepEqual(violations, [], `axe violations in state "${state}"`);
}

/** Makes every frame of `page` record Content-Security-Policy violations in `window.__csp`. */
export async function recordCspViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** The CSP violations a frame (or page) recorded. */
export async function cspViolations(frame) {
  return frame.evaluate(() => window.__csp ?? ['no recorder']);
}
