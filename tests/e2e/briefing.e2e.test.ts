/**
 * The printable briefing, printed: page.pdf in A4 gives as many pages as the briefing draws
 * sheets; every sheet holds its content; a heading never ends a page; pages after the first start
 * with a section heading; several pages each say 第i页/共n页. The month it states is the one its
 * targets are judged at; final outcomes stand apart from targets still running; every date is
 * written one way; each target names its 责任单位.
 *
 * Expected values come from the reference judge and the data files read directly (catalog-meta).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogMeta, type CatalogMeta } from '../helpers/catalog-meta';
import { judgeAll, latestPeriod, monthIndex, periodOf, type RefFolder, type RefTarget } from '../helpers/reference-judge';
import { stageAnalyst, uploadFiles, waitParam, waitReady, type AnalystStage } from './analyst-stage';

let stage: AnalystStage;
let meta: CatalogMeta;
beforeAll(async () => {
  stage = await stageAnalyst('jiuye-briefing-e2e-');
  meta = readCatalogMeta(stage.dataDir);
});
afterAll(async () => stage?.close());

/** A4 in PDF points (Chromium writes 595×842, give or take rounding). */
const A4 = { width: 595, height: 842 };

interface Sheets {
  count: number;
  labels: string[];
  /** Per sheet: the content's bottom is inside the body. */
  overflow: number[];
  lastIsHeading: boolean[];
  firstIsHeading: boolean[];
  text: string;
  scope: string;
  sections: Record<string, string[]>;
  items: { id: string; text: string }[];
}

const readSheets = (page: Page) =>
  page.evaluate((): Sheets => {
    const sheets = [...document.querySelectorAll<HTMLElement>('.sheet[data-sheet]')];
    const leaves = (body: Element) => [...body.querySelectorAll('h1, h2, li, p')].filter((e) => !e.querySelector('h1, h2, li, p'));
    const sections: Record<string, string[]> = {};
    for (const s of document.querySelectorAll('.sheet[data-sheet] section[data-section]')) {
      const id = s.getAttribute('data-section')!;
      sections[id] = [...(sections[id] ?? []), ...[...s.querySelectorAll('[data-briefing-target]')].map((li) => li.getAttribute('data-briefing-target')!)];
    }
    return {
      count: sheets.length,
      labels: sheets.map((s) => s.querySelector('[data-page-label]')?.textContent ?? ''),
      overflow: sheets.map((s) => {
        const body = s.querySelector('.sheet-body')!.getBoundingClientRect();
        const bottom = Math.max(...leaves(s.querySelector('.sheet-body')!).map((e) => e.getBoundingClientRect().bottom));
        return bottom - body.bottom;
      }),
      lastIsHeading: sheets.map((s) => {
        const l = leaves(s.querySelector('.sheet-body')!);
        return l[l.length - 1]?.tagName === 'H2';
      }),
      firstIsHeading: sheets.map((s) => leaves(s.querySelector('.sheet-body')!)[0]?.tagName === 'H2'),
      text: sheets.map((s) => s.textContent ?? '').join('\n'),
      scope: document.querySelector('.sheet .scope')?.textContent ?? '',
      sections,
      items: [...document.querySelectorAll('.sheet [data-briefing-target]')].map((li) => ({ id: li.getAttribute('data-briefing-target')!, text: li.textContent ?? '' })),
    };
  });

async function printedPages(page: Page): Promise<{ pages: number; sizes: number[][] }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page\b/g) ?? []).length;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[3]), Number(m[4])]);
  return { pages, sizes };
}

/** Checks the briefing on `page` as printed and as laid out; returns what it read. */
async function checkBriefing(page: Page, lang: 'zh' | 'en', folder: RefFolder, asOf: string, ids: string[]) {
  // The month stated: the latest month the targets are judged at (read before anything else).
  const a = monthIndex(asOf);
  const targets = ids.map((id) => folder.targets.find((t) => t.id === id)!);
  const month = periodOf(Math.max(...targets.map((t) => Math.min(a, t.due))));
  await page.waitForSelector('[data-briefing-summary]');
  const scope = await page.$$eval('.scope', (els) => els.filter((e) => e.closest('[aria-hidden="true"]') == null).map((e) => e.textContent ?? '').join(' '));
  expect(scope, 'the month the briefing states').toContain(month);

  await page.waitForSelector('.sheet[data-sheet]');
  const s = await readSheets(page);
  const printed = await printedPages(page);
  expect(printed.pages, 'PDF pages = sheets drawn').toBe(s.count);
  for (const [w, h] of printed.sizes) {
    expect(Math.abs(w! - A4.width)).toBeLessThan(2);
    expect(Math.abs(h! - A4.height)).toBeLessThan(2);
  }
  for (let i = 0; i < s.count; i++) {
    expect(s.overflow[i], `sheet ${i + 1} content inside the page`).toBeLessThanOrEqual(0.5);
    expect(s.lastIsHeading[i], `sheet ${i + 1} ends with a heading`).toBe(false);
    if (i > 0) expect(s.firstIsHeading[i], `sheet ${i + 1} starts with a section heading`).toBe(true);
    expect(s.labels[i]).toBe(s.count === 1 ? '' : lang === 'zh' ? `第${i + 1}页/共${s.count}页` : `Page ${i + 1} of ${s.count}`);
  }

  // Final apart from running, by the due month; no-data targets in neither.
  const ref = judgeAll(folder, asOf);
  const withData = targets.filter((t) => ref.get(t.id)!.status !== 'no_data');
  expect((s.sections.final ?? []).sort()).toEqual(withData.filter((t) => a >= t.due).map((t) => t.id).sort());
  expect((s.sections.running ?? []).sort()).toEqual(withData.filter((t) => a < t.due).map((t) => t.id).sort());

  // Dates one way: months 2023-09, days 2023-12-31, moments 2026-01-02 09:05.
  expect(s.text).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}年\d{1,2}月|\d{4}-\d(?!\d)|\d{4}-\d{2}-\d(?!\d)/);

  // Who answers for each target: its first units, as the data names them.
  for (const item of s.items) {
    const owner = meta.targets.get(item.id)!.owner;
    const units = owner.split(/[、，,；;]/).map((u) => u.trim()).filter(Boolean);
    if (units.length === 0) continue;
    expect(item.text, item.id).toContain(lang === 'zh' ? '责任单位：' : 'Responsible: ');
    expect(item.text, item.id).toContain(units[0]!);
    if (units.length > 4) expect(item.text, item.id).toContain(lang === 'zh' ? `等${units.length}个单位` : `and ${units.length - 3} more`);
    else for (const u of units) expect(item.text, item.id).toContain(u);
  }
  return s;
}

