/**
 * Trust, in the built app in headless Chromium: files with every kind of line end go through the
 * file input and end with a report naming the file's own lines (and nothing on screen but the
 * report changes); values from the data with commas, line breaks, quotes, &, #, % and emoji survive
 * their own URL through Back/Forward and a copied link; and every URL value that matches nothing
 * gets a notice.
 *
 * Set-up: the built app under /apps/jiuye/dashboard/, and beside it a data folder written here
 * (url-data/) whose ids, documents and groups are exactly such text. Every page fails its test on a
 * page error (an unhandled rejection included), a console error or a request to another host.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import { isExpectedConsoleError } from './expected-console';
import { readKpis } from './kpi-compare';
import { REPO, stageBuiltApp, unstage } from './stage';

const BASE = '/apps/jiuye/';
const READY_TIMEOUT = 90_000;
const SETTLE_TIMEOUT = 30_000;
const DATA = '?data=../url-data/';

// The data folder's awkward values (CSV-quoted below).
const DOC_COMMA = '沪就办〔2025〕3号, 附件1';
const DOC_SYMBOLS = 'A&B #1 100% "引号" 😀';
const GROUP = '就业, 再就业 & "帮扶"';
const T_NEWLINE = 't-nl\nsecond line';
const T_SYMBOLS = 't&amp#1%😀';
const T_RATE = 't,comma';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

const FOLDER: Record<string, string[]> = {
  'areas.csv': [
    'area_code,name_zh,name_en,level,parent_code',
    '310000,上海市,Shanghai,city,',
    '310118,青浦区,Qingpu,district,310000',
    '310104,徐汇区,Xuhui,district,310000',
  ],
  'indicators.csv': [
    'indicator_id,name_zh,name_en,unit,kind,group_zh,group_en',
    `flow_a,再就业人数,Re-employed,persons,flow,${q(GROUP)},Employment`,
    'rate_b,帮扶就业率,Assistance rate,percent,rate,青年 #1 100%,Youth',
  ],
  'targets.csv': [
    'target_id,indicator_id,area_code,year,comparator,target_value,doc_id,clause,quote',
    `${q(T_NEWLINE)},flow_a,310118,2025,>=,1000,${q(DOC_COMMA)},（一）,第一句`,
    `${T_SYMBOLS},flow_a,310104,2025,>=,1000,${q(DOC_SYMBOLS)},（二）,第二句`,
    `${q(T_RATE)},rate_b,310000,2025,>=,90,${q(DOC_COMMA)},（三）,第三句`,
  ],
  'actuals.csv': [
    'indicator_id,area_code,period,value,numerator,denominator,source',
    ...['2025-01', '2025-02', '2025-03'].flatMap((p, i) => [
      `flow_a,310118,${p},${100 + i},,,示例`,
      `flow_a,310104,${p},${200 + i},,,示例`,
      `rate_b,310000,${p},,${80 + i},100,示例`,
      `rate_b,310118,${p},,${70 + i},100,示例`,
    ]),
  ],
};

let staged: { tmp: string; server: RunningServer; browser: Browser } | null = null;
let context: BrowserContext | null = null;
let appUrl = '';

beforeAll(async () => {
  staged = await stageBuiltApp({
    prefix: 'jiuye-trust-e2e-',
    apps: ['dashboard'],
    base: BASE,
    prepare: (dir) => {
      mkdirSync(path.join(dir, 'url-data'));
      for (const [name, lines] of Object.entries(FOLDER))
        writeFileSync(path.join(dir, 'url-data', name), lines.join('\n') + '\n');
    },
  });
  appUrl = `${staged.server.url}dashboard/`;
  context = await staged.browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await unstage(staged ?? {});
});

/** Opens `url` (a query or a full URL), waits for data-ready, runs `body`; fails on page problems. */
async function withPage(url: string, body: (page: Page) => Promise<void>): Promise<void> {
  const page = await context!.newPage();
  const problems: string[] = [];
  const host = new URL(staged!.server.url).host;
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedConsoleError(msg)) problems.push(`console.error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith('data:') && new URL(u.startsWith('blob:') ? u.slice(5) : u).host !== host)
      problems.push(`foreign request: ${u}`);
  });
  try {
    await page.goto(url.startsWith('http') ? url : `${appUrl}${url}`);
    await ready(page);
    await body(page);
  } finally {
    await page.close();
  }
  expect(problems.join('\n'), `problems on ${url}`).toBe('');
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: READY_TIMEOUT, state: 'attached' });
}

/** Waits until the table lists `n` rows and the page is ready again. */
async function rows(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`[data-row-count="${n}"]`, { timeout: SETTLE_TIMEOUT });
  await ready(page);
}

/** The selected target's detail, once the page has settled on `id` (or on none). */
async function detail(page: Page, id: string | null): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const d = document.querySelector<HTMLElement>('[data-detail]');
      return want == null ? d == null : d?.dataset.detail === want;
    },
    id,
    { timeout: SETTLE_TIMEOUT },
  );
  await ready(page);
}

const notices = (page: Page) =>
  page.$$eval('[data-url-notices] li', (els) => els.map((li) => [li.getAttribute('data-url-notice'), li.textContent ?? '']));

/** Clicks the row whose key (domain/binding judgedKey) is `key`: keys may hold line breaks, so no CSS selector. */
async function select(page: Page, key: string): Promise<void> {
  await page.evaluate((k) => {
    const row = [...document.querySelectorAll<HTMLElement>('tr[data-row]')].find((tr) => tr.dataset.row === k);
    if (!row) throw new Error(`no row ${JSON.stringify(k)}`);
    row.querySelector<HTMLButtonElement>('.row-select')!.click();
  }, key);
}

describe('values from the data survive their own URL', () => {
  it('documents and groups with commas, &, #, %, quotes and emoji: choose, Back, Forward, copied link', async () => {
    await withPage(DATA, async (page) => {
      await rows(page, 3);
      await page.selectOption('select[name=doc]', DOC_COMMA);
      await page.waitForURL((u) => u.searchParams.getAll('doc').join('|') === DOC_COMMA);
      await rows(page, 2);
      await page.selectOption('select[name=doc]', DOC_SYMBOLS);
      await page.waitForURL((u) => u.searchParams.getAll('doc').join('|') === DOC_SYMBOLS);
      await rows(page, 1);
      await page.goBack();
      await rows(page, 2);
      expect(await page.inputValue('select[name=doc]')).toBe(DOC_COMMA);
      await page.goForward();
      await rows(page, 1);
      expect(await page.inputValue('select[name=doc]')).toBe(DOC_SYMBOLS);
      await page.selectOption('select[name=group]', GROUP);
      await rows(page, 1);
      await page.selectOption('select[name=doc]', '');
      await rows(page, 2);
      expect(await notices(page)).toEqual([]);
      const copied = page.url();
      await withPage(copied, async (fresh) => {
        await rows(fresh, 2);
        expect(await fresh.inputValue('select[name=group]')).toBe(GROUP);
        expect(await notices(fresh)).toEqual([]);
      });
    });
  });

  it('a target id with a line break, and an inherited key id@area, keep their detail through Back and a copied link', async () => {
    await withPage(DATA, async (page) => {
      await rows(page, 3);
      await select(page, T_NEWLINE);
      await detail(page, T_NEWLINE);
      await select(page, T_SYMBOLS);
      await detail(page, T_SYMBOLS);
      await page.goBack();
      await detail(page, T_NEWLINE);
      expect(new URL(page.url()).searchParams.get('target')).toBe(T_NEWLINE);
      expect(await notices(page)).toEqual([]);
      await withPage(page.url(), async (fresh) => {
        await detail(fresh, T_NEWLINE);
        expect(await notices(fresh)).toEqual([]);
      });
    });
    // 青浦 inherits the city's rate target: its row is keyed t,comma@310118.
    await withPage(`${DATA}&area=310118`, async (page) => {
      await rows(page, 2);
      await select(page, `${T_RATE}@310118`);
      await detail(page, T_RATE);
      expect(new URL(page.url()).searchParams.get('target')).toBe(`${T_RATE}@310118`);
      await select(page, T_NEWLINE);
      await detail(page, T_NEWLINE);
      await page.goBack();
      await detail(page, T_RATE);
      await withPage(page.url(), async (fresh) => {
        await detail(fresh, T_RATE);
        expect(await notices(fresh)).toEqual([]);
      });
    });
  });

  it('every value that matches nothing gets a notice and falls back', async () => {
    const query = `${DATA}&year=2019&area=319999&${new URLSearchParams({ doc: 'no such, document', group: '无此组', target: 'no\nsuch' })}`;
    await withPage(query, async (page) => {
      await rows(page, 3);
      const shown = await notices(page);
      expect(shown.map(([param]) => param)).toEqual(['year', 'area', 'group', 'doc', 'target']);
      for (const value of ['2019', '319999', '无此组', 'no such, document'])
        expect(
          shown.some(([, text]) => (text ?? '').includes(value)),
          value,
        ).toBe(true);
      expect(await page.inputValue('select[name=year]')).toBe('2025');
      expect(await page.inputValue('select[name=doc]')).toBe('');
      await detail(page, null);
    });
  });
});

describe('files with every kind of line end, through the file input', () => {
  const corpus = (name: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: readFileSync(path.join(REPO, 'tests', 'fixtures', 'bad', name)),
  });

  it('end with a report naming the file’s own lines, replace the previous report, and change nothing else on screen', async () => {
    await withPage('?year=2023', async (page) => {
      const before = await readKpis(page);
      expect(before.length).toBeGreaterThan(0);
      await page.setInputFiles('[data-drop-zone] input[type=file]', [corpus('ragged-too-few.csv')]);
      await page.waitForSelector('[data-load-report][data-busy="false"] [data-file="ragged-too-few.csv"]', {
        timeout: SETTLE_TIMEOUT,
      });
      // A lone CR in an unquoted field (DuckDB's reader used to throw), and every line ending \r\r\n.
      const files = ['cr-lone-unquoted.csv', 'crcrlf-every-line.csv', 'mixed-line-endings.csv'];
      await page.setInputFiles('[data-drop-zone] input[type=file]', files.map(corpus));
      for (const f of files)
        await page.waitForSelector(`[data-load-report][data-busy="false"] [data-file="${f}"]`, { timeout: SETTLE_TIMEOUT });
      await ready(page);
      const reports = await page.$$eval('[data-load-report] [data-file]', (els) =>
        els.map((el) => ({
          file: el.getAttribute('data-file'),
          accepted: Number(el.getAttribute('data-accepted')),
          lines: [...el.querySelectorAll('li[data-code]')].map((li) => [
            Number(li.getAttribute('data-line')),
            li.getAttribute('data-code'),
            li.textContent ?? '',
          ]),
        })),
      );
      expect(reports.map((r) => [r.file, r.accepted, r.lines.map(([l, c]) => [l, c])])).toEqual([
        [
          'cr-lone-unquoted.csv',
          4,
          [
            [3, 'csv_structure'],
            [4, 'csv_structure'],
            [7, 'csv_structure'],
          ],
        ],
        ['crcrlf-every-line.csv', 3, [[7, 'not_a_number']]],
        [
          'mixed-line-endings.csv',
          4,
          [
            [5, 'bad_period'],
            [7, 'csv_structure'],
          ],
        ],
      ]);
      // Reasons in words, never an empty one: 第3行 … CSV 格式错误：列数少于表头.
      expect(reports[0]!.lines[0]![2]).toContain('第3行');
      expect(reports[0]!.lines[0]![2]).toContain('列数少于表头');
      // The rows are of 2018: nothing judged on screen (2023) changes.
      expect(await readKpis(page)).toEqual(before);
    });
  });
});
