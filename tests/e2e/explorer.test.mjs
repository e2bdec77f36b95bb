// The explorer as a visitor uses it: click bars, tick boxes, type, use the keyboard, go back,
// reload, share a link, download the CSV; every state accessible and free of console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, open, out, query, summary, assertFiguresMatch, assertAccessible } from './helpers.mjs';

test('clicking a bar filters by it, and the URL and figures follow', async () => {
  const page = await open('');
  await assertAccessible(page, 'default');
  await page.getByTestId('chart-region').locator('button.hit[data-key="wales"]').click();
  assert.equal(await query(page), 'region=wales');
  await assertFiguresMatch(page, 'region=wales');
  await page.getByTestId('chart-category').locator('button.hit[data-key="womens"]').click();
  assert.equal(await query(page), 'region=wales&category=womens');
  await assertFiguresMatch(page, 'region=wales&category=womens');
  await page.getByTestId('chart-timeline').locator('button.hit[data-key="2023-06"]').click();
  assert.equal(await query(page), 'region=wales&category=womens&end-from=2023-06&end-to=2023-06');
  await assertFiguresMatch(page, await query(page));
  await assertAccessible(page, 'filtered by chart clicks');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a chart bar can be reached and used by keyboard alone', async () => {
  const page = await open('');
  let found = false;
  for (let i = 0; i < 200 && !found; i += 1) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement.closest('[data-testid="chart-region"] .hits') !== null);
  }
  assert.ok(found, 'Tab reaches the region chart\'s bars');
  // The chart is one stop: the arrow keys walk its bars to London.
  for (let i = 0; i < 12; i += 1) {
    if (await page.evaluate(() => document.activeElement.dataset.key) === 'london') break;
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'london');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await query(page), 'region=london');
  await assertFiguresMatch(page, 'region=london');
  await page.close();
});

