/**
 * The analyst workbench driven the way a person uses it (clicks, selects, typing, dropping files,
 * the back button, the keyboard), in headless Chromium against the built app, with every expected
 * number taken from the independent reference judge (tests/helpers/reference-judge.ts) over the
 * bundled data — with the uploaded rows applied as upserts where a test uploads a file.
 *
 * Set-up as in dashboard.e2e.test.ts: a copy of dist/ served under /apps/jiuye/dashboard/. Every
 * page fails its test on a page error, a console error (except the optional areas.geojson 404,
 * see expected-console.ts) or a request to another host.
 *
 * The upload corpus lives in tests/fixtures/excel/ and is written by make-corpus.mjs there; what
 * each file means (its canonical rows, the lines that must be rejected and why) is restated here
 * so the expectations do not come from the generator.
 */
import { stageBuiltApp, unstage } from './stage';
import { readKpis, TOLERANCE } from './kpi-compare';
import { expectRows, SETTLE_TIMEOUT, watchPage } from './page-checks';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import {
  actualAt,
  judgeAll,
  latestPeriod,
  loadFolder,
  monthIndex,
  rowsForAreas,
  type RefActual,
  type RefFolder,
  type RefJudgement,
  type RefTarget,
} from '../helpers/reference-judge';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = path.join(REPO, 'tests', 'fixtures', 'excel');
const BASE = '/apps/jiuye/';
const APP_DIR = 'dashboard';
const READY_TIMEOUT = 90_000;

// ---------------------------------------------------------------------------------------------
// Set-up

let tmp = '';
let server: RunningServer | null = null;
let browser: Browser | null = null;
let context: BrowserContext | null = null;
let bundled: RefFolder;
let meta: Meta;
let appUrl = '';

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({ prefix: 'jiuye-analyst-e2e-', apps: [APP_DIR], base: BASE }));
  // The bundled data as served (dist/data is the build's copy of data/).
  bundled = loadFolder(path.join(tmp, APP_DIR, 'data'));
  meta = readMeta(path.join(tmp, APP_DIR, 'data'));
  appUrl = `${server.url}${APP_DIR}/`;
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await unstage({ tmp, server, browser });
});

// ---------------------------------------------------------------------------------------------
// The data's descriptive columns (document, clause, quote, group, unit, names), read directly.

interface TargetMeta {
  id: string;
  indicator: string;
  area: string;
  year: number;
  comparator: string;
  docId: string;
  clause: string;
  quote: string;
}
interface IndicatorMeta {
  id: string;
  unit: string;
  kind: string;
  groupZh: string;
  nameZh: string;
  nameEn: string;
}
interface AreaMeta {
  code: string;
  nameZh: string;
  nameEn: string;
  level: string;
  parent: string | null;
}
interface Meta {
  targets: Map<string, TargetMeta>;
  indicators: Map<string, IndicatorMeta>;
  areas: Map<string, AreaMeta>;
}

function csvRows(file: string): Record<string, string>[] {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
}

function readMeta(dir: string): Meta {
  const targets = new Map<string, TargetMeta>();
  for (const r of csvRows(path.join(dir, 'targets.csv')))
    targets.set(r.target_id!.trim(), {
      id: r.target_id!.trim(),
      indicator: (r.indicator_id ?? '').trim(),
      area: (r.area_code ?? '').trim(),
      year: Number(r.year),
      comparator: (r.comparator ?? '').trim(),
      docId: (r.doc_id ?? '').trim(),
      clause: (r.clause ?? '').trim(),
      quote: (r.quote ?? '').trim(),
    });
  const indicators = new Map<string, IndicatorMeta>();
  for (const r of csvRows(path.join(dir, 'indicators.csv')))
    indicators.set(r.indicator_id!.trim(), {
      id: r.indicator_id!.trim(),
      unit: (r.unit ?? '').trim(),
      kind: (r.kind ?? '').trim(),
      groupZh: (r.group_zh ?? '').trim(),
      nameZh: (r.name_zh ?? '').trim(),
      nameEn: (r.name_en ?? '').trim(),
    });
  const areas = new Map<string, AreaMeta>();
  for (const r of csvRows(path.join(dir, 'areas.csv')))
    areas.set(r.area_code!.trim(), {
      code: r.area_code!.trim(),
      nameZh: (r.name_zh ?? '').trim(),
      nameEn: (r.name_en ?? '').trim(),
      level: (r.level ?? '').trim(),
      parent: (r.parent_code ?? '').trim() || null,
    });
  return { targets, indicators, areas };
}

// ---------------------------------------------------------------------------------------------
// Reference with uploaded rows applied (the contract: loading rows with an existing key replaces it).

interface CanonActual {
  indicator: string;
  /** The current area code the row must land under. */
  area: string;
  period: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  basis?: 'flow' | 'ytd';
}

function withActuals(folder: RefFolder, rows: readonly CanonActual[]): RefFolder {
  const key = (i: string, a: string, m: number) => `${i}\u0000${a}\u0000${m}`;
  const map = new Map(folder.actuals.map((r) => [key(r.indicator, r.area, r.month), r]));
  for (const r of rows) {
    const row: RefActual = {
      indicator: r.indicator,
      area: r.area,
      month: monthIndex(r.period),
      value: r.value ?? null,
      numerator: r.numerator ?? null,
      denominator: r.denominator ?? null,
      basis: r.basis ?? 'flow',
    };
    map.set(key(row.indicator, row.area, row.month), row);
  }
  return { ...folder, actuals: [...map.values()] };
}

function withTargets(folder: RefFolder, targets: readonly RefTarget[]): RefFolder {
  const map = new Map(folder.targets.map((t) => [t.id, t]));
  for (const t of targets) map.set(t.id, t);
  return { ...folder, targets: [...map.values()] };
}

const refTarget = (id: string, indicator: string, area: string, year: number, comparator: string, value: number): RefTarget => ({
  id,
  indicator,
  area,
  year,
  comparator,
  value,
  baseline: null,
  due: year * 12 + 11,
});

const targetIds = (folder: RefFolder, pick: (t: RefTarget) => boolean) =>
  folder.targets
    .filter(pick)
    .map((t) => t.id)
    .sort();

