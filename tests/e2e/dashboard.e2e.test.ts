/**
 * The built dashboard in headless Chromium, checked against an independent computation
 * (tests/helpers/reference-judge.ts) on a synthetic fixture folder and on the bundled data.
 *
 * Set-up: a copy of dist/ is served under a sub-path (/apps/jiuye/dashboard/) next to a copy of
 * tests/fixtures/e2e/ (/apps/jiuye/fixture-data/), so `?data=../fixture-data/` exercises a data
 * folder resolved relative to the page, outside the app's own folder. Copying (rather than serving
 * dist/ in place) keeps the run stable if someone rebuilds while it runs.
 *
 * Every page fails its test on an uncaught page error, a console error, or a request to any host
 * other than the test server.
 */
import { stageBuiltApp, unstage } from './stage';
import { ids, keys, mismatches, readKpis } from './kpi-compare';
import { isExpectedConsoleError } from './expected-console';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import { judgeAll, latestPeriod, loadFolder, rowsForAreas, type RefFolder } from '../helpers/reference-judge';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'e2e');
const BASE = '/apps/jiuye/';
const APP_DIR = 'dashboard';
const FIXTURE_PARAM = '../fixture-data/';
const READY_TIMEOUT = 90_000;

let tmp = '';
let server: RunningServer | null = null;
let browser: Browser | null = null;
let context: BrowserContext | null = null;
let fixture: RefFolder;
let bundled: RefFolder;
let appUrl = '';

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({
    prefix: 'jiuye-e2e-',
    apps: [APP_DIR],
    base: BASE,
    prepare: (dir) => cpSync(FIXTURE, path.join(dir, 'fixture-data'), { recursive: true }),
  }));
  fixture = loadFolder(path.join(tmp, 'fixture-data'));
  // The bundled data as served (dist/data is the build's copy of data/).
  bundled = loadFolder(path.join(tmp, APP_DIR, 'data'));
  appUrl = `${server.url}${APP_DIR}/`;
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await unstage({ tmp, server, browser });
});

/**
 * Opens `query` on the app, waits for data-ready and runs `body`; the test fails on any page
 * error, console error or foreign-host request seen while the page was open.
 */
async function withPage(query: string, body: (page: Page) => Promise<void>): Promise<void> {
  const page = await context!.newPage();
  const problems: string[] = [];
  const serverHost = new URL(server!.url).host;
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedConsoleError(msg)) problems.push(`console.error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:')) return;
    // blob:http://host/uuid — the origin is inside.
    const host = new URL(url.startsWith('blob:') ? url.slice(5) : url).host;
    if (host !== serverHost) problems.push(`foreign request: ${req.method()} ${url}`);
  });
  try {
    await page.goto(`${appUrl}${query}`);
    await waitReady(page);
    await body(page);
  } finally {
    await page.close();
  }
  expect(problems.join('\n'), `problems on ${query}`).toBe('');
}

async function waitReady(page: Page): Promise<void> {
  try {
    await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: READY_TIMEOUT, state: 'attached' });
  } catch (err) {
    const error = await page.getAttribute('[data-app-root]', 'data-error').catch(() => null);
    throw new Error(`page never became ready${error ? ` (data-error: ${error})` : ''}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  // The mirror on #root must agree.
  expect(await page.getAttribute('#root', 'data-ready')).toBe('true');
}
const targetsOf = (folder: RefFolder, pick: (t: RefFolder['targets'][number]) => boolean) =>
  folder.targets
    .filter(pick)
    .map((t) => t.id)
    .sort();

