/**
 * Projection to the due month in the built app: every projection hook (data-projected,
 * data-projected-status, data-needed-monthly) on every surface, compared with an independent
 * implementation (tests/helpers/reference-projection.ts) on the projection fixture
 * (tests/fixtures/projection: a seasonal year, a flat one, rates and levels with and without last
 * year, a target already due, a `<=` flow, an inherited rate), at three as-of months; and what the
 * reader sees of it: the wall tile's line, the analyst columns, filter and sort, the monthly chart's
 * dashed projection and band, the detail's method, the briefing's sentences.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualAt, loadFolder, monthIndex, type RefFolder } from '../helpers/reference-judge';
import { projectAll, projectRowsForAreas, type RefProjected } from '../helpers/reference-projection';
import type { RunningServer } from '../tools/serve.mjs';
import { isExpectedConsoleError } from './expected-console';
import { keys, mismatches, projectionMismatches, readKpis, readProjections, TOLERANCE } from './kpi-compare';
import { REPO, stageBuiltApp, unstage } from './stage';

const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'projection');
const DATA = 'data=../proj-data/';
const READY_TIMEOUT = 90_000;

let tmp = '';
let server: RunningServer | null = null;
let browser: Browser | null = null;
let folder: RefFolder;
let appUrl = '';

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({
    prefix: 'jiuye-projection-',
    prepare: (dir) => cpSync(FIXTURE, path.join(dir, 'proj-data'), { recursive: true }),
  }));
  folder = loadFolder(path.join(tmp, 'proj-data'));
  appUrl = `${server.url}app/`;
});

afterAll(async () => {
  await unstage({ tmp, server, browser });
});

/** Opens `query` (the fixture's data added), waits for data-ready, runs `body`; fails on any page or console error. */
async function withPage(query: string, body: (page: Page) => Promise<void>, viewport = { width: 1600, height: 1000 }) {
  const page = await browser!.newPage({ viewport, locale: 'zh-CN' });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedConsoleError(msg)) problems.push(`console.error: ${msg.text()}`);
  });
  try {
    await page.goto(`${appUrl}?${DATA}${query ? `&${query}` : ''}`);
    await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: READY_TIMEOUT, state: 'attached' });
    await body(page);
  } finally {
    await page.close();
  }
  expect(problems.join('\n'), `problems on ${query}`).toBe('');
}

const ofYear = (ref: Map<string, RefProjected>, year = 2024) =>
  new Map([...ref].filter(([id]) => folder.targets.find((t) => t.id === id)?.year === year));

/** Every data-kpi element on the page: judgement and projection as the reference says. */
async function expectAllHooks(page: Page, ref: Map<string, RefProjected>, what: string) {
  const shown = await readKpis(page);
  expect(shown.length, `${what}: targets shown`).toBeGreaterThan(0);
  expect(mismatches(shown, ref), `${what}: judgement`).toEqual([]);
  expect(projectionMismatches(await readProjections(page), ref), `${what}: projection`).toEqual([]);
}