/** Codes of `code` and every area below it (by parent links in areas.csv). */
function isWithin(code: string, ancestor: string): boolean {
  for (let c: string | null = code, i = 0; c != null && i < 10; i++) {
    if (c === ancestor) return true;
    c = meta.areas.get(c)?.parent ?? null;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Page plumbing

interface PageCtx {
  page: Page;
  /** Every request the page made, in order. */
  requests: string[];
}

async function withPage(query: string, body: (ctx: PageCtx) => Promise<void>): Promise<void> {
  const page = await context!.newPage();
  const { problems, requests } = watchPage(page, server!.url);
  try {
    await page.goto(`${appUrl}${query}`);
    await waitReady(page);
    await body({ page, requests });
  } finally {
    await page.close();
  }
  expect(problems.join('\n'), `problems on ${query}`).toBe('');
}

async function waitReady(page: Page): Promise<void> {
  try {
    // The workbench's controls (uploads, the as-of month, a target's detail) need DuckDB: wait for it too.
    await page.waitForSelector('[data-app-root][data-ready="true"][data-engine="ready"]', { timeout: READY_TIMEOUT, state: 'attached' });
  } catch (err) {
    const error = await page.getAttribute('[data-app-root]', 'data-error').catch(() => null);
    throw new Error(`page never became ready${error ? ` (data-error: ${error})` : ''}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function waitParam(page: Page, name: string, value: string | null): Promise<void> {
  await page.waitForURL((u) => u.searchParams.get(name) === value, { timeout: SETTLE_TIMEOUT });
}

/** Loads corpus files through the file input (or by dropping them) and waits for the report. */
async function upload(page: Page, files: string[], how: 'input' | 'drop' = 'input'): Promise<void> {
  const payload = files.map((name) => ({ name, bytes: readFileSync(path.join(CORPUS, name)) }));
  if (how === 'input') {
    await page.setInputFiles(
      '[data-drop-zone] input[type=file]',
      payload.map((f) => ({
        name: f.name,
        mimeType: f.name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
        buffer: f.bytes,
      })),
    );
  } else {
    await page.evaluate(
      (list) => {
        const dt = new DataTransfer();
        for (const f of list) {
          const bin = atob(f.b64);
          const bytes = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          dt.items.add(new File([bytes], f.name, { type: f.name.endsWith('.csv') ? 'text/csv' : '' }));
        }
        const zone = document.querySelector('[data-drop-zone]')!;
        zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
        zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
        zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      payload.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })),
    );
  }
  for (const name of files)
    await page.waitForSelector(`[data-load-report][data-busy="false"] [data-file="${name}"]`, { timeout: SETTLE_TIMEOUT });
  await waitReady(page);
}

interface Report {
  accepted: number;
  rejected: number;
  text: string;
  issues: [number | null, string][];
  mapped: string[];
  mappedText: string[];
  encodingChoice: boolean;
}

async function report(page: Page, file: string): Promise<Report> {
  return page.$eval(`[data-load-report] [data-file="${file}"]`, (el) => ({
    accepted: Number(el.getAttribute('data-accepted')),
    rejected: Number(el.getAttribute('data-rejected')),
    text: el.textContent ?? '',
    issues: [...el.querySelectorAll('li[data-code]')].map(
      (li) =>
        [li.getAttribute('data-line') ? Number(li.getAttribute('data-line')) : null, li.getAttribute('data-code') ?? ''] as [
          number | null,
          string,
        ],
    ),
    mapped: [...el.querySelectorAll('li[data-mapped]')].map((li) => li.getAttribute('data-mapped') ?? ''),
    mappedText: [...el.querySelectorAll('li[data-mapped]')].map((li) => li.textContent ?? ''),
    encodingChoice: el.querySelector('[data-encoding-choice]') != null,
  }));
}

/** A row's target_id → data-actual, for "nothing changed" checks. */
async function actualsShown(page: Page): Promise<Record<string, string | null>> {
  return Object.fromEntries((await readKpis(page)).map((k) => [k.targetId, k.actual]));
}

// ---------------------------------------------------------------------------------------------
// Independent formatting of what a sentence must contain, after the README's rules for figures shown
// together: counts whole, a pace of them rounded up to a whole one (down for a cap); one scale for
// the figures (that of the largest of actual, target and pace: zh 万/亿, en m/bn, separators
// below); one number of decimals, the fewest (from 1 for % and scaled figures, 0 for plain counts)
// at which the actual reads differently from the target and from the pace, and neither difference
// reads as zero; % gaps in 百分点 / pp.

const WHOLE = new Set(['persons', 'posts', 'households', 'count']);
const UNIT_ZH: Record<string, string> = { persons: '人', posts: '个', count: '个', yuan: '元' };
const UNIT_EN: Record<string, string> = { persons: 'persons', posts: 'posts', count: '', yuan: 'yuan' };
function sentenceFigures(
  actualIn: number,
  targetIn: number | null,
  unit: string,
  lang: 'zh' | 'en',
  paceIn: number | null = null,
  cap = false,
): { actual: string; gap: string | null } {
  const round = (v: number) => (WHOLE.has(unit) ? Math.round(v) : v);
  const actual = round(actualIn);
  const target = targetIn == null ? null : round(targetIn);
  const pace = paceIn == null ? null : WHOLE.has(unit) ? (cap ? Math.floor(paceIn + 1e-9) : Math.ceil(paceIn - 1e-9)) : paceIn;
  const big = Math.max(Math.abs(actual), Math.abs(target ?? 0), Math.abs(pace ?? 0));
  let factor = 1;
  let suffix = '';
  let exact = WHOLE.has(unit) ? 0 : 2;
  if (unit !== 'percent') {
    const scales: [number, string, number][] = lang === 'zh' ? [[1e8, '亿', 8], [1e4, '万', 4]] : [[1e9, ' bn', 9], [1e6, ' m', 6]];
    const hit = scales.find(([f]) => big >= f);
    if (hit) [factor, suffix, exact] = [hit[0], hit[1], hit[2] + (WHOLE.has(unit) ? 0 : 2)];
  } else exact = 4;
  let d = unit === 'percent' || factor > 1 ? 1 : 0;
  const at = (v: number, k: number) => (v / factor).toFixed(k);
  const blurs = (other: number | null) => other != null && actual !== other && (at(actual, d) === at(other, d) || Number(at(Math.abs(actual - other), d)) === 0);
  while (d < exact && (blurs(target) || blurs(pace))) d++;
  const num = (v: number) => {
    const t = Number((v / factor).toFixed(d));
    return lang === 'en' ? t.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : t.toFixed(d);
  };
  const withUnit = (n: string, v: number) => {
    if (unit === 'percent') return `${n}%`;
    if (lang === 'zh') return `${n}${suffix}${UNIT_ZH[unit] ?? ''}`;
    const word = UNIT_EN[unit] ?? unit;
    return word ? `${n}${suffix} ${Math.abs(v) === 1 ? word.replace(/s$/, '') : word}` : `${n}${suffix}`;
  };
  const gapAbs = target == null ? null : Math.abs(actual - target);
  const gap = gapAbs == null ? null : unit === 'percent' ? (lang === 'zh' ? `${num(gapAbs)}个百分点` : `${num(gapAbs)} pp`) : withUnit(num(gapAbs), gapAbs);
  return { actual: withUnit(num(actual), actual), gap };
}

const isCap = (c: string) => c === '<=' || c === '<';
const gapOf = (r: RefJudgement, comparator: string) =>
  r.actual == null || r.target == null ? null : isCap(comparator) ? r.target - r.actual : r.actual - r.target;
const attainmentOf = (r: RefJudgement, comparator: string) =>
  r.actual == null || r.target == null || r.actual === 0 || r.target === 0
    ? null
    : isCap(comparator)
      ? (r.target / r.actual) * 100
      : (r.actual / r.target) * 100;
const STATUS_RANK: Record<string, number> = { missed: 0, behind: 1, on_track: 2, met: 3, no_data: 4 };

// =============================================================================================

describe('1–2. filters in the URL', () => {
  it('year, two areas, group, document and status: each in the URL, rows as the reference; back restores; a copied URL reproduces', async () => {
    const asOf = latestPeriod(bundled);
    const ref = judgeAll(bundled, asOf);
    const group = '高校毕业生等青年就业';
    const doc = '青府规发〔2022〕4号';
    const steps: { url: string; expected: string[] }[] = [];
    await withPage('', async ({ page }) => {
      // No year: the as-of year (it has targets).
      const defaultYear = Number(asOf.slice(0, 4));
      await expectRows(
        page,
        targetIds(bundled, (t) => t.year === defaultYear),
        ref,
        'opening with no parameters',
      );

      await page.selectOption('select[name=year]', '2022');
      await waitParam(page, 'year', '2022');
      let expected = targetIds(bundled, (t) => t.year === 2022);
      await expectRows(page, expected, ref, 'choosing 2022');
      steps.push({ url: page.url(), expected });

      await page.click('details[data-filter="area"] > summary');
      await page.check('details[data-filter="area"] input[name=area][value="310118"]');
      await waitParam(page, 'area', '310118');
      expected = targetIds(bundled, (t) => t.year === 2022 && t.area === '310118');
      await expectRows(page, expected, ref, 'ticking 青浦区');
      steps.push({ url: page.url(), expected });

      await page.check('details[data-filter="area"] input[name=area][value="310000"]');
      await waitParam(page, 'area', '310118,310000');
      // Done with the areas: the list closes (it lies over the filters below it while open).
      await page.click('details[data-filter="area"] > summary');
      expected = targetIds(bundled, (t) => t.year === 2022 && (t.area === '310118' || t.area === '310000'));
      expect(expected.length).toBeGreaterThan(steps[1]!.expected.length);
      await expectRows(page, expected, ref, 'ticking 上海市 as well');
      steps.push({ url: page.url(), expected });

      await page.selectOption('select[name=group]', group);
      await waitParam(page, 'group', group);
      const inGroup = (t: RefTarget) => meta.indicators.get(t.indicator)?.groupZh === group;
      expected = targetIds(bundled, (t) => t.year === 2022 && (t.area === '310118' || t.area === '310000') && inGroup(t));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(steps[2]!.expected.length);
      await expectRows(page, expected, ref, `choosing group ${group}`);
      steps.push({ url: page.url(), expected });

      await page.selectOption('select[name=doc]', doc);
      await waitParam(page, 'doc', doc);
      const inDoc = (t: RefTarget) => meta.targets.get(t.id)?.docId === doc;
      expected = targetIds(
        bundled,
        (t) => t.year === 2022 && (t.area === '310118' || t.area === '310000') && inGroup(t) && inDoc(t),
      );
      await expectRows(page, expected, ref, `choosing document ${doc}`);
      steps.push({ url: page.url(), expected });

      await page.check('input[name=status][value="missed"]');
      await waitParam(page, 'status', 'missed');
      expected = expected.filter((id) => ref.get(id)!.status === 'missed');
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(steps[4]!.expected.length);
      await expectRows(page, expected, ref, 'ticking status 未达标');
      steps.push({ url: page.url(), expected });
      // Every parameter is still there together.
      const full = new URL(page.url()).searchParams;
      expect([full.get('year'), full.get('area'), full.get('group'), full.get('doc'), full.get('status')]).toEqual([
        '2022',
        '310118,310000',
        group,
        doc,
        'missed',
      ]);

      // Back, step by step: each restores the previous row set and URL.
      for (let i = steps.length - 2; i >= 1; i--) {
        await page.goBack();
        await page.waitForURL(steps[i]!.url);
        await expectRows(page, steps[i]!.expected, ref, `going back to ${steps[i]!.url}`);
      }
    });

    // A copied link shows the same rows in a fresh page.
    const last = steps[steps.length - 1]!;
    await withPage(new URL(last.url).search, async ({ page }) => {
      await expectRows(page, last.expected, ref, 'opening the copied URL');
      expect(await page.isChecked('input[name=status][value="missed"]')).toBe(true);
      expect(await page.inputValue('select[name=doc]')).toBe(doc);
      expect(await page.inputValue('select[name=group]')).toBe(group);
    });
  });

  it('bad values (status=nope, sort=!!) show a notice and fall back to the defaults', async () => {
    const ref = judgeAll(bundled, latestPeriod(bundled));
    await withPage('?year=2022&status=nope&sort=!!', async ({ page }) => {
      const notice = (await page.textContent('[data-url-notices]')) ?? '';
      expect(notice).toContain('status');
      expect(notice).toContain('nope');
      expect(notice).toContain('sort');
      expect(notice).toContain('!!');
      const shown = await expectRows(
        page,
        targetIds(bundled, (t) => t.year === 2022),
        ref,
        'bad status and sort',
      );
      // Default order: status, what needs attention first.
      const ranks = shown.map((k) => STATUS_RANK[k.status ?? '']!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(await page.$$eval('input[name=status]:checked', (els) => els.length)).toBe(0);
    });
  });

  it('2. clear-all resets every filter to the defaults', async () => {
    const asOf = latestPeriod(bundled);
    const ref = judgeAll(bundled, asOf);
    const q = `?year=2022&area=310118&group=${encodeURIComponent('高校毕业生等青年就业')}&doc=${encodeURIComponent('青府规发〔2022〕4号')}&status=missed`;
    await withPage(q, async ({ page }) => {
      const before = await readKpis(page);
      expect(before.length).toBeGreaterThan(0);
      await page.click('[data-clear-filters]');
      await page.waitForURL((u) => ['area', 'group', 'doc', 'status'].every((p) => !u.searchParams.has(p)));
      const sp = new URL(page.url()).searchParams;
      for (const p of ['area', 'group', 'doc', 'status', 'year', 'sort'])
        expect(sp.has(p), `param ${p} after clearing`).toBe(false);
      await expectRows(
        page,
        targetIds(bundled, (t) => t.year === Number(asOf.slice(0, 4))),
        ref,
        'clear-all',
      );
      expect(await page.$$eval('input[name=area]:checked, input[name=status]:checked', (els) => els.length)).toBe(0);
      expect(await page.inputValue('select[name=group]')).toBe('');
      expect(await page.inputValue('select[name=doc]')).toBe('');
    });
  });
});

describe('3. cross-filtering', () => {
  it('a click on the 青浦区 tile selects 青浦 alone (its own and inherited targets); the targets set below it are named and can be listed too', async () => {
    const ref = judgeAll(bundled, latestPeriod(bundled));
    const withTargets = new Set(bundled.targets.filter((t) => t.year === 2022).map((t) => t.area));
    const below = [...meta.areas.keys()].filter((c) => c !== '310118' && isWithin(c, '310118') && withTargets.has(c));
    expect(below.length).toBeGreaterThan(0); // 青浦新城 has its own target
    const belowTargets = bundled.targets.filter((t) => t.year === 2022 && below.includes(t.area)).map((t) => t.id);
    await withPage('?year=2022', async ({ page }) => {
      await page.waitForSelector('[data-chart="analyst-map"] svg');
      await page
        .locator('[data-chart="analyst-map"] svg text')
        .filter({ hasText: /^青浦区$/ })
        .first()
        .click();
      await page.waitForURL((u) => u.searchParams.has('area'));
      expect(param(page, 'area')).toBe('310118');
      // The targets set for 青浦 and the rate targets it inherits (contract v2); none of its towns' inherited rows.
      const rows = rowsForAreas(bundled, 2022, ['310118'], latestPeriod(bundled));
      const shown = await expectRows(page, [...rows.keys()].sort(), new Map([...ref, ...rows]), 'clicking 青浦区 on the map');
      for (const k of shown) expect(k.area).toBe('310118');
      // The targets set below it count in its map status: they are named under the list, with their status.
      const note = page.locator('[data-below-targets]');
      expect(await note.getAttribute('data-below-targets')).toBe(String(belowTargets.length));
      for (const id of belowTargets) expect((await note.textContent()) ?? '').toContain(meta.indicators.get(meta.targets.get(id)!.indicator)!.nameZh);
      await note.locator('button').click();
      await page.waitForURL((u) => (u.searchParams.get('area') ?? '').split(',').length === below.length + 1);
      const all = ['310118', ...below];
      expect((param(page, 'area') ?? '').split(',').sort()).toEqual([...all].sort());
      const more = rowsForAreas(bundled, 2022, all, latestPeriod(bundled));
      await expectRows(page, [...more.keys()].sort(), new Map([...ref, ...more]), 'listing the targets set below 青浦 too');
    });
  });

  it('a click on a district bar of a city target selects that district alone', async () => {
    const ref = judgeAll(bundled, latestPeriod(bundled));
    await withPage('?year=2023', async ({ page }) => {
      await page.click('tr[data-row="hjb2023-3-08-institution-recruitment"] button.row-select');
      await page.waitForSelector('[data-chart="analyst-children"]');
      await waitReady(page);
      const pt = await page.evaluate((code) => {
        type Chart = {
          getOption(): { series: { data: { value: number; areaCode?: string }[] }[] };
          convertToPixel(finder: { seriesIndex: number }, value: [number, number]): [number, number];
        };
        const chart = (window as unknown as { __charts: Record<string, Chart> }).__charts['analyst-children']!;
        const data = chart.getOption().series[0]!.data;
        const i = data.findIndex((d) => d.areaCode === code);
        const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [data[i]!.value / 2, i]);
        return { x, y };
      }, '310151');
      // The bars scroll in their panel: scroll it so the bar is in view, then click it.
      await page.$eval('.bars-scroll', (el, y) => void (el.scrollTop = Math.max(0, y - el.clientHeight / 2)), pt.y);
      await page.locator('.bars-scroll').scrollIntoViewIfNeeded();
      await page.locator('[data-chart="analyst-children"]').click({ position: pt });
      await page.waitForURL((u) => u.searchParams.has('area'));
      expect(param(page, 'area')).toBe('310151');
      const rows = rowsForAreas(bundled, 2023, ['310151'], latestPeriod(bundled));
      const shown = await expectRows(page, [...rows.keys()].sort(), new Map([...ref, ...rows]), 'clicking the 崇明区 bar');
      expect(shown.length).toBeGreaterThan(3);
      for (const k of shown) expect(k.area).toBe('310151');
    });
  });
});

describe('4. the target table', () => {
  it('sorts by every checked column both ways as the reference values order them', async () => {
    const asOf = '2023-06';
    const ref = judgeAll(bundled, asOf);
    const rows = targetIds(bundled, (t) => t.year === 2023);
    // The page must offer a mix: statuses, empty actuals.
    expect(new Set(rows.map((id) => ref.get(id)!.status)).size).toBeGreaterThanOrEqual(4);
    expect(rows.some((id) => ref.get(id)!.actual == null)).toBe(true);
    const cmp = (id: string) => meta.targets.get(id)!.comparator;
    const value: Record<string, (id: string) => number | null> = {
      actual: (id) => ref.get(id)!.actual,
      target: (id) => ref.get(id)!.target,
      pace: (id) => ref.get(id)!.expected,
      attainment: (id) => attainmentOf(ref.get(id)!, cmp(id)),
      gap: (id) => gapOf(ref.get(id)!, cmp(id)),
      status: (id) => STATUS_RANK[ref.get(id)!.status]!,
    };
    await withPage(`?year=2023&asof=${asOf}`, async ({ page }) => {
      // A wide screen, where none of these columns folds into the rows' detail (analyst-layout tests
      // check what folds on smaller ones).
      await page.setViewportSize({ width: 2560, height: 1440 });
      await expectRows(page, rows, ref, 'year 2023 as of 2023-06');
      for (const key of Object.keys(value)) {
        for (const desc of [false, true]) {
          await page.click(`button.sort[data-sort="${key}"]`);
          await waitParam(page, 'sort', desc ? `-${key}` : key);
          await page.waitForFunction(
            ([k, d]) =>
              document.querySelector(`th[aria-sort] button.sort[data-sort="${k}"]`)?.closest('th')?.getAttribute('aria-sort') ===
              (d ? 'descending' : 'ascending'),
            [key, desc] as const,
          );
          const order = (await readKpis(page)).map((k) => k.targetId);
          expect([...order].sort()).toEqual(rows);
          const problems: string[] = [];
          for (let i = 1; i < order.length; i++) {
            const a = value[key]!(order[i - 1]!);
            const b = value[key]!(order[i]!);
            if (a == null && b != null) problems.push(`${order[i - 1]} (empty) before ${order[i]} (${b})`);
            if (a == null || b == null) continue;
            const tol = 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
            if (desc ? b > a + tol : b < a - tol) problems.push(`${order[i - 1]} (${a}) before ${order[i]} (${b})`);
          }
          expect(problems.join('\n'), `sort ${desc ? '-' : ''}${key}`).toBe('');
        }
      }
    });
  });

  it('expands a row to its document, clause and quote; gaps of percent targets are in 百分点', async () => {
    const ref = judgeAll(bundled, latestPeriod(bundled));
    const rate = 'hjb2023-3-10-assistance-rate';
    const persons = 'hcjb2023-2-07-institution-recruitment';
    await withPage('?year=2023', async ({ page }) => {
      await expectRows(
        page,
        targetIds(bundled, (t) => t.year === 2023),
        ref,
        'year 2023',
      );
      const m = meta.targets.get(rate)!;
      expect(m.quote.length).toBeGreaterThan(10);
      await page.click(`tr[data-row="${rate}"] button.row-expand`);
      const expanded = page.locator(`[data-expanded="${rate}"]`);
      await expanded.waitFor();
      const text = (await expanded.textContent()) ?? '';
      expect(text).toContain(m.docId);
      expect(text).toContain(m.clause);
      expect(text).toContain(m.quote);
      expect(await page.getAttribute(`tr[data-row="${rate}"] button.row-expand`, 'aria-expanded')).toBe('true');

      const r = ref.get(rate)!;
      const gapText = (await page.locator(`tr[data-row="${rate}"] td.gap`).first().textContent()) ?? '';
      expect(gapText).toContain('百分点');
      expect(gapText).toContain(Math.abs(r.actual! - r.target!).toFixed(1));
      const personsGap = (await page.locator(`tr[data-row="${persons}"] td.gap`).first().textContent()) ?? '';
      expect(personsGap).not.toContain('百分点');
      expect(personsGap).toContain('人');

      // Collapsing hides it again.
      await page.click(`tr[data-row="${rate}"] button.row-expand`);
      await expanded.waitFor({ state: 'detached' });
    });
  });
});

describe('5. target detail', () => {
  it('a city flow target: detail, monthly chart with actual, pace, target and last year, district bars, no allocation', async () => {
    const asOf = latestPeriod(bundled);
    const ref = judgeAll(bundled, asOf);
    const id = 'hjb2023-3-08-institution-recruitment';
    const t = bundled.targets.find((x) => x.id === id)!;
    const r = ref.get(id)!;
    const end = Math.min(monthIndex(asOf), t.due);
    const months = end - t.year * 12 + 1;
    const expActual = Array.from({ length: months }, (_, i) => actualAt(bundled, t.indicator, t.area, t.year, t.year * 12 + i));
    const expPrior = Array.from({ length: months }, (_, i) =>
      actualAt(bundled, t.indicator, t.area, t.year - 1, (t.year - 1) * 12 + i),
    );
    expect(expPrior.every((v) => v != null)).toBe(true);
    const districts = [...meta.areas.values()].filter((a) => a.parent === t.area && a.level !== 'zone');
    const expBars = new Map(
      districts.map((d) => [d.code, actualAt(bundled, t.indicator, d.code, t.year, end)] as const).filter(([, v]) => v != null),
    );
    await withPage('?year=2023', async ({ page }) => {
      await page.click(`tr[data-row="${id}"] button.row-select`);
      await waitParam(page, 'target', id);
      await page.waitForSelector(`[data-detail="${id}"]`);
      await page.waitForSelector('[data-chart="analyst-monthly"]');
      await waitReady(page);
      type Opt = { series: { name: string; data: (number | null | { value: number | null; areaCode?: string })[] }[] };
      const monthly = await page.evaluate(
        () =>
          (window as unknown as { __charts: Record<string, { getOption(): unknown }> }).__charts[
            'analyst-monthly'
          ]!.getOption() as Opt,
      );
      const byName = new Map(
        monthly.series.map((s) => [s.name, s.data.map((d) => (d != null && typeof d === 'object' ? d.value : d))]),
      );
      expect([...byName.keys()].sort()).toEqual(['上年同期', '实际值', '序时进度', '目标值'].sort());
      const close = (got: (number | null | undefined)[] | undefined, want: (number | null)[], what: string) => {
        expect(got?.length, what).toBe(want.length);
        want.forEach((w, i) => {
          const g = got![i];
          if (w == null) expect(g == null || (g as unknown) === '-', `${what}[${i}]`).toBe(true);
          else expect(Math.abs(Number(g) - w), `${what}[${i}] = ${g}, expected ${w}`).toBeLessThanOrEqual(TOLERANCE);
        });
      };
      close(byName.get('实际值'), expActual, 'actual');
      close(byName.get('上年同期'), expPrior, 'prior year');
      close(
        byName.get('目标值'),
        expActual.map(() => r.target!),
        'target',
      );
      close(
        byName.get('序时进度'),
        expActual.map((_, i) => (r.target! * (i + 1)) / 12),
        'pace',
      );
      expect(expActual[months - 1]).toBeCloseTo(r.actual!, 6);

      const children = await page.evaluate(
        () =>
          (window as unknown as { __charts: Record<string, { getOption(): unknown }> }).__charts[
            'analyst-children'
          ]!.getOption() as Opt,
      );
      const bars = new Map(
        (children.series[0]!.data as { value: number; areaCode?: string }[]).map(
          (d) => [d.areaCode ?? '', Number(d.value)] as const,
        ),
      );
      expect([...bars.keys()].sort()).toEqual([...expBars.keys()].sort());
      for (const [code, v] of expBars) expect(Math.abs(bars.get(code)! - v!), code).toBeLessThanOrEqual(TOLERANCE);

      // A prior_year target has no value to allocate.
      expect(await page.getAttribute('[data-allocation]', 'data-allocation')).toBe('none');
    });
  });

  it('allocation check: district targets adding up to a different total → diff, to the same → ok', async () => {
    const asOf = latestPeriod(bundled);
    const city = 'hjb2023-3-10-hundred-colleges';
    const shares = (qingpu: number) => [
      refTarget('alloc-2023-huangpu-colleges', 'colleges_served', '310101', 2023, '>=', 30),
      refTarget('alloc-2023-pudong-colleges', 'colleges_served', '310115', 2023, '>=', 50),
      refTarget('alloc-2023-qingpu-colleges', 'colleges_served', '310118', 2023, '>=', qingpu),
    ];
    await withPage(`?year=2023&target=${city}`, async ({ page }) => {
      await page.waitForSelector(`[data-detail="${city}"]`);
      expect(await page.getAttribute('[data-allocation]', 'data-allocation')).toBe('none');

      await upload(page, ['targets-allocation-diff.csv']);
      expect(await report(page, 'targets-allocation-diff.csv')).toMatchObject({ accepted: 3, rejected: 0 });
      await page.waitForSelector('[data-allocation="diff"]');
      const diff = (await page.textContent('[data-allocation]')) ?? '';
      expect(diff).toContain('105');
      expect(diff).toContain('100');
      // The uploaded district targets are rows of the table too.
      let folder = withTargets(bundled, shares(25));
      await expectRows(
        page,
        targetIds(folder, (t) => t.year === 2023),
        judgeAll(folder, asOf),
        'district shares summing to 105',
        true,
      );

      await upload(page, ['targets-allocation-ok.csv']);
      expect(await report(page, 'targets-allocation-ok.csv')).toMatchObject({ accepted: 3, rejected: 0 });
      await page.waitForSelector('[data-allocation="ok"]');
      expect((await page.textContent('[data-allocation]')) ?? '').toContain('100');
      folder = withTargets(bundled, shares(20));
      await expectRows(
        page,
        targetIds(folder, (t) => t.year === 2023),
        judgeAll(folder, asOf),
        'district shares summing to 100',
        true,
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Bring your own data: the corpus, file by file.

/** What each corpus file means, stated independently of the generator. */
const CORPUS_FILES = {
  'actuals-gbk-excel.csv': {
    encoding: 'gb18030',
    rows: [
      { indicator: 'public_institution_recruitment', area: '310118', period: '2023-03', value: 1234 },
      { indicator: 'public_institution_recruitment', area: '310106', period: '2023-04', value: 85 },
      { indicator: 'surveyed_unemployment_rate_avg', area: '310000', period: '2023-12', value: 5.2 },
      { indicator: 'new_jobs_created', area: '310000', period: '2023-12', value: 540000, basis: 'ytd' },
      { indicator: 'graduate_assistance_employment_rate', area: '310151', period: '2023-12', numerator: 1020, denominator: 1200 },
    ] as CanonActual[],
    rejected: [] as [number, string][],
    // 闸北区 is a former district (→ 静安区); 青浦区 and 上海市 are names of current areas.
    former: { 闸北区: '静安区' } as Record<string, string>,
    mayMap: ['青浦区', '上海市'],
    changes: [
      'ref-2023-unemployment-rate',
      'ref-2023-new-jobs',
      'hcjb2023-2-09-assistance-rate',
      'hjb2023-3-08-institution-recruitment',
      'hjb2023-3-10-assistance-rate',
    ],
  },
  'actuals-utf16le.csv': {
    encoding: 'utf-16le',
    rows: [
      { indicator: 'selected_graduate_civil_servants', area: '310151', period: '2023-10', value: 3 },
      { indicator: 'colleges_served', area: '310115', period: '2023-07', value: 5 },
      { indicator: 'colleges_served', area: '310118', period: '2023-08', value: 2 },
    ] as CanonActual[],
    rejected: [] as [number, string][],
    former: {} as Record<string, string>,
    mayMap: ['崇明区', '浦东新区'],
    changes: ['hcjb2023-2-07-selected-graduates', 'hjb2023-3-10-hundred-colleges'],
  },
  'actuals-utf8-bom.csv': {
    encoding: 'utf-8-bom',
    rows: [
      { indicator: 'public_institution_recruitment', area: '310151', period: '2023-06', value: 125, basis: 'flow' },
      { indicator: 'colleges_served', area: '310101', period: '2023-12', value: 1 },
    ] as CanonActual[],
    rejected: [] as [number, string][],
    former: {} as Record<string, string>,
    mayMap: ['崇明区'],
    changes: ['hcjb2023-2-07-institution-recruitment', 'hjb2023-3-08-institution-recruitment', 'hjb2023-3-10-hundred-colleges'],
  },
  'actuals-old-districts.csv': {
    encoding: 'utf-8',
    rows: [
      { indicator: 'public_institution_recruitment', area: '310101', period: '2023-05', value: 60 },
      { indicator: 'public_institution_recruitment', area: '310115', period: '2023-05', value: 620 },
      { indicator: 'public_institution_recruitment', area: '310115', period: '2023-08', value: 600 },
      { indicator: 'public_institution_recruitment', area: '310151', period: '2023-11', value: 40 },
    ] as CanonActual[],
    rejected: [] as [number, string][],
    former: { 卢湾: '黄浦区', 南汇区: '浦东新区', '310119': '浦东新区', 崇明县: '崇明区' } as Record<string, string>,
    mayMap: [] as string[],
    changes: ['hcjb2023-2-07-institution-recruitment', 'hjb2023-3-08-institution-recruitment'],
  },
  'actuals-mixed-bad.csv': {
    encoding: 'utf-8',
    rows: [
      { indicator: 'public_institution_recruitment', area: '310104', period: '2023-02', value: 40 },
      { indicator: 'graduate_assistance_employment_rate', area: '310104', period: '2023-12', numerator: 80, denominator: 100 },
      { indicator: 'public_institution_recruitment', area: '310104', period: '2023-07', value: 55, basis: 'flow' },
    ] as CanonActual[],
    rejected: [
      [3, 'unknown_indicator'],
      [4, 'unknown_area'],
      [5, 'bad_period'],
      [6, 'not_a_number'],
      [8, 'duplicate_key'],
      [9, 'negative'],
      [10, 'rate_needs_fraction'],
      [11, 'numerator_exceeds_denominator'],
      [12, 'bad_basis'],
      [13, 'csv_structure'],
    ] as [number, string][],
    former: {} as Record<string, string>,
    mayMap: [] as string[],
    changes: ['hjb2023-3-08-institution-recruitment', 'hjb2023-3-10-assistance-rate'],
  },
  'actuals.arrow': {
    encoding: null,
    rows: [
      { indicator: 'public_institution_recruitment', area: '310151', period: '2023-12', value: 60 },
      { indicator: 'colleges_served', area: '310151', period: '2023-05', value: 4 },
    ] as CanonActual[],
    rejected: [[3, 'unknown_area']] as [number, string][],
    former: {} as Record<string, string>,
    mayMap: [] as string[],
    changes: ['hcjb2023-2-07-institution-recruitment', 'hjb2023-3-10-hundred-colleges'],
  },
} as const;

describe('6. bring your own data', () => {
  it('the corpus is what make-corpus.mjs writes (deterministic, committed up to date)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'jiuye-corpus-'));
    try {
      execFileSync(process.execPath, [path.join(CORPUS, 'make-corpus.mjs'), out]);
      const written = readdirSync(out).sort();
      expect(written.length).toBeGreaterThanOrEqual(10);
      for (const f of written) expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(CORPUS, f))), f).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  for (const [file, spec] of Object.entries(CORPUS_FILES)) {
    it(`${file}: ${spec.rows.length} accepted, ${spec.rejected.length} rejected, encoding ${spec.encoding ?? '(binary)'}, values land as the reference predicts, no network`, async () => {
      const asOf = latestPeriod(bundled);
      const before = judgeAll(bundled, asOf);
      const folder = withActuals(bundled, spec.rows);
      const after = judgeAll(folder, asOf);
      // The file must make a visible difference to the rows it is meant to change.
      for (const id of spec.changes) expect(after.get(id), id).not.toEqual(before.get(id));
      const year2023 = targetIds(bundled, (t) => t.year === 2023);
      await withPage('?year=2023', async ({ page, requests }) => {
        await expectRows(page, year2023, before, 'published data');
        const from = requests.length;
        await upload(page, [file], file === 'actuals-utf8-bom.csv' ? 'drop' : 'input');
        await expectRows(page, year2023, after, `loading ${file}`);
        expect(requests.slice(from), `requests while loading ${file}`).toEqual([]);

        const r = await report(page, file);
        expect(r.accepted, r.text).toBe(spec.rows.length);
        expect(r.rejected, r.text).toBe(spec.rejected.length);
        expect(r.issues).toEqual(spec.rejected);
        if (spec.encoding) expect(r.text).toContain(`${spec.encoding} `);
        else expect(r.text).not.toMatch(/utf-|gb18030/);
        for (const [from, to] of Object.entries(spec.former)) {
          const i = r.mapped.indexOf(from);
          expect(i, `notice for ${from} in ${JSON.stringify(r.mapped)}`).toBeGreaterThanOrEqual(0);
          expect(r.mappedText[i]).toContain(to);
        }
        for (const m of r.mapped) expect([...Object.keys(spec.former), ...spec.mayMap]).toContain(m);

        // Reset: back to the published data.
        await page.click('[data-reset-data]');
        await waitReady(page);
        await expectRows(page, year2023, before, `reset after ${file}`);
        expect(await page.$$eval('[data-load-report] [data-file]', (els) => els.length)).toBe(0);
      });
    });
  }

  it('an uncertain encoding (a stray 0xFF byte) shows a preview and loads only after choosing', async () => {
    const file = 'actuals-unsure-encoding.csv';
    const asOf = latestPeriod(bundled);
    const before = judgeAll(bundled, asOf);
    const rows: CanonActual[] = [
      { indicator: 'public_institution_recruitment', area: '310151', period: '2023-09', value: 90 },
      { indicator: 'colleges_served', area: '310151', period: '2023-09', value: 3 },
    ];
    const after = judgeAll(withActuals(bundled, rows), asOf);
    expect(after.get('hcjb2023-2-07-institution-recruitment')).not.toEqual(before.get('hcjb2023-2-07-institution-recruitment'));
    const year2023 = targetIds(bundled, (t) => t.year === 2023);
    await withPage('?year=2023', async ({ page, requests }) => {
      const shownBefore = await actualsShown(page);
      const from = requests.length;
      await upload(page, [file]);
      let r = await report(page, file);
      expect(r.encodingChoice).toBe(true);
      expect(r.accepted).toBe(0);
      expect(await page.textContent('[data-encoding-choice]')).toContain('indicator_id,area_code');
      await expectRows(page, year2023, before, 'an unsure file before choosing');
      expect(await actualsShown(page)).toEqual(shownBefore);

      await page.locator('[data-encoding-choice] button', { hasText: 'GB18030' }).click();
      await page.waitForSelector(`[data-load-report][data-busy="false"] [data-file="${file}"][data-accepted="2"]`);
      await waitReady(page);
      r = await report(page, file);
      expect([r.accepted, r.rejected, r.encodingChoice]).toEqual([2, 0, false]);
      expect(r.text).toContain('gb18030');
      await expectRows(page, year2023, after, 'after choosing GB18030');
      expect(requests.slice(from), 'requests while loading').toEqual([]);
    });
  });

  it('files that fail entirely (header only, a damaged XLSX, Excel "Unicode text" with tabs) change nothing', async () => {
    const asOf = latestPeriod(bundled);
    const before = judgeAll(bundled, asOf);
    const year2023 = targetIds(bundled, (t) => t.year === 2023);
    const cases: [string, RegExp][] = [
      ['actuals-header-only.csv', /只有表头/],
      // A ZIP that is not a workbook inside: the workbook reader cannot read it.
      ['actuals-saved-as.xlsx', /无法读取/],
      // The contract's delimiter is the comma: a tab-separated export is not recognised as a table.
      ['actuals-utf16le-tabs.txt', /无法识别/],
    ];
    await withPage('?year=2023', async ({ page, requests }) => {
      const shownBefore = await actualsShown(page);
      for (const [file, message] of cases) {
        const from = requests.length;
        await upload(page, [file]);
        const r = await report(page, file);
        expect([r.accepted, r.rejected], file).toEqual([0, 0]);
        expect(r.text, file).toMatch(message);
        await expectRows(page, year2023, before, `after ${file}`);
        expect(await actualsShown(page), file).toEqual(shownBefore);
        // Only the page's own code for workbooks may load (on demand, from the same origin); no data goes anywhere.
        expect(
          requests.slice(from).filter((r) => !/^GET http:\/\/127\.0\.0\.1:\d+\/apps\/jiuye\/dashboard\/assets\/[\w.-]+\.js$/.test(r)),
          `requests while loading ${file}`,
        ).toEqual([]);
      }
    });
  });

  it('targets with full-width digits and percent strings: a replaced target and three new ones', async () => {
    const file = 'targets-fullwidth.csv';
    const asOf = latestPeriod(bundled);
    const added = [
      refTarget('hjb2023-3-10-hundred-colleges', 'colleges_served', '310000', 2023, '>=', 120),
      refTarget('byod-2023-qingpu-assist-rate', 'graduate_assistance_employment_rate', '310118', 2023, '>=', 90),
      refTarget('byod-2023-jiading-colleges', 'colleges_served', '310114', 2023, '>=', 12),
      refTarget('byod-2023-chongming-assist-rate', 'graduate_assistance_employment_rate', '310151', 2023, '>=', 85),
    ];
    const folder = withTargets(bundled, added);
    const ref = judgeAll(folder, asOf);
    expect(ref.get('hjb2023-3-10-hundred-colleges')!.status).not.toBe(
      judgeAll(bundled, asOf).get('hjb2023-3-10-hundred-colleges')!.status,
    );
    await withPage('?year=2023', async ({ page, requests }) => {
      const from = requests.length;
      await upload(page, [file]);
      const r = await report(page, file);
      expect([r.accepted, r.rejected], r.text).toEqual([4, 0]);
      expect(r.text).toContain('utf-8-bom');
      await expectRows(
        page,
        targetIds(folder, (t) => t.year === 2023),
        ref,
        `loading ${file}`,
      );
      expect(requests.slice(from)).toEqual([]);
      expect(r.mapped).toEqual(['青浦区']);
    });
  });
});

// The workbook corpus (tests/fixtures/excel/make-workbooks.mjs), restated: the monthly report's wide
// sheet is 40 + 5 × the district's row + the month (rows in GB/T 2260 order), 浦东 June written as
// "1,050", 奉贤 July empty; its long sheet has three good rows.
const REPORT_DISTRICTS = ['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112', '310113', '310114', '310115', '310116', '310117', '310118', '310120', '310151'];
const MONTHLY_REPORT_ROWS: CanonActual[] = [
  ...REPORT_DISTRICTS.flatMap((area, i) =>
    [1, 2, 3, 4, 5, 6, 7]
      .filter((m) => !(area === '310120' && m === 7))
      .map((m) => ({ indicator: 'public_institution_recruitment', area, period: `2023-0${m}`, value: area === '310115' && m === 6 ? 1050 : 40 + 5 * i + m })),
  ),
  { indicator: 'graduate_assistance_employment_rate', area: '310151', period: '2023-07', numerator: 1010, denominator: 1190 },
  { indicator: 'new_jobs_created', area: '310000', period: '2023-07', value: 360000, basis: 'ytd' },
  { indicator: 'surveyed_unemployment_rate_avg', area: '310000', period: '2023-07', value: 5.2 },
];
// The rates report: each district's December rate, given only as a value (88 + 0.5 × its row).
const RATE_ROWS: CanonActual[] = REPORT_DISTRICTS.map((area, i) => ({
  indicator: 'graduate_assistance_employment_rate',
  area,
  period: '2023-12',
  value: Math.round((88 + 0.5 * i) * 10) / 10,
}));

/** Every report element of a file (a workbook has one per sheet), as [sheet, table, accepted, issues as [row, cell, code], notices]. */
async function sheetReports(page: Page, file: string) {
  return page.$$eval(`[data-load-report] [data-file="${file}"]`, (els) =>
    els.map((el) => [
      el.getAttribute('data-sheet'),
      el.getAttribute('data-table'),
      Number(el.getAttribute('data-accepted')),
      [...el.querySelectorAll('li[data-code]')].map((li) => [Number(li.getAttribute('data-line')), li.getAttribute('data-cell'), li.getAttribute('data-code')]),
      [...el.querySelectorAll('li[data-notice]')].map((li) => li.getAttribute('data-notice')),
      el.textContent ?? '',
    ]),
  );
}

async function dropBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.setInputFiles('[data-drop-zone] input[type=file]', [{ name, mimeType: 'application/octet-stream', buffer: bytes }]);
  await page.waitForSelector(`[data-load-report][data-busy="false"] [data-file="${name}"]`, { timeout: SETTLE_TIMEOUT });
  await waitReady(page);
}

describe('6b. workbooks, Parquet and fill-in templates', () => {
  it('a monthly report saved by Excel: each sheet reported, totals and notes skipped, the year judged as the reference with the unfolded rows', async () => {
    const asOf = latestPeriod(bundled);
    const before = judgeAll(bundled, asOf);
    const after = judgeAll(withActuals(bundled, MONTHLY_REPORT_ROWS), asOf);
    expect(after.get('hjb2023-3-08-institution-recruitment')).not.toEqual(before.get('hjb2023-3-08-institution-recruitment'));
    const year2023 = targetIds(bundled, (t) => t.year === 2023);
    await withPage('?year=2023', async ({ page, requests }) => {
      await expectRows(page, year2023, before, 'published data');
      const from = requests.length;
      await upload(page, ['monthly-report-2023.xlsx'], 'drop');
      await expectRows(page, year2023, after, 'the monthly report');
      expect(requests.slice(from), 'requests while loading a workbook (its reader is part of the build)').toEqual(
        requests.slice(from).filter((r) => /\/assets\/[^/]+\.js$/.test(r)),
      );
      const sheets = await sheetReports(page, 'monthly-report-2023.xlsx');
      expect(sheets.map((s) => s.slice(0, 5))).toEqual([
        ['说明', '', 0, [], ['sheet_no_table']],
        ['事业单位招聘总量', 'actuals', 111, [], ['total_row', 'note_row', 'wide_cells']],
        ['上月（已隐藏）', '', 0, [], ['sheet_hidden']],
        [
          '实际值',
          'actuals',
          3,
          [
            [6, '', 'unknown_area'],
            [9, '', 'not_a_number'],
          ],
          ['total_row', 'unfilled_rows'],
        ],
        ['Sheet3', '', 0, [], ['sheet_empty']],
      ]);
      // In words a clerk reads: the sheet, the row, the total skipped.
      expect(sheets[1]![5]).toContain('工作表“事业单位招聘总量”');
      expect(sheets[1]![5]).toContain('第20行“合计”是合计行，已跳过');
      expect(sheets[3]![5]).toContain('第6行');
    });
  });

  it('rates given only as values: each district reads its own; the city cannot pool them and says why', async () => {
    const asOf = latestPeriod(bundled);
    const folder = withActuals(bundled, RATE_ROWS);
    const after = judgeAll(folder, asOf);
    expect(after.get('hjb2023-3-10-assistance-rate')?.actual).toBeNull();
    expect(after.get('hcjb2023-2-09-assistance-rate')?.actual).toBe(95.5);
    await withPage('?year=2023', async ({ page }) => {
      await upload(page, ['rates-as-values-2023-12.xlsx']);
      await expectRows(page, targetIds(bundled, (t) => t.year === 2023), after, 'rates as values');
      const row = page.locator('tr[data-target-id="hjb2023-3-10-assistance-rate"]');
      expect(await row.getAttribute('data-status')).toBe('no_data');
      expect(await row.getAttribute('data-no-actual')).toBe('unpooled');
      expect(await row.textContent()).toContain('无法汇总');
      await row.locator('.row-select').click();
      await page.waitForSelector('[data-why="unpooled"]');
      expect(await page.textContent('[data-why="unpooled"]')).toContain('黄浦区、徐汇区、长宁区、静安区等16个区域只报送了比率本身');
    });
    // A district filtered on its own: the city's rate target it inherits, on its own value.
    await withPage('?year=2023&area=310104', async ({ page }) => {
      await upload(page, ['rates-as-values-2023-12.xlsx']);
      await expectRows(page, [...rowsForAreas(folder, 2023, ['310104'], asOf).keys()].sort(), rowsForAreas(folder, 2023, ['310104'], asOf), 'district 310104');
    });
  });

  it('a damaged workbook, one with a password, one with no table and one too large change nothing, each with a message', async () => {
    const cases: [string, RegExp][] = [
      ['damaged.xlsx', /无法读取/],
      ['password-protected.xlsx', /密码/],
      ['no-matching-sheet.xlsx', /没有一个工作表/],
      ['huge-sheet.xlsx', /行数过多（actuals: 150001 行）/],
    ];
    await withPage('?year=2023', async ({ page }) => {
      const shownBefore = await actualsShown(page);
      for (const [file, message] of cases) {
        await upload(page, [file]);
        const [first] = await sheetReports(page, file);
        expect([first![2], first![5]], file).toEqual([0, expect.stringMatching(message)]);
        expect(await actualsShown(page), file).toEqual(shownBefore);
      }
    });
  });

  it('Parquet, read in the page: accepted and judged like a CSV', async () => {
    const asOf = latestPeriod(bundled);
    const rows: CanonActual[] = [
      { indicator: 'public_institution_recruitment', area: '310116', period: '2023-09', value: 61 },
      { indicator: 'public_institution_recruitment', area: '310117', period: '2023-09', value: 62.5 },
      { indicator: 'graduate_assistance_employment_rate', area: '310118', period: '2023-09', numerator: 900, denominator: 1000 },
    ];
    await withPage('?year=2023', async ({ page }) => {
      await upload(page, ['actuals-snappy.parquet']);
      await expectRows(page, targetIds(bundled, (t) => t.year === 2023), judgeAll(withActuals(bundled, rows), asOf), 'the Parquet file');
      expect((await report(page, 'actuals-snappy.parquet')).accepted).toBe(3);
    });
  });

  it('the analyst table as a workbook beside the CSV: the same header and cells, text kept as text (a formula-looking cell is not a formula)', async () => {
    const XLSX = await import('@e965/xlsx');
    await withPage('?year=2023', async ({ page }) => {
      await upload(page, ['targets-formula.csv']);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="xlsx"]')]);
      // The same file name as the CSV's (it says what the table is), and the same lines.
      expect(xlsx.suggestedFilename()).toBe(csv.suggestedFilename().replace(/\.csv$/, '.xlsx'));
      const trim = (r: unknown[]) => r.slice(0, r.length - [...r].reverse().findIndex((c) => c !== '' && c != null) || r.length);
      const fromCsv = Papa.parse<string[]>(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.map(trim);
      const ws = XLSX.read(readFileSync((await xlsx.path())!), { type: 'buffer' }).Sheets['目标']!;
      const fromXlsx = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: '', raw: true, blankrows: false }).map(trim);
      expect(fromXlsx.length).toBe(fromCsv.length);
      // The CSV defuses a formula-looking cell with a leading '; the workbook keeps the text as a text cell.
      expect(fromXlsx.map((r) => r.map(String))).toEqual(fromCsv.map((r) => r.map((c) => String(c).replace(/^'(?=[=+\-@\t\r])/, ''))));
      const cells = Object.entries(ws).filter(([k, c]) => !k.startsWith('!') && typeof (c as { v: unknown }).v === 'string' && /^[=+@-]/.test((c as { v: string }).v));
      expect(cells.length).toBeGreaterThan(0);
      for (const [ref, c] of cells) expect([ref, (c as { t: string; f?: string }).t, (c as { f?: string }).f], ref).toEqual([ref, 's', undefined]);
    });
  });

  it('下载填报模板: the workbook downloaded, filled in as a clerk would, dropped back: no rejected line, the figure judged', async () => {
    const XLSX = await import('@e965/xlsx');
    const asOf = latestPeriod(bundled);
    await withPage('?year=2023&area=310151', async ({ page }) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-template="tables"]')]);
      expect(download.suggestedFilename()).toMatch(/^填报模板-\d{4}-\d{2}\.xlsx$/);
      const wb = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
      expect(wb.SheetNames).toEqual(['填报说明', '地区', '指标', '目标', '实际值']);
      // Unfilled, it loads back without a rejected line and changes nothing.
      const shownBefore = await actualsShown(page);
      await dropBytes(page, 'template-unfilled.xlsx', readFileSync((await download.path())!));
      for (const r of await sheetReports(page, 'template-unfilled.xlsx')) expect(r[3], String(r[0])).toEqual([]);
      expect(await actualsShown(page)).toEqual(shownBefore);
      // Fill 崇明's December recruitment: the row of the 实际值 sheet with that indicator and area.
      const ws = wb.Sheets['实际值']!;
      const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: null });
      const header = rows[0]!;
      const at = rows.findIndex((r) => r[0] === 'public_institution_recruitment' && r[2] === '310151');
      expect(at).toBeGreaterThan(0);
      const month = String(rows[at]![header.indexOf('期间')]);
      XLSX.utils.sheet_add_aoa(ws, [[month, 4321]], { origin: { r: at, c: header.indexOf('期间') } });
      await dropBytes(page, 'template-filled.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
      const reports = await sheetReports(page, 'template-filled.xlsx');
      for (const r of reports) expect(r[3], String(r[0])).toEqual([]);
      // Every row of the sheet that has a figure is taken: the ones already on record (prefilled) and the one filled.
      const figures = ['数值', '分子', '分母'].map((h) => header.indexOf(h));
      const withFigure = XLSX.utils.sheet_to_json<(string | number | null)[]>(ws, { header: 1, defval: null }).slice(1).filter((r) => figures.some((i) => r[i] != null && r[i] !== ''));
      expect(withFigure.length).toBeGreaterThan(1);
      expect(reports.find((r) => r[0] === '实际值')![2]).toBe(withFigure.length);
      const filled = withActuals(bundled, [{ indicator: 'public_institution_recruitment', area: '310151', period: month, value: 4321 }]);
      await expectRows(page, [...rowsForAreas(filled, 2023, ['310151'], asOf).keys()].sort(), rowsForAreas(filled, 2023, ['310151'], asOf), 'the filled template');
    });
  });
});

describe('7. export', () => {
  it('CSV: BOM, header, one line per visible row with the rows’ values; formula-like text is neutralised', async () => {
    await withPage('?year=2023', async ({ page }) => {
      const readExport = async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
        const bytes = readFileSync((await download.path())!);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: false });
        expect(parsed.errors).toEqual([]);
        // The table follows the first block (what the file is) and a blank line.
        const blank = parsed.data.findIndex((l) => l.length === 1 && l[0] === '');
        const table = parsed.data.slice(blank + 1).filter((l) => !(l.length === 1 && l[0] === ''));
        return { name: download.suggestedFilename(), header: table[0]!, body: table.slice(1) };
      };
      const check = async (what: string) => {
        const shown = await readKpis(page);
        const { header, body, name } = await readExport();
        expect(name).toMatch(/\.csv$/);
        const col = (n: string) => header.indexOf(n);
        for (const n of ['目标编号', '目标值', '实际值', '文件', '条款', '原文'])
          expect(col(n), `column ${n}`).toBeGreaterThanOrEqual(0);
        expect(body.length, what).toBe(shown.length);
        // A target inherited by several areas is one line per area: lines are keyed by id and area code.
        const byKey = new Map(body.map((line) => [`${line[col('目标编号')]!}|${line[col('区划代码')]!}`, line]));
        const byId = new Map(body.map((line) => [line[col('目标编号')]!, line]));
        for (const k of shown) {
          const line = byKey.get(`${k.targetId}|${k.area}`);
          expect(line, `${k.targetId} in the export`).toBeDefined();
          for (const [c, attr] of [
            ['目标值', k.target],
            ['实际值', k.actual],
          ] as const) {
            const cell = line![col(c)]!;
            if (attr == null || attr === '') expect(cell, `${k.targetId} ${c}`).toBe('');
            else
              expect(Math.abs(Number(cell) - Number(attr)), `${k.targetId} ${c}: ${cell} vs ${attr}`).toBeLessThanOrEqual(1e-4);
          }
        }
        // No text cell may start a formula.
        const numeric = new Set(
          ['目标值', '实际值', '分子', '分母', '序时进度', '完成度（%）', '距目标（比率为百分点）', '距序时进度（比率为百分点）'].map(col),
        );
        for (const line of body)
          line.forEach((cell, i) => !numeric.has(i) && expect(cell, `cell ${header[i]}`).not.toMatch(/^[=+\-@]/));
        return { header, byId };
      };
      await check('the year’s rows');

      // Narrow the view: the export follows the visible rows.
      await page.check('input[name=status][value="met"]');
      await waitParam(page, 'status', 'met');
      await waitReady(page);
      await check('met rows only');
      await page.uncheck('input[name=status][value="met"]');
      await waitParam(page, 'status', null);

      await upload(page, ['targets-formula.csv']);
      expect(await report(page, 'targets-formula.csv')).toMatchObject({ accepted: 2, rejected: 0 });
      // Filter to the two districts the uploaded targets are set for (a new filter also makes the
      // table re-read the targets; that the table shows uploaded targets at once is checked in 6.).
      await page.click('details[data-filter="area"] > summary');
      await page.check('details[data-filter="area"] input[name=area][value="310118"]');
      await page.check('details[data-filter="area"] input[name=area][value="310115"]');
      await waitParam(page, 'area', '310118,310115');
      await page.waitForSelector('[data-kpi][data-target-id="byod-formula-2023"]');
      await page.waitForSelector('[data-kpi][data-target-id="byod-formula-plus-2023"]');
      await waitReady(page);
      // The area list closes as a drop-down does (it lies over the toolbar while open).
      await page.keyboard.press('Escape');
      await page.waitForSelector('details[data-filter="area"]:not([open])', { state: 'attached' });
      const { header, byId } = await check('with formula-like documents');
      const f = byId.get('byod-formula-2023')!;
      expect(f[header.indexOf('文件')]).toBe("'=1+2");
      expect(f[header.indexOf('条款')]).toBe("'-（一）");
      expect(f[header.indexOf('原文')]).toBe("'@SUM(A1)：组织院校服务");
      expect(byId.get('byod-formula-plus-2023')![header.indexOf('文件')]).toBe("'+86-21-12345678");
    });
  });

  it('PNG of the selected target’s chart, drawn by the canvas renderer that loads on the first export', async () => {
    await withPage('?year=2023', async ({ page, requests }) => {
      expect(await page.isDisabled('[data-export="png"]')).toBe(true);
      await page.click('tr[data-row="hjb2023-3-10-assistance-rate"] button.row-select');
      await page.waitForSelector('[data-chart="analyst-monthly"]');
      await waitReady(page);
      const pngChunk = () => requests.filter((r) => /\/chart-png-[^/]+\.js$/.test(r)).length;
      expect(pngChunk()).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="png"]')]);
      expect(pngChunk()).toBe(1);
      expect(download.suggestedFilename()).toMatch(/\.png$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(bytes.length).toBeGreaterThan(2000);
    });
  });
});

describe('7b. hover', () => {
  it('tooltips load when the pointer first enters a chart, then show the hovered month’s values', async () => {
    await withPage('?year=2023&target=hjb2023-3-10-assistance-rate', async ({ page, requests }) => {
      const chart = page.locator('[data-chart="analyst-monthly"]');
      await chart.waitFor();
      await waitReady(page);
      const tooltipChunk = () => requests.filter((r) => /\/chart-tooltip-[^/]+\.js$/.test(r)).length;
      expect(tooltipChunk()).toBe(0);
      await chart.scrollIntoViewIfNeeded();
      const box = (await chart.boundingBox())!;
      // The months sit on a category axis: hovering across it must, once tooltips are in, show
      // one month's actual and target as the chart's own option has them.
      const tip = page.locator('[data-chart="analyst-monthly"] > div:not(:has(svg))');
      await expect
        .poll(
          async () => {
            for (const f of [0.4, 0.5, 0.6]) await page.mouse.move(box.x + box.width * f, box.y + box.height / 2, { steps: 3 });
            return (await tip.count()) ? await tip.first().innerText() : '';
          },
          { timeout: 10_000 },
        )
        .toMatch(/实际值\s*\d+\.\d%[\s\S]*目标值\s*90\.0%/);
      expect(tooltipChunk()).toBe(1);
    });
  });
});

describe('8. briefing', () => {
  const asOf = '2023-06';
  const check = async (page: Page, lang: 'zh' | 'en') => {
    const ref = judgeAll(bundled, asOf);
    const rows = targetIds(bundled, (t) => t.year === 2023);
    const counts: Record<string, number> = { met: 0, on_track: 0, behind: 0, missed: 0, no_data: 0 };
    for (const id of rows) counts[ref.get(id)!.status]!++;
    const summary = (await page.textContent('[data-briefing-summary]')) ?? '';
    const labels =
      lang === 'zh'
        ? {
            n: /共(\d+)项/,
            met: /达标(\d+)项/,
            on_track: /序时内(\d+)项/,
            behind: /落后序时(\d+)项/,
            missed: /未达标(\d+)项/,
            no_data: /无数据(\d+)项/,
          }
        : {
            n: /(\d+) targets/,
            met: /(\d+) met/,
            on_track: /(\d+) on track/,
            behind: /(\d+) behind/,
            missed: /(\d+) missed/,
            no_data: /(\d+) without data/,
          };
    const got = Object.fromEntries(Object.entries(labels).map(([k, re]) => [k, Number(re.exec(summary)?.[1] ?? NaN)]));
    expect(got, summary).toEqual({ n: rows.length, ...counts });

    const sentences = await page.$$eval('[data-briefing-target]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-briefing-target') ?? '',
        text: el.querySelector('.sentence')?.textContent ?? el.textContent ?? '',
      })),
    );
    // Every target with data has its sentence.
    expect(sentences.map((s) => s.id).sort()).toEqual(rows.filter((id) => ref.get(id)!.status !== 'no_data').sort());
    for (const s of sentences) {
      const r = ref.get(s.id)!;
      const m = meta.targets.get(s.id)!;
      const unit = meta.indicators.get(m.indicator)!.unit;
      const figures = sentenceFigures(r.actual!, r.target, unit, lang, r.expected, isCap(m.comparator));
      expect(s.text, s.id).toContain(figures.actual);
      const gap = gapOf(r, m.comparator);
      if (gap != null && gap !== 0) expect(s.text, s.id).toContain(figures.gap!);
      if (lang === 'en') {
        let rest = s.text;
        for (const a of meta.areas.values()) if (!a.nameEn) rest = rest.replaceAll(a.nameZh, '');
        for (const i of meta.indicators.values()) if (!i.nameEn) rest = rest.replaceAll(i.nameZh, '');
        expect(rest, s.id).not.toMatch(/\p{Script=Han}/u);
      }
    }
  };

  it('opens from the analyst view; summary counts and every sentence as the reference (zh), then in English', async () => {
    await withPage(`?year=2023&asof=${asOf}`, async ({ page }) => {
      await page.click('[data-briefing]');
      await waitParam(page, 'view', 'briefing');
      await page.waitForSelector('[data-briefing-summary]');
      await waitReady(page);
      await check(page, 'zh');
    });
    await withPage(`?view=briefing&year=2023&asof=${asOf}&lang=en`, async ({ page }) => {
      await page.waitForSelector('[data-briefing-summary]');
      await check(page, 'en');
    });
  });
});

describe('9. keyboard', () => {
  it('Tab reaches the filters, the sort buttons, a row’s select button (Enter selects) and the file input', async () => {
    await withPage('?year=2025', async ({ page }) => {
      await page.locator('body').focus();
      const seen = new Set<string>();
      let selected = false;
      for (let i = 0; i < 250 && !(seen.has('file') && selected && seen.has('filter') && seen.has('sort')); i++) {
        await page.keyboard.press('Tab');
        const kind = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return 'none';
          if (el.closest('form.filters')) return 'filter';
          if (el.matches('button.sort')) return 'sort';
          if (el.matches('button.row-select')) return 'row-select';
          if (el.matches('[data-drop-zone] input[type=file]')) return 'file';
          return el.tagName.toLowerCase();
        });
        seen.add(kind);
        if (kind === 'row-select' && !selected) {
          const id = await page.evaluate(() => document.activeElement!.closest('tr')!.getAttribute('data-row'));
          await page.keyboard.press('Enter');
          await waitParam(page, 'target', id);
          await page.waitForSelector(`[data-detail="${id}"]`);
          selected = true;
        }
      }
      expect([...seen]).toEqual(expect.arrayContaining(['filter', 'sort', 'row-select', 'file']));
      expect(selected).toBe(true);
    });
  });
});
