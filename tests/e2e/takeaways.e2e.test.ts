/**
 * Take-aways that stand alone: the table as CSV (in the order and with the columns on screen, gaps,
 * a rate's numerator and denominator, units and requirements in the reader's words, a first block
 * and a file name that say area, year, month judged, documents and whether figures are
 * illustrative) and the selected chart as PNG (a title with area, indicator, year and month, a
 * source line, the 示例 label; the same caption in the file's text chunks).
 *
 * Every expected value is computed here, independently of src/: judgements by the reference judge
 * (tests/helpers/reference-judge.ts), names, documents, clauses and owners read from the served
 * CSV files (tests/helpers/catalog-meta.ts), words for units, requirements and statuses written
 * out below.
 */
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogMeta, type CatalogMeta } from '../helpers/catalog-meta';
import { fractionAt, judgeAll, monthIndex, periodOf, rowsForAreas, type RefJudgement } from '../helpers/reference-judge';
import { downloadOf, stageAnalyst, waitReady, type AnalystStage } from './analyst-stage';
import { readKpis, refKey, TOLERANCE, type ShownKpi } from './kpi-compare';

let stage: AnalystStage;
let meta: CatalogMeta;
beforeAll(async () => {
  stage = await stageAnalyst('jiuye-takeaways-e2e-');
  meta = readCatalogMeta(stage.dataDir);
});
afterAll(async () => stage?.close());