describe('the reference on the fixture (worked by hand in tests/fixtures/projection/make-projection.mjs)', () => {
  it('pins the figures the fixture was designed around', () => {
    const ref = projectAll(folder, '2024-09');
    const pick = (id: string) => ref.get(id)!;
    const close = (got: number | null, want: number) => expect(Math.abs(got! - want)).toBeLessThan(1e-6);
    close(pick('pj-01-city-graduates-seasonal').projected, 9900);
    expect(pick('pj-01-city-graduates-seasonal').band).toEqual([9900, 10680]);
    close(pick('pj-01-city-graduates-seasonal').needed, 1330);
    close(pick('pj-02-d2-startups-linear').projected, 1080);
    expect(pick('pj-02-d2-startups-linear').method).toBe('linear');
    close(pick('pj-03-city-layoffs-cap').projected, 1500);
    expect(pick('pj-03-city-layoffs-cap')).toMatchObject({ status: 'met', projectedStatus: 'missed', needed: 100 });
    close(pick('pj-04-city-assist-rate').projected, 90.5);
    expect(pick('pj-05-d1-coverage-no-last-year')).toMatchObject({ projected: 90, projectedStatus: 'missed', method: 'unchanged' });
    close(pick('pj-06-city-formal-level').projected, 995000);
    expect(pick('pj-08-city-spring-due-june')).toMatchObject({ projected: 48000, projectedStatus: 'missed', needed: null, method: 'final' });
    expect(pick('pj-09-d1-loans-no-data')).toMatchObject({ projected: null, projectedStatus: null, needed: null });
    expect(pick('pj-10-d1-training-about')).toMatchObject({ projected: 1920, method: 'linear', projectedStatus: 'met' });
    close(pick('pj-11-d1-new-jobs-flat').projected, 19200);
    close(pick('pj-12-d2-graduates-baseline').projected, 3960);
    const inherited = projectRowsForAreas(folder, 2024, ['980101', '980102', '980101001'], '2024-09');
    close(inherited.get('pj-04-city-assist-rate@980101')!.projected, 93.25);
    expect(inherited.get('pj-04-city-assist-rate@980102')).toMatchObject({ projected: 85, projectedStatus: 'missed' });
    expect(inherited.get('pj-04-city-assist-rate@980101001')!.projected).toBeNull();
    expect(projectAll(folder, '2024-03').get('pj-08-city-spring-due-june')).toMatchObject({ projected: 75000, band: [60000, 75000], projectedStatus: 'met' });
    expect(projectAll(folder, '2024-06').get('pj-10-d1-training-about')).toMatchObject({ projected: 3360, method: 'seasonal' });
  });
});

describe('every projection hook against the reference', () => {
  for (const asof of ['2024-09', '2024-06', '2024-03']) {
    it(`analyst table, as of ${asof}: every target of 2024`, async () => {
      const ref = ofYear(projectAll(folder, asof));
      await withPage(`asof=${asof}`, async (page) => {
        await page.waitForSelector('tr[data-kpi]');
        expect(keys(await readKpis(page))).toEqual([...ref.keys()].sort());
        await expectAllHooks(page, ref, `analyst ${asof}`);
      });
    });
  }

  it('analyst filtered to two districts and a town: the inherited rate target projected on each area\u2019s own last year', async () => {
    const areas = ['980101', '980102', '980101001'];
    const ref = projectRowsForAreas(folder, 2024, areas, '2024-09');
    expect([...ref.keys()].filter((k) => k.includes('@')).length).toBeGreaterThanOrEqual(3);
    await withPage(`area=${areas.join(',')}`, async (page) => {
      await page.waitForSelector('tr[data-kpi][data-inherited="true"]');
      expect(keys(await readKpis(page))).toEqual([...ref.keys()].sort());
      await expectAllHooks(page, ref, 'analyst areas');
    });
  });

  for (const pages of ['overview', 'group-sample-graduates', 'sources']) {
    it(`wall, page ${pages}: tiles and hidden markers`, async () => {
      const ref = ofYear(projectAll(folder, '2024-09'));
      await withPage(`view=wall&pages=${pages}&rotate=600`, async (page) => {
        await page.waitForSelector('[data-kpi]', { state: 'attached' });
        await expectAllHooks(page, ref, `wall ${pages}`);
      });
    });
  }
});

