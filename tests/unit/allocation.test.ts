/** The allocation check (do sub-area targets add up?), with sums worked out by hand. */
import { describe, expect, it } from 'vitest';
import { allocationCheck } from '../../src/domain/allocation';
import type { Area, Target } from '../../src/domain/types';

const areas = [
  { areaCode: 'C', parentCode: null, level: 'city' },
  { areaCode: 'D1', parentCode: 'C', level: 'district' },
  { areaCode: 'D2', parentCode: 'C', level: 'district' },
  { areaCode: 'T1', parentCode: 'D1', level: 'town' },
  { areaCode: 'T2', parentCode: 'D1', level: 'town' },
  { areaCode: 'Z', parentCode: 'D1', level: 'zone' },
] as Area[];
const t = (areaCode: string, targetValue: number | null, extra: Partial<Target> = {}) =>
  ({
    targetId: `${extra.indicatorId ?? 'x'}-${areaCode}`,
    indicatorId: 'x',
    areaCode,
    year: 2024,
    targetValue,
    baseline: null,
    ...extra,
  }) as Target;

describe('allocation check', () => {
  it('adds only the same indicator’s sub-area targets, though another indicator’s come first', () => {
    const city = t('C', 1000);
    const other = [t('D1', 999, { indicatorId: 'y' }), t('D2', 1, { indicatorId: 'y' })];
    const r = allocationCheck(city, 'flow', [...other, city, t('D1', 600), t('D2', 400)], areas)!;
    expect(r).toEqual({
      parent: 1000,
      sum: 1000,
      difference: 0,
      children: [
        { areaCode: 'D1', value: 600 },
        { areaCode: 'D2', value: 400 },
      ],
      missing: [],
      consistent: true,
    });
  });
  it('never counts a zone as a sub-area: its target overlaps the towns’', () => {
    // D1's towns 300 + 200 = 500; the zone's 300 is not added, nor listed as missing.
    const d1 = t('D1', 500);
    const r = allocationCheck(d1, 'level', [t('Z', 300), t('T1', 300), t('T2', 200), d1], areas)!;
    expect([r.sum, r.difference, r.consistent, r.missing, r.children.map((c) => c.areaCode)]).toEqual([
      500,
      0,
      true,
      [],
      ['T1', 'T2'],
    ]);
    // With only the zone's target there is nothing to check.
    expect(allocationCheck(d1, 'flow', [t('Z', 500), d1], areas)).toBeNull();
  });
  it('a sub-area whose target has no value, or is of another year, is missing', () => {
    const city = t('C', 1000);
    const r = allocationCheck(city, 'flow', [city, t('D1', 600), t('D2', null), t('D2', 400, { year: 2023 })], areas)!;
    expect([r.sum, r.difference, r.consistent, r.missing]).toEqual([600, -400, false, ['D2']]);
  });
  it('is consistent to within rounding of the parent, and no further', () => {
    const city = t('C', 1000);
    expect(allocationCheck(city, 'flow', [t('D1', 0.1 + 0.2), t('D2', 1000 - 0.3)], areas)!.consistent).toBe(true);
    expect(allocationCheck(city, 'flow', [t('D1', 600.01), t('D2', 400)], areas)!.consistent).toBe(false);
    expect(allocationCheck(city, 'flow', [t('D1', 599.99), t('D2', 400)], areas)!.consistent).toBe(false);
    const small = t('D1', 0.5);
    expect(allocationCheck(small, 'flow', [t('T1', 0.25), t('T2', 0.25 + 5e-10)], areas)!.consistent).toBe(true);
    expect(allocationCheck(small, 'flow', [t('T1', 0.25), t('T2', 0.25 + 5e-9)], areas)!.consistent).toBe(false);
  });
  it('does not apply to rates, to targets from a baseline or without a value', () => {
    expect(allocationCheck(t('C', 90), 'rate', [t('D1', 90)], areas)).toBeNull();
    expect(allocationCheck(t('C', null), 'flow', [t('D1', 90)], areas)).toBeNull();
    expect(allocationCheck(t('C', 100, { baseline: 'prior_year' }), 'flow', [t('D1', 90)], areas)).toBeNull();
  });
});
