// The scale benchmark's page: our engine (wasm, examples/scale.rs) and crossfilter2 over the
// same synthetic awards, the same filter sequence and the same group-bys, run side by side.
// bench/scale.mjs loads it in headless Chromium and calls run(awards, rounds).
import init, { Scale } from './pkg/scale.js';

await init();

/** A crossfilter reduce that counts value, awards and distinct lead providers per group. */
function reducer(provider) {
  return [
    (p, v) => {
      p.value += v.value;
      p.awards += 1;
      const n = p.providers.get(v.provider) ?? 0;
      p.providers.set(v.provider, n + 1);
      return p;
    },
    (p, v) => {
      p.value -= v.value;
      p.awards -= 1;
      const n = p.providers.get(v.provider);
      if (n === 1) p.providers.delete(v.provider); else p.providers.set(v.provider, n - 1);
      return p;
    },
    () => ({ value: 0, awards: 0, providers: new Map() }),
  ];
}

/** The same rows as crossfilter records: one per award, areas and end months as arrays. */
function records(scale) {
  const value = scale.values(), provider = scale.providers(), voluntary = scale.voluntary();
  const region = scale.regions(), category = scale.categories();
  const areas = scale.areas(), areaAt = scale.area_offsets();
  const ends = scale.ends(), endAt = scale.end_offsets();
  const rows = new Array(value.length);
  for (let i = 0; i < value.length; i += 1) {
    rows[i] = {
      value: value[i], provider: provider[i], voluntary: voluntary[i], region: region[i],
      category: category[i],
      areas: Array.from(areas.subarray(areaAt[i], areaAt[i + 1])),
      ends: Array.from(ends.subarray(endAt[i], endAt[i + 1])),
    };
  }
  return rows;
}

/** crossfilter2 set up as a dc.js page would be: filter dimensions and a group per chart. */
function crossfiltered(rows) {
  const cf = crossfilter(rows);
  const [add, remove, init] = reducer();
  const filters = {
    region: cf.dimension((r) => r.region),
    category: cf.dimension((r) => r.category),
    voluntary: cf.dimension((r) => r.voluntary),
    value: cf.dimension((r) => r.value),
  };
  // A group ignores its own dimension's filter, so the charts group on dimensions of their own.
  const groups = [
    cf.dimension((r) => r.region).group(),
    cf.dimension((r) => r.category).group(),
    cf.dimension((r) => r.provider).group(),
    cf.dimension((r) => r.ends, true).group(),
    cf.dimension((r) => r.areas, true).group(),
  ].map((g) => g.reduce(add, remove, init));
  const all = cf.groupAll().reduce(add, remove, init);
  return { filters, groups, all };
}

/** Applies one step's filters (see Scale.step_filters) and reads every group. */
function cfStep(cf, spec) {
  const [regions, categories, voluntary, min] = spec.split(' ');
  const ids = (s) => new Set(s ? s.split(',').map(Number) : []);
  const r = ids(regions), c = ids(categories);
  if (r.size) cf.filters.region.filterFunction((v) => r.has(v)); else cf.filters.region.filterAll();
  if (c.size) cf.filters.category.filterFunction((v) => c.has(v)); else cf.filters.category.filterAll();
  if (voluntary === '1') cf.filters.voluntary.filterExact(1); else cf.filters.voluntary.filterAll();
  if (Number(min) > 0) cf.filters.value.filterRange([Number(min), Infinity]); else cf.filters.value.filterAll();
  let sum = cf.all.value().value, counts = cf.all.value().awards + cf.all.value().providers.size;
  for (const g of cf.groups) {
    for (const { value } of g.all()) {
      sum += value.value;
      counts += value.awards + value.providers.size;
    }
  }
  return { sum, counts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };

/**
 * Builds both over `awards` synthetic awards, checks they agree on every step, then replays
 * the sequence `rounds` times, alternating which goes first, and times every step of each.
 */
window.run = (awards, rounds) => {
  let t = performance.now();
  const scale = new Scale(awards, 1);
  const generate = performance.now() - t;
  const rows = records(scale);
  t = performance.now();
  const cf = crossfiltered(rows);
  const cfSetup = performance.now() - t;
  const steps = scale.steps();
  const specs = Array.from({ length: steps }, (_, i) => scale.step_filters(i));
  for (let i = 0; i < steps; i += 1) {
    const ours = { sum: scale.step(i), counts: scale.counts(i) };
    const theirs = cfStep(cf, specs[i]);
    if (ours.sum !== theirs.sum || ours.counts !== theirs.counts) {
      throw new Error(`step ${i} (${specs[i]}): engine ${JSON.stringify(ours)}, crossfilter ${JSON.stringify(theirs)}`);
    }
  }
  // Per step, the times of each: wasm[i], js[i].
  const wasm = specs.map(() => []), js = specs.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < steps; i += 1) {
      const order = (round + i) % 2 === 0;
      for (const which of order ? ['wasm', 'js'] : ['js', 'wasm']) {
        const t0 = performance.now();
        if (which === 'wasm') scale.step(i); else cfStep(cf, specs[i]);
        (which === 'wasm' ? wasm : js)[i].push(performance.now() - t0);
      }
    }
  }
  scale.free();
  const all = (xs) => xs.flat();
  return {
    awards, steps, rounds, generate_ms: generate, crossfilter_setup_ms: cfSetup,
    engine: { median_ms: median(all(wasm)), p95_ms: p95(all(wasm)), max_ms: Math.max(...all(wasm)) },
    crossfilter: { median_ms: median(all(js)), p95_ms: p95(all(js)), max_ms: Math.max(...all(js)) },
    ratio: median(all(wasm)) / median(all(js)),
    per_step: specs.map((filters, i) => ({
      filters, engine_median_ms: median(wasm[i]), crossfilter_median_ms: median(js[i]),
    })),
  };
};
window.ready = true;
