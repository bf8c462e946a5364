/** As-of month, default year, years with targets, and the area tree: hand-worked cases. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultYear, resolveAsOf, yearsWithTargets } from '../../src/domain/resolve';
import { childAreas, isWithin, rootCodes } from '../../src/domain/areas';
import { decemberOf, dueMonthOf, formatPeriod, januaryOf, parsePeriod, yearOf } from '../../src/domain/period';
import type { Area, Target } from '../../src/domain/types';

const t = (year: number) => ({ year }) as Target;
const m = (y: number, month: number) => y * 12 + month - 1;

describe('resolveAsOf', () => {
  afterEach(() => vi.useRealTimers());
  it('a ?asof that is not a period falls back to the latest period', () => {
    expect(resolveAsOf('2023-13', m(2024, 6), [])).toBe(m(2024, 6));
    expect(resolveAsOf('', m(2024, 6), [])).toBe(m(2024, 6));
    expect(resolveAsOf(' 2023-02 ', m(2024, 6), [])).toBe(m(2023, 2));
  });
  it('without actuals: December of the latest target year, whatever the order of the targets', () => {
    expect(resolveAsOf(null, null, [t(2022), t(2024), t(2023)])).toBe(m(2024, 12));
  });
  it('without actuals or targets: December of this year', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-05-01T00:00:00Z'));
    expect(resolveAsOf(null, null, [])).toBe(m(2030, 12));
  });
});

describe('defaultYear', () => {
  it('the as-of year when there are no targets at all', () => {
    expect(defaultYear(m(2024, 3), [])).toBe(2024);
  });
  it('the latest year with targets before the as-of year, read in numeric order', () => {
    expect(defaultYear(m(2024, 3), [t(2025), t(2022), t(2023), t(2026)])).toBe(2023);
  });
  it('with no year at or before it: the latest year with targets', () => {
    expect(defaultYear(m(2019, 1), [t(2024), t(2022), t(2023)])).toBe(2024);
  });
});

describe('yearsWithTargets', () => {
  it('newest first, with how many targets each has', () => {
    expect(yearsWithTargets([t(2022), t(2024), t(2022), t(2023), t(2022)])).toEqual([
      { year: 2024, count: 1 },
      { year: 2023, count: 1 },
      { year: 2022, count: 3 },
    ]);
    expect(yearsWithTargets([])).toEqual([]);
  });
});

const area = (areaCode: string, level: Area['level'], parentCode: string | null): Area => ({
  areaCode,
  nameZh: areaCode,
  nameEn: null,
  level,
  parentCode,
});
const areas = [
  area('C', 'city', null),
  area('D', 'district', 'C'),
  area('T', 'town', 'D'),
  area('Z', 'zone', 'D'),
  area('X', 'district', null),
];
const byCode = new Map(areas.map((a) => [a.areaCode, a]));

describe('the area tree', () => {
  it('roots: the city and any area without a parent', () => {
    expect([...rootCodes(areas)].sort()).toEqual(['C', 'X']);
    expect([...rootCodes([area('C2', 'city', 'X')])]).toEqual(['C2']);
  });
  it('isWithin: itself, its parent, its parent’s parent; nothing else', () => {
    expect(isWithin(byCode, 'T', 'T')).toBe(true);
    expect(isWithin(byCode, 'T', 'D')).toBe(true);
    expect(isWithin(byCode, 'T', 'C')).toBe(true);
    expect(isWithin(byCode, 'Z', 'C')).toBe(true);
    expect(isWithin(byCode, 'D', 'T')).toBe(false);
    expect(isWithin(byCode, 'T', 'X')).toBe(false);
    expect(isWithin(byCode, 'unknown', 'C')).toBe(false);
  });
  it('isWithin ends on a loop in the tree', () => {
    const loop = new Map([
      ['A', area('A', 'district', 'B')],
      ['B', area('B', 'district', 'A')],
    ]);
    expect(isWithin(loop, 'A', 'C')).toBe(false);
  });
  it('isWithin reaches ten levels up, and no further', () => {
    const chain = Array.from({ length: 12 }, (_, i) => area(`L${i}`, 'town', i === 0 ? null : `L${i - 1}`));
    const map = new Map(chain.map((a) => [a.areaCode, a]));
    expect(isWithin(map, 'L9', 'L0')).toBe(true);
    expect(isWithin(map, 'L11', 'L0')).toBe(false);
  });
  it('children that add up: never a zone', () => {
    expect(childAreas(areas, 'D').map((a) => a.areaCode)).toEqual(['T']);
    expect(childAreas(areas, 'C').map((a) => a.areaCode)).toEqual(['D']);
  });
});

describe('periods', () => {
  it('month indices both ways, years of four digits', () => {
    expect(formatPeriod(m(2024, 12))).toBe('2024-12');
    expect(formatPeriod(m(2024, 1))).toBe('2024-01');
    expect(formatPeriod(m(999, 3))).toBe('0999-03');
    expect(parsePeriod('2024-12')).toBe(m(2024, 12));
    expect(parsePeriod(' 2024-01 ')).toBe(m(2024, 1));
    expect(parsePeriod('2024-00')).toBeNull();
    expect(parsePeriod('2024-1')).toBeNull();
    expect(parsePeriod('x2024-01')).toBeNull();
    expect(parsePeriod('2024-01x')).toBeNull();
  });
  it('a due date’s month, for real dates only', () => {
    expect(dueMonthOf(' 2024-04-30 ')).toBe(m(2024, 4));
    expect(dueMonthOf('2024-04-31')).toBeNull();
    expect(dueMonthOf('2024-12-31')).toBe(m(2024, 12));
    expect(dueMonthOf('2024-01-00')).toBeNull();
    expect(dueMonthOf('2024-13-01')).toBeNull();
    expect(dueMonthOf('x2024-01-01')).toBeNull();
    expect(dueMonthOf('2024-01-01x')).toBeNull();
    expect(dueMonthOf('2024-01')).toBeNull();
  });
  it('year, January and December of a month index', () => {
    expect(yearOf(m(2024, 12))).toBe(2024);
    expect(yearOf(m(2024, 1))).toBe(2024);
    expect(januaryOf(2024)).toBe(m(2024, 1));
    expect(decemberOf(2024)).toBe(m(2024, 12));
  });
});
