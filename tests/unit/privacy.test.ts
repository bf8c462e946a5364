import { describe, expect, it } from 'vitest';
import { suppressedCells } from '../../src/domain/privacy';

describe('small-cell suppression', () => {
  it('hides cells under 5 cases', () => {
    expect([...suppressedCells([{ key: 'a', cases: 3 }, { key: 'b', cases: 4 }, { key: 'c', cases: 40 }])].sort()).toEqual(['a', 'b']);
    expect(suppressedCells([{ key: 'a', cases: 5 }, { key: 'b', cases: 0 }])).toEqual(new Set());
  });
  it('never lets a single hidden cell be recovered from the total by subtraction', () => {
    const cells = [
      { key: 'town1', cases: 2 },
      { key: 'town2', cases: 30 },
      { key: 'town3', cases: 12 },
    ];
    const hidden = suppressedCells(cells);
    expect([...hidden].sort()).toEqual(['town1', 'town3']);
    // What an onlooker can compute: total − shown = the sum of the hidden cells, never one of them.
    const total = cells.reduce((s, c) => s + c.cases, 0);
    const shown = cells.filter((c) => !hidden.has(c.key)).reduce((s, c) => s + c.cases, 0);
    const recoverable = cells.filter((c) => hidden.has(c.key) && c.cases === total - shown);
    expect(recoverable).toEqual([]);
    expect(hidden.size).toBeGreaterThan(1);
  });
});
