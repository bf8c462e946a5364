/**
 * Workbooks and Parquet in, on the bundled data, in DuckDB-WASM: the corpus of tests/fixtures/excel
 * (made by make-workbooks.mjs) with each file's exact report, the rows it leaves in the tables, and
 * for a file that fails, tables exactly as before. What each file holds is restated here from its
 * description, not read from the generator. Also: the fill-in templates loaded back, unfilled and
 * filled in code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles } from '../helpers/fixtures';
import { loadFolder, loadUpload } from '../../src/data/ingest/commit';
import type { FileReport } from '../../src/data/ingest/issues';
import { fillInTemplate, monthlyTemplate, type TemplateSelection } from '../../src/data/ingest/template';
import { workbookBytes, type WorkbookModel } from '../../src/data/write-workbook';
import type { SqlEngine } from '../../src/data/engine';

const CORPUS = path.resolve('tests/fixtures/excel');
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(CORPUS, name))) });

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
}, 60000);
// Each test starts from the published data: a folder load replaces all four tables.
beforeEach(async () => {
  expect((await loadFolder(engine, folderFiles('data'))).fatal).toBeNull();
}, 60000);

const TABLES = ['areas', 'indicators', 'targets', 'actuals'] as const;
const snapshot = async () =>
  JSON.stringify(await Promise.all(TABLES.map((t) => engine.query(`SELECT * FROM ${t} ORDER BY ALL`))));

const actual = async (ind: string, area: string, period: string) =>
  (await engine.query(`SELECT value, numerator, denominator, basis, source FROM actuals WHERE indicator_id = ? AND area_code = ? AND period = ?`, [ind, area, period]))[0] ?? null;

/** A report as [sheet, table, accepted, rejected as [row, cell, code, value], notices as [code, row, value]]. */
const summary = (r: FileReport) => [
  r.sheet ?? null,
  r.table,
  r.accepted,
  r.rejected.map((x) => [x.line, x.cell ?? null, x.code, x.value]),
  (r.notices ?? []).map((n) => [n.code, n.line, n.value]),
];

// The districts of the monthly report, in its row order (GB/T 2260 code order).
const DISTRICTS = ['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112', '310113', '310114', '310115', '310116', '310117', '310118', '310120', '310151'];

describe('a monthly report as district offices lay it out', () => {
  for (const name of ['monthly-report-2023.xlsx', 'monthly-report-2023.xls']) {
    it(`${name}: the wide sheet unfolded cell by cell, the long sheet read under its title, totals, notes, hidden and empty sheets skipped with notices`, async () => {
      const untouched = await actual('public_institution_recruitment', '310120', '2023-07');
      const reports = await loadUpload(engine, file(name));
      expect(reports.map(summary)).toEqual([
        ['说明', null, 0, [], [['sheet_no_table', null, null]]],
        [
          '事业单位招聘总量',
          'actuals',
          111, // 16 districts × 7 months, one cell left empty
          [],
          [
            ['total_row', 20, '合计'],
            ['note_row', 21, '注：数据截至2023年7月31日，来源：各区人力资源社会保障局。'],
            ['wide_cells', null, '111'],
          ],
        ],
        ['上月（已隐藏）', null, 0, [], [['sheet_hidden', null, null]]],
        [
          '实际值',
          'actuals',
          3,
          [
            [6, null, 'unknown_area', '火星区'],
            [9, null, 'not_a_number', 'abc'],
          ],
          [
            ['total_row', 7, '小计'],
            ['unfilled_rows', null, '1'],
          ],
        ],
        ['Sheet3', null, 0, [], [['sheet_empty', null, null]]],
      ]);
      // Every district's month as the report shows it: 40 + 5 × its row + the month, except the
      // cells written otherwise (43 and "1,050" stored as text; 奉贤 July left empty).
      for (const [i, code] of DISTRICTS.entries())
        for (let m = 1; m <= 7; m++) {
          const got = await actual('public_institution_recruitment', code, `2023-0${m}`);
          if (code === '310120' && m === 7) expect(got, 'an empty cell is no figure').toEqual(untouched);
          else expect([code, m, got?.value, got?.basis, got?.source]).toEqual([code, m, code === '310115' && m === 6 ? 1050 : 40 + 5 * i + m, 'flow', null]);
        }
      // The hidden sheet's 9999 never arrived.
      expect((await engine.query(`SELECT count(*) AS n FROM actuals WHERE value = 9999`))[0]!.n).toBe(0);
      // The long sheet: a month typed as a date, as 2023年7月 and as text; a percentage cell; 累计.
      expect(await actual('graduate_assistance_employment_rate', '310151', '2023-07')).toEqual({ value: null, numerator: 1010, denominator: 1190, basis: null, source: '崇明区就促中心' });
      expect(await actual('new_jobs_created', '310000', '2023-07')).toEqual({ value: 360000, numerator: null, denominator: null, basis: 'ytd', source: '市人社局' });
      expect(await actual('surveyed_unemployment_rate_avg', '310000', '2023-07')).toEqual({ value: 5.2, numerator: null, denominator: null, basis: null, source: '市统计局' });
    });
  }

  it('the .xls and the .xlsx of the same report leave the same tables', async () => {
    await loadUpload(engine, file('monthly-report-2023.xlsx'));
    const fromXlsx = await snapshot();
    await loadFolder(engine, folderFiles('data'));
    await loadUpload(engine, file('monthly-report-2023.xls'));
    expect(await snapshot()).toEqual(fromXlsx);
  });

  it('an HTML table saved as .xls (as web systems export "Excel") loads like a sheet', async () => {
    const [r] = await loadUpload(engine, file('report-html.xls'));
    expect(summary(r!)).toEqual(['Sheet1', 'actuals', 2, [], [['total_row', 5, '合计']]]);
    expect((await actual('public_institution_recruitment', '310116', '2023-08'))?.value).toBe(77);
    expect((await actual('public_institution_recruitment', '310117', '2023-08'))?.value).toBe(88);
  });
});