describe('reference judge on the fixture (hand-computed, see tests/fixtures/e2e/README.md)', () => {
  it('pins the numbers the fixture was designed around', () => {
    const ref = judgeAll(fixture, '2024-06');
    const pick = (id: string) => {
      const r = ref.get(id);
      if (!r) throw new Error(`no ${id}`);
      return r;
    };
    expect(latestPeriod(fixture)).toBe('2024-06');
    expect(pick('fx-01-city-reemployed')).toEqual({ actual: 6500, target: 12000, expected: 6000, status: 'on_track' });
    expect(pick('fx-03-city-new-jobs-ytd')).toEqual({ actual: 61500, target: 120000, expected: 60000, status: 'on_track' });
    const rate = pick('fx-05-city-assistance-rate');
    expect(rate.actual).toBeCloseTo((100 * 1990) / 2450, 9);
    expect(rate.status).toBe('behind');
    expect(pick('fx-06-d1-assistance-rate').actual).toBeCloseTo((100 * 295) / 350, 9);
    expect(pick('fx-09-city-public-welfare-about')).toEqual({ actual: 2780, target: 3000, expected: null, status: 'met' });
    expect(pick('fx-10-city-spring-posts-due-march')).toEqual({
      actual: 45000,
      target: 50000,
      expected: 50000,
      status: 'missed',
    });
    expect(pick('fx-11-d2-formal-employment-baseline')).toEqual({
      actual: 312500,
      target: 310000,
      expected: null,
      status: 'met',
    });
    expect(pick('fx-12-d2-startups-baseline')).toEqual({ actual: 1300, target: 2400, expected: 1200, status: 'on_track' });
    expect(pick('fx-13-d3-loans-no-data')).toEqual({ actual: null, target: 500, expected: 250, status: 'no_data' });
    expect(pick('fx-14-d3-welfare-baseline-no-prior')).toEqual({ actual: 880, target: null, expected: null, status: 'no_data' });
    expect(pick('fx-15-zone-new-jobs').actual).toBe(4200);
    expect(pick('fx-16-d1-new-jobs')).toEqual({ actual: 9000, target: 20000, expected: 10000, status: 'behind' });
    expect(pick('fx2023-01-city-reemployed')).toEqual({ actual: 19000, target: 20000, expected: 20000, status: 'missed' });
    const statuses = new Set([...ref.values()].map((r) => r.status));
    expect([...statuses].sort()).toEqual(['behind', 'met', 'missed', 'no_data', 'on_track']);
  });
});

