/** The query builders' shape (what they run is tested in DuckDB-WASM under tests/sql/). */
import { describe, expect, it } from 'vitest';
import {
  selectActualComponents,
  selectAreas,
  selectDataSummary,
  selectIndicators,
  selectLatestPeriod,
  selectLedgerFigures,
  selectTargets,
} from '../../src/data/queries';

describe('selectActualComponents', () => {
  it('needs at least one request', () => {
    expect(() => selectActualComponents([])).toThrow('selectActualComponents needs at least one request');
  });
  it('passes every value as a parameter, five per request, in order; names are text', () => {
    const q = selectActualComponents([
      { id: 7, indicatorId: 'a', areaCode: '310118', year: 2024, endIdx: 24293 },
      { id: 'x', indicatorId: "b'; DROP TABLE facts; --", areaCode: '310000', year: 2023, endIdx: 24287 },
    ]);
    expect(q.params).toEqual(['7', 'a', '310118', 2024, 24293, 'x', "b'; DROP TABLE facts; --", '310000', 2023, 24287]);
    expect(q.sql).not.toContain('DROP TABLE');
    // The first row of VALUES types the columns; the others follow it.
    expect(q.sql).toContain('VALUES (?::VARCHAR, ?::VARCHAR, ?::VARCHAR, ?::INTEGER, ?::INTEGER), (?, ?, ?, ?, ?))');
  });
});

describe('the catalog’s statements', () => {
  const all = { selectAreas, selectIndicators, selectTargets, selectLatestPeriod, selectDataSummary, selectLedgerFigures };
  it('take no parameters', () => {
    for (const [name, q] of Object.entries(all)) expect([name, q().params]).toEqual([name, []]);
  });
  it('read their own table; the release month and the sample badge read the combined figures (facts), not actuals.csv alone', () => {
    expect(selectAreas().sql).toMatch(/\bFROM areas\b/);
    expect(selectIndicators().sql).toMatch(/\bFROM indicators\b/);
    expect(selectTargets().sql).toMatch(/\bFROM targets\b/);
    expect(selectLatestPeriod().sql).toMatch(/\bFROM facts\b/);
    expect(selectDataSummary().sql).toMatch(/\bFROM facts\b/);
    expect(selectLedgerFigures().sql).toMatch(/\bFROM ledger_actuals\b/);
  });
});
