/**
 * Prepared results (src/app/prepared.ts) in the built app. DuckDB's wasm is held back by the test
 * (a route that answers only when released), so what the page shows before it is provably painted
 * from prepared results, and what it shows after is provably the engine's:
 * - on the bundled data, every data-kpi attribute painted before DuckDB equals what the engine
 *   computes afterwards (a refresh makes it recompute every read), on the wall and the analyst
 *   view, for every year, and the independent reference judge agrees;
 * - one changed byte in a served table: nothing is shown as current until the engine has judged;
 * - ?asof= another month, ?data= elsewhere, an upload and a ledger take the engine path and reach
 *   the right figures; a second visit to changed files paints at once from this browser's store.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, latestPeriod, loadFolder, rowsForAreas, type RefFolder } from '../helpers/reference-judge';
import { isExpectedConsoleError } from './expected-console';
import { ids, keys, mismatches, readKpis } from './kpi-compare';
import { stageBuiltApp, unstage, REPO, type Staged } from './stage';

let staged: Staged;
let bundled: RefFolder;
let changed: RefFolder;
let years: number[] = [];

/**
 * One changed byte: the first digit of the first city figure of actuals.csv's latest year (the
 * test checks that the reference judge sees a difference, so it could fail).
 */
function changeOneByte(file: string): void {
  const text = readFileSync(file, 'utf8');
  const year = text.match(/,(\d{4})-\d{2},/g)!.map((m) => m.slice(1, 5)).sort().at(-1)!;
  const at = new RegExp(`^[a-z0-9_]+,310000,${year}-\\d{2},(\\d)`, 'm').exec(text);
  if (!at) throw new Error(`no city figure of ${year} in ${file}`);
  const i = at.index + at[0].length - 1;
  const digit = Number(text[i]);
  writeFileSync(file, text.slice(0, i) + String(digit === 9 ? 8 : digit + 1) + text.slice(i + 1));
}

beforeAll(async () => {
  staged = await stageBuiltApp({
    prefix: 'jiuye-prepared-',
    apps: ['app', 'changed'],
    prepare: (dir) => {
      cpSync(path.join(dir, 'app', 'data'), path.join(dir, 'elsewhere'), { recursive: true });
      changeOneByte(path.join(dir, 'changed', 'data', 'actuals.csv'));
    },
  });
  bundled = loadFolder(path.join(staged.tmp, 'app', 'data'));
  changed = loadFolder(path.join(staged.tmp, 'changed', 'data'));
  years = [...new Set(bundled.targets.map((t) => t.year))].sort();
}, 180_000);

afterAll(() => unstage(staged ?? {}));

