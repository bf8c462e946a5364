/**
 * One change to the data at a time: a change that starts while another runs must end with exactly
 * one outcome applied, as if the two had run one after the other, and nothing mixed.
 *
 * - a refresh of the data folder (what ?refresh= fires on its timer) while an uploaded file is
 *   being checked: the upload's report names its rows, no error reaches the page, and what is
 *   shown is what the independent judge says of the folder alone or of the folder with the upload
 *   on top (the two orders), never anything else;
 * - 恢复为发布数据 (reset) while a ledger loads: the published folder alone, no ledger figure left,
 *   and the ledger panel does not claim a ledger that is not there.
 */
import { stageBuiltApp, unstage } from './stage';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import { HEADER, ledgerLines } from '../../data/scripts/gen-ledger.mjs';
import { judgeAll, loadFolder as loadRefFolder } from '../helpers/reference-judge';
import { isExpectedConsoleError } from './expected-console';
import { mismatches, readKpis } from './kpi-compare';
import { REPO } from './stage';

let tmp = '';
let server: RunningServer;
let browser: Browser;
let uploadPath = '';
let uploadRows = 0;
let withUploadDir = '';
let ledgerPath = '';
/** The one row of the upload that changes a figure on screen (the rest are years nobody shows). */
let changed: { indicator_id: string; area_code: string; period: string; value: string } | null = null;

type Row = Record<string, string>;
const readCsv = (file: string): Row[] =>
  Papa.parse<Row>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({
    prefix: 'jiuye-races-',
    prepare: (dir) => {
      // An upload large enough that checking it takes a while: flow figures for 2011–2019 (years no
      // target reads), plus one 2023 row that moves a figure the analyst view shows for 2023.
      const indicators = readCsv(path.join(REPO, 'data', 'indicators.csv')).filter((r) => r.kind === 'flow');
      const areas = readCsv(path.join(REPO, 'data', 'areas.csv')).filter((r) => r.level === 'district' || r.level === 'town');
      const actuals = readCsv(path.join(REPO, 'data', 'actuals.csv'));
      const targets = readCsv(path.join(REPO, 'data', 'targets.csv'));
      const lines = ['indicator_id,area_code,period,value,source'];
      for (const ind of indicators)
        for (const a of areas)
          for (let y = 2011; y <= 2019; y++)
            for (let mo = 1; mo <= 12; mo++) lines.push(`${ind.indicator_id},${a.area_code},${y}-${String(mo).padStart(2, '0')},${(y * 7 + mo) % 97},race test`);
      // A 2023 flow row of an area that has a 2023 target of its own.
      const own = new Set(targets.filter((t) => t.year === '2023').map((t) => `${t.indicator_id}|${t.area_code}`));
      const flowIds = new Set(indicators.map((i) => i.indicator_id));
      const row = actuals.find((r) => r.period === '2023-03' && flowIds.has(r.indicator_id) && own.has(`${r.indicator_id}|${r.area_code}`) && (r.basis ?? '') !== 'ytd');
      if (!row) throw new Error('no 2023 flow row of a target area in the bundled data');
      changed = { indicator_id: row.indicator_id!, area_code: row.area_code!, period: row.period!, value: String(Number(row.value) + 5000) };
      lines.push(`${changed.indicator_id},${changed.area_code},${changed.period},${changed.value},race test`);
      uploadRows = lines.length - 1;
      uploadPath = path.join(dir, 'upload-actuals.csv');
      writeFileSync(uploadPath, lines.join('\n') + '\n');
      // The folder as it would be with the upload applied on top of it (for the reference judge).
      withUploadDir = path.join(dir, 'with-upload');
      mkdirSync(withUploadDir);
      for (const t of ['areas', 'indicators', 'targets']) cpSync(path.join(REPO, 'data', `${t}.csv`), path.join(withUploadDir, `${t}.csv`));
      const replaced = actuals.map((r) =>
        r.indicator_id === changed!.indicator_id && r.area_code === changed!.area_code && r.period === changed!.period ? { ...r, value: changed!.value, basis: '', source: 'race test' } : r,
      );
      writeFileSync(path.join(withUploadDir, 'actuals.csv'), Papa.unparse(replaced));
      ledgerPath = path.join(dir, 'ledger-100k.csv');
      const ledger = [HEADER];
      for (const line of ledgerLines({ rows: 100_000, seed: 11, year: 2023, repo: REPO })) ledger.push(line);
      writeFileSync(ledgerPath, ledger.join('\n') + '\n');
    },
  }));
}, 240_000);

afterAll(() => unstage({ tmp, server, browser }));

async function open(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !isExpectedConsoleError(m) && problems.push(m.text()));
  await page.goto(`${server.url}app/${query}`);
  // Ledgers and uploads need DuckDB: wait until it holds the data, not only until figures are on screen.
  await page.waitForSelector('[data-ready="true"][data-engine="ready"]', { timeout: 90_000 });
  return { page, problems };
}

