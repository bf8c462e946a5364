/**
 * The ledger rules on a hand-checked fixture (tests/fixtures/ledger/README.md), run through the
 * same SQL files in DuckDB-WASM (what the page runs) and in native DuckDB (what `npm run
 * aggregate` runs): both must give the hand-worked figures and agree with each other.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles } from '../helpers/fixtures';
import { loadFolder } from '../../src/data/ingest/commit';
import { loadLedger, type LedgerReport } from '../../src/data/ledger/load-ledger';
import { parseLedgerRule } from '../../src/data/ledger/rule.mjs';
import { readCatalog } from '../../src/data/model';
import { judgeTargets } from '../helpers/judge-steps';
import type { SqlEngine } from '../../src/data/engine';
import { aggregateLedger } from '../../data/scripts/aggregate-ledger.mjs';

const FIXTURE = 'tests/fixtures/ledger/ledger-small.csv';
let engine: SqlEngine;
let report: LedgerReport;

type Fig = { indicator_id: string; area_code: string; period: string; value: number | null; numerator: number | null; denominator: number | null };
const key = (f: Fig) => `${f.indicator_id}|${f.area_code}|${f.period}`;

beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('data'))).fatal).toBeNull();
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  report = await loadLedger(engine, { name: 'ledger-small.csv', size: bytes.byteLength, read: async () => bytes });
});

const fig = async (indicator: string, area: string, period: string) =>
  (
    await engine.query<Fig>(
      `SELECT indicator_id, area_code, period, value, numerator, denominator FROM ledger_actuals WHERE indicator_id = ? AND area_code = ? AND period = ?`,
      [indicator, area, period],
    )
  )[0] ?? null;

describe('ledger rules', () => {
  it('parses rules from indicators.csv', () => {
    expect(parseLedgerRule('x', 'deadline_rate:hardship:3')).toEqual({ indicatorId: 'x', rule: 'deadline_rate', caseGroup: 'hardship', months: 3 });
    expect(parseLedgerRule('x', 'deadline_rate:hardship')).toBeNull();
    expect(parseLedgerRule('x', 'drop table;')).toBeNull();
  });

  it('reports bad rows by reason and line, and counts duplicates and moves once', () => {
    expect(report.rows).toBe(17);
    expect(report.rejected).toEqual([
      { reason: 'bad_date', count: 2, lines: [9, 10] },
      { reason: 'unknown_area', count: 1, lines: [11] },
    ]);
    // 17 rows − 3 bad − 1 duplicate − 1 move = 12 cases.
    expect(report.cases).toBe(12);
  });

  it('deadline rate: on the boundary day is in time, a day late is not, employed before certified counts', async () => {
    // April: deadlines h1 and h2 (30 Apr) have come; h1 in time, h2 late.
    expect(await fig('hardship_employed_within_3m_share', '310118104', '2022-04')).toMatchObject({ numerator: 1, denominator: 2 });
    // June: h3 (15 May) and h4 (10 Jun) too; h3 was employed before it was certified.
    expect(await fig('hardship_employed_within_3m_share', '310118104', '2022-06')).toMatchObject({ numerator: 2, denominator: 4 });
    // The moved case belongs to town 102, its clock started on 5 Jan: deadline 5 Apr, employed 20 Mar.
    expect(await fig('hardship_employed_within_3m_share', '310118102', '2022-04')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(await fig('hardship_employed_within_3m_share', '310118102', '2022-03')).toBeNull();
    // One month for households: 31 Jan → 28 Feb is on time; 10 Feb → 11 Mar is a day late.
    expect(await fig('zero_employment_households_employed_within_1m_share', '310118103', '2022-03')).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('employed rate, employed flow and follow-up person-months', async () => {
    expect(await fig('zero_employment_households_cleared_share', '310118103', '2022-03')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(await fig('graduate_assistance_employment_rate', '310151101', '2023-08')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await fig('graduate_assistance_employment_rate', '310151101', '2023-09')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(await fig('hardship_persons_employed', '310118104', '2022-04')).toMatchObject({ value: 1 });
    expect(await fig('hardship_persons_employed', '310118104', '2022-02')).toMatchObject({ value: 1 });
    expect(await fig('hardship_persons_employed', '310118102', '2022-03')).toMatchObject({ value: 1 });
    // Jan 1/1, Feb 2/2, Mar 0/2 (r2 employed 10 Mar is still on the register in March), Apr 1/1.
    expect(await fig('registered_unemployed_monthly_followup_share', '310114001', '2020-04')).toMatchObject({ numerator: 4, denominator: 6 });
    expect(await fig('registered_unemployed_monthly_followup_share', '310114001', '2020-03')).toMatchObject({ numerator: 3, denominator: 5 });
  });

  it('wins over actuals.csv for the same indicator, area and month, and says so', async () => {
    const catalog = await readCatalog(engine);
    const t = catalog.targets.filter((x) => x.targetId === 'qfgf2022-4-5-2-hardship-3m');
    const [j] = await judgeTargets(engine, catalog, t, 2022 * 12 + 5);
    // Qingpu's towns: the ledger's 104, 102 and 103 rows replace the illustrative ones for those towns.
    expect(j!.components?.sources).toContain('ledger: ledger-small.csv');
  });
});

describe('the same SQL in native DuckDB', () => {
  it('gives exactly the same figures as DuckDB-WASM', async () => {
    const wasm = await engine.query<Fig>(`SELECT indicator_id, area_code, period, value, numerator, denominator FROM ledger_actuals`);
    const native: Fig[] = await aggregateLedger({ ledger: FIXTURE, indicators: 'data/indicators.csv', areas: 'data/areas.csv' });
    const norm = (rows: Fig[]) =>
      rows
        .map((r) => ({ ...r, value: r.value == null ? null : Number(r.value), numerator: r.numerator == null ? null : Number(r.numerator), denominator: r.denominator == null ? null : Number(r.denominator) }))
        .sort((a, b) => key(a).localeCompare(key(b)));
    expect(native.length).toBeGreaterThan(0);
    expect(norm(native)).toEqual(norm(wasm));
  });
});
