/**
 * What Excel users produce, loaded into the bundled data: former district names and codes, names
 * instead of codes, Arrow IPC, and a file whose encoding cannot be told.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles, text } from '../helpers/fixtures';
import { loadFolder, loadSingleFile } from '../../src/data/ingest/commit';
import type { SqlEngine } from '../../src/data/engine';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('data'))).fatal).toBeNull();
});

const value = async (ind: string, area: string, period: string) =>
  (await engine.query(`SELECT value FROM actuals WHERE indicator_id = ? AND area_code = ? AND period = ?`, [ind, area, period]))[0]?.value;

describe('former districts and names', () => {
  it('maps 闸北, 南汇, 卢湾, 崇明县 (names and old codes) to their current districts, with a notice', async () => {
    const csv = [
      'indicator_id,area_code,period,value',
      'public_institution_recruitment,闸北区,2018-01,11',
      'public_institution_recruitment,310119,2018-01,12',
      'public_institution_recruitment,卢湾,2018-01,13',
      'public_institution_recruitment,崇明县,2018-01,14',
      'public_institution_recruitment,青浦区,2018-01,15',
    ].join('\n');
    const r = await loadSingleFile(engine, text('old.csv', csv));
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toBe(5);
    expect(r.mapped).toEqual([
      { from: '310119', to: '310115', kind: 'former', rows: 1 },
      { from: '卢湾', to: '310101', kind: 'former', rows: 1 },
      { from: '崇明县', to: '310151', kind: 'former', rows: 1 },
      { from: '闸北区', to: '310106', kind: 'former', rows: 1 },
      { from: '青浦区', to: '310118', kind: 'name', rows: 1 },
    ]);
    expect(await value('public_institution_recruitment', '310106', '2018-01')).toBe(11);
    expect(await value('public_institution_recruitment', '310115', '2018-01')).toBe(12);
    expect(await value('public_institution_recruitment', '310118', '2018-01')).toBe(15);
  });
  it('still rejects an area nobody knows, quoting what the file said', async () => {
    const r = await loadSingleFile(engine, text('x.csv', 'indicator_id,area_code,period,value\npublic_institution_recruitment,火星区,2018-02,1\n'));
    expect(r.rejected.map((x) => [x.line, x.code, x.value])).toEqual([[2, 'unknown_area', '火星区']]);
  });
});

describe('Arrow IPC', () => {
  it('loads a table from Arrow IPC, by its column names, with rows numbered as lines', async () => {
    const t = tableFromArrays({
      indicator_id: ['public_institution_recruitment', 'nope'],
      area_code: ['310104', '310104'],
      period: ['2018-03', '2018-03'],
      value: [21, 22],
    });
    const r = await loadSingleFile(engine, { name: 'upload.arrow', bytes: tableToIPC(t, 'file') });
    expect([r.table, r.accepted]).toEqual(['actuals', 1]);
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[3, 'unknown_indicator']]);
    expect(await value('public_institution_recruitment', '310104', '2018-03')).toBe(21);
    const stream = await loadSingleFile(engine, { name: 'upload.arrows', bytes: tableToIPC(tableFromArrays({ indicator_id: ['public_institution_recruitment'], area_code: ['310104'], period: ['2018-04'], value: [5] }), 'stream') });
    expect(stream.accepted).toBe(1);
  });
});

describe('uncertain encodings', () => {
  it('asks before loading a file that is neither UTF-8 nor clean GB18030', async () => {
    const before = await engine.query(`SELECT count(*) AS n FROM actuals`);
    // 0xFF is invalid in UTF-8 and cannot start a GB18030 character.
    const bytes = new Uint8Array([...new TextEncoder().encode('indicator_id,area_code,period,value\n'), 0xff, 0x2c, 0x31, 0x0a]);
    const r = await loadSingleFile(engine, { name: 'odd.csv', bytes });
    expect(r.fatal?.code).toBe('encoding_unsure');
    expect(r.preview).toContain('indicator_id,area_code');
    expect(await engine.query(`SELECT count(*) AS n FROM actuals`)).toEqual(before);
  });
});
