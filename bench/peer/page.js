// The benchmark's peer page: the 2021 contracts from the same CSV files, shown the way a
// dc.js + crossfilter2 dashboard would (figures, row and bar charts by the same dimensions,
// a table). Transitions are off, so a click's update is complete when dc.js returns.
// bench/peer.mjs measures it beside our widget. Used only by the benchmark.
/* global d3, crossfilter, dc */
(async () => {
  const csv = (name) => d3.csv(`data/${name}.csv`);
  const [awards, providers, regions, categories] = await Promise.all(
    ['awards', 'providers', 'regions', 'categories'].map(csv),
  );
  // A published provider name matches a provider's name or one of its other spellings.
  const norm = (s) => s.replace(/[\u2018\u2019]/g, "'").trim().toLowerCase();
  const provider = new Map();
  for (const p of providers) {
    for (const name of [p.name, ...p.other_spellings.split(';')]) if (name.trim()) provider.set(norm(name), p);
  }
  const regionName = new Map(regions.map((r) => [r.slug, r.name]));
  const category = new Map(categories.map((c) => [c.slug, c]));
  const rows = awards.map((a) => {
    const p = provider.get(norm(a.provider));
    if (!p) throw new Error(`award ${a.id}: no provider called ${a.provider}`);
    return {
      region: regionName.get(a.region), category: category.get(a.category).name,
      provider: p.name, sector: p.sector, value: Number(a.value),
      end: category.get(a.category).scheduled_end.slice(0, 7),
    };
  });

  dc.config.defaultColors(d3.schemeTableau10);
  const cf = crossfilter(rows);
  const pounds = (v) => `£${d3.format(',.0f')(v)}`;
  const value = (dim) => dim.group().reduceSum((r) => r.value);
  const all = cf.groupAll().reduce(
    (p, r) => ({ value: p.value + r.value, voluntary: p.voluntary + (r.sector === 'voluntary' ? r.value : 0), n: p.n + 1 }),
    (p, r) => ({ value: p.value - r.value, voluntary: p.voluntary - (r.sector === 'voluntary' ? r.value : 0), n: p.n - 1 }),
    () => ({ value: 0, voluntary: 0, n: 0 }),
  );
  const figure = (id, f, format) => dc.numberDisplay(`#${id}`).group(all).valueAccessor(f).formatNumber(format);
  figure('total-value', (p) => p.value, pounds);
  figure('awards', (p) => p.n, d3.format(','));
  figure('voluntary-share', (p) => (p.value ? p.voluntary / p.value : 0), d3.format('.0%'));

  const row = (id, key, height) => {
    const dim = cf.dimension(key);
    const chart = dc.rowChart(`#${id}`).width(420).height(height).dimension(dim).group(value(dim))
      .elasticX(true).title((d) => `${d.key}: ${pounds(d.value)}`);
    chart.xAxis().ticks(4).tickFormat(d3.format('~s'));
    return chart;
  };
  row('by-region', (r) => r.region, 300);
  row('by-category', (r) => r.category, 160);
  row('by-sector', (r) => r.sector, 100);
  row('by-provider', (r) => r.provider, 600);
  const end = cf.dimension((r) => r.end);
  dc.barChart('#by-end').width(420).height(200).dimension(end).group(value(end))
    .x(d3.scaleBand()).xUnits(dc.units.ordinal).elasticY(true)
    .yAxis().tickFormat(d3.format('~s'));

  dc.dataTable('#awards-table').dimension(cf.dimension((r) => r.value)).size(Infinity)
    .columns([
      { label: 'Region', format: (r) => r.region },
      { label: 'Category', format: (r) => r.category },
      { label: 'Lead provider', format: (r) => r.provider },
      { label: 'Value', format: (r) => pounds(r.value) },
    ])
    .order(d3.descending).section(() => '').showSections(false);

  for (const chart of dc.chartRegistry.list()) chart.transitionDuration(0);
  dc.renderAll();
})();