type Lang = 'zh' | 'en';
const WORDS = {
  zh: {
    unit: { percent: '%', persons: '人', posts: '个', count: '个', yuan: '元' } as Record<string, string>,
    comparator: { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '=': '等于', '~': '约' } as Record<string, string>,
    prior: '不低于上年水平',
    status: { met: '达标', on_track: '序时内', behind: '落后序时', missed: '未达标', no_data: '无数据' } as Record<string, string>,
    cols: {
      indicator: '指标', area: '区域', comparator: '要求', target: '目标值', actual: '实际值', unit: '单位', numerator: '分子', denominator: '分母',
      pace: '序时进度', attainment: '完成度（%）', gap: '距目标（比率为百分点）', paceGap: '距序时进度（比率为百分点）', status: '状态', doc: '文件',
      clause: '条款', owner: '责任单位', quote: '原文', judged: '判定月份', inherited: '继承自', id: '目标编号', code: '区划代码',
    },
    about: { area: '区域', year: '年度', month: '数据截至（判定月份）', docs: '依据文件', nature: '数据性质' },
    allAreas: '全部区域',
    sample: '示例数据',
  },
  en: {
    unit: { percent: '%', persons: 'persons', posts: 'posts', count: 'count', yuan: 'yuan' } as Record<string, string>,
    comparator: { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than', '=': 'exactly', '~': 'about' } as Record<string, string>,
    prior: 'not below last year',
    status: { met: 'Met', on_track: 'On track', behind: 'Behind pace', missed: 'Missed', no_data: 'No data' } as Record<string, string>,
    cols: {
      indicator: 'Indicator', area: 'Area', comparator: 'Requirement', target: 'Target', actual: 'Actual', unit: 'Unit', numerator: 'Numerator',
      denominator: 'Denominator', pace: 'Expected by now', attainment: 'Attainment (%)', gap: 'Gap to target (rates: percentage points)',
      paceGap: 'Gap to pace (rates: percentage points)', status: 'Status', doc: 'Document', clause: 'Clause', owner: 'Responsible', quote: 'Text',
      judged: 'Judged at', inherited: 'Inherited from', id: 'Target id', code: 'Area code',
    },
    about: { area: 'Area', year: 'Year', month: 'Data as of (month judged)', docs: 'Documents', nature: 'Nature of the figures' },
    allAreas: 'All areas',
    sample: 'Sample data',
  },
} as const;

const isCap = (c: string) => c === '<=' || c === '<';

interface Exported {
  name: string;
  about: Map<string, string>;
  header: string[];
  rows: string[][];
}

async function exportCsv(page: Page): Promise<Exported> {
  const file = await downloadOf(page, '[data-export="csv"]');
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(file.bytes.subarray(3).toString('utf8'), { skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  const lines = parsed.data;
  // A title line, the block of facts (label, value), a blank line, then the table.
  const blank = lines.findIndex((l) => l.length === 1 && l[0] === '');
  expect(blank, 'a blank line after the first block').toBeGreaterThan(1);
  const about = new Map(lines.slice(1, blank).map((l) => [l[0]!, l[1] ?? ''] as [string, string]));
  const [header, ...rows] = lines.slice(blank + 1).filter((l) => !(l.length === 1 && l[0] === ''));
  return { name: file.name, about, header: header!, rows };
}

function closeTo(cell: string | undefined, want: number | null, what: string) {
  if (want == null) return expect(cell ?? '', what).toBe('');
  expect(cell, what).not.toBe('');
  expect(Math.abs(Number(cell) - want), `${what}: ${cell} vs ${want}`).toBeLessThanOrEqual(TOLERANCE);
}

/** Checks the export against the page's rows and the reference, for one view. */
async function checkExport(page: Page, lang: Lang, asOf: string, ref: Map<string, RefJudgement>, expectAreas: string) {
  const w = WORDS[lang];
  const shown: ShownKpi[] = await readKpis(page);
  expect(shown.length).toBeGreaterThan(0);
  const csv = await exportCsv(page);
  const col = (k: keyof typeof w.cols) => {
    const i = csv.header.indexOf(w.cols[k]);
    expect(i, `column ${w.cols[k]} in ${JSON.stringify(csv.header)}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  // The screen's columns come first, in the screen's order.
  expect(csv.header.slice(0, 3)).toEqual([w.cols.indicator, w.cols.area, w.cols.comparator]);
  expect(col('status')).toBeLessThan(col('doc'));
  // Same rows, same order as on screen.
  expect(csv.rows.map((r) => `${r[col('id')]}|${r[col('code')]}`)).toEqual(shown.map((k) => `${k.targetId}|${k.area}`));

  const a = monthIndex(asOf);
  let month = -1;
  for (const [i, k] of shown.entries()) {
    const row = csv.rows[i]!;
    const t = meta.targets.get(k.targetId)!;
    const ind = meta.indicators.get(t.indicator)!;
    const r = ref.get(refKey(k))!;
    const what = `${refKey(k)}`;
    const end = Math.min(a, monthIndex(t.due.slice(0, 7)));
    month = Math.max(month, end);
    closeTo(row[col('target')], r.target, `${what} target`);
    closeTo(row[col('actual')], r.actual, `${what} actual`);
    closeTo(row[col('pace')], r.expected, `${what} pace`);
    const gap = r.actual == null || r.target == null ? null : isCap(t.comparator) ? r.target - r.actual : r.actual - r.target;
    closeTo(row[col('gap')], gap, `${what} gap`);
    const paceGap = r.actual == null || r.expected == null ? null : isCap(t.comparator) ? r.expected - r.actual : r.actual - r.expected;
    closeTo(row[col('paceGap')], paceGap, `${what} pace gap`);
    const [num, den] = isCap(t.comparator) ? [r.target, r.actual] : [r.actual, r.target];
    const attainment = num == null || den == null ? null : den === 0 ? (num === 0 ? 100 : null) : (num / den) * 100;
    closeTo(row[col('attainment')], attainment, `${what} attainment`);
    const fraction = ind.kind === 'rate' ? fractionAt(stage.bundled, t.indicator, k.area, t.year, end) : null;
    closeTo(row[col('numerator')], fraction?.numerator ?? null, `${what} numerator`);
    closeTo(row[col('denominator')], fraction?.denominator ?? null, `${what} denominator`);
    expect(row[col('unit')], `${what} unit`).toBe(w.unit[ind.unit] ?? ind.unit);
    expect(row[col('comparator')], `${what} requirement`).toBe(t.baseline === 'prior_year' ? w.prior : w.comparator[t.comparator]);
    expect(row[col('status')], `${what} status`).toBe(w.status[r.status]);
    expect(row[col('doc')]).toBe(t.docId);
    expect(row[col('clause')]).toBe(t.clause);
    expect(row[col('owner')], `${what} owner`).toBe(t.owner);
    expect(row[col('quote')]).toBe(t.quote);
    expect(row[col('judged')]).toBe(periodOf(end));
    expect(row[col('inherited')], `${what} inherited from`).toBe(k.inherited ? t.area : '');
    const area = meta.areas.get(k.area)!;
    expect(row[col('area')]).toBe(lang === 'zh' ? area.nameZh : area.nameEn || area.nameZh);
    expect(row[col('indicator')]).toBe(lang === 'zh' ? ind.nameZh : ind.nameEn || ind.nameZh);
  }

  // The first block and the file name say what it is.
  const stated = periodOf(month);
  const docs = [...new Set(shown.map((k) => meta.targets.get(k.targetId)!.docId))];
  expect(csv.about.get(w.about.area)).toBe(expectAreas);
  expect(csv.about.get(w.about.year)).toBe(String(meta.targets.get(shown[0]!.targetId)!.year));
  expect(csv.about.get(w.about.month)).toBe(stated);
  expect((csv.about.get(w.about.docs) ?? '').split('；').sort()).toEqual([...docs].sort());
  expect(csv.about.get(w.about.nature)).toContain(w.sample);
  const block = [...csv.about.values()].join('\n');
  expect(block).not.toMatch(/generated by data|illustrative ·|data\/scripts/);
  const year = csv.about.get(w.about.year)!;
  expect(csv.name).toMatch(/\.csv$/);
  // Spaces become dashes in a file name.
  for (const part of [lang === 'zh' ? `${year}年` : year, stated, w.sample, expectAreas.split('、')[0]!].map((p) => p.replace(/\s+/g, '-')))
    expect(csv.name, `file name ${csv.name} names ${part}`).toContain(part);
  return { csv, stated };
}

describe('the table as CSV', () => {
  it('zh, all areas, sorted by attainment: rows in the screen order; gaps, counts, units and requirements in Chinese; a first block and a file name that say what it is', async () => {
    const asOf = '2023-09';
    const ref = judgeAll(stage.bundled, asOf);
    await stage.withPage(`?year=2023&asof=${asOf}&sort=-attainment`, async ({ page }) => {
      const { csv } = await checkExport(page, 'zh', asOf, ref, WORDS.zh.allAreas);
      expect(csv.rows.length).toBe(stage.bundled.targets.filter((t) => t.year === 2023).length);
    });
  });

  it('zh, 浦东新区 (only inherited rate targets), status filter: the filters in the first block; inherited rows name the area they come from', async () => {
    const asOf = '2023-09';
    const rows = rowsForAreas(stage.bundled, 2023, ['310115'], asOf);
    expect([...rows.keys()].every((k) => k.endsWith('@310115'))).toBe(true);
    await stage.withPage(`?year=2023&asof=${asOf}&area=310115&status=behind`, async ({ page }) => {
      await page.waitForSelector('[data-kpi][data-inherited="true"]');
      const { csv } = await checkExport(page, 'zh', asOf, rows, '浦东新区');
      expect(csv.rows.length).toBe([...rows.values()].filter((r) => r.status === 'behind').length);
      expect([...csv.about.values()].join(' ')).toContain('落后序时');
    });
  });

  it('en, 2022 as of the latest data: the month stated is the one the year is judged at (2022-12), words in English', async () => {
    const asOf = '2025-12';
    const ref = judgeAll(stage.bundled, asOf);
    await stage.withPage(`?year=2022&lang=en`, async ({ page }) => {
      const { stated, csv } = await checkExport(page, 'en', asOf, ref, WORDS.en.allAreas);
      expect(stated).toBe('2022-12');
      const text = [...csv.header, ...csv.about.keys()].join(' ');
      expect(text).not.toMatch(/\p{Script=Han}/u);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// PNG

/** The PNG's text chunks (iTXt: keyword, flags, language, translated keyword, UTF-8 text). */
function pngText(bytes: Buffer): Map<string, string> {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out = new Map<string, string>();
  for (let at = 8; at < bytes.length; ) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'iTXt') {
      const data = bytes.subarray(at + 8, at + 8 + len);
      const k = data.indexOf(0);
      const lang = data.indexOf(0, k + 3);
      const translated = data.indexOf(0, lang + 1);
      out.set(data.toString('latin1', 0, k), data.subarray(translated + 1).toString('utf8'));
    }
    at += 12 + len;
  }
  return out;
}

/** Share of ink (non-white pixels) in horizontal bands of the image, drawn in the page's canvas. */
async function inkBands(page: Page, png: Buffer, bands: [number, number][]): Promise<{ width: number; height: number; ink: number[] }> {
  return page.evaluate(
    async ({ b64, bands }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const ink = bands.map(([from, to]) => {
        const y0 = Math.round(from * img.height);
        const y1 = Math.round(to * img.height);
        const d = ctx.getImageData(0, y0, img.width, Math.max(1, y1 - y0)).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 200 || d[i + 1]! < 200 || d[i + 2]! < 200) n++;
        return n / (d.length / 4);
      });
      return { width: img.width, height: img.height, ink };
    },
    { b64: png.toString('base64'), bands },
  );
}

describe('the chart as PNG', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: an illustrative city rate: title with area, indicator, year and month; a source line; the sample label, drawn and in the file`, async () => {
      const id = 'hjb2023-3-10-assistance-rate';
      const t = meta.targets.get(id)!;
      const ind = meta.indicators.get(t.indicator)!;
      const area = meta.areas.get(t.area)!;
      await stage.withPage(`?year=2023&asof=2023-09&target=${id}&lang=${lang}`, async ({ page }) => {
        await page.waitForSelector('[data-chart="analyst-monthly"] svg');
        await waitReady(page);
        const chartBox = (await page.locator('[data-chart="analyst-monthly"]').boundingBox())!;
        const file = await downloadOf(page, '[data-export="png"]');
        const text = pngText(file.bytes);
        const names = lang === 'zh' ? [area.nameZh, ind.nameZh] : [area.nameEn || area.nameZh, ind.nameEn || ind.nameZh];
        for (const s of [...names, '2023', '2023-09']) expect(text.get('Title'), `title names ${s}`).toContain(s);
        expect(text.get('Source')).toContain(`${t.docId}${t.clause}`);
        expect(text.get('Source')).toContain(WORDS[lang].sample);
        expect(text.get('Source')).not.toMatch(/generated by|data\/scripts/);
        expect(text.get('Disclaimer')).toBe(WORDS[lang].sample);
        for (const s of [...names, '2023-09', WORDS[lang].sample]) expect(file.name, `file name names ${s}`).toContain(s.replace(/\s+/g, '-'));
        // Drawn: the chart at twice its size, with a band of text above it and below it.
        const img = await inkBands(page, file.bytes, []);
        expect(img.width).toBe(Math.round(chartBox.width) * 2);
        const extra = img.height - Math.round(chartBox.height) * 2;
        expect(extra, 'room for the caption').toBeGreaterThan(60);
        const top = await inkBands(page, file.bytes, [[0, (extra * 0.5) / img.height], [1 - (extra * 0.3) / img.height, 1]]);
        expect(top.ink[0], 'ink in the title band').toBeGreaterThan(0.01);
        expect(top.ink[1], 'ink in the source band').toBeGreaterThan(0.005);
      });
    });
  }

  it('a published figure: the source line names its release and there is no sample label', async () => {
    const id = 'ref-2023-new-jobs';
    await stage.withPage(`?year=2023&target=${id}`, async ({ page }) => {
      await page.waitForSelector('[data-chart="analyst-monthly"] svg');
      await waitReady(page);
      const file = await downloadOf(page, '[data-export="png"]');
      const text = pngText(file.bytes);
      expect(text.get('Title')).toContain('2023-12');
      expect(text.get('Source')).toContain('2023年市政府工作报告');
      expect(text.get('Source')).not.toContain(WORDS.zh.sample);
      expect(text.has('Disclaimer')).toBe(false);
      expect(file.name).not.toContain(WORDS.zh.sample);
    });
  });
});
