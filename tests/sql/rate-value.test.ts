/**
 * Rates given as a value (contract v2): a rate row with a value and no numerator or denominator is
 * the area's own rate, used as is; a parent whose sub-area gives only a value cannot pool and has
 * no actual, with the reason. Run in DuckDB-WASM on tests/fixtures/sql plus rows uploaded here,
 * and compared with the independent reference judge over the same rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles, text } from '../helpers/fixtures';
import { actualAt, loadFolder as loadRefFolder, monthIndex, type RefFolder } from '../helpers/reference-judge';
import { loadFolder, loadSingleFile } from '../../src/data/ingest/commit';
import { fetchComponents } from '../../src/data/model';
import { actualOf, noActualReason } from '../../src/domain/judge';
import type { SqlEngine } from '../../src/data/engine';

const m = (y: number, month: number) => y * 12 + month - 1;
let engine: SqlEngine;
let ref: RefFolder;

// District two's July is its rate as a value; district three gives its own rate as "60%" in
// August; a town of district three gives a value in September (district three has rows of its own,
// so its towns are not read). Three lines must still be refused.
const UPLOAD = [
  'indicator_id,area_code,period,value,numerator,denominator',
  'rt,900002,2024-07,5.5,,',
  'rt,900003,2024-08,60%,,',
  'rt,900003001,2024-09,70,,',
  'rt,900001,2024-08,,5,',
  'rt,900001,2024-09,-3,,',
  'rt,900001,2024-10,,,',
].join('\n');

beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('tests/fixtures/sql'))).fatal).toBeNull();
  const r = await loadSingleFile(engine, text('rates.csv', UPLOAD));
  expect(r.rejected.map((x) => [x.line, x.code, x.column])).toEqual([
    [5, 'rate_needs_fraction', 'numerator'],
    [6, 'negative', 'value'],
    [7, 'rate_needs_fraction', 'numerator'],
  ]);
  expect(r.accepted).toBe(3);
  ref = loadRefFolder(path.resolve('tests/fixtures/sql'));
  for (const [area, period, value] of [['900002', '2024-07', 5.5], ['900003', '2024-08', 60], ['900003001', '2024-09', 70]] as const)
    ref.actuals.push({ indicator: 'rt', area, month: monthIndex(period), value, numerator: null, denominator: null, basis: 'flow' });
}, 60000);

const read = async (area: string, end: number) => {
  const c = (await fetchComponents(engine, [{ id: 1, indicatorId: 'rt', areaCode: area, year: 2024, endIdx: end }])).get(1) ?? null;
  return { actual: actualOf('rate', c), reason: noActualReason('rate', c), unpooled: c?.unpooled ?? [] };
};

describe('a rate given as a value', () => {
  it.each([
    // [area, month, actual, reason, sub-areas that give only a value]
    ['900002', m(2024, 7), 5.5, null, []], // its own value, as given
    ['900002', m(2024, 6), 10, null, []], // before it: 1 ÷ 10
    ['900003', m(2024, 8), 60, null, []], // "60%" is 60
    ['900003', m(2024, 9), 60, null, []], // has rows of its own: its towns are not read
    ['900000', m(2024, 6), (100 * (90 + 1 + 8 + 2)) / (100 + 10 + 10 + 10), null, []], // every child a fraction: pooled
    ['900000', m(2024, 7), null, 'unpooled', ['900002']], // district two's latest is a value: cannot pool
    ['900000', m(2024, 8), null, 'unpooled', ['900002', '900003']],
  ] as const)('%s read at month %i: %s (%s)', async (area, end, actual, reason, unpooled) => {
    const got = await read(area, end);
    if (actual == null) expect(got.actual).toBeNull();
    else expect(got.actual).toBeCloseTo(actual, 9);
    expect(got.reason).toBe(reason);
    expect(got.unpooled).toEqual(unpooled);
    // The independent reference judge says the same.
    const r = actualAt(ref, 'rt', area, 2024, end);
    if (actual == null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(actual, 9);
  });
});
