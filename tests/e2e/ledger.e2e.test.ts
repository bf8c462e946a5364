/**
 * A generated 100k-row ledger loaded through the workbench's file input: the figures the page
 * derives equal an independent computation (PapaParse + plain JavaScript, tests/bench/baseline.mjs),
 * as do those of a 400k-row one (62 MB) that DuckDB reads from the file in parts,
 * the targets they feed are judged as the independent judge says, no person id reaches the page,
 * and cancelling leaves everything as it was.
 */
import { stageBuiltApp, unstage } from './stage';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import { HEADER, ledgerLines } from '../../data/scripts/gen-ledger.mjs';
import { aggregateInJs } from '../bench/baseline.mjs';
import { judgeAll, loadFolder } from '../helpers/reference-judge';
import { isExpectedConsoleError } from './expected-console';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
type Fig = {
  indicator_id: string;
  area_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};
const keyOf = (f: Fig) => `${f.indicator_id}|${f.area_code}|${f.period}`;

let tmp = '';
let server: RunningServer;
let browser: Browser;
let ledgerPath = '';
let bigLedgerPath = '';
let expected: Fig[] = [];
let expectedBig: Fig[] = [];

function writeLedger(file: string, rows: number, seed: number) {
  const lines: string[] = [HEADER];
  for (const line of ledgerLines({ rows, seed, year: 2023, repo: REPO })) lines.push(line);
  writeFileSync(file, lines.join('\n') + '\n');
}

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({
    prefix: 'jiuye-ledger-',
    prepare: (dir) => {
      ledgerPath = path.join(dir, 'ledger-100k.csv');
      writeLedger(ledgerPath, 100_000, 7);
      bigLedgerPath = path.join(dir, 'ledger-400k.csv');
      writeLedger(bigLedgerPath, 400_000, 8);
    },
  }));
  const tables = {
    indicatorsCsv: readFileSync(path.join(REPO, 'data', 'indicators.csv'), 'utf8'),
    areasCsv: readFileSync(path.join(REPO, 'data', 'areas.csv'), 'utf8'),
  };
  expected = aggregateInJs(readFileSync(ledgerPath, 'utf8'), tables).figures as Fig[];
  expectedBig = aggregateInJs(readFileSync(bigLedgerPath, 'utf8'), tables).figures as Fig[];
}, 240_000);

afterAll(() => unstage({ tmp, server, browser }));

async function open(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const problems: string[] = [];
  const host = new URL(server.url).host;
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !isExpectedConsoleError(m) && problems.push(m.text()));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).host !== host) problems.push(`foreign request ${u}`);
  });
  await page.goto(`${server.url}app/${query}`);
  // Ledgers and uploads need DuckDB: wait until it holds the data, not only until figures are on screen.
  await page.waitForSelector('[data-ready="true"][data-engine="ready"]', { timeout: 90_000 });
  return { page, problems };
}

const num = (v: unknown) => (v == null || v === '' ? null : Number(v));