/** A page whose DuckDB wasm waits until release() is called; problems collects errors and foreign requests. */
async function gatedPage(context: BrowserContext): Promise<{ page: Page; release: () => void; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const host = new URL(staged.server.url).host;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !isExpectedConsoleError(m) && problems.push(`console: ${m.text()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).host !== host) problems.push(`foreign request ${u}`);
  });
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  // The worker fetches the wasm: routing the context catches it.
  await context.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return { page, release: open, problems };
}

const root = (page: Page, name: string) => page.getAttribute('[data-app-root]', name);

/** Every data-* attribute of every [data-kpi], sorted, as text: the painted figures in full. */
const kpiAttributes = (page: Page) =>
  page.$$eval('[data-kpi]', (els) =>
    els
      .map((el) =>
        [...el.attributes]
          .filter((a) => a.name.startsWith('data-'))
          .map((a) => `${a.name}=${a.value}`)
          .sort()
          .join(' '),
      )
      .sort(),
  );

async function engineReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-app-root][data-ready="true"][data-engine="ready"]', { timeout: 90_000, state: 'attached' });
}

/**
 * Opens `url` with DuckDB held back; returns the figures painted before it, then releases it, makes
 * the engine recompute every read (a refresh loads the same files at a new revision) and returns
 * the figures it shows then.
 */
async function paintedThenComputed(context: BrowserContext, url: string) {
  const { page, release, problems } = await gatedPage(context);
  await page.goto(url);
  await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: 60_000, state: 'attached' });
  expect(await root(page, 'data-engine')).toBe('starting');
  expect(await root(page, 'data-prepared')).toBe('build');
  const painted = await kpiAttributes(page);
  const paintedKpis = await readKpis(page);
  release();
  await engineReady(page);
  expect(await root(page, 'data-prepared')).toBeNull();
  // The takeover recomputes nothing and changes nothing on screen.
  expect(await kpiAttributes(page)).toEqual(painted);
  await page.evaluate(() => window.__dashboard!.refresh());
  await engineReady(page);
  const computed = await kpiAttributes(page);
  await page.close();
  expect(problems).toEqual([]);
  return { painted, paintedKpis, computed };
}

describe('painted from prepared results, then taken over by the engine', () => {
  it('the analyst view: every year, every data-kpi attribute equals what the engine computes, and the reference', async () => {
    const context = await staged.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const ref = judgeAll(bundled, latestPeriod(bundled));
    expect(years.length).toBeGreaterThan(2);
    for (const year of years) {
      const { painted, paintedKpis, computed } = await paintedThenComputed(context, `${staged.server.url}app/?year=${year}`);
      expect(painted.length, `year ${year}`).toBeGreaterThan(0);
      expect(painted, `year ${year}`).toEqual(computed);
      expect(ids(paintedKpis)).toEqual(bundled.targets.filter((t) => t.year === year).map((t) => t.id).sort());
      expect(mismatches(paintedKpis, ref).join('\n'), `year ${year}`).toBe('');
    }
    await context.close();
  }, 600_000);

  it('the analyst view filtered to a district: its own and inherited targets, painted as computed', async () => {
    const context = await staged.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // A year in which 310118 inherits a rate target from the city.
    const year = years.find((y) => [...rowsForAreas(bundled, y, ['310118'], latestPeriod(bundled)).keys()].some((k) => k.includes('@')))!;
    expect(year).toBeDefined();
    const ref = rowsForAreas(bundled, year, ['310118'], latestPeriod(bundled));
    const { painted, paintedKpis, computed } = await paintedThenComputed(context, `${staged.server.url}app/?year=${year}&area=310118`);
    expect(paintedKpis.some((k) => k.inherited)).toBe(true);
    expect(painted).toEqual(computed);
    expect(keys(paintedKpis)).toEqual([...ref.keys()].sort());
    expect(mismatches(paintedKpis, ref).join('\n')).toBe('');
    await context.close();
  }, 180_000);

  it('the wall: its overview and sources pages, every year, painted as computed', async () => {
    const context = await staged.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const ref = judgeAll(bundled, latestPeriod(bundled));
    for (const year of years) {
      for (const pages of ['overview', 'sources']) {
        const url = `${staged.server.url}app/?view=wall&rotate=600&pages=${pages}&year=${year}`;
        const { painted, paintedKpis, computed } = await paintedThenComputed(context, url);
        expect(painted, `${pages} ${year}`).toEqual(computed);
        expect(mismatches(paintedKpis, ref).join('\n'), `${pages} ${year}`).toBe('');
        if (pages === 'sources') expect(ids(paintedKpis)).toEqual(bundled.targets.filter((t) => t.year === year).map((t) => t.id).sort());
      }
    }
    await context.close();
  }, 900_000);

  it('the wall group pages draw their cumulative lines before DuckDB has arrived', async () => {
    const context = await staged.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const { page, release, problems } = await gatedPage(context);
    // Every year with targets: the default one may hold only level targets (tiles, no line).
    const groups: string[] = [];
    for (const year of years) {
      await page.goto(`${staged.server.url}app/?view=wall&rotate=600&year=${year}`);
      await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: 60_000, state: 'attached' });
      const pages = (await page.getAttribute('main.wall', 'data-pages'))!.split(',');
      groups.push(...pages.filter((p) => p.startsWith('group-')).map((p) => `year=${year}&pages=${p}`));
    }
    // A group of one level target is a tile; the others have a cumulative line, drawn from prepared months.
    const lines: string[] = [];
    for (const group of groups) {
      await page.goto(`${staged.server.url}app/?view=wall&rotate=600&${group}`);
      await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: 60_000, state: 'attached' });
      expect(await root(page, 'data-engine'), group).toBe('starting');
      expect(await page.$$eval('.chart.placeholder', (e) => e.length), `${group}: a chart waiting for DuckDB`).toBe(0);
      const paths = await page.$$eval('[data-chart="wall-cumulative"] svg path', (p) => p.length);
      if ((await page.$('[data-chart="wall-cumulative"]')) != null) {
        expect(paths, group).toBeGreaterThan(0);
        lines.push(group);
      }
    }
    expect(lines.length).toBeGreaterThan(0);
    release();
    await engineReady(page);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('the engine path', () => {
  /**
   * Opens `url` with DuckDB held back: no figure may be shown as current for `ms`; then it must be
   * right. `catalogPrepared`: the catalog (areas, targets: no figure) may come from prepared results.
   */
  async function nothingUntilEngine(url: string, { ms = 2500, catalogPrepared = false } = {}) {
    const context = await staged.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const { page, release, problems } = await gatedPage(context);
    await page.goto(url);
    await page.waitForTimeout(ms);
    expect(await root(page, 'data-ready')).toBe('false');
    if (!catalogPrepared) expect(await root(page, 'data-prepared')).toBeNull();
    expect(await page.$$('[data-kpi]')).toHaveLength(0);
    release();
    await engineReady(page);
    const shown = await readKpis(page);
    await context.close();
    expect(problems).toEqual([]);
    return shown;
  }

  it('one changed byte in a served table: no prepared figure is shown, the engine judges the changed file', async () => {
    const year = Math.max(...years.filter((y) => y <= Number(latestPeriod(changed).slice(0, 4))));
    // The change moves a figure the reference can see (else this test could not fail).
    const before = judgeAll(bundled, latestPeriod(bundled));
    const after = judgeAll(changed, latestPeriod(changed));
    expect([...after].some(([id, r]) => JSON.stringify(r) !== JSON.stringify(before.get(id)))).toBe(true);
    const shown = await nothingUntilEngine(`${staged.server.url}changed/?year=${year}`);
    expect(mismatches(shown, after).join('\n')).toBe('');
  }, 180_000);

  it('another ?asof=: the engine judges at that month', async () => {
    const latest = latestPeriod(bundled);
    const asof = `${latest.slice(0, 4)}-0${Math.max(1, Number(latest.slice(5)) - 3)}`.replace(/-0(\d\d)$/, '-$1');
    const shown = await nothingUntilEngine(`${staged.server.url}app/?asof=${asof}&year=${latest.slice(0, 4)}`, { catalogPrepared: true });
    expect(shown.length).toBeGreaterThan(0);
    expect(mismatches(shown, judgeAll(bundled, asof)).join('\n')).toBe('');
  }, 180_000);

  it('?data= elsewhere (the same files): the engine path, the right figures', async () => {
    const shown = await nothingUntilEngine(`${staged.server.url}app/?data=../elsewhere/`);
    expect(shown.length).toBeGreaterThan(0);
    expect(mismatches(shown, judgeAll(bundled, latestPeriod(bundled))).join('\n')).toBe('');
  }, 180_000);

  it('an upload made while DuckDB starts waits for it, then the figures are judged on the uploaded row', async () => {
    const context = await staged.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const { page, release, problems } = await gatedPage(context);
    const year = Number(latestPeriod(bundled).slice(0, 4));
    await page.goto(`${staged.server.url}app/?year=${year}`);
    await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: 60_000, state: 'attached' });
    expect(await root(page, 'data-engine')).toBe('starting');
    // One target of the year with a new value, as the analyst would upload it.
    const targetsCsv = readFileSync(path.join(staged.tmp, 'app', 'data', 'targets.csv'), 'utf8').split('\n');
    const header = targetsCsv[0]!;
    const row = targetsCsv.find((l) => l.includes(`,${year},`) && /,(>=|>),\d+,/.test(l))!;
    const edited = row.replace(/,(>=|>),(\d+),/, (_m, c: string, v: string) => `,${c},${Number(v) * 2},`);
    const upload = path.join(staged.tmp, 'upload-targets.csv');
    writeFileSync(upload, `${header}\n${edited}\n`);
    await page.setInputFiles('[data-drop-zone] input[type=file]', upload);
    await page.waitForSelector('[data-engine-wait]', { state: 'attached', timeout: 10_000 });
    expect(await page.$$('[data-load-report] [data-accepted]')).toHaveLength(0);
    release();
    await page.waitForSelector('[data-load-report] [data-accepted="1"]', { timeout: 90_000, state: 'attached' });
    await engineReady(page);
    // The reference: the bundled folder with that row replaced.
    const dir = path.join(staged.tmp, 'uploaded');
    cpSync(path.join(staged.tmp, 'app', 'data'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'targets.csv'), targetsCsv.map((l) => (l === row ? edited : l)).join('\n'));
    const ref = judgeAll(loadFolder(dir), latestPeriod(bundled));
    const shown = await readKpis(page);
    expect(mismatches(shown, ref).join('\n')).toBe('');
    expect(shown.find((k) => row.startsWith(`${k.targetId},`))?.target).toBe(String(Number(/,(?:>=|>),(\d+),/.exec(row)![1]) * 2));
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it('a ledger loaded while DuckDB starts is read once it is up, and its figures are judged', async () => {
    const context = await staged.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const { page, release, problems } = await gatedPage(context);
    await page.goto(`${staged.server.url}app/?year=2023&asof=2023-12`);
    await page.setInputFiles('input[data-ledger-input]', path.join(REPO, 'tests', 'fixtures', 'ledger', 'ledger-small.csv'));
    await page.waitForTimeout(1000);
    expect(await root(page, 'data-engine')).toBe('starting');
    release();
    await page.waitForSelector('[data-ledger-report][data-state="done"], [data-ledger-report][data-state="error"]', { timeout: 90_000 });
    expect(await page.getAttribute('[data-ledger-report]', 'data-state')).toBe('done');
    await engineReady(page);
    const figures = (await page.evaluate(() => window.__dashboard!.ledgerFigures())) as unknown[];
    expect(figures.length).toBeGreaterThan(0);
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it('a second visit to changed files paints at once from what this browser kept', async () => {
    // The first visit takes the engine path (the files changed since the build) and keeps what it showed.
    const context = await staged.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const first = await gatedPage(context);
    await first.page.goto(`${staged.server.url}changed/`);
    first.release();
    await engineReady(first.page);
    const computed = await kpiAttributes(first.page);
    // Kept a few seconds after the engine took over, once the first screens' reads are made again:
    // wait until the record is in IndexedDB (src/data/warm-store.ts).
    const kept = () =>
      first.page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const req = indexedDB.open('dashboard-warm', 1);
            req.onupgradeneeded = () => req.result.createObjectStore('prepared');
            req.onerror = () => resolve(false);
            req.onsuccess = () => {
              const db = req.result;
              const get = db.transaction('prepared', 'readonly').objectStore('prepared').get('bundled');
              get.onsuccess = () => (db.close(), resolve(typeof get.result === 'string'));
              get.onerror = () => (db.close(), resolve(false));
            };
          }),
      );
    const since = Date.now();
    while (!(await kept())) {
      if (Date.now() - since > 120_000) throw new Error('the first visit kept nothing in IndexedDB within 120 s');
      await first.page.waitForTimeout(500);
    }
    await first.page.close();
    await context.unrouteAll();
    const second = await gatedPage(context);
    await second.page.goto(`${staged.server.url}changed/`);
    await second.page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: 60_000, state: 'attached' });
    expect(await root(second.page, 'data-engine')).toBe('starting');
    expect(await root(second.page, 'data-prepared')).toBe('warm');
    expect(await kpiAttributes(second.page)).toEqual(computed);
    second.release();
    await engineReady(second.page);
    await context.close();
    expect([...first.problems, ...second.problems]).toEqual([]);
  }, 300_000);
});
