/**
 * Loading files: every rejected row reported with its line and reason, encodings decoded, rows
 * upserted by key, and a file that fails entirely changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles, text } from '../helpers/fixtures';
import { loadFolder, loadSingleFile } from '../../src/data/ingest/commit';
import type { SqlEngine } from '../../src/data/engine';

let engine: SqlEngine;
const count = async (table: string) => Number((await engine.query(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

beforeEach(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('tests/fixtures/sql'))).fatal).toBeNull();
});

describe('row checks', () => {
  it('rejects each bad actual with its line and reason and keeps the good ones', async () => {
    const csv = [
      'indicator_id,area_code,period,value,numerator,denominator,source', // 1
      'f_flow,900001,2024-08,5,,,ok', // 2 good
      'f_flow,900001,2024-13,5,,,x', // 3 bad period
      'f_flow,900001,2024-09,abc,,,x', // 4 not a number
      'nope,900001,2024-09,5,,,x', // 5 unknown indicator
      'f_flow,999999,2024-09,5,,,x', // 6 unknown area
      'rt,900001,2024-09,,11,10,x', // 7 numerator > denominator
      'rt,900001,2024-10,,1,0,x', // 8 denominator 0
      'f_flow,900001,2024-09,-3,,,x', // 9 negative count
      'f_flow,900001,2024-08,6,,,dup', // 10 duplicate of line 2
      'f_flow,900001,2024-10,Infinity,,,x', // 11 not finite
      'f_flow,900001,2024-11,"1,234",,,thousands', // 12 good: 1234
      'f_flow,900001,2024-12,１２,,,fullwidth', // 13 good: 12
      'f_flow,900001,2025-01,5,,,x,extra', // 14 too many columns
    ].join('\n');
    const r = await loadSingleFile(engine, text('mixed.csv', csv));
    expect(r.table).toBe('actuals');
    expect(r.accepted).toBe(3);
    expect(r.rejected.map((x) => [x.line, x.code, x.column])).toEqual([
      [3, 'bad_period', 'period'],
      [4, 'not_a_number', 'value'],
      [5, 'unknown_indicator', 'indicator_id'],
      [6, 'unknown_area', 'area_code'],
      [7, 'numerator_exceeds_denominator', 'numerator'],
      [8, 'denominator_zero', 'denominator'],
      [9, 'negative', 'value'],
      [10, 'duplicate_key', 'indicator_id'],
      [11, 'not_finite', 'value'],
      [14, 'csv_structure', null],
    ]);
    expect(r.rejected.find((x) => x.line === 10)?.detail).toBe('2');
    const rows = await engine.query(`SELECT period, value FROM actuals WHERE indicator_id = 'f_flow' AND period >= '2024-08' ORDER BY period`);
    expect(rows).toEqual([
      { period: '2024-08', value: 5 },
      { period: '2024-11', value: 1234 },
      { period: '2024-12', value: 12 },
    ]);
  });

  it('checks targets: comparator, year, value or baseline, references', async () => {
    const csv = [
      'target_id,indicator_id,area_code,year,comparator,target_value,baseline,due_date,doc_id',
      'a,f_flow,900001,2025,>=,10,,,D', // good
      'b,f_flow,900001,2025,≥,10,,,D', // unknown comparator
      'c,f_flow,900001,20x5,>=,10,,,D', // bad year
      'd,f_flow,900001,2025,>=,,,,D', // no value, no baseline
      'e,f_flow,900001,2025,>=,10,,2025-02-30,D', // impossible date
      'f,f_flow,900001,2025,>=,10,last_year,,D', // unknown baseline
      'g,f_flow,900001,2025,>=,10,,,', // no doc
    ].join('\n');
    const r = await loadSingleFile(engine, text('targets.csv', csv));
    expect(r.accepted).toBe(1);
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [3, 'bad_comparator'],
      [4, 'bad_year'],
      [5, 'required'],
      [6, 'bad_date'],
      [7, 'bad_baseline'],
      [8, 'required'],
    ]);
  });
});

describe('whole files', () => {
  it('upserts by key: a new value replaces the old row', async () => {
    const before = await count('actuals');
    const r = await loadSingleFile(engine, text('x.csv', 'indicator_id,area_code,period,value\nf_flow,900001,2024-01,11\n'));
    expect(r.accepted).toBe(1);
    expect(await count('actuals')).toBe(before);
    expect((await engine.query(`SELECT value FROM actuals WHERE indicator_id='f_flow' AND area_code='900001' AND period='2024-01'`))[0]).toEqual({ value: 11 });
  });

  it('changes nothing when a file fails entirely', async () => {
    const before = await engine.query(`SELECT * FROM actuals ORDER BY indicator_id, area_code, period`);
    for (const f of [
      text('empty.csv', ''),
      text('header.csv', 'indicator_id,area_code,period,value\n'),
      text('all-bad.csv', 'indicator_id,area_code,period,value\nnope,1,2024-01,1\n'),
      text('unknown.csv', 'foo,bar\n1,2\n'),
      { name: 'book.csv', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) },
    ]) {
      const r = await loadSingleFile(engine, f);
      expect(r.fatal, f.name).not.toBeNull();
    }
    expect(await engine.query(`SELECT * FROM actuals ORDER BY indicator_id, area_code, period`)).toEqual(before);
  });

  it('reads GB18030 (GBK) and UTF-16LE files exported by Excel', async () => {
    // "区域" is not needed: the Chinese name 青浦区 in GBK is C7E0 C6D6 C7F8.
    const head = new TextEncoder().encode('area_code,name_zh,level,parent_code\r\n900004,');
    const tail = new TextEncoder().encode(',district,900000\r\n');
    const gbk = new Uint8Array([...head, 0xc7, 0xe0, 0xc6, 0xd6, 0xc7, 0xf8, ...tail]);
    const r = await loadSingleFile(engine, { name: 'gbk.csv', bytes: gbk });
    expect([r.encoding, r.accepted]).toEqual(['gb18030', 1]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('area_code,name_zh,level,parent_code\r\n900005,松江区,district,900000\r\n', 'utf16le')]);
    const r2 = await loadSingleFile(engine, { name: 'u16.csv', bytes: utf16 });
    expect([r2.encoding, r2.accepted]).toEqual(['utf-16le', 1]);
    expect(await engine.query(`SELECT name_zh FROM areas WHERE area_code IN ('900004','900005') ORDER BY area_code`)).toEqual([
      { name_zh: '青浦区' },
      { name_zh: '松江区' },
    ]);
  });

  it('keeps text from data as data: SQL-looking values are stored verbatim', async () => {
    const evil = `x'); DROP TABLE actuals; --`;
    const r = await loadSingleFile(engine, text('a.csv', `area_code,name_zh,level,parent_code\n900006,"${evil}",district,900000\n`));
    expect(r.accepted).toBe(1);
    expect((await engine.query(`SELECT name_zh FROM areas WHERE area_code = ?`, ['900006']))[0]).toEqual({ name_zh: evil });
    expect(await count('actuals')).toBeGreaterThan(0);
  });

  it('fails a folder whose table is missing, leaving the loaded data as it was', async () => {
    const before = await count('targets');
    const files = { ...folderFiles('tests/fixtures/sql'), targets: new Error('targets.csv: HTTP 404') };
    const r = await loadFolder(engine, files);
    expect(r.fatal?.code).toBe('table_missing');
    expect(await count('targets')).toBe(before);
  });
});