const yearIds = (folder: RefFolder, year: number) => folder.targets.filter((t) => t.year === year).map((t) => t.id);

describe('the briefing, printed', () => {
  for (const [lang, year, asOf] of [
    ['zh', 2023, null],
    ['zh', 2022, null],
    ['en', 2023, '2023-09'],
    ['en', 2022, null],
  ] as const) {
    it(`${lang} ${year}${asOf ? ` as of ${asOf}` : ''}: A4 pages as drawn, the month judged, final apart from running, one date format, 责任单位`, async () => {
      const a = asOf ?? latestPeriod(stage.bundled);
      await stage.withPage(`?view=briefing&year=${year}&lang=${lang}${asOf ? `&asof=${asOf}` : ''}`, async ({ page }) => {
        const s = await checkBriefing(page, lang, stage.bundled, a, yearIds(stage.bundled, year));
        // A past year is stated at its own year-end, not at the month of the newest data.
        if (!asOf) expect(s.scope).toContain(`${year}-12`);
      });
    });
  }

  it('targets due mid-year (uploaded) are final outcomes while the year-end targets still run', async () => {
    const asOf = '2023-09';
    const added: RefTarget[] = [
      { id: 'mid-2023-colleges', indicator: 'colleges_served', area: '310000', year: 2023, comparator: '>=', value: 40, baseline: null, due: monthIndex('2023-06') },
      { id: 'mid-2023-qingpu-rate', indicator: 'graduate_assistance_employment_rate', area: '310118', year: 2023, comparator: '>=', value: 95, baseline: null, due: monthIndex('2023-03') },
    ];
    const csv = [
      'target_id,indicator_id,area_code,year,comparator,target_value,due_date,doc_id,clause,quote,owner',
      'mid-2023-colleges,colleges_served,310000,2023,>=,40,2023-06-30,测试〔2023〕1号,（一）,上半年组织40所院校,市人力资源社会保障局、市教委',
      'mid-2023-qingpu-rate,graduate_assistance_employment_rate,310118,2023,>=,95,2023-03-31,测试〔2023〕1号,（二）,一季度帮扶就业率不低于95%,区人力资源社会保障局',
    ].join('\n');
    const folder = { ...stage.bundled, targets: [...stage.bundled.targets, ...added] };
    meta.targets.set('mid-2023-colleges', { ...meta.targets.get('hjb2023-3-10-hundred-colleges')!, id: 'mid-2023-colleges', owner: '市人力资源社会保障局、市教委' });
    meta.targets.set('mid-2023-qingpu-rate', { ...meta.targets.get('hjb2023-3-10-assistance-rate')!, id: 'mid-2023-qingpu-rate', owner: '区人力资源社会保障局' });
    const ref = judgeAll(folder, asOf);
    expect(added.map((t) => ref.get(t.id)!.status).every((st) => st !== 'no_data')).toBe(true);
    await stage.withPage(`?year=2023&asof=${asOf}`, async ({ page }) => {
      await uploadFiles(page, [{ name: 'mid-year.csv', bytes: Buffer.from(csv) }]);
      await page.waitForSelector('[data-kpi][data-target-id="mid-2023-colleges"]');
      await page.click('[data-briefing]');
      await waitParam(page, 'view', 'briefing');
      await waitReady(page);
      const s = await checkBriefing(page, 'zh', folder, asOf, yearIds(folder, 2023));
      expect((s.sections.final ?? []).sort()).toEqual(['mid-2023-colleges', 'mid-2023-qingpu-rate']);
      expect((s.sections.running ?? []).length).toBeGreaterThan(10);
    });
  });
});
