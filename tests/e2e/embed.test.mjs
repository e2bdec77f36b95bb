// The widget embedded in a campaign page on another origin, both under strict CSPs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';
import { twoOrigins } from './hosts.mjs';
import { out, root, summary, query, recordCspViolations, cspViolations } from './helpers.mjs';

/** Source of `randomMessages(n)`: shapes a careless or hostile sender might post. */
const RANDOM_MESSAGES = `
function randomMessages(n) {
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const values = [null, undefined, 0, -1, 1e9, NaN, Infinity, '', 'x', '12', true, [], {}, [1, 2], { height: 5 }, 'region=narnia', '<img src=x onerror=alert(1)>', 'a'.repeat(5000)];
  const types = ['contracts-explorer:height', 'contracts-explorer:state', 'contracts-explorer:', 'contracts-explorer:other', 'other', '', 7, null];
  const ids = ['p', 'womens', 'private', 'ce1', '', null, 1];
  // Well-formed forgeries first: only the origin and source checks can stop these.
  const out = ['p', 'womens', 'private', 'ce1'].flatMap((id) => [
    { type: 'contracts-explorer:height', id, height: 5 },
    { type: 'contracts-explorer:state', id, query: 'region=london' },
  ]);
  for (let i = 0; i < n; i += 1) {
    const kind = Math.random();
    if (kind < 0.2) out.push(pick(values));
    else out.push({ type: pick(types), id: pick(ids), height: pick(values), query: pick(values), [pick(['x', '__proto__', 'constructor'])]: pick(values) });
  }
  return out;
}`;

let o;
let browser;
let attacker;
let snippet = '';
before(async () => {
  o = await twoOrigins(
    {
      '/snippet.html': () => snippet,
      '/crcs.html': '<div data-contracts-explorer data-id="crcs" data-view="data=tr-crcs&amp;region=wales" data-height="900"></div>',
      '/cy.html': '<div data-contracts-explorer data-id="cy" data-lang="cy" data-view="region=wales" data-height="900"></div>',
      '/plain.html': '<p>Top</p><div data-contracts-explorer data-id="p" data-view="region=wales" data-height="700"></div><p id="below">Below</p>' },
    {
      // A page on the widget's origin that the loader did not frame, posting random messages.
      '/__fuzz.html': ['text/html', '<!doctype html><title>f</title><script src="/__random.js"></script><script src="/__fuzz.js"></script>'],
      '/__random.js': ['text/javascript', RANDOM_MESSAGES],
      '/__fuzz.js': ['text/javascript', 'for (const m of randomMessages(300)) parent.postMessage(m, "*");'],
    },
  );
  browser = await launch();
  // A third origin that tries to talk to the host page.
  attacker = await serve(join(root, 'tests', 'e2e'), {
    extra: {
      '/attack.html': ['text/html', '<!doctype html><title>a</title><script src="/attack.js"></script>'],
      '/attack.js': ['text/javascript', "parent.postMessage({ type: 'contracts-explorer:height', id: 'womens', height: 7 }, '*');"],
      '/fuzz.html': ['text/html', '<!doctype html><title>f</title><script src="/random.js"></script><script src="/fuzz.js"></script>'],
      '/random.js': ['text/javascript', RANDOM_MESSAGES],
      '/fuzz.js': ['text/javascript', 'for (const m of randomMessages(300)) parent.postMessage(m, "*");'],
    },
  });
});
after(async () => {
  await browser?.close();
  await o?.close();
  await attacker?.close();
});

/** Opens a host page, waiting for every embed to show its figures. */
async function host(path = '', { context, width = 1280, height = 900 } = {}) {
  const page = await (context ?? browser).newPage({ viewport: { width, height } });
  page.errors = [];
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await recordCspViolations(page);
  await page.goto(o.host.url + path);
  const frames = page.locator('iframe');
  const n = await frames.count();
  for (let i = 0; i < n; i += 1) {
    await frames.nth(i).scrollIntoViewIfNeeded();
    await page.frameLocator('iframe').nth(i).getByTestId('total-value').waitFor();
  }
  return page;
}

