/**
 * The pure parts of reading workbooks: Chinese column names, where a header sits, wide monthly
 * reports, totals and notes, cells as Excel shows them, the ZIP size guard and CSV records.
 */
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { canonicalHeader, chineseKey, recogniseTable } from '../../src/data/ingest/tables';
import { cellText, columnLetter, layoutSheet, longRecord, monthOf, skippedRow, type SheetCell, type SheetGrid } from '../../src/data/ingest/sheet-layout';
import { cellOf, decimalText, isPercentFormat, zipUnpackedSize } from '../../src/data/ingest/read-workbook';
import { csvRecord } from '../../src/data/ingest/records-csv';
import { isWorkbook } from '../../src/data/ingest/sniff';

const t = (text: string): SheetCell => ({ text });
const grid = (rows: (string | SheetCell | null)[][], name: string | null = 'S'): SheetGrid => ({
  name,
  hidden: false,
  rows: rows.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c == null ? null : typeof c === 'string' ? (c === '' ? null : t(c)) : c)) })),
});

describe('Chinese column names', () => {
  it('recognise each table by its Chinese header, in any order, with units in brackets and spaces', () => {
    expect(recogniseTable(['区划代码', '名称', '层级', '上级代码'])).toBe('areas');
    expect(recogniseTable(['指标代码', '指标名称', '单位', '类型'])).toBe('indicators');
    expect(recogniseTable(['目标编号', '指标代码', '地区', '年度', '要求', '目标值（人）', '文号'])).toBe('targets');
    expect(recogniseTable(['指标', '地区', '月份', '数值'])).toBe('actuals');
    expect(recogniseTable(['指 标 代 码', '区划代码', '期间', ' 数值 '])).toBe('actuals');
    expect(recogniseTable(['姓名', '性别'])).toBeNull();
  });
  it('a name column yields to a code column for the same field; English names stay as they are', () => {
    expect(canonicalHeader(['指标代码', '指标名称', '区划代码', '地区', '期间', '数值', '备注'], 'actuals')).toEqual([
      'indicator_id',
      'named_1',
      'area_code',
      'named_3',
      'period',
      'value',
      '备注',
    ]);
    expect(canonicalHeader(['地区', '指标名称', 'Period', 'VALUE'], 'actuals')).toEqual(['area_code', 'indicator_id', 'period', 'value']);
    // In the indicators table 指标名称 is the name itself, and 地区 in the areas table too.
    expect(canonicalHeader(['指标代码', '指标名称'], 'indicators')).toEqual(['indicator_id', 'name_zh']);
    expect(canonicalHeader(['区划代码', '地区'], 'areas')).toEqual(['area_code', 'name_zh']);
  });
  it('match after removing spaces, underscores and a trailing unit', () => expect(chineseKey('\uFEFF 目标值（万人）')).toBe('目标值'));
});

describe('months', () => {
  it.each([
    ['2024-07', '2024-07'],
    ['2024-7', '2024-07'],
    ['2024/07', '2024-07'],
    ['2024.7', '2024-07'],
    ['2024年7月', '2024-07'],
    ['2024 年 12 月', '2024-12'],
    ['2024年7月份', '2024-07'],
    ['2024-13', null],
    ['7月', null],
    ['45474', null],
  ])('%s → %s', (text, month) => expect(monthOf(t(text))).toBe(month));
  it('a date cell is its month; in the period column a date reads as YYYY-MM, elsewhere as YYYY-MM-DD', () => {
    const d: SheetCell = { text: '2024-07-01', date: [2024, 7, 1] };
    expect(monthOf(d)).toBe('2024-07');
    expect(cellText(d, 'period')).toBe('2024-07');
    expect(cellText(d, 'due_date')).toBe('2024-07-01');
    expect(cellText(t('2024年7月'), 'period')).toBe('2024-07');
    expect(cellText(t('abc'), 'period')).toBe('abc');
  });
});