describe('files that fail whole change nothing', () => {
  const cases: [string, string, string | null][] = [
    ['no-matching-sheet.xlsx', 'no_table_sheet', '人员名单、Sheet2'],
    ['password-protected.xlsx', 'file_password', null],
    ['damaged.xlsx', 'file_unreadable', 'ZIP'],
    // A local header and nothing else: refused before the reader sees it (SheetJS never returns on it).
    ['actuals-saved-as.xlsx', 'file_unreadable', 'ZIP'],
    ['huge-sheet.xlsx', 'sheet_too_large', 'actuals: 150001'],
  ];
  for (const [name, code, detail] of cases)
    it(`${name}: ${code}`, async () => {
      const before = await snapshot();
      const [r] = await loadUpload(engine, file(name));
      expect([r!.file, r!.fatal?.code, r!.accepted]).toEqual([name, code, 0]);
      if (detail) expect(r!.fatal?.detail).toBe(detail);
      expect(await snapshot()).toEqual(before);
    });
});

describe('Parquet, read in the page', () => {
  it('snappy, a DATE period and an integer area code: read as YYYY-MM and as the code', async () => {
    const [r] = await loadUpload(engine, file('actuals-snappy.parquet'));
    expect([r!.table, r!.accepted, r!.rejected, r!.encoding]).toEqual(['actuals', 3, [], null]);
    expect((await actual('public_institution_recruitment', '310116', '2023-09'))?.value).toBe(61);
    expect((await actual('public_institution_recruitment', '310117', '2023-09'))?.value).toBe(62.5);
    expect(await actual('graduate_assistance_employment_rate', '310118', '2023-09')).toMatchObject({ numerator: 900, denominator: 1000 });
  });
  it('zstd with Chinese column names and names for codes; a bad row reported by its line', async () => {
    const [r] = await loadUpload(engine, file('actuals-zh-zstd.parquet'));
    expect([r!.table, r!.accepted]).toEqual(['actuals', 2]);
    expect(r!.rejected.map((x) => [x.file, x.line, x.code, x.value])).toEqual([['actuals-zh-zstd.parquet', 4, 'unknown_area', '火星区']]);
    expect((await actual('public_institution_recruitment', '310120', '2023-10'))?.value).toBe(70);
    expect((await actual('public_institution_recruitment', '310151', '2023-10'))?.value).toBe(71);
  });
});