/** The widget frame inside the host page. */
function widget(page, i = 0) {
  return page.frames().filter((f) => f.url().startsWith(o.widget.origin))[i];
}

async function heights(page, i = 0) {
  const frameHeight = await page.locator('iframe').nth(i).evaluate((f) => f.getBoundingClientRect().height);
  const content = await widget(page, i).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  return { frameHeight, content };
}

async function settledHeights(page, i = 0) {
  await page.waitForFunction(([i]) => {
    const f = document.querySelectorAll('iframe')[i];
    return f && Math.abs(f.getBoundingClientRect().height - parseFloat(f.style.height)) < 1;
  }, [i]);
  for (let tries = 0; tries < 50; tries += 1) {
    const h = await heights(page, i);
    if (Math.abs(h.frameHeight - h.content) <= 1) return h;
    await page.waitForTimeout(50);
  }
  return heights(page, i);
}

test('the loader is small and the embeds open on their preset views', async () => {
  const loader = readFileSync(join(root, 'www', 'embed.js'));
  assert.ok(gzipSync(loader).length <= 3072, `embed.js is ${gzipSync(loader).length} bytes gzipped`);
  const page = await host('');
  assert.equal(await page.locator('iframe').count(), 2);
  assert.equal(await page.locator('iframe').first().getAttribute('title'), "Explorer: women's services contracts");
  assert.equal(await page.locator('iframe').first().getAttribute('loading'), 'lazy');
  const womens = widget(page, 0);
  assert.equal(Number(await womens.getByTestId('total-value').getAttribute('data-value')), summary('category=womens').total_value);
  assert.equal(await womens.getByTestId('chart-region').count(), 0, 'panels not asked for are not shown');
  assert.equal(await womens.getByTestId('chart-provider').count(), 1);
  const accent = await womens.locator('[data-testid="copy-link"]').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(accent, 'rgb(138, 31, 92)', 'the charity\'s accent colour');
  const privateFrame = widget(page, 1);
  assert.equal(Number(await privateFrame.getByTestId('awards').getAttribute('data-value')), summary('sector=private').awards);
  assert.equal(await privateFrame.getByTestId('filter-panel').count(), 0);
  await page.screenshot({ path: join(out, 'embed-demo-1280.png') });
  await page.close();
});

