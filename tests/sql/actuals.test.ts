/**
 * The actual-components SQL, run in DuckDB-WASM on a small fixture whose expected values are
 * worked out by hand below. tests/fixtures/sql/ holds the CSVs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles } from '../helpers/fixtures';
import { loadFolder } from '../../src/data/ingest/commit';
import { childActuals, fetchComponents, monthlySeries, readCatalog } from '../../src/data/model';
import type { Catalog } from '../../src/domain/types';
import { judgeTargets } from '../helpers/judge-steps';
import type { SqlEngine } from '../../src/data/engine';

const m = (y: number, month: number) => y * 12 + month - 1;
let engine: SqlEngine;
let catalog: Catalog;

beforeAll(async () => {
  engine = await createNodeEngine();
  const report = await loadFolder(engine, folderFiles('tests/fixtures/sql'));
  expect(report.fatal).toBeNull();
  expect(report.files.map((f) => f.rejected.length)).toEqual([0, 0, 0, 0]);
  catalog = await readCatalog(engine);
});

const one = async (indicatorId: string, areaCode: string, year: number, endIdx: number) =>
  (await fetchComponents(engine, [{ id: 1, indicatorId, areaCode, year, endIdx }])).get(1) ?? null;

describe('flows', () => {
  it('sum the months from January to the month read, ignoring other years and later months', async () => {
    // 10 + 20 + 30 + 40 + 50 + 60 = 210 (2023 rows and July excluded).
    expect((await one('f_flow', '900001', 2024, m(2024, 6)))?.value).toBe(210);
  });
  it('use the latest ytd row plus the monthly rows after it', async () => {
    expect((await one('f_ytd', '900001', 2024, m(2024, 2)))?.value).toBe(50); // no ytd yet: Feb flow
    expect((await one('f_ytd', '900001', 2024, m(2024, 3)))?.value).toBe(100); // ytd March as given
    expect((await one('f_ytd', '900001', 2024, m(2024, 5)))?.value).toBe(130); // 100 + 10 + 20
  });
  it('add up the districts for a city without rows of its own', async () => {
    // District one 210, district two 15.
    const c = await one('f_flow', '900000', 2024, m(2024, 6));
    expect(c?.value).toBe(225);
    expect(c?.contributors).toBe(2);
    expect(c?.fromChildren).toBe(true);
  });
});

describe('levels', () => {
  it('read the value at the latest period, per contributing area, then add up', async () => {
    expect((await one('lvl', '900001', 2024, m(2024, 6)))?.value).toBe(1100);
    // District one's June 1100 + district two's April 500 (its latest).
    expect((await one('lvl', '900000', 2024, m(2024, 6)))?.value).toBe(1600);
    expect((await one('lvl', '900001', 2024, m(2024, 5)))?.value).toBe(1000);
  });
});

describe('rates', () => {
  it('pool numerators and denominators, never average the rates', async () => {
    // District three has no rows: its towns (8+2)/(10+10); the zone never counts as a child.
    const d3 = await one('rt', '900003', 2024, m(2024, 6));
    expect([d3?.numerator, d3?.denominator]).toEqual([10, 20]);
    // City: (90 + 1 + 10) / (100 + 10 + 20) = 101/130 = 77.69%; the average of rates would be 50%.
    const city = await one('rt', '900000', 2024, m(2024, 6));
    expect([city?.numerator, city?.denominator]).toEqual([101, 130]);
  });
});

describe('judged targets', () => {
  it('judge every rule of the contract on the fixture', async () => {
    const judged = await judgeTargets(engine, catalog, catalog.targets, m(2024, 6));
    const by = Object.fromEntries(judged.map((j) => [j.target.targetId, j.judgement]));
    // 210 of 400 by June; pace 400 × 6/12 = 200 → on track.
    expect(by['t-flow-d1']).toMatchObject({ actual: 210, target: 400, expected: 200, status: 'on_track' });
    // City 225 ≥ 200 pace → on track.
    expect(by['t-flow-city']).toMatchObject({ actual: 225, expected: 200, status: 'on_track' });
    // 130 of 200 with ytd rows; May is the latest row but the flow is read to June: 130 ≥ 100 pace.
    expect(by['t-ytd-d1']).toMatchObject({ actual: 130, expected: 100, status: 'on_track' });
    expect(by['t-level-city']).toMatchObject({ actual: 1600, target: 1500, expected: null, status: 'met' });
    expect(by['t-rate-city']!.actual).toBeCloseTo((101 / 130) * 100, 10);
    expect(by['t-rate-city']!.status).toBe('behind'); // 77.7 < 80, a rate mid-year is never "on track"
    expect(by['t-rate-d3']).toMatchObject({ actual: 50, status: 'behind' });
    expect(by['t-rate-zone']).toMatchObject({ actual: 100, status: 'met' });
    // Due in March, read at March: 10 + 20 + 30 = 60 < 100 → missed; pace = the whole target.
    expect(by['t-flow-due-march']).toMatchObject({ judgedAt: '2024-03', actual: 60, expected: 100, status: 'missed' });
    // Prior year: 1 + 999 = 1000; June pace 500; 210 < 500 → behind.
    expect(by['t-flow-prior']).toMatchObject({ target: 1000, expected: 500, actual: 210, status: 'behind' });
    expect(by['t-flow-prior-missing']).toMatchObject({ target: null, actual: 15, status: 'no_data' });
    expect(by['t-no-data']).toMatchObject({ actual: null, status: 'no_data' });
  });

  it('read nothing after the as-of month', async () => {
    const [j] = await judgeTargets(engine, catalog, catalog.targets.filter((t) => t.targetId === 't-flow-d1'), m(2024, 3));
    expect(j!.judgement).toMatchObject({ actual: 60, expected: 100, status: 'behind' });
  });

  it('give a monthly series ending at the judged actual, and child actuals', async () => {
    const [j] = await judgeTargets(engine, catalog, catalog.targets.filter((t) => t.targetId === 't-flow-city'), m(2024, 6));
    const series = await monthlySeries(engine, j!, m(2024, 6));
    expect(series.map((p) => p.actual)).toEqual([15, 40, 75, 115, 165, 225]);
    expect(series.map((p) => p.expected)).toEqual([400 / 12, 800 / 12, 100, 400 / 3, 500 / 3, 200]);
    expect(series[5]!.illustrative).toBe(true);
    const kids = await childActuals(engine, catalog, j!, m(2024, 6));
    expect(kids.map((k) => [k.area.areaCode, k.actual])).toEqual([
      ['900001', 210],
      ['900002', 15],
      ['900003', null],
    ]);
  });
});
