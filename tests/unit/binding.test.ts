/**
 * What binds an area (contract v2, "Targets that bind the areas below"), on a hand-made tree:
 * city C → district D → town T, and zone Z under D. Expectations worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { bindingTargets, inheritedTargets, judgedKey, listedTargets } from '../../src/domain/binding';
import type { Area, Indicator, IndicatorKind, Target } from '../../src/domain/types';

const area = (areaCode: string, level: Area['level'], parentCode: string | null): Area => ({ areaCode, nameZh: areaCode, nameEn: null, level, parentCode });
const areas = [area('C', 'city', null), area('D', 'district', 'C'), area('D2', 'district', 'C'), area('T', 'town', 'D'), area('Z', 'zone', 'D')];
const ind = (indicatorId: string, kind: IndicatorKind): Indicator => ({
  indicatorId,
  nameZh: indicatorId,
  nameEn: null,
  unit: kind === 'rate' ? 'percent' : 'persons',
  kind,
  higherIsBetter: true,
  groupZh: null,
  groupEn: null,
  numeratorZh: null,
  numeratorEn: null,
  denominatorZh: null,
  denominatorEn: null,
});
const indicators = [ind('rate_a', 'rate'), ind('rate_b', 'rate'), ind('flow_c', 'flow'), ind('level_d', 'level')];
const lookups = { areas, areaByCode: new Map(areas.map((a) => [a.areaCode, a])), indicatorById: new Map(indicators.map((i) => [i.indicatorId, i])) };
const target = (targetId: string, indicatorId: string, areaCode: string): Target => ({
  targetId,
  indicatorId,
  areaCode,
  year: 2024,
  comparator: '>=',
  targetValue: 90,
  baseline: null,
  dueDate: '2024-12-31',
  docId: 'doc',
  clause: null,
  quote: null,
});
const targets = [
  target('c-rate-a', 'rate_a', 'C'),
  target('c-rate-b', 'rate_b', 'C'),
  target('c-flow', 'flow_c', 'C'),
  target('c-level', 'level_d', 'C'),
  target('d-rate-a', 'rate_a', 'D'),
  target('t-rate-b', 'rate_b', 'T'),
  target('t-flow', 'flow_c', 'T'),
];
const ids = (list: Target[]) => list.map((t) => t.targetId).sort();
const at = (code: string) => lookups.areaByCode.get(code)!;

describe('inheritedTargets', () => {
  it('a district inherits the city rate targets it has none of its own for; counts never', () => {
    // D has its own rate_a, so only the city rate_b binds it; flows and levels do not.
    expect(ids(inheritedTargets(at('D'), targets, lookups))).toEqual(['c-rate-b']);
    expect(ids(inheritedTargets(at('D2'), targets, lookups))).toEqual(['c-rate-a', 'c-rate-b']);
  });
  it('the nearest ancestor binds: a town under D takes D’s rate_a, not the city’s', () => {
    // T has its own rate_b: nothing else for it; rate_a comes from D (nearer than C).
    expect(ids(inheritedTargets(at('T'), targets, lookups))).toEqual(['d-rate-a']);
    // The zone Z is below D too: D's rate_a and the city's rate_b.
    expect(ids(inheritedTargets(at('Z'), targets, lookups))).toEqual(['c-rate-b', 'd-rate-a']);
  });
  it('the city inherits nothing; another year binds nothing', () => {
    expect(inheritedTargets(at('C'), targets, lookups)).toEqual([]);
    expect(inheritedTargets(at('D2'), [], lookups)).toEqual([]);
  });
});

describe('bindingTargets of a district', () => {
  it('own: set for it or below it (not the city’s); inherited as above', () => {
    const b = bindingTargets(at('D'), targets, lookups);
    expect(ids(b.own)).toEqual(['d-rate-a', 't-flow', 't-rate-b']);
    expect(ids(b.inherited)).toEqual(['c-rate-b']);
  });
});

describe('judgedKey', () => {
  it('an inherited target is told apart by the area it is judged for', () => {
    const t = target('x', 'rate_a', 'C');
    expect(judgedKey({ target: t, area: at('C') })).toBe('x');
    expect(judgedKey({ target: t, area: at('D'), inherited: true })).toBe('x@D');
  });
});

describe('listedTargets: what an area filter lists', () => {
  const listed = (codes: string[]) => listedTargets(codes, targets, lookups).map((l) => `${l.target.targetId}${l.inherited ? `@${l.area.areaCode}` : ''}`).sort();
  it('the targets set for the areas, and the rate targets each inherits, marked', () => {
    // D: its own rate_a; it inherits the city's rate_b (not the city's flow or level).
    expect(listed(['D'])).toEqual(['c-rate-b@D', 'd-rate-a']);
    // T: its own rate_b and flow; rate_a from D, the nearest.
    expect(listed(['T'])).toEqual(['d-rate-a@T', 't-flow', 't-rate-b']);
    // The city: its own four; nothing inherited.
    expect(listed(['C'])).toEqual(['c-flow', 'c-level', 'c-rate-a', 'c-rate-b']);
  });
  it('several areas: each read for itself; an unknown code adds nothing', () => {
    expect(listed(['D', 'Z', 'nope'])).toEqual(['c-rate-b@D', 'c-rate-b@Z', 'd-rate-a', 'd-rate-a@Z']);
    expect(listed([])).toEqual([]);
  });
});
