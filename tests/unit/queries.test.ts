/** The query builders' shape (what they run is tested in DuckDB-WASM under tests/sql/). */
import { describe, expect, it } from 'vitest';
import { selectActualComponents } from '../../src/data/queries';

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