describe('dashboard against the reference judge', () => {
  it('analyst view on the fixture: every 2024 target matches the reference', async () => {
    const ref = judgeAll(fixture, '2024-06');
    await withPage(`?data=${FIXTURE_PARAM}&year=2024&asof=2024-06`, async (page) => {
      expect(await page.getAttribute('[data-app-root]', 'data-view')).toBe('analyst');
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(fixture, (t) => t.year === 2024));
      expect(mismatches(shown, ref).join('\n')).toBe('');
      for (const k of shown) expect(k.year).toBe('2024');
    });
  });

  it('analyst view on the fixture with no year/asof: defaults to the latest period and its year', async () => {
    const ref = judgeAll(fixture, latestPeriod(fixture));
    await withPage(`?data=${FIXTURE_PARAM}`, async (page) => {
      expect(await page.getAttribute('[data-as-of]', 'data-as-of')).toBe(latestPeriod(fixture));
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(fixture, (t) => t.year === 2024));
      expect(mismatches(shown, ref).join('\n')).toBe('');
    });
  });

  it('analyst view on the fixture, year=2023: only the 2023 targets, judged after their due month', async () => {
    const ref = judgeAll(fixture, '2024-06');
    await withPage(`?data=${FIXTURE_PARAM}&year=2023`, async (page) => {
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(fixture, (t) => t.year === 2023));
      expect(mismatches(shown, ref).join('\n')).toBe('');
    });
  });

  it('wall view on the fixture: a tile for exactly the city targets of the year', async () => {
    const ref = judgeAll(fixture, '2024-06');
    const cities = new Set([...fixture.areas.values()].filter((a) => a.level === 'city').map((a) => a.code));
    await withPage(`?view=wall&data=${FIXTURE_PARAM}&year=2024&asof=2024-06`, async (page) => {
      expect(await page.getAttribute('[data-app-root]', 'data-view')).toBe('wall');
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(fixture, (t) => t.year === 2024 && cities.has(t.area)));
      expect(shown.length).toBeGreaterThan(0);
      expect(mismatches(shown, ref).join('\n')).toBe('');
    });
  });

  it('an earlier ?asof re-judges every target at that month', async () => {
    const ref = judgeAll(fixture, '2024-02');
    // The fixture makes statuses move between 2024-02 and 2024-06; make sure this test would notice.
    const late = judgeAll(fixture, '2024-06');
    expect([...ref.keys()].filter((id) => ref.get(id)!.status !== late.get(id)!.status).length).toBeGreaterThan(3);
    await withPage(`?data=${FIXTURE_PARAM}&year=2024&asof=2024-02`, async (page) => {
      expect(await page.getAttribute('[data-as-of]', 'data-as-of')).toBe('2024-02');
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(fixture, (t) => t.year === 2024));
      expect(mismatches(shown, ref).join('\n')).toBe('');
    });
  });

  it('an area= filter lists exactly the targets of those areas and the rate targets they inherit', async () => {
    const areas = ['990102', '990101-XC'];
    // The independent reference: targets set for those areas, and each one's inherited rate targets.
    const ref = rowsForAreas(fixture, 2024, areas, '2024-05');
    await withPage(`?data=${FIXTURE_PARAM}&year=2024&asof=2024-05&area=${areas.join(',')}`, async (page) => {
      const shown = await readKpis(page);
      expect(targetsOf(fixture, (t) => t.year === 2024 && areas.includes(t.area)).length).toBeGreaterThan(3);
      expect(keys(shown)).toEqual([...ref.keys()].sort());
      expect(mismatches(shown, ref).join('\n')).toBe('');
      // Inherited rows say so, carry the target they come from and the area they are judged for.
      for (const k of shown.filter((x) => x.inherited)) expect(areas).toContain(k.area);
    });
  });

  it('bundled data, analyst year=2023: exactly the 2023 targets of data/targets.csv, values as the reference', async () => {
    const asOf = latestPeriod(bundled);
    const ref = judgeAll(bundled, asOf);
    await withPage('?year=2023', async (page) => {
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(bundled, (t) => t.year === 2023));
      for (const id of ['hjb2023-3-10-assistance-rate', 'hcjb2023-2-07-institution-recruitment']) {
        expect(ids(shown)).toContain(id);
      }
      expect(mismatches(shown, ref).join('\n')).toBe('');
    });
  });

  it('bundled data, analyst year=2022: the Qingpu re-employment target and the rest match the reference', async () => {
    const ref = judgeAll(bundled, latestPeriod(bundled));
    await withPage('?year=2022', async (page) => {
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(bundled, (t) => t.year === 2022));
      expect(ids(shown)).toContain('qfgf2022-4-5-2-reemployed');
      expect(mismatches(shown, ref).join('\n')).toBe('');
    });
  });

  it('bundled data, wall view (default year) reaches data-ready and matches the reference', async () => {
    const ref = judgeAll(bundled, latestPeriod(bundled));
    await withPage('?view=wall', async (page) => {
      const shown = await readKpis(page);
      expect(shown.length).toBeGreaterThan(0);
      for (const k of shown) expect(bundled.areas.get(k.area)?.level).toBe('city');
      expect(mismatches(shown, ref).join('\n')).toBe('');
    });
  });

  it('?lang=en renders in English', async () => {
    await withPage(`?lang=en&data=${FIXTURE_PARAM}&year=2024&asof=2024-06`, async (page) => {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expect(page.textContent('h1')).resolves.toContain('Shanghai Employment Policy Targets');
      const body = (await page.textContent('body')) ?? '';
      expect(body).toContain('On track');
    });
  });

  it('bad ?year and ?view show a notice and still reach data-ready with the defaults', async () => {
    await withPage(`?year=abc&view=nonsense&data=${FIXTURE_PARAM}`, async (page) => {
      const notice = (await page.textContent('[data-url-notices]')) ?? '';
      expect(notice).toContain('abc');
      expect(notice).toContain('nonsense');
      expect(await page.getAttribute('[data-app-root]', 'data-view')).toBe('analyst');
      const shown = await readKpis(page);
      expect(ids(shown)).toEqual(targetsOf(fixture, (t) => t.year === 2024));
    });
  });
});
