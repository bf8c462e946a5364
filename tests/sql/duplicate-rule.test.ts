/**
 * The duplicate-key rule: a line is a duplicate only of a line that was accepted. A valid line
 * whose key first appeared on a line that was itself rejected (a bad number, an unknown code) is
 * the first acceptable row of that key and is taken.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles, text } from '../helpers/fixtures';
import { loadFolder, loadSingleFile } from '../../src/data/ingest/commit';
import type { SqlEngine } from '../../src/data/engine';

let engine: SqlEngine;

beforeEach(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('tests/fixtures/sql'))).fatal).toBeNull();
});

describe('duplicate keys', () => {
  it('actuals: a valid line after a rejected line with its key is taken; a second valid line is the duplicate', async () => {
    const csv = [
      'indicator_id,area_code,period,value,numerator,denominator,source', // 1
      'f_flow,900001,2024-08,abc,,,typo', // 2 rejected: not a number
      'f_flow,900001,2024-08,7,,,fixed', // 3 taken: the first acceptable row of its key
      'f_flow,900001,2024-09,4,,,first', // 4 taken
      'f_flow,900001,2024-09,5,,,second', // 5 duplicate of line 4
      'f_flow,900001,2024-10,-1,,,neg', // 6 rejected: negative
      'f_flow,900001,2024-10,Infinity,,,inf', // 7 rejected: not finite (its own reason, not a duplicate)
      'f_flow,900001,2024-10,9,,,ok', // 8 taken
      'f_flow,900001,2024-11,3,,,ok', // 9 taken
      'f_flow,900001,2024-11,x,,,bad', // 10 rejected for its value (a bad line is never reported as a duplicate)
    ].join('\n');
    const r = await loadSingleFile(engine, text('dups.csv', csv));
    expect(r.rejected.map((x) => [x.line, x.code, x.detail])).toEqual([
      [2, 'not_a_number', null],
      [5, 'duplicate_key', '4'],
      [6, 'negative', null],
      [7, 'not_finite', null],
      [10, 'not_a_number', null],
    ]);
    expect(r.accepted).toBe(4);
    const rows = await engine.query(
      `SELECT period, value, source FROM actuals WHERE indicator_id = 'f_flow' AND area_code = '900001' AND period BETWEEN '2024-08' AND '2024-11' ORDER BY period`,
    );
    expect(rows).toEqual([
      { period: '2024-08', value: 7, source: 'fixed' },
      { period: '2024-09', value: 4, source: 'first' },
      { period: '2024-10', value: 9, source: 'ok' },
      { period: '2024-11', value: 3, source: 'ok' },
    ]);
  });

  it('targets: an id whose first line had an unknown comparator is taken from its corrected line', async () => {
    const csv = [
      'target_id,indicator_id,area_code,year,comparator,target_value,doc_id', // 1
      'k1,f_flow,900001,2025,≥,10,D', // 2 rejected: comparator
      'k1,f_flow,900001,2025,>=,10,D', // 3 taken
      'k1,f_flow,900001,2025,>=,12,D', // 4 duplicate of line 3
    ].join('\n');
    const r = await loadSingleFile(engine, text('targets.csv', csv));
    expect(r.rejected.map((x) => [x.line, x.code, x.detail])).toEqual([
      [2, 'bad_comparator', null],
      [4, 'duplicate_key', '3'],
    ]);
    expect(r.accepted).toBe(1);
    expect(await engine.query(`SELECT target_value FROM targets WHERE target_id = 'k1'`)).toEqual([{ target_value: 10 }]);
  });
});