describe('where the table is', () => {
  it('finds the header under a title and a unit row, and reads the columns it names', () => {
    const g = grid([
      ['2024年7月各区就业指标完成情况表'],
      ['单位：人'],
      ['序号', '指标名称', '地区', '月份', '数值', '备注'],
      ['1', '事业单位招聘总量', '青浦区', '2024年7月', '12', 'x'],
    ]);
    const layout = layoutSheet(g)!;
    expect(layout).toEqual({ kind: 'long', table: 'actuals', headerLine: 3, columns: [null, 'indicator_id', 'area_code', 'period', 'value', null] });
    expect(layout.kind === 'long' && longRecord(g.rows[3]!.cells, layout)).toEqual({
      values: { indicator_id: '事业单位招聘总量', area_code: '青浦区', period: '2024-07', value: '12' },
      unfilled: false,
    });
  });
  it('a wide report: an area column and a column per month; the indicator a column, or the sheet name', () => {
    const months: (string | SheetCell)[] = ['2024年1月', { text: '2024-02-01', date: [2024, 2, 1] }, '2024-03', '2024年1月'];
    expect(layoutSheet(grid([['序号', '地区', ...months]], '城镇新增就业'))).toEqual({
      kind: 'wide',
      table: 'actuals',
      headerLine: 1,
      columns: [null, 'area_code', null, null, null, null],
      // A month written twice is read from its first column.
      months: [
        { index: 2, period: '2024-01', label: '2024年1月' },
        { index: 3, period: '2024-02', label: '2024-02-01' },
        { index: 4, period: '2024-03', label: '2024-03' },
      ],
      indicatorFromSheet: true,
    });
    const withIndicator = layoutSheet(grid([['指标代码', '区划代码', '口径', '2024年1月']], null));
    expect(withIndicator).toMatchObject({ kind: 'wide', columns: ['indicator_id', 'area_code', 'basis', null], indicatorFromSheet: false });
    // Without an indicator column or a sheet name (Parquet) a wide layout cannot say what it measures.
    expect(layoutSheet(grid([['地区', '2024年1月']], null))).toBeNull();
    expect(layoutSheet(grid([['说明'], ['填表说明：按月报送']]))).toBeNull();
  });
  it('totals (合计, 总计, 小计, spaced or over 序号) and notes are skipped; other rows are records', () => {
    const layout = layoutSheet(grid([['序号', '地区', '2024年1月']]))!;
    expect(skippedRow([t('合 计'), null, t('100')], layout)).toEqual({ why: 'total_row', text: '合计' });
    expect(skippedRow([null, t('总计'), t('100')], layout)).toEqual({ why: 'total_row', text: '总计' });
    expect(skippedRow([t('注：数据截至月末。')], layout)).toEqual({ why: 'note_row', text: '注：数据截至月末。' });
    expect(skippedRow([t('填报人：张三')], layout)).toEqual({ why: 'note_row', text: '填报人：张三' });
    expect(skippedRow([t('1'), t('青浦区'), t('100')], layout)).toBeNull();
    expect(skippedRow([t('1'), t('青浦区'), t('合计')], layout)).toBeNull(); // after the area column: a value
  });
  it('a fill-in row with keys and no figure is unfilled', () => {
    const layout = layoutSheet(grid([['指标代码', '区划代码', '期间', '数值', '分子', '分母']]))!;
    expect(layout.kind === 'long' && longRecord([t('x'), t('310118'), t('2024-01'), null, null, null], layout).unfilled).toBe(true);
    expect(layout.kind === 'long' && longRecord([t('x'), t('310118'), t('2024-01'), null, t('1'), null], layout).unfilled).toBe(false);
  });
  it('column letters', () => expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']));
});

describe('cells as Excel shows them', () => {
  const ssf = {
    is_date: (f: string | number) => typeof f === 'string' && /y|d/.test(f.replace(/"[^"]*"/g, '')),
    parse_date_code: (v: number) => {
      const d = new Date(Date.UTC(1899, 11, 30) + v * 86400000);
      return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
    },
  };
  it.each([
    [{ t: 'n', v: 0.9, z: '0%' }, '90'],
    [{ t: 'n', v: 0.905, z: '0.0%' }, '90.5'],
    [{ t: 'n', v: 5, z: '0.0"%"' }, '5'], // a literal % in quotes is no percentage
    [{ t: 'n', v: 1234.5, z: '#,##0.0' }, '1234.5'],
    [{ t: 'n', v: 0.1 + 0.2 }, '0.3'],
    [{ t: 's', v: '1,234' }, '1,234'], // a number stored as text: its text (the checks read the separator)
    [{ t: 's', v: '   ' }, null],
    [{ t: 'z' }, null],
    [{ t: 'b', v: true }, 'true'],
    [{ t: 'e', v: 42, w: '#N/A' }, '#N/A'],
    [{ t: 'n', v: 45474, z: 'yyyy"年"m"月"' }, '2024-07-01'],
  ])('%o → %s', (cell, text) => expect(cellOf(cell, ssf, false)?.text ?? null).toBe(text));
  it('a date cell carries its calendar date', () => expect(cellOf({ t: 'n', v: 45474, z: 'yyyy-mm' }, ssf, false)?.date).toEqual([2024, 7, 1]));
  it('percent formats and 15 significant digits', () => {
    expect([isPercentFormat('0%'), isPercentFormat('0.00%'), isPercentFormat('0"%"'), isPercentFormat('0\\%'), isPercentFormat('General')]).toEqual([true, true, false, false, false]);
    expect(decimalText(0.905 * 100)).toBe('90.5');
  });
});

describe('the ZIP guard', () => {
  /** A ZIP with one entry whose directory says it unpacks to `size` bytes. */
  function zipOf(size: number): Uint8Array {
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const data = deflateRawSync(Buffer.from('<x/>'));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    return new Uint8Array(Buffer.concat([local, name, data, dir, name, end]));
  }
  it('adds up what the entries unpack to, before unpacking anything', () => {
    expect(zipUnpackedSize(zipOf(4))).toBe(4);
    expect(zipUnpackedSize(zipOf(300 * 1024 * 1024))).toBe(300 * 1024 * 1024);
    expect(zipUnpackedSize(zipOf(0xffffffff))).toBe(Infinity);
    expect(zipUnpackedSize(new TextEncoder().encode('not a zip at all, just text'))).toBeNull();
  });
  it('a ZIP without its directory, or whose directory points at no local header, is not a ZIP', () => {
    const whole = zipOf(4);
    // The local header and its data alone, as in actuals-saved-as.xlsx (SheetJS loops on it without end).
    expect(zipUnpackedSize(whole.subarray(0, 30 + 24 + 6))).toBeNull();
    const moved = Uint8Array.from(whole);
    new DataView(moved.buffer).setUint32(whole.length - 22 - 46 - 24 + 42, 7, true);
    expect(zipUnpackedSize(moved)).toBeNull();
  });
  it('a workbook by its bytes: ZIP, compound file, or an HTML table named .xls', () => {
    expect(isWorkbook('a.bin', zipOf(4))).toBe(true);
    expect(isWorkbook('a.bin', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
    expect(isWorkbook('导出.xls', new TextEncoder().encode('\uFEFF <html><table>'))).toBe(true);
    expect(isWorkbook('data.csv', new TextEncoder().encode('<html>'))).toBe(false);
    expect(isWorkbook('data.xls', new TextEncoder().encode('a,b\n1,2'))).toBe(false);
  });
});

describe('records as CSV', () => {
  it('quotes what needs quoting, and nothing else', () =>
    expect(csvRecord(['a', 'b,c', 'say "x"', ' pad', 'line\nbreak', null, 3, ''])).toBe('a,"b,c","say ""x"""," pad","line\nbreak",,3,'));
});

describe('the README', () => {
  it('lists every Chinese column name of the ingest rules, by table, and no other', async () => {
    const { readFileSync } = await import('node:fs');
    const { COLUMN_NAMES_ZH, NAME_COLUMNS_ZH } = await import('../../src/data/ingest/tables');
    const readme = readFileSync('README.md', 'utf8');
    // A note in brackets after a name (the values 口径 takes) is not a name.
    const list = (text: string | undefined) => (text ?? '').replace(/\([^)]*\)/g, '').split(',').map((n) => n.trim()).filter(Boolean);
    for (const table of ['areas', 'indicators', 'targets', 'actuals'] as const) {
      const line = readme.split('\n').find((l) => l.startsWith(`| ${table} | `)) ?? '';
      // `column`: 名称, 名称; by name: 名称, 名称 · `column`: …
      const listed = Object.fromEntries(
        line
          .slice(`| ${table} | `.length, -2)
          .split(' · ')
          .map((part) => {
            const [, column, rest] = /^`(\w+)`: (.*)$/.exec(part.trim()) ?? [];
            const [codes, names] = (rest ?? '').split('; by name: ');
            return [column, { codes: list(codes), names: list(names) }];
          }),
      );
      const columns = new Set([...Object.keys(COLUMN_NAMES_ZH[table]), ...Object.keys(NAME_COLUMNS_ZH[table])]);
      expect(Object.keys(listed).sort(), table).toEqual([...columns].sort());
      for (const c of columns) {
        expect(listed[c]?.codes, `${table}.${c}`).toEqual([...(COLUMN_NAMES_ZH[table][c] ?? [])]);
        expect(listed[c]?.names, `${table}.${c} by name`).toEqual([...(NAME_COLUMNS_ZH[table][c] ?? [])]);
      }
    }
  });
});
