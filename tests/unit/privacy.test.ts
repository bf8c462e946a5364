import { describe, expect, it } from 'vitest';
import { suppressedCells } from '../../src/domain/privacy';

describe('small-cell suppression', () => {
  it('hides cells under 5 cases', () => {
    expect(
      [
        ...suppressedCells([
          { key: 'a', cases: 3 },
          { key: 'b', cases: 4 },
          { key: 'c', cases: 40 },
        ]),
      ].sort(),
    ).toEqual(['a', 'b']);
    expect(
      suppressedCells([
        { key: 'a', cases: 5 },
        { key: 'b', cases: 0 },
      ]),
    ).toEqual(new Set());
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

describe('small-cell suppression at the threshold', () => {
  const hidden = (cases: (number | null)[], min?: number) =>
    [
      ...suppressedCells(
        cases.map((c, i) => ({ key: `k${i}`, cases: c })),
        min,
      ),
    ].sort();
  it('4 cases are hidden and 5 are shown (the threshold is 5, not 4)', () => {
    // 4 is under 5: hidden, and the next smallest (10) with it so that 4 cannot be recovered.
    expect(hidden([4, 10, 20])).toEqual(['k0', 'k1']);
    expect(hidden([5, 10, 20])).toEqual([]);
    expect(hidden([4, 10, 20], 4)).toEqual([]);
    expect(hidden([9, 10, 20], 10)).toEqual(['k0', 'k1']);
  });
  it('the second cell hidden is never an empty one: hiding a 0 would leave the small cell recoverable', () => {
    // 2 + 0 + 30 + 12 = 44; hiding {2, 0} shows 42 and gives 2 away. The next smallest non-empty is 12.
    expect(hidden([2, 0, 30, 12])).toEqual(['k0', 'k3']);
    expect(hidden([2, null, 30, 12])).toEqual(['k0', 'k3']);
  });
  it('two small cells hide each other; a lone small cell with no other cell stays alone', () => {
    expect(hidden([1, 2, 30, 40])).toEqual(['k0', 'k1']);
    expect(hidden([3])).toEqual(['k0']);
    expect(hidden([3, 0])).toEqual(['k0']);
  });
  it('between equal next-smallest cells, the first by key', () => {
    expect(
      [
        ...suppressedCells([
          { key: 's', cases: 3 },
          { key: 'b', cases: 10 },
          { key: 'a', cases: 10 },
        ]),
      ].sort(),
    ).toEqual(['a', 's']);
  });
});
