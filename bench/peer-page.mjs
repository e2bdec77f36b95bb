// The dc.js + crossfilter2 peer page (bench/peer/): how to serve it and how to tell it is
// drawn, for the benchmarks that run it beside ours (bench/peer.mjs, bench/first-click.mjs).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** The peer page: ready when the figures, all five charts and the table are drawn. */
export const PEER = {
  ready: `new Promise((resolve) => {
    const ready = () => document.getElementById('total-value')?.textContent.includes('£')
      && [...document.querySelectorAll('.grid section > div')]
        .every((c) => c.querySelector('g.row, rect.bar'))
      && document.querySelectorAll('#awards-table tr.dc-table-row').length > 0;
    const check = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`,
  // The same kinds of filter as ours: category, sector and region (a row of a row chart).
  clickables: `['#by-category', '#by-sector', '#by-region']
    .flatMap((id) => [...document.querySelectorAll(id + ' g.row rect')])`,
};

/** Serves the peer page with its libraries from node_modules and our data's CSV files. */
export function servePeer({ gzip = false } = {}) {
  const file = (p) => readFileSync(join(root, p));
  const extra = {
    '/d3.min.js': ['text/javascript', file('node_modules/d3/dist/d3.min.js')],
    '/crossfilter.min.js': ['text/javascript', file('node_modules/crossfilter2/crossfilter.min.js')],
    '/dc.min.js': ['text/javascript', file('node_modules/dc/dist/dc.min.js')],
    '/dc.min.css': ['text/css', file('node_modules/dc/dist/style/dc.min.css')],
  };
  for (const name of readdirSync(join(root, 'www/data')).filter((n) => n.endsWith('.csv'))) {
    extra[`/data/${name}`] = ['text/csv', file(`www/data/${name}`)];
  }
  return serve(join(here, 'peer'), { headers: {}, extra, gzip });
}