describe('fill-in templates', () => {
  const base: Omit<TemplateSelection, 'month'> = {
    indicatorIds: ['graduate_assistance_employment_rate', 'public_institution_recruitment'],
    areaCodes: ['310104', '310151'],
    year: 2023,
    lang: 'zh',
  };
  const bytesOf = async (m: WorkbookModel, name: string) => ({ name, bytes: await workbookBytes(m) });

  it('unfilled, the one-sheet-per-table template loads back without a rejected line and changes nothing', async () => {
    const before = await snapshot();
    const model = await fillInTemplate(engine, { ...base, month: '2023-12' });
    expect(model.sheets.map((s) => s.name)).toEqual(['填报说明', '地区', '指标', '目标', '实际值']);
    expect(model.sheets[4]!.rows[0]).toEqual(['指标代码', '指标名称', '区划代码', '地区', '期间', '数值', '分子', '分母', '口径', '来源']);
    const reports = await loadUpload(engine, await bytesOf(model, 'template.xlsx'));
    expect(reports.flatMap((r) => r.rejected)).toEqual([]);
    expect(reports.map((r) => [r.sheet, r.table, r.accepted])).toEqual([
      ['填报说明', null, 0],
      ['地区', 'areas', 62], // every area of data/areas.csv
      ['指标', 'indicators', 33],
      ['目标', 'targets', 2], // hcjb2023-2-07 and -09: the 2023 targets of these indicators set for these areas
      // December rows on record: both of 徐汇, 崇明's recruitment; 崇明's assistance rate has none, so its row stays blank.
      ['实际值', 'actuals', 3],
    ]);
    expect(reports[4]!.notices).toEqual([{ code: 'unfilled_rows', line: null, value: '1' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('filled in code for a month without data, both forms load with no rejected line and every figure lands', async () => {
    const sel = { ...base, month: '2024-02' };
    const model = await fillInTemplate(engine, sel);
    const rows = model.sheets[4]!.rows;
    // 指标代码, 指标名称, 区划代码, 地区, 期间, 数值, 分子, 分母, 口径, 来源
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['graduate_assistance_employment_rate', '离校未就业高校毕业生帮扶就业率', '310104', '徐汇区', '2024-02', null],
      ['graduate_assistance_employment_rate', '离校未就业高校毕业生帮扶就业率', '310151', '崇明区', '2024-02', null],
      ['public_institution_recruitment', '事业单位招聘总量', '310104', '徐汇区', '2024-02', null],
      ['public_institution_recruitment', '事业单位招聘总量', '310151', '崇明区', '2024-02', null],
    ]);
    rows[1]![6] = 450;
    rows[1]![7] = 500;
    rows[2]![5] = '93.5%';
    rows[3]![5] = 12;
    rows[4]![5] = 7;
    rows[4]![8] = '累计';
    const reports = await loadUpload(engine, await bytesOf(model, 'filled.xlsx'));
    expect(reports.flatMap((r) => r.rejected)).toEqual([]);
    expect(reports.find((r) => r.sheet === '实际值')?.accepted).toBe(4);
    expect(await actual('graduate_assistance_employment_rate', '310104', '2024-02')).toMatchObject({ numerator: 450, denominator: 500, value: null });
    expect(await actual('graduate_assistance_employment_rate', '310151', '2024-02')).toMatchObject({ numerator: null, value: 93.5 });
    expect(await actual('public_institution_recruitment', '310104', '2024-02')).toMatchObject({ value: 12, basis: 'flow' });
    expect(await actual('public_institution_recruitment', '310151', '2024-02')).toMatchObject({ value: 7, basis: 'ytd' });

    const names = { indicators: new Map([['graduate_assistance_employment_rate', '离校未就业高校毕业生帮扶就业率'], ['public_institution_recruitment', '事业单位招聘总量']]), areas: new Map([['310104', '徐汇区'], ['310151', '崇明区']]) };
    const wide = monthlyTemplate({ ...sel, month: '2024-03' }, names);
    const sheet = wide.sheets[1]!;
    expect(sheet.rows[1]).toEqual(['指标代码', '指标名称', '区划代码', '地区', '2024年1月', '2024年2月', '2024年3月']);
    sheet.rows[4]![6] = 31; // public_institution_recruitment, 310104, March
    sheet.rows[5]![4] = 5; // public_institution_recruitment, 310151, January
    sheet.rows[5]![6] = '6';
    const wideReports = await loadUpload(engine, await bytesOf(wide, 'monthly.xlsx'));
    expect(wideReports.map(summary)).toEqual([
      ['填报说明', null, 0, [], [['sheet_no_table', null, null]]],
      ['月报', 'actuals', 3, [], [['wide_cells', null, '3']]],
    ]);
    expect((await actual('public_institution_recruitment', '310104', '2024-03'))?.value).toBe(31);
    expect((await actual('public_institution_recruitment', '310151', '2024-01'))?.value).toBe(5);
    expect((await actual('public_institution_recruitment', '310151', '2024-03'))?.value).toBe(6);
  });
});

describe('the corpus', () => {
  it('is what make-workbooks.mjs writes (deterministic, committed up to date)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'jiuye-workbooks-'));
    try {
      execFileSync(process.execPath, [path.join(CORPUS, 'make-workbooks.mjs'), out]);
      const written = readdirSync(out).sort();
      expect(written).toEqual([
        'actuals-snappy.parquet',
        'actuals-zh-zstd.parquet',
        'damaged.xlsx',
        'huge-sheet.xlsx',
        'monthly-report-2023.xls',
        'monthly-report-2023.xlsx',
        'no-matching-sheet.xlsx',
        'password-protected.xlsx',
        'rates-as-values-2023-12.xlsx',
        'report-html.xls',
      ]);
      for (const f of written) expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(CORPUS, f))), f).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60000);
});
