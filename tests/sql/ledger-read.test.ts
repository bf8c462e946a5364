/**
 * How a ledger is read: rows the reader sets aside (dates that do not parse) and rows clean.sql
 * rejects are reported with their file lines, whichever comes first in the file; padded codes,
 * padded dates and upper-case groups are accepted; CSV and Arrow IPC give the same report and
 * the same figures. Expected lines are counted by hand from the text below.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles } from '../helpers/fixtures';
import { loadFolder } from '../../src/data/ingest/commit';
import { loadLedger, warmLedger, type LedgerProgress, type LedgerReport } from '../../src/data/ledger/load-ledger';
import { lineOfKeptRow } from '../../src/data/ledger/report';
import type { SqlEngine } from '../../src/data/engine';

const HEADER = ['case_id', 'area_code', 'group', 'registered_on', 'employed_on', 'exited_on', 'followed_up_on', 'source'];
// Line 1 is the header.
const ROWS = [
  ['a1', '310118104', 'hardship', '2022-01-31', '2022-04-30', '', '', 'hand'], //              2 ok
  ['a2', '310118104', 'hardship', '2022/01/31', '', '', '', 'hand'], //                        3 bad_date (reader)
  ['a3', '999999', 'hardship', '2022-01-31', '', '', '', 'hand'], //                           4 unknown_area
  ['', '310118104', 'hardship', '2022-01-31', '', '', '', 'hand'], //                          5 missing_id
  ['a5', '310118104', 'no_such_group', '2022-01-31', '', '', '', 'hand'], //                   6 unknown_group
  ['a6', ' 310118104 ', ' Hardship ', ' 2022-02-15 ', '2022-02-20', '', '', 'hand'], //        7 ok (padded)
  ['a7', '310118104', 'hardship', '2022-03-01', 'someday', '', '', 'hand'], //                 8 bad_date (reader)
  ['a8', '310118104', 'hardship', '', '2022-03-01', '', '', 'hand'], //                        9 bad_date (no registration)
];
const EXPECTED: LedgerReport['rejected'] = [
  { reason: 'bad_date', count: 3, lines: [3, 8, 9] },
  { reason: 'missing_id', count: 1, lines: [5] },
  { reason: 'unknown_area', count: 1, lines: [4] },
  { reason: 'unknown_group', count: 1, lines: [6] },
];

const csvBytes = () => new TextEncoder().encode([HEADER, ...ROWS].map((r) => r.join(',')).join('\n') + '\n');
const arrowBytes = () =>
  tableToIPC(tableFromArrays(Object.fromEntries(HEADER.map((h, i) => [h, ROWS.map((r) => (r[i] === '' ? null : r[i]!))]))), 'file');

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('data'))).fatal).toBeNull();
});

const load = (name: string, bytes: Uint8Array) => loadLedger(engine, { name, size: bytes.byteLength, read: async () => bytes });
/** As the page reads a large CSV: DuckDB takes the file itself in parts of `partBytes`, cut at line breaks. */
const loadInParts = (bytes: Uint8Array, partBytes: number, onProgress?: (p: LedgerProgress) => void) =>
  loadLedger(
    engine,
    { name: 'ledger.csv', size: bytes.byteLength, blob: new Blob([new Uint8Array(bytes)]), read: async () => Promise.reject(new Error('read whole')) },
    { partBytes, onProgress },
  );
const figures = () =>
  engine.query(`SELECT indicator_id, area_code, period, value, numerator, denominator FROM ledger_actuals ORDER BY ALL`);

describe('reading a ledger', () => {
  it('maps kept rows back to file lines past the rows set aside', () => {
    expect(lineOfKeptRow(0, [])).toBe(2);
    expect(lineOfKeptRow(0, [2])).toBe(3);
    expect(lineOfKeptRow(1, [3])).toBe(4);
    expect(lineOfKeptRow(1, [2, 3, 9])).toBe(5);
    expect(lineOfKeptRow(5, [3, 8])).toBe(9);
  });

  it('CSV: reports every bad row by reason and file line, and keeps padded rows', async () => {
    const report = await load('ledger.csv', csvBytes());
    expect(report.rows).toBe(8);
    expect(report.rejected).toEqual(EXPECTED);
    expect(report.cases).toBe(2);
    // a1: employed 30 Apr, within 3 months of 31 Jan (deadline 30 Apr); a6: 20 Feb, well within.
    expect(await engine.query(`SELECT numerator, denominator FROM ledger_actuals WHERE indicator_id = 'hardship_employed_within_3m_share' AND area_code = '310118104' AND period = '2022-05'`)).toEqual([
      { numerator: 2, denominator: 2 },
    ]);
  });

  it('in parts read straight from the file: the same report, lines and figures, with bytes and rows as it goes', async () => {
    await load('ledger.csv', csvBytes());
    const whole = await figures();
    const bytes = csvBytes();
    // Parts of 1 to 3 rows: cuts fall before, between and after the rows the reader sets aside.
    for (const partBytes of [40, 90, 150]) {
      const seen: LedgerProgress[] = [];
      const report = await loadInParts(bytes, partBytes, (p) => seen.push(p));
      expect(report.rows).toBe(8);
      expect(report.rejected).toEqual(EXPECTED);
      expect(report.cases).toBe(2);
      expect(await figures()).toEqual(whole);
      const parsed = seen.filter((p) => p.phase === 'parse' && p.bytes > 0);
      expect(parsed.length).toBeGreaterThan(1);
      expect(parsed.at(-1)).toMatchObject({ bytes: bytes.byteLength, rows: 8 });
      expect(seen.some((p) => p.phase === 'read')).toBe(false);
    }
  });

  it('the warm-up runs the whole path and keeps nothing, once, and never once a load has begun', async () => {
    await load('ledger.csv', csvBytes());
    const before = await figures();
    const facts = await engine.query(`SELECT count(*) AS n FROM facts`);
    const calendar = () => engine.query(`SELECT min(period) AS first, max(period) AS last FROM calendar`);
    // This module has loaded ledgers already: a warm-up now would only get in a load's way.
    await warmLedger(engine);
    expect(await calendar()).toEqual([{ first: '2022-01', last: '2022-12' }]);
    // A page that has loaded none yet (a fresh module): it goes as far as the figures, in its own year.
    vi.resetModules();
    const fresh = await import('../../src/data/ledger/load-ledger');
    await fresh.warmLedger(engine);
    expect(await calendar()).toEqual([{ first: '2000-01', last: '2000-12' }]);
    expect(await figures()).toEqual(before);
    expect(await engine.query(`SELECT count(*) AS n FROM facts`)).toEqual(facts);
    const report = await fresh.loadLedger(engine, { name: 'ledger.csv', size: csvBytes().byteLength, read: async () => csvBytes() });
    expect(report.rejected).toEqual(EXPECTED);
    expect(await figures()).toEqual(before);
  });

  it('Arrow IPC: the same report and the same figures', async () => {
    await load('ledger.csv', csvBytes());
    const fromCsv = await figures();
    const report = await load('ledger.arrow', arrowBytes());
    expect(report.rows).toBe(8);
    expect(report.rejected).toEqual(EXPECTED);
    expect(report.cases).toBe(2);
    expect(await figures()).toEqual(fromCsv);
  });
});