test('ticking options filters, counts follow, chips remove filters, and back and forward step through', async () => {
  const page = await open('');
  const categories = page.getByTestId('facet-service-category');
  assert.match(await categories.innerText(), /Women's services 24 awards/);
  await page.locator('#facet-service-category-accommodation').check();
  assert.equal(await query(page), 'category=accommodation');
  await page.locator('#facet-lead-provider-s-sector-voluntary').check();
  assert.equal(await query(page), 'category=accommodation&sector=voluntary');
  await assertFiguresMatch(page, 'category=accommodation&sector=voluntary');
  // Region counts now say what each region would give alongside these filters.
  assert.match(await page.getByTestId('facet-probation-region').innerText(), /Wales 2 awards/);
  await page.goBack();
  assert.equal(await query(page), 'category=accommodation');
  await assertFiguresMatch(page, 'category=accommodation');
  await page.goForward();
  assert.equal(await query(page), 'category=accommodation&sector=voluntary');
  await page.getByRole('button', { name: 'Remove filter Category: Accommodation' }).click();
  assert.equal(await query(page), 'sector=voluntary');
  await page.getByTestId('clear-all').click();
  assert.equal(await query(page), '');
  await assertFiguresMatch(page, '');
  await page.close();
});

test('typing a word in search adds one history entry, not one per key', async () => {
  const page = await open('');
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('search').pressSequentially('nelson');
  assert.equal(await query(page), 'q=nelson');
  assert.equal(await page.evaluate(() => history.length), before + 1);
  await assertFiguresMatch(page, 'q=nelson');
  await page.reload();
  await page.getByTestId('total-value').waitFor();
  assert.equal(await page.getByTestId('search').inputValue(), 'nelson');
  await assertFiguresMatch(page, 'q=nelson');
  await page.close();
});

test('value and end-date ranges filter and show as chips', async () => {
  const page = await open('');
  await page.getByTestId('min-value').fill('4000000');
  assert.equal(await query(page), 'min=4000000');
  await page.getByTestId('end-to').selectOption('2025-03');
  assert.equal(await query(page), 'min=4000000&end-to=2025-03');
  await assertFiguresMatch(page, 'min=4000000&end-to=2025-03');
  const chips = await page.getByTestId('chips').innerText();
  assert.match(chips, /At least £4,000,000/);
  assert.match(chips, /Ends March 2025 or earlier/);
  await page.close();
});

test('the page answers the sector and concentration questions', async () => {
  const page = await open('');
  assert.equal(await page.getByTestId('detail').innerText(),
    'Voluntary sector: £125.5m (64%) of the value, 84 of 110 contracts (76%), 23 of 26 lead providers (88%). The 3 largest lead providers were awarded 41% of the value.');
  await page.close();
});

// The note counts what the table shows: every award whose areas are more than the one chosen,
// regional lots ("Whole region") among them.
for (const [slug, name, n] of [['dorset', 'Dorset', 4], ['south-yorkshire', 'South Yorkshire', 2], ['derbyshire', 'Derbyshire', 3]]) {
  test(`filtering by area says award values are not split, counting what the table shows (${slug})`, async () => {
    const page = await open(`area=${slug}`);
    const areas = await page.getByTestId('award-row').locator('td[data-label="Areas"]').allInnerTexts();
    const elsewhere = areas.filter((a) => a.trim() !== name).length;
    assert.equal(elsewhere, n, areas.join(' | '));
    assert.match(await page.getByTestId('unsplit-note').innerText(), new RegExp(`^${n} awards in this view also cover other areas`));
    assert.match(await page.getByTestId('sentence').innerText(), new RegExp(`^In ${name}, .*counting the full value of awards that also cover other areas`));
    await page.close();
  });
}

test('an empty view says so and offers to remove the last filter; separate commissioning is explained', async () => {
  const page = await open('region=london');
  await page.locator('#facet-service-category-womens').check();
  assert.equal(await query(page), 'region=london&category=womens');
  assert.match(await page.getByTestId('separately-commissioned').innerText(), /MOPAC/);
  await page.getByTestId('empty').waitFor();
  await assertAccessible(page, 'empty with a separate-commissioning note');
  await page.getByTestId('remove-last-filter').click();
  assert.equal(await query(page), 'region=london');
  assert.equal(await page.getByTestId('empty').count(), 0);
  await page.close();
});

test('the table sorts by any column, pages, and downloads exactly the filtered rows', async () => {
  const page = await open('');
  assert.equal(await page.getByTestId('award-row').count(), 20);
  await page.getByTestId('sort-value').click();
  assert.equal(await page.getByTestId('award-row').first().locator('td.num').getAttribute('data-value'), '12501519');
  assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
  await page.getByTestId('sort-value').click();
  assert.equal(await page.getByTestId('award-row').first().locator('td.num').getAttribute('data-value'), '319435');
  await page.getByTestId('next-page').click();
  assert.equal(await page.getByTestId('page-status').innerText(), 'Awards 21–40 of 66');
  await page.goto(`${env.server.url}?region=wales`);
  await page.getByTestId('total-value').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const path = join(out, 'download.csv');
  await download.saveAs(path);
  assert.equal(download.suggestedFilename(), 'probation-contracts-2021-region-wales.csv');
  const csv = readFileSync(path, 'utf8');
  const lines = csv.trim().split(/\r\n/);
  // The header row first, as spreadsheets and read_csv expect; provenance on every row.
  assert.match(lines[0], /^id,region,.*,scheduled_end,earliest_area_end,source,note,view,data_as_at$/);
  assert.equal(lines.length - 1, summary('region=wales').awards);
  assert.ok(lines.slice(1).every((l) => /,"Ministry of Justice, 21 May 2021",.*,http:\/\/127\.0\.0\.1:\d+\/\?region=wales,2021-05-21$/.test(l)), lines[1]);
  assert.ok(lines.slice(1).every((l) => /,20\d\d-\d\d,(20\d\d-\d\d)?,/.test(l)), 'ISO months');
  // The button said "Preparing CSV…" while the file was written; it offers the next one.
  assert.equal(await page.getByTestId('download-csv').innerText(), 'Download CSV');
  await page.close();
});

test('copy link puts the view\'s address on the clipboard, and it opens the same view', async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const page = await open('provider=catch22,ingeus&sector=voluntary', { context });
  await page.getByTestId('copy-link').click();
  await page.waitForFunction(() => document.querySelector('.copied')?.textContent === 'Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${env.server.url}?provider=catch22,ingeus&sector=voluntary`);
  await page.getByTestId('copy-text').click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(text, `${await page.getByTestId('sentence').innerText()} ${copied}`);
  const other = await context.newPage();
  await other.goto(copied);
  await other.getByTestId('total-value').waitFor();
  assert.equal(await other.getByTestId('total-value').getAttribute('data-value'),
    await page.getByTestId('total-value').getAttribute('data-value'));
  await context.close();
});

test('when the browser refuses the clipboard, the page says so and never claims it copied', async () => {
  const context = await env.browser.newContext();
  // As a browser that denies the write (no permission, or a frame without clipboard-write).
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  const page = await open('region=wales', { context });
  const status = page.locator('.copied');
  for (const id of ['copy-link', 'copy-text', 'copy-embed']) {
    await page.getByTestId(id).click();
    await page.waitForFunction(() => document.querySelector('.copied')?.textContent !== '');
    assert.equal(await status.innerText(), 'Could not copy: the browser did not allow it.', id);
  }
  assert.equal(await status.getAttribute('role'), 'status', 'screen readers hear it');
  await context.close();
});

test('the awards table fits its panel at every width, whatever its rows say', async () => {
  for (const width of [1024, 1280, 1920]) {
    for (const q of ['', 'category=womens']) {
      const page = await open(q, { width });
      const table = await page.locator('.table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(table.scroll <= table.client + 1, `${width} px, "${q}": the table is ${table.scroll} px in a panel of ${table.client}`);
      await page.close();
    }
  }
});

test('charts offer a table view and a text summary', async () => {
  const page = await open('');
  const chart = page.getByTestId('chart-provider');
  assert.match(await chart.locator('.chart-summary').innerText(), /^Largest: Ingeus £33\.6m/);
  // A bar's name says what the bar and its note show, the contracts too.
  const names = await chart.locator('button.hit').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(names.some((n) => /^St Giles Wise: £[\d,]+, 16 contracts\. Filter by this\.$/.test(n)), names.join(' | '));
  await chart.getByRole('button', { name: 'Show as table' }).click();
  assert.equal(await chart.locator('table tbody tr').count(), 26);
  assert.deepEqual(await chart.locator('table thead th').allInnerTexts(), ['Name', 'Value', 'Voluntary sector', 'Private', 'Contracts']);
  await assertAccessible(page, 'chart table open');
  await page.close();
});

test('screenshots at phone and desktop widths, with no sideways scrolling', async () => {
  for (const width of [375, 1280]) {
    for (const [name, q] of [['default', ''], ['wales-womens', 'region=wales&category=womens']]) {
      const page = await open(q, { width, height: 900 });
      await page.screenshot({ path: join(out, `explorer-${name}-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at ${width}px`);
      await assertAccessible(page, `${name} at ${width}px`);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
});

test('on a phone each award is a card, and a source\'s note stays beside its label', async () => {
  const page = await open('region=wales', { width: 375, height: 900 });
  const cell = page.getByTestId('award-row').locator('td[data-label="Source"]').filter({ has: page.locator('.note:not(:empty)') }).first();
  await cell.scrollIntoViewIfNeeded();
  const [cellLeft, noteLeft] = await cell.evaluate((td) => [td, td.querySelector('.note')].map((e) => e.getBoundingClientRect().left));
  // The note wraps on from the source's text in the value column, not under the label.
  assert.ok(noteLeft > cellLeft + 50, `note at x=${noteLeft}, card cell at x=${cellLeft}`);
  assert.match(await cell.innerText(), /Ministry of Justice, 21 May 2021 — Let separately/);
  await page.close();
});

test('dark mode and reduced motion are honoured', async () => {
  const context = await env.browser.newContext({ colorScheme: 'dark', reducedMotion: 'reduce' });
  const page = await open('', { context });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(22, 22, 22)');
  await assertAccessible(page, 'dark');
  await page.screenshot({ path: join(out, 'explorer-dark-1280.png') });
  await context.close();
});

test('charts are drawn at the screen\'s pixel density and redrawn on resize', async () => {
  const context = await env.browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1280, height: 900 } });
  const page = await open('', { context });
  const size = () => page.getByTestId('chart-category').locator('canvas').evaluate((c) => ({ backing: c.width, css: c.clientWidth }));
  const wide = await size();
  assert.equal(wide.backing, wide.css * 2);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction((old) => {
    const c = document.querySelector('[data-testid="chart-category"] canvas');
    return c.clientWidth !== old && c.width === c.clientWidth * 2;
  }, wide.css);
  const resized = await size();
  assert.notEqual(resized.css, wide.css, 'the layout changed the chart\'s width');
  assert.equal(resized.backing, resized.css * 2);
  await context.close();
});

test('a chart that loses bars shrinks to them, with nothing of its old drawing showing', async () => {
  const page = await open('');
  const chart = page.getByTestId('chart-region');
  const canvas = chart.locator('canvas');
  const shown = () => canvas.evaluate((c) => c.getBoundingClientRect().height);
  const all = await shown();
  const bars = await chart.locator('button.hit').count();
  await chart.locator('button.hit[data-key="wales"]').click();
  await assertFiguresMatch(page, 'region=wales');
  // Bars are rows of one height with 6 px above and below them all (`charts::bar_chart_height`).
  const one = 12 + (all - 12) / bars;
  await page.waitForFunction((h) => document.querySelector('[data-testid="chart-region"] canvas').getBoundingClientRect().height === h, one);
  assert.ok(bars >= 10 && one < all / 5, `${bars} bars took ${all} px, one takes ${one} px`);
  // The canvas keeps its taller bitmap (no reallocation): the element shows its top part at
  // the same scale as before, neither squeezed into the shorter box nor showing old bars.
  const fit = await canvas.evaluate((c) => {
    const style = getComputedStyle(c);
    return { fit: style.objectFit, position: style.objectPosition, across: c.width / c.clientWidth, down: c.height / c.clientHeight };
  });
  assert.equal(fit.fit, 'cover');
  assert.match(fit.position, / 0%$/, 'drawn from the top');
  assert.ok(fit.down > fit.across, `the bitmap is taller than shown (${JSON.stringify(fit)})`);
  await page.goBack();
  await page.waitForFunction((h) => document.querySelector('[data-testid="chart-region"] canvas').getBoundingClientRect().height === h, all);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the details of a map tile at the bottom edge show in full', async () => {
  const page = await open('');
  await page.getByTestId('map').locator('button.tile[data-key="sussex"]').focus();
  const tip = page.getByTestId('map-tip');
  await tip.waitFor();
  // It takes no pointer events, so look at what could cut it off: an ancestor that clips.
  const inView = await tip.evaluate((t) => {
    const r = t.getBoundingClientRect();
    for (let a = t.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      const box = a.getBoundingClientRect();
      const clips = s.overflowY !== 'visible' || s.overflowX !== 'visible';
      if (clips && (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5)) return false;
    }
    return true;
  });
  assert.ok(inView, 'the bottom of the details box is visible, not cut off by the map');
  await page.close();
});

/** What has focus: its test id, id or text, never the page's body. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.dataset.testid ?? (el.id || el.getAttribute('aria-label') || el.textContent.trim());
  });
}

test('focus lands somewhere sensible when the control that had it goes away', async () => {
  const page = await open('region=wales&category=womens&sector=voluntary');
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  // Removing a chip focuses the chip now in its place; the last one, the results heading.
  await page.getByRole('button', { name: 'Remove filter Category: Women\'s services' }).focus();
  await page.keyboard.press('Enter');
  await settle();
  assert.match(await focused(page), /^Remove filter /);
  await page.keyboard.press('Enter');
  await settle();
  assert.match(await focused(page), /^Remove filter /);
  await page.keyboard.press('Enter');
  await settle();
  assert.equal(await focused(page), 'results-title');
  assert.equal(await query(page), '');
  // Clear all.
  await page.goto(`${env.server.url}?region=wales`);
  await page.getByTestId('total-value').waitFor();
  await page.getByTestId('clear-all').focus();
  await page.keyboard.press('Enter');
  await settle();
  assert.equal(await focused(page), 'results-title');
  // The empty state's way back.
  await page.goto(`${env.server.url}?region=greater-manchester`);
  await page.getByTestId('total-value').waitFor();
  await page.getByTestId('remove-last-filter').focus();
  await page.keyboard.press('Enter');
  await settle();
  assert.equal(await focused(page), 'results-title');
  // Next on the last page hands focus to Previous, and Previous on the first to Next.
  await page.goto(env.server.url);
  await page.getByTestId('total-value').waitFor();
  await page.getByTestId('next-page').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await settle();
  assert.equal(await page.getByTestId('page-status').innerText(), 'Awards 61–66 of 66');
  assert.equal(await focused(page), 'prev-page');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await settle();
  assert.equal(await focused(page), 'next-page');
  // Dismissing the ignored-link notice.
  await page.goto(`${env.server.url}?region=atlantis`);
  await page.getByTestId('total-value').waitFor();
  await page.getByTestId('dismiss-warnings').focus();
  await page.keyboard.press('Enter');
  await settle();
  assert.equal(await focused(page), 'results-title');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the keyboard route: skip links, a search landmark, one stop per chart with arrow keys between bars', async () => {
  const page = await open('');
  const active = () => page.evaluate(() => {
    const e = document.activeElement;
    return e === document.body ? 'body' : (e.dataset.testid || e.id || e.textContent.trim());
  });
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to results');
  await page.keyboard.press('Enter');
  await settle();
  assert.equal(await active(), 'results-title');
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'copy-link', 'two keys from the top to the results');
  // Skip to filters lands in the search box.
  const fresh = async () => {
    await page.goto(env.server.url);
    await page.getByTestId('total-value').waitFor();
  };
  await fresh();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await settle();
  assert.equal(await active(), 'search');
  assert.equal(await page.getByRole('search', { name: 'Filter the awards' }).count(), 1);
  // Each chart is one stop; the arrow keys, Home and End move between its bars.
  const chart = page.getByTestId('chart-provider');
  assert.equal(await chart.locator('button.hit[tabindex="0"]').count(), 1);
  const bars = await chart.locator('button.hit').count();
  await chart.locator('button.hit[tabindex="0"]').focus();
  const key = () => page.evaluate(() => document.activeElement.dataset.key);
  const first = await key();
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await key(), first);
  // The bar in hand is now the chart's one stop.
  assert.equal(await page.evaluate(() => document.activeElement.tabIndex), 0);
  assert.equal(await chart.locator('button.hit[tabindex="0"]').count(), 1);
  await page.keyboard.press('End');
  assert.equal(await key(), await chart.locator('button.hit').nth(bars - 1).getAttribute('data-key'));
  await page.keyboard.press('Home');
  assert.equal(await key(), first);
  // Every stop from the top of the page to its end: skip links, one stop per chart and the
  // map keep the whole route short.
  await fresh();
  let stops = 0;
  for (; stops < 300; stops++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement === document.body)) break;
  }
  assert.ok(stops <= 135, `${stops} stops`);
  await page.close();
});

test('"who provides this in my area?": a council or city finds its PCC area, everyday words find a service, and no match says so', async () => {
  const page = await open('');
  const areas = page.getByTestId('facet-pcc-area');
  // The area list is A to Z.
  const labels = await areas.locator('li label').evaluateAll((ls) => ls.map((l) => l.firstChild.textContent.trim()));
  assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b, 'en')));
  const find = page.locator('#facet-pcc-area-find');
  await find.fill('Sheffield');
  assert.deepEqual(await areas.locator('li label').evaluateAll((ls) => ls.map((l) => l.firstChild.textContent.trim())), ['South Yorkshire']);
  await find.fill('Cheltenham');
  assert.equal(await areas.locator('li').count(), 0);
  assert.equal(await areas.locator('.more').innerText(), 'No PCC area or council matches “Cheltenham”.');
  assert.equal(await areas.locator('.more').getAttribute('aria-live'), 'polite');
  // The search box: a city finds its area's awards, "housing" the accommodation awards.
  await page.getByTestId('search').fill('Leeds');
  await page.waitForFunction(() => new URL(location).searchParams.get('q') === 'Leeds');
  await assertFiguresMatch(page, 'area=west-yorkshire');
  await page.getByTestId('search').fill('housing');
  await page.waitForFunction(() => new URL(location).searchParams.get('q') === 'housing');
  await assertFiguresMatch(page, 'category=accommodation');
  await page.close();
});

test('the tab title names the view, legend buttons say whether they are pressed, and Back undoes a whole search', async () => {
  const page = await open('region=wales');
  assert.equal(await page.title(), 'Region: Wales · Who was paid to deliver probation services?');
  const legend = page.getByTestId('chart-region').getByRole('button', { name: 'Voluntary sector. Filter by this sector.' });
  assert.equal(await legend.getAttribute('aria-pressed'), 'false');
  await legend.click();
  assert.equal(await query(page), 'region=wales&sector=voluntary');
  assert.equal(await legend.getAttribute('aria-pressed'), 'true');
  // Typing a word is one step: Back returns to the view before it, not to its first letter.
  await page.getByTestId('search').click();
  await page.keyboard.type('nacro', { delay: 30 });
  await page.waitForFunction(() => new URL(location).searchParams.get('q') === 'nacro');
  await page.getByTestId('search').blur();
  await page.goBack();
  await page.waitForFunction(() => !new URL(location).searchParams.has('q'));
  assert.equal(await query(page), 'region=wales&sector=voluntary');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location).searchParams.has('sector'));
  assert.equal(await page.title(), 'Region: Wales · Who was paid to deliver probation services?');
  await page.close();
});

test('on a phone the filter panel folds, shows its state, offers a way to the results, and follows a resize', async () => {
  const page = await open('', { width: 375, height: 800 });
  const panel = page.getByTestId('filter-panel');
  assert.equal(await panel.evaluate((d) => d.open), false);
  assert.equal(await panel.locator('.disclosure').evaluate((e) => getComputedStyle(e, '::before').content), '"▸"');
  await page.locator('#filters-title').click();
  assert.equal(await panel.evaluate((d) => d.open), true);
  await page.locator('#facet-service-category-womens').check();
  const show = page.getByTestId('show-results');
  assert.equal(await show.innerText(), `Show the ${summary('category=womens').awards} awards`);
  assert.ok(await show.isVisible());
  await show.click();
  await page.waitForFunction(() => document.activeElement?.id === 'results-title');
  assert.equal(await panel.evaluate((d) => d.open), false);
  // Wide, the panel opens beside the results; back to a phone, it folds again.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction(() => document.querySelector('[data-testid="filter-panel"]').open);
  assert.equal(await show.isVisible(), false);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="filter-panel"]').open);
  await page.close();
});