/** Statements DuckDB has finished so far (window.__sqlTrace, recorded by the engine owner). */
const finished = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __sqlTrace?: { what: string }[] }).__sqlTrace ?? []).map((t) => t.what));

describe('one change to the data at a time', () => {
  it('a refresh that fires while an upload is being checked: one order applied, nothing mixed, no error', async () => {
    const asOf = '2023-12';
    const { page, problems } = await open(`?year=2023&asof=${asOf}`);
    await page.evaluate(() => void ((window as unknown as { __sqlTrace: unknown[] }).__sqlTrace = []));
    await page.setInputFiles('.load-panel input[type=file]', uploadPath);
    // Once DuckDB has read the upload, its checks are running: the refresh fires now.
    await page.waitForFunction(
      () => ((window as unknown as { __sqlTrace?: { what: string }[] }).__sqlTrace ?? []).some((t) => /raw_actuals|reject_scans/.test(t.what)),
      undefined,
      { timeout: 60_000, polling: 5 },
    );
    const refreshed = page.evaluate(() => window.__dashboard!.refresh().then(() => 'done'));
    expect(await refreshed).toBe('done');
    await page.waitForSelector('[data-load-report][data-busy="false"]', { state: 'attached', timeout: 120_000 });
    await page.waitForSelector('[data-ready="true"]', { timeout: 60_000 });
    // The statements really did interleave: the folder's load ran while the upload was in flight.
    expect((await finished(page)).some((w) => /DROP TABLE IF EXISTS new_areas/.test(w) || /new_areas/.test(w))).toBe(true);

    const report = page.locator('[data-load-report] [data-file="upload-actuals.csv"]');
    expect(await report.count(), `the upload's report; page errors: ${problems.join(' | ')}`).toBe(1);
    expect(await report.getAttribute('data-accepted'), (await report.textContent()) ?? '').toBe(String(uploadRows));
    expect(await report.getAttribute('data-rejected')).toBe('0');

    const shown = await readKpis(page);
    expect(shown.length).toBeGreaterThan(0);
    const folderOnly = mismatches(shown, judgeAll(loadRefFolder(path.join(REPO, 'data')), asOf));
    const uploadOnTop = mismatches(shown, judgeAll(loadRefFolder(withUploadDir), asOf));
    // The two orders differ on screen (else this test could not tell them from a mix).
    expect(mismatches(readKpisFrom(judgeAll(loadRefFolder(withUploadDir), asOf)), judgeAll(loadRefFolder(path.join(REPO, 'data')), asOf)).length).toBeGreaterThan(0);
    expect(
      folderOnly.length === 0 || uploadOnTop.length === 0,
      `neither order: folder alone ${folderOnly.slice(0, 3).join(' | ')}; upload on top ${uploadOnTop.slice(0, 3).join(' | ')}`,
    ).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it('恢复为发布数据 while a ledger loads: the published folder alone, no ledger figure, no ledger claimed', async () => {
    const asOf = '2023-12';
    const { page, problems } = await open(`?year=2023&asof=${asOf}`);
    await page.setInputFiles('input[data-ledger-input]', ledgerPath);
    await page.waitForSelector('[data-ledger-progress]', { timeout: 60_000 });
    await page.click('[data-reset-data]');
    // Both finish: the ledger panel is no longer busy and the reset's folder load is done.
    await page.waitForFunction(() => document.querySelector('[data-ledger-progress]') == null, undefined, { timeout: 120_000 });
    await page.waitForSelector('[data-ready="true"]', { timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.waitForSelector('[data-ready="true"]', { timeout: 60_000 });

    const figures = await page.evaluate(() => window.__dashboard!.ledgerFigures());
    expect(figures.length, 'ledger figures left after the reset').toBe(0);
    const state = await page.getAttribute('[data-ledger-report]', 'data-state');
    expect(state, 'the ledger panel claims a loaded ledger').not.toBe('done');
    expect(await page.getAttribute('[data-ledger-report]', 'data-figures')).toBe('');

    const shown = await readKpis(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(mismatches(shown, judgeAll(loadRefFolder(path.join(REPO, 'data')), asOf))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});

/** A reference judgement as if it were shown (to check that two references differ at all). */
function readKpisFrom(ref: Map<string, { actual: number | null; target: number | null; expected: number | null; status: string }>) {
  return [...ref.entries()].map(([targetId, r]) => ({
    targetId,
    indicator: '',
    area: '',
    year: '',
    actual: r.actual == null ? '' : String(r.actual),
    target: r.target == null ? '' : String(r.target),
    expected: r.expected == null ? '' : String(r.expected),
    status: r.status,
    inherited: false,
  }));
}