it('derives exactly the independent figures from a 100k-row ledger and judges the targets it feeds', async () => {
  const { page, problems } = await open('?year=2023&asof=2023-12');
  const requestsBefore = server.requests.length;
  await page.evaluate(() => void ((window as unknown as { __sqlTrace: unknown[] }).__sqlTrace = []));
  await page.setInputFiles('input[data-ledger-input]', ledgerPath);
  await page.waitForSelector('[data-ledger-report][data-state="done"], [data-ledger-report][data-state="error"]', {
    timeout: 120_000,
  });
  expect(
    await page.getAttribute('[data-ledger-report]', 'data-state'),
    (await page.textContent('[data-ledger-report]')) ?? '',
  ).toBe('done');
  // Nothing leaves the browser: while a ledger loads, the only requests are GETs of the app's own
  // code files (the ledger module is fetched on first use).
  const during = server.requests.slice(requestsBefore).filter((r) => !/\/data\/|areas\.geojson/.test(r.path));
  expect(during.filter((r) => !(r.method === 'GET' && /^\/app\/assets\/[\w-]+\.js$/.test(r.path)))).toEqual([]);
  await page.waitForSelector('[data-ready="true"]', { timeout: 90_000 });
  const shown = (await page.evaluate(() => window.__dashboard!.ledgerFigures())) as Fig[];
  const norm = (rows: Fig[]) =>
    rows
      .map((r) => ({ ...r, value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator) }))
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  expect(shown.length).toBeGreaterThan(1000);
  expect(norm(shown)).toEqual(norm(expected));
  // The year is judged once after the swap, on the catalog read after it (it once ran twice: first
  // on the previous catalog, while the new one was being read). A judgement may take several
  // statements (requests go in chunks), so count how often its first request is asked for.
  type Traced = { what: string; firstParam?: unknown };
  const trace = await page.evaluate(() => (window as unknown as { __sqlTrace: Traced[] }).__sqlTrace);
  const swap = trace.findIndex((t) => t.what.startsWith('BEGIN TRANSACTION; DELETE FROM ledger_actuals'));
  expect(swap).toBeGreaterThan(-1);
  // A judgement takes one statement per 400 requests (fetchComponents), so count how often its first
  // request is asked for; and none before the new catalog was read.
  const after = trace.slice(swap);
  const catalogRead = after.findIndex((t) => t.what.startsWith('SELECT count(*) AS actual_rows'));
  const judging = after.filter((t) => t.what.startsWith('WITH RECURSIVE req('));
  expect(judging.length).toBeGreaterThan(0);
  expect(judging.filter((t) => t.firstParam === judging[0]!.firstParam).length).toBe(1);
  expect(catalogRead).toBeGreaterThan(-1);
  expect(after.findIndex((t) => t.what.startsWith('WITH RECURSIVE req('))).toBeGreaterThan(catalogRead);

  // Independent judgement: the bundled folder with the ledger's figures upserted into actuals.
  const folder = path.join(tmp, 'merged');
  cpSync(path.join(REPO, 'data'), folder, { recursive: true });
  const actuals = Papa.parse<Record<string, string>>(readFileSync(path.join(REPO, 'data', 'actuals.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const ledgerKeys = new Set(expected.map(keyOf));
  const merged = [
    ...actuals.filter((a) => !ledgerKeys.has(`${a.indicator_id}|${a.area_code}|${a.period}`)),
    ...expected.map((f) => ({
      indicator_id: f.indicator_id,
      area_code: f.area_code,
      period: f.period,
      value: f.value ?? '',
      numerator: f.numerator ?? '',
      denominator: f.denominator ?? '',
      basis: f.value != null ? 'flow' : '',
      source: 'ledger',
    })),
  ];
  writeFileSync(path.join(folder, 'actuals.csv'), Papa.unparse(merged));
  const ref = judgeAll(loadFolder(folder), '2023-12');
  const rows = await page.$$eval('tr[data-kpi]', (trs) =>
    trs.map((t) => ({
      id: t.getAttribute('data-target-id')!,
      actual: t.getAttribute('data-actual'),
      status: t.getAttribute('data-status'),
    })),
  );
  expect(rows.length).toBeGreaterThan(10);
  const fed = rows.filter((r) =>
    [
      'hjb2023-3-10-assistance-rate',
      'hjb2023-3-11-zero-employment',
      'hcjb2023-2-09-assistance-rate',
      'hcjb2023-2-10-zero-employment',
    ].includes(r.id),
  );
  expect(fed.length).toBe(4);
  for (const r of rows) {
    const e = ref.get(r.id)!;
    expect(num(r.actual), r.id).toBeCloseTo(e.actual ?? NaN, 3);
    expect(r.status, r.id).toBe(e.status);
  }
  // The detail names the ledger as the source of the figure.
  await page.click('tr[data-target-id="hjb2023-3-10-assistance-rate"] button.row-select');
  await page.waitForSelector('[data-ready="true"]');
  expect(await page.textContent('[data-provenance]')).toContain('ledger: ledger-100k.csv');
  // No person id anywhere on the page.
  expect(await page.evaluate(() => /\b[PH]\d{8}\b/.test(document.body.innerText))).toBe(false);
  expect(problems).toEqual([]);
  await page.close();
});

it('reads a ledger over 32 MB from the file in parts, showing bytes and rows, to the same independent figures', async () => {
  const { page, problems } = await open('?year=2023&asof=2023-12');
  // Every progress text the panel shows, as it changes.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __ledgerProgress: string[] }).__ledgerProgress = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[data-ledger-progress]');
      if (el) seen.push(`${el.getAttribute('data-ledger-progress')}|${el.textContent}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.setInputFiles('input[data-ledger-input]', bigLedgerPath);
  await page.waitForSelector('[data-ledger-report][data-state="done"], [data-ledger-report][data-state="error"]', {
    timeout: 180_000,
  });
  expect(
    await page.getAttribute('[data-ledger-report]', 'data-state'),
    (await page.textContent('[data-ledger-report]')) ?? '',
  ).toBe('done');
  expect(await page.getAttribute('[data-ledger-report]', 'data-rows')).toBe('400000');
  await page.waitForSelector('[data-ready="true"]', { timeout: 90_000 });
  const shown = (await page.evaluate(() => window.__dashboard!.ledgerFigures())) as Fig[];
  const norm = (rows: Fig[]) =>
    rows
      .map((r) => ({ ...r, value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator) }))
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  expect(norm(shown)).toEqual(norm(expectedBig));
  // Parsed in parts: the parse phase showed rows counted so far, more than once, and nothing was
  // read into the page first (no read progress past 0 MB).
  const progress = await page.evaluate(() => (window as unknown as { __ledgerProgress: string[] }).__ledgerProgress);
  const partTexts = new Set(progress.filter((p) => p.startsWith('parse|') && /行/.test(p)));
  expect(partTexts.size, progress.join('\n')).toBeGreaterThan(1);
  expect(
    progress.filter((p) => /^read\|读取中 [1-9]/.test(p)),
    progress.join('\n'),
  ).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});

it('cancels a load in progress and keeps what was there', async () => {
  const { page, problems } = await open('?year=2023&asof=2023-12');
  const before = await page.$$eval('tr[data-kpi]', (trs) => trs.map((t) => t.getAttribute('data-actual')));
  // Slow the page down so the cancel reliably lands while the ledger is still being read or parsed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.setInputFiles('input[data-ledger-input]', bigLedgerPath);
  await page.click('[data-ledger-cancel]', { timeout: 30_000 });
  await page.waitForSelector('[data-ledger-report][data-state="cancelled"]', { timeout: 120_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.waitForSelector('[data-ready="true"]');
  expect(await page.evaluate(() => window.__dashboard!.ledgerFigures())).toEqual([]);
  expect(await page.$$eval('tr[data-kpi]', (trs) => trs.map((t) => t.getAttribute('data-actual')))).toEqual(before);
  expect(problems).toEqual([]);
  await page.close();
});