test('an embed opens another dataset from its data-view, fetched from the widget\'s own origin', async () => {
  const page = await host('crcs.html');
  const w = widget(page, 0);
  assert.equal(await w.getByTestId('awards').getAttribute('data-value'), '2');
  assert.equal(await w.getByTestId('contracts').getAttribute('data-value'), '1');
  assert.equal(await w.getByTestId('total-value').innerText(), 'Not published');
  assert.ok(o.widget.requests.includes('/data/tr-crcs/dataset.bin'));
  assert.deepEqual(await cspViolations(w), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an embed with data-lang="cy" is in Welsh from its frame\'s title on, whatever the browser prefers', async () => {
  const page = await host('cy.html');
  assert.equal(await page.locator('iframe').first().getAttribute('title'), 'Archwiliwr contractau prawf');
  const w = widget(page, 0);
  assert.equal(await w.evaluate(() => document.documentElement.lang), 'cy');
  assert.equal(await w.getByTestId('awards').getAttribute('data-value'), String(summary('region=wales').awards));
  assert.match(await w.getByTestId('sentence').innerText(), /^Yn yr ardal a ddewiswyd \(Cymru\), dyfarnwyd contractau/);
  assert.deepEqual(await cspViolations(w), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('at any width the embedded table shows all its columns without hidden sideways scrolling', async () => {
  for (const width of [1000, 1100, 1200, 1440]) {
    const page = await host('', { width });
    const w = widget(page, 0);
    const frameWidth = await page.locator('iframe').first().evaluate((f) => f.getBoundingClientRect().width);
    assert.ok(await w.getByTestId('filter-panel').isVisible(), 'the filters are shown');
    const table = await w.locator('.table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(table.scroll <= table.client + 1,
      `a frame ${frameWidth} px wide: the table is ${table.scroll} px in a panel of ${table.client}`);
    if (width === 1100) await page.screenshot({ path: join(out, `embed-demo-${width}.png`), fullPage: true });
    await page.close();
  }
});

test('the frame is as tall as its content, after load and after filtering, without shifting the host page', async () => {
  const page = await host('plain.html');
  await page.evaluate(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  let h = await settledHeights(page);
  assert.ok(Math.abs(h.frameHeight - h.content) <= 1, JSON.stringify(h));
  const before = h.content;
  await widget(page).locator('#facet-service-category-ete').check();
  await page.waitForFunction((b) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - b) > 1, before);
  h = await settledHeights(page);
  assert.ok(Math.abs(h.frameHeight - h.content) <= 1, JSON.stringify(h));
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls < 0.1, `cumulative layout shift ${cls}`);
  await page.close();
});

test('messages forged from another origin, another frame or the page itself change nothing', async () => {
  const page = await host('plain.html');
  const h = await settledHeights(page);
  // From the host page itself (wrong origin).
  await page.evaluate(() => window.postMessage({ type: 'contracts-explorer:height', id: 'p', height: 5 }, '*'));
  // From a frame on a third origin.
  await page.evaluate((src) => new Promise((r) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.onload = () => setTimeout(r, 200);
    document.body.append(f);
  }), `${attacker.url}attack.html`);
  // From the widget's origin, but a window the loader did not create, and malformed shapes.
  await widget(page).evaluate(() => {
    parent.postMessage({ type: 'contracts-explorer:height', id: 'other', height: 9 }, '*');
    parent.postMessage({ type: 'contracts-explorer:height', id: 'p', height: 'tall' }, '*');
    parent.postMessage({ type: 'contracts-explorer:height', id: 'p', height: 1e9 }, '*');
    parent.postMessage('contracts-explorer:height', '*');
    parent.postMessage(null, '*');
  });
  await page.waitForTimeout(300);
  const after = await heights(page);
  assert.equal(after.frameHeight, h.frameHeight);
  assert.equal(page.url(), `${o.host.url}plain.html`, 'the host URL is untouched without data-sync-url');
  assert.ok(page.frames().some((f) => f.url().startsWith(attacker.origin)), 'the attacker frame loaded');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('with data-sync-url the view is mirrored into the host URL, and that URL opens the same view', async () => {
  const page = await host('');
  const womens = widget(page, 0);
  await womens.getByTestId('chart-provider').locator('button.hit[data-key="changing-lives"]').click();
  await page.waitForFunction(() => location.hash.includes('ce-womens='));
  const url = page.url();
  assert.match(url, /#ce-womens=category%3Dwomens%26provider%3Dchanging-lives$/);
  const expected = await womens.getByTestId('total-value').getAttribute('data-value');
  assert.equal(Number(expected), summary('category=womens&provider=changing-lives').total_value);
  const again = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await again.goto(url);
  await again.frameLocator('iframe').first().getByTestId('total-value').waitFor();
  assert.equal(await again.frameLocator('iframe').first().getByTestId('total-value').getAttribute('data-value'), expected);
  // The other embed is not synced and keeps its preset.
  await again.locator('iframe').nth(1).scrollIntoViewIfNeeded();
  await again.frameLocator('iframe').nth(1).getByTestId('total-value').waitFor();
  assert.equal(Number(await again.frameLocator('iframe').nth(1).getByTestId('awards').getAttribute('data-value')), summary('sector=private').awards);
  await again.close();
  await page.close();
});

test('the embed code copied from the widget reproduces the view', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: o.widget.origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: o.host.origin });
  const page = await host('plain.html', { context });
  const w = widget(page);
  await w.locator('#facet-service-category-womens').check();
  await w.getByTestId('copy-embed').click();
  // The frame may write to the clipboard (allow="clipboard-write") but not read it; the page reads.
  for (let i = 0; i < 50 && !snippet.includes('embed.js'); i += 1) {
    await page.waitForTimeout(50);
    snippet = await page.evaluate(() => navigator.clipboard.readText());
  }
  assert.match(snippet, /^<div data-contracts-explorer data-view="region=wales&amp;category=womens"><\/div>\n<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
  const expected = await w.getByTestId('total-value').getAttribute('data-value');
  const other = await host('snippet.html', { context });
  assert.equal(await widget(other).getByTestId('total-value').getAttribute('data-value'), expected);
  await context.close();
});

test('no CSP violations, no requests off the widget\'s origin, no cookies or storage, and it works offline after load', async () => {
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push([r.frame().url(), r.url()]));
  const page = await host('', { context });
  const w = widget(page, 0);
  await w.getByTestId('chart-timeline').locator('button.hit').first().click();
  assert.deepEqual(await cspViolations(page), []);
  for (const f of page.frames()) assert.deepEqual(await cspViolations(f), [], f.url());
  assert.deepEqual(page.errors, []);
  for (const [frame, url] of requests) {
    const allowed = frame.startsWith(o.widget.origin) ? [o.widget.origin] : [o.host.origin, o.widget.origin];
    assert.ok(allowed.includes(new URL(url).origin), `${frame} requested ${url}`);
  }
  assert.deepEqual(await w.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]), ['', 0, 0]);
  assert.deepEqual(await context.cookies(), []);
  await context.setOffline(true);
  await w.locator('#facet-lead-provider-s-sector-voluntary').check();
  assert.equal(Number(await w.getByTestId('awards').getAttribute('data-value')), summary(await query(w)).awards);
  await context.close();
});

test('a chart downloads as a PNG and the table as a CSV carrying the filters, source and date', async () => {
  const page = await host('plain.html');
  const w = widget(page);
  await w.locator('#facet-service-category-womens').check();
  const [png] = await Promise.all([page.waitForEvent('download'), w.getByTestId('chart-provider-png').click()]);
  const pngPath = join(out, 'export-chart.png');
  await png.saveAs(pngPath);
  const bytes = readFileSync(pngPath);
  assert.deepEqual([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  assert.equal(bytes.readUInt32BE(16), 1600, 'drawn at twice the 800 px layout width');
  const [csv] = await Promise.all([page.waitForEvent('download'), w.getByTestId('download-csv').click()]);
  const csvPath = join(out, 'export.csv');
  await csv.saveAs(csvPath);
  const text = readFileSync(csvPath, 'utf8');
  assert.equal(csv.suggestedFilename(), 'probation-contracts-2021-region-wales-category-womens.csv');
  const rows = text.trim().split(/\r\n/);
  assert.match(rows[0], /^id,region,/);
  assert.ok(rows.slice(1).every((l) => /Women's services/.test(l) && /,"Ministry of Justice, 21 May 2021",/.test(l) && /region=wales&category=womens,2021-05-21$/.test(l)), rows[1]);
  await page.close();
});

test('the widget works from a sub-folder (relative asset paths)', async () => {
  const site = await serve(root);
  const page = await browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${site.url}dist/?region=wales`);
  await page.getByTestId('total-value').waitFor();
  assert.equal(Number(await page.getByTestId('awards').getAttribute('data-value')), summary('region=wales').awards);
  assert.ok(site.requests.filter((r) => !r.startsWith('/dist/') && r !== '/favicon.ico').length === 0, site.requests.join(' '));
  assert.deepEqual(page.errors, []);
  await page.close();
  await site.close();
});

test('random messages from every side are ignored by the loader and the widget', async () => {
  const page = await host('plain.html');
  const h = await settledHeights(page);
  const w = widget(page);
  const before = { url: page.url(), query: await w.evaluate(() => location.search), awards: await w.getByTestId('awards').getAttribute('data-value') };
  // From the host page to itself and into the widget's frame.
  const randomMessages = new Function(`${RANDOM_MESSAGES}; return randomMessages;`)();
  await page.evaluate((messages) => {
    const frame = document.querySelector('iframe').contentWindow;
    for (const m of messages) { window.postMessage(m, '*'); frame.postMessage(m, '*'); }
  }, randomMessages(300));
  // From a third origin, and from a frame on the widget's origin that the loader did not create.
  for (const src of [`${attacker.url}fuzz.html`, `${o.widget.url}__fuzz.html`]) {
    await page.evaluate((src) => new Promise((r) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.onload = () => setTimeout(r, 300);
      document.body.append(f);
    }), src);
  }
  await page.waitForTimeout(300);
  assert.equal(page.frames().filter((f) => f.url().includes('fuzz.html')).length, 2, 'both fuzzing frames loaded');
  const after = await heights(page);
  assert.equal(after.frameHeight, h.frameHeight);
  assert.equal(page.url(), before.url);
  assert.equal(await w.evaluate(() => location.search), before.query);
  assert.equal(await w.getByTestId('awards').getAttribute('data-value'), before.awards);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone the demo page reserves about its embeds\' real heights, so loading them shifts little', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__shifts = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (!e.hadRecentInput) window.__cls += e.value;
        window.__shifts.push(`${e.value.toFixed(3)} at ${Math.round(e.startTime)} ms: ${e.sources.map((s) => `${s.node?.nodeName} ${s.previousRect.y}→${s.currentRect.y}`).join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(o.host.url);
  // The page's stylesheet reserves the phone heights before the loader runs.
  const reserved = await page.locator('[data-contracts-explorer]').evaluateAll((es) => es.map((e) => getComputedStyle(e).minHeight));
  assert.deepEqual(reserved, ['9200px', '2650px']);
  for (let i = 0; i < 2; i += 1) {
    await page.locator('iframe').nth(i).scrollIntoViewIfNeeded();
    await page.frameLocator('iframe').nth(i).getByTestId('total-value').waitFor();
  }
  const h = await settledHeights(page, 0);
  assert.ok(Math.abs(h.content - 9200) / 9200 < 0.15, JSON.stringify(h));
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls < 0.1, `cumulative layout shift ${cls}: ${await page.evaluate(() => window.__shifts.join('; '))}`);
  await page.close();
});

test('a synced embed: a broken deep link keeps its own view, the fragment can change it, and its copied link opens the host page', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: o.host.origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: o.widget.origin });
  const page = await host('#ce-womens=region%3Datlantis', { context });
  const w = () => widget(page, 0);
  // Nothing in the deep link is usable: the embed's own view (category=womens), and a notice.
  assert.equal(Number(await w().getByTestId('total-value').getAttribute('data-value')), summary('category=womens').total_value);
  assert.match(await w().getByTestId('link-warnings').innerText(), /atlantis/);
  // Following a link to another view of the same page opens the embed at it.
  await page.evaluate(() => { location.hash = 'ce-womens=category%3Dwomens%26region%3Dwales'; });
  await page.waitForFunction(() => document.querySelector('iframe').src.includes('region=wales'));
  await page.frameLocator('iframe').first().getByTestId('total-value').waitFor();
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && !(w()?.url() ?? '').includes('region=wales'); i += 1) await page.waitForTimeout(100);
  await w().getByTestId('total-value').waitFor();
  assert.equal(Number(await w().getByTestId('total-value').getAttribute('data-value')), summary('category=womens&region=wales').total_value);
  // "Copy link" gives the campaign page at this view, not the bare widget.
  await w().getByTestId('copy-link').click();
  await w().waitForFunction(() => document.querySelector('.copied')?.textContent === 'Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${o.host.url}#ce-womens=region%3Dwales%26category%3Dwomens`);
  await context.close();
});