describe('what the reader sees', () => {
  it('wall tiles: a projection line with the projected status for every target not yet due, none for one already due (zh, en; long and short words)', async () => {
    const ref = projectAll(folder, '2024-09');
    const cases = [
      // A wide screen: tiles have room for 预计全年 … · 预计未达标.
      { lang: 'zh', viewport: { width: 3840, height: 1080 }, labels: ['预计全年'], words: { met: ['预计达标'], missed: ['预计未达标'] } },
      // Narrower tiles may say it in fewer words: 预计 … · 未达标.
      { lang: 'zh', viewport: { width: 1600, height: 1000 }, labels: ['预计'], words: { met: ['达标'], missed: ['未达标'] } },
      { lang: 'en', viewport: { width: 1600, height: 1000 }, labels: ['Forecast'], words: { met: ['Likely met', 'Met'], missed: ['Likely missed', 'Missed'] } },
    ] as const;
    for (const c of cases) {
      await withPage(
        `view=wall&pages=overview&rotate=600&lang=${c.lang}`,
        async (page) => {
          const tiles = await page.$$eval('.wall-tiles [data-kpi]', (els) =>
            els.map((el) => {
              const line = el.querySelector('[data-projection-line]') as HTMLElement | null;
              return { id: el.getAttribute('data-target-id')!, line: line?.innerText ?? null, label: line?.querySelector('[data-projected-label]')?.getAttribute('data-projected-label') ?? null };
            }),
          );
          expect(tiles.length).toBeGreaterThan(3);
          for (const t of tiles) {
            const r = ref.get(t.id)!;
            if (r.method === 'final' || r.projected == null) {
              expect(t.line, t.id).toBeNull();
              continue;
            }
            const what = `${c.lang} ${c.viewport.width}: ${t.id}: ${t.line}`;
            expect(t.label, what).toBe(r.projectedStatus);
            expect(c.labels.some((l) => t.line!.startsWith(l)), what).toBe(true);
            expect(c.words[r.projectedStatus!].some((w) => t.line!.includes(w)), what).toBe(true);
            if (r.projectedStatus === 'met') expect(c.words.missed.some((w) => t.line!.includes(w)), what).toBe(false);
          }
        },
        c.viewport,
      );
    }
  });

  it('status filter 预计未达标 (status=projected_missed): exactly the targets projected to miss; the checkbox writes it to the URL', async () => {
    const ref = ofYear(projectAll(folder, '2024-09'));
    const want = [...ref].filter(([, r]) => r.projectedStatus === 'missed').map(([id]) => id).sort();
    expect(want.length).toBeGreaterThan(3);
    await withPage('status=projected_missed', async (page) => {
      await page.waitForSelector('tr[data-kpi]');
      expect(keys(await readKpis(page))).toEqual(want);
    });
    await withPage('', async (page) => {
      await page.check('[data-filter="status"] input[value="projected_missed"]');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'projected_missed');
      await page.waitForFunction((n) => document.querySelectorAll('tr[data-kpi]').length === n, want.length);
      expect(keys(await readKpis(page))).toEqual(want);
    });
  });

  it('the projection columns fold away as the table narrows; the hooks stay on every row', async () => {
    const shown = async (page: Page) =>
      page.$$eval('tr[data-kpi]:first-of-type td[data-col]', (tds) =>
        tds
          .filter((td) => (td as HTMLElement).offsetWidth > 0)
          .map((td) => td.getAttribute('data-col'))
          .filter((c): c is string => c === 'projected' || c === 'projected_status' || c === 'needed'),
      );
    const ref = ofYear(projectAll(folder, '2024-09'));
    // Folding order: the figure first, then what each month must bring, the outlook last; narrower shows no more.
    const ORDER = ['projected', 'needed', 'projected_status'];
    const seen: string[][] = [];
    for (const viewport of [
      { width: 2560, height: 1440 },
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 },
    ]) {
      await withPage(
        '',
        async (page) => {
          await page.waitForSelector('tr[data-kpi]');
          const cols = await shown(page);
          const where = `${viewport.width}×${viewport.height}: ${cols.join(', ')}`;
          // What is shown is always the last ones of the folding order.
          expect(ORDER.slice(ORDER.length - cols.length).sort(), where).toEqual([...cols].sort());
          seen.push(cols);
          expect(projectionMismatches(await readProjections(page), ref)).toEqual([]);
        },
        viewport,
      );
    }
    // A wide screen shows the outlook and what each month needs; a laptop keeps at most the outlook (the
    // rest is in the row's detail), and only while the table still fits (analyst-layout tests).
    expect(seen[0]!.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]!.length).toBeGreaterThanOrEqual(seen[1]!.length);
    expect(seen[1]!.length).toBeGreaterThanOrEqual(seen[2]!.length);
    expect(seen[2]!.length).toBeLessThanOrEqual(1);
  });

  it('sorts by needed per month (largest first, none last) and by the projection', async () => {
    const ref = ofYear(projectAll(folder, '2024-09'));
    const order = async (page: Page) => page.$$eval('tr[data-kpi]', (els) => els.map((el) => el.getAttribute('data-target-id')!));
    await withPage('sort=-needed', async (page) => {
      await page.waitForSelector('tr[data-kpi]');
      const got = await order(page);
      const needed = got.map((id) => ref.get(id)!.needed);
      const known = needed.filter((n): n is number => n != null);
      expect(known.length).toBeGreaterThan(3);
      expect(needed.slice(0, known.length)).toEqual(known);
      expect(known).toEqual([...known].sort((a, b) => b - a));
    });
    await withPage('sort=projected', async (page) => {
      await page.waitForSelector('tr[data-kpi]');
      const values = (await order(page)).map((id) => ref.get(id)!.projected).filter((v): v is number => v != null);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    });
  });

  it('monthly chart: the dashed projection from the latest actual to the due month, the band, last year to December; the detail says how', async () => {
    const id = 'pj-01-city-graduates-seasonal';
    const t = folder.targets.find((x) => x.id === id)!;
    const r = projectAll(folder, '2024-09').get(id)!;
    await withPage(`target=${id}`, async (page) => {
      await page.waitForSelector(`[data-detail="${id}"]`);
      await page.waitForFunction(() => (window as unknown as { __charts?: Record<string, unknown> }).__charts?.['analyst-monthly'] != null);
      await page.waitForSelector('[data-app-root][data-ready="true"]', { state: 'attached' });
      type Opt = { xAxis: { data: string[] }[]; series: { name?: string; data: (number | null)[]; stack?: string }[] };
      const opt = await page.evaluate(
        () => (window as unknown as { __charts: Record<string, { getOption(): unknown }> }).__charts['analyst-monthly']!.getOption() as Opt,
      );
      expect(opt.xAxis[0]!.data).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
      const line = opt.series.find((s) => s.name === '预计全年')!.data;
      expect(line.slice(0, 8).every((v) => v == null || (v as unknown) === '-')).toBe(true);
      expect(Math.abs(line[8]! - r.actual!)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(line[11]! - r.projected!)).toBeLessThanOrEqual(TOLERANCE);
      const band = opt.series.filter((s) => s.stack === 'projection-band');
      expect(band).toHaveLength(2);
      expect(Math.abs(band[0]!.data[11]! - r.band![0])).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(band[0]!.data[11]! + band[1]!.data[11]! - r.band![1])).toBeLessThanOrEqual(TOLERANCE);
      // Last year's profile, month by month to the due month, read like the actual.
      const prior = opt.series.find((s) => s.name === '上年同期')!.data;
      const want = Array.from({ length: 12 }, (_, i) => actualAt(folder, t.indicator, t.area, 2023, monthIndex('2023-01') + i));
      want.forEach((w, i) => expect(Math.abs(prior[i]! - w!), `prior ${i}`).toBeLessThanOrEqual(TOLERANCE));
      expect(await page.getAttribute('[data-projection-method]', 'data-projection-method')).toBe('seasonal');
      expect(await page.textContent('[data-projection-method]')).toContain('按去年同期进度');
      expect(await page.textContent('[data-detail-needed]')).toContain(String(Math.ceil(r.needed! - 1e-9)));
    });
    // A flow without last year: a straight line, said so, and no band to shade.
    const linear = 'pj-02-d2-startups-linear';
    await withPage(`target=${linear}`, async (page) => {
      await page.waitForSelector(`[data-detail="${linear}"] [data-projection-method]`);
      expect(await page.getAttribute('[data-projection-method]', 'data-projection-method')).toBe('linear');
      expect(await page.textContent('[data-projection-method]')).toContain('去年无同期数据');
      await page.waitForFunction(() => (window as unknown as { __charts?: Record<string, unknown> }).__charts?.['analyst-monthly'] != null);
      const stacks = await page.evaluate(() =>
        ((window as unknown as { __charts: Record<string, { getOption(): { series: { stack?: string }[] } }> }).__charts['analyst-monthly']!.getOption().series).filter(
          (s) => s.stack === 'projection-band',
        ).length,
      );
      expect(stacks).toBe(0);
    });
  });

  it('briefing: where each target not yet due is heading and what each month must bring (zh, en)', async () => {
    const ref = ofYear(projectAll(folder, '2024-09'));
    const outlooks = async (page: Page) =>
      new Map(
        await page.$$eval('[data-briefing-target]', (els) =>
          els.map((el) => [el.getAttribute('data-briefing-target')!, el.querySelector('[data-briefing-projection]')?.textContent ?? null] as const),
        ),
      );
    await withPage('view=briefing', async (page) => {
      await page.waitForSelector('[data-briefing-summary]');
      const got = await outlooks(page);
      for (const [id, r] of ref) {
        if (!got.has(id)) continue; // no data: listed by name only
        if (r.method === 'final' || r.projected == null) expect(got.get(id), id).toBeNull();
        else expect(got.get(id), id).toMatch(/^(按|去年无同期数据)/);
      }
      // 8010 in 9 months (890 a month); 1330 needed a month is 1.5 times that.
      const seasonal = ref.get('pj-01-city-graduates-seasonal')!;
      const text = got.get('pj-01-city-graduates-seasonal')!;
      expect(text).toContain(`按去年同期进度预计全年完成${Math.round(seasonal.projected!)}人`);
      expect(text).toContain(`后续每月需完成${Math.ceil(seasonal.needed! - 1e-9)}人`);
      expect(text).toContain(`为前9个月月均的${(Math.ceil(seasonal.needed! - 1e-9) / (seasonal.actual! / 9)).toFixed(1)}倍`);
      const cap = ref.get('pj-03-city-layoffs-cap')!;
      expect(got.get('pj-03-city-layoffs-cap')).toContain(`后续每月不超过${Math.floor(cap.needed! + 1e-9)}人`);
      expect(got.get('pj-04-city-assist-rate')).toContain(`${ref.get('pj-04-city-assist-rate')!.projected!.toFixed(1)}%`);
      // Met now, projected to miss: it is listed with what needs attention, ahead of every target that does not.
      const running = await page.$$eval('[data-section="running"] [data-briefing-target]', (els) =>
        els.map((el) => ({
          id: el.getAttribute('data-briefing-target')!,
          attention: ['missed', 'behind'].includes(el.getAttribute('data-status')!) || el.querySelector('[data-briefing-projection="missed"]') != null,
        })),
      );
      const at = running.findIndex((r) => r.id === 'pj-03-city-layoffs-cap');
      expect(at).toBeGreaterThan(-1);
      expect(running[at]!.attention).toBe(true);
      const firstCalm = running.findIndex((r) => !r.attention);
      expect(firstCalm === -1 || at < firstCalm, JSON.stringify(running)).toBe(true);
      expect(running.slice(firstCalm === -1 ? running.length : firstCalm).every((r) => !r.attention)).toBe(true);
    });
    await withPage('view=briefing&lang=en', async (page) => {
      await page.waitForSelector('[data-briefing-summary]');
      const text = (await outlooks(page)).get('pj-01-city-graduates-seasonal')!;
      expect(text).toContain("At last year's pace, projected 9,900 persons for the year");
      expect(text).toContain('each remaining month needs 1,330 persons');
      expect(text).not.toMatch(/\p{Script=Han}/u);
    });
  });
});
