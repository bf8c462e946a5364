/**
 * The ledger of awkward values (tests/fixtures/ledger/README.md): which rows the reader sets aside or
 * clean.sql rejects, and the figures of what is kept, worked out by hand, in DuckDB-WASM (the page)
 * and native DuckDB (`npm run aggregate`). `npm run test:spark` holds Spark's job to the same file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateLedger, type LedgerFigure } from '../../data/scripts/aggregate-ledger.mjs';
import type { SqlEngine } from '../../src/data/engine';
import { loadLedger, type LedgerReport } from '../../src/data/ledger/load-ledger';
import { loadFolder } from '../../src/data/ingest/commit';
import { folderFiles } from '../helpers/fixtures';
import { createNodeEngine } from '../../src/data/node-engine';

const FIXTURE = 'tests/fixtures/ledger/ledger-typing.csv';
type Fig = LedgerFigure;
let engine: SqlEngine;
let report: LedgerReport;

beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('data'))).fatal).toBeNull();
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  report = await loadLedger(engine, { name: 'ledger-typing.csv', size: bytes.byteLength, read: async () => bytes });
});

const fig = async (indicator: string, area: string, period: string) =>
  (
    await engine.query<Fig>(
      `SELECT numerator, denominator, value FROM ledger_actuals WHERE indicator_id = ? AND area_code = ? AND period = ?`,
      [indicator, area, period],
    )
  )[0] ?? null;

describe('a ledger of awkward values', () => {
  it('sets aside every row with a date that is there but is not one, whichever date it is', () => {
    expect(report.rows).toBe(35);
    expect(report.rejected).toEqual([
      // 4 2022/01/07, 5 2022-02-30, 6 employed 2022-13-01, 7 exited "someday", 8 employed "   ",
      // 10 2022-01-12T00:00, 11 year 0 (clean.sql)
      { reason: 'bad_date', count: 7, lines: [4, 5, 6, 7, 8, 10, 11] },
      { reason: 'missing_id', count: 2, lines: [20, 21] },
      { reason: 'unknown_area', count: 1, lines: [19] },
      { reason: 'unknown_group', count: 1, lines: [18] },
    ]);
    expect(report.cases).toBe(22);
    // "Illustrative sample" and 示例数据: sample data, whatever the letter case.
    expect(report.illustrative).toBe(true);
  });

  it('keeps padded, upper-case, quoted, short and long rows, and one-digit months and days', async () => {
    // Town 102: t13 (padded, HARDSHIP) 15 Jan → 20 Jan, t14 31 Mar → 30 Jun (on its deadline: 31 Mar +
    // 3 months = 30 Jun), t15 a day late, t16 and t20 never, t19 (a ninth column) and t21 (quoted) in time.
    expect(await fig('hardship_employed_within_3m_share', '310118102', '2022-04')).toMatchObject({
      numerator: 3,
      denominator: 5,
    });
    expect(await fig('hardship_employed_within_3m_share', '310118102', '2022-06')).toMatchObject({
      numerator: 4,
      denominator: 7,
    });
    expect(await fig('hardship_persons_employed', '310118102', '2022-06')).toMatchObject({ value: 1 });
    // Town 104: t01 (2022-1-5) and t12 (on its deadline) in time; t02, t08, t22, t23 not. The row with
    // an employment date of 2022-13-01 (t05) is not counted as a case never employed.
    expect(await fig('hardship_employed_within_3m_share', '310118104', '2022-04')).toMatchObject({
      numerator: 2,
      denominator: 6,
    });
    expect(await fig('hardship_employed_within_3m_share', '310118104', '2024-05')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(await fig('graduate_assistance_employment_rate', '310151101', '2022-07')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });

  it('counts follow-ups by the month text anywhere in the list, over the data’s own years', async () => {
    const f = 'registered_unemployed_monthly_followup_share';
    // r1 Jan–Mar all followed; r2 Feb–Apr, followed in Feb ("2022-02-1x") and Apr.
    expect(await fig(f, '310114001', '2022-03')).toMatchObject({ numerator: 4, denominator: 5 });
    // + r4 May–Jun, both in a quoted, comma-separated list; r3 from 20 Dec, not followed in December;
    // m2 from April, followed in May and June (see the ties below).
    expect(await fig(f, '310114001', '2022-12')).toMatchObject({ numerator: 9, denominator: 18 });
    expect(await fig(f, '310114001', '2023-01')).toMatchObject({ numerator: 1, denominator: 2 });
    // The calendar runs to 2024 because t11 was registered on 2024-02-29, and no further.
    expect(await fig(f, '310114001', '2024-12')).toMatchObject({ numerator: 0, denominator: 24 });
    expect(await engine.query(`SELECT max(period) AS last FROM ledger_actuals`)).toEqual([{ last: '2024-12' }]);
  });

  it('breaks ties the same way every time: the larger area code, then the larger follow-up list', async () => {
    // m1, registered on 1 Mar in towns 102 and 104, is 104's, employed in time (10 Mar, on the 102 row).
    expect(await fig('hardship_employed_within_3m_share', '310118104', '2022-06')).toMatchObject({
      numerator: 3,
      denominator: 7,
    });
    expect(await fig('hardship_employed_within_3m_share', '310118102', '2022-06')).toMatchObject({
      numerator: 4,
      denominator: 7,
    });
    expect(await fig('hardship_persons_employed', '310118104', '2022-03')).toMatchObject({ value: 1 });
    // m2 has two rows on 1 Apr in one area: those with 2022-05-03;2022-06-04 count, not 2022-04-02.
    expect(await fig('registered_unemployed_monthly_followup_share', '310114001', '2022-04')).toMatchObject({
      numerator: 5,
      denominator: 7,
    });
  });

  it('gives the same figures in native DuckDB', async () => {
    const norm = (rows: Fig[]) =>
      rows
        .map((r) =>
          JSON.stringify(
            [r.indicator_id, r.area_code, r.period, r.value, r.numerator, r.denominator].map((v) =>
              v == null ? null : String(v),
            ),
          ),
        )
        .sort();
    const wasm = await engine.query<Fig>(
      `SELECT indicator_id, area_code, period, value, numerator, denominator FROM ledger_actuals`,
    );
    const native: Fig[] = await aggregateLedger({ ledger: FIXTURE, indicators: 'data/indicators.csv', areas: 'data/areas.csv' });
    expect(native.length).toBe(wasm.length);
    expect(norm(native)).toEqual(norm(wasm));
  });
});
