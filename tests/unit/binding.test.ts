/**
 * What binds an area (contract v2, "Targets that bind the areas below"), on a hand-made tree:
 * city C → district D → town T, and zone Z under D. Expectations worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  areaShortfall,
  bindingTargets,
  inheritedItem,
  inheritedTargets,
  judgeInherited,
  judgedKey,
  listedTargets,
  ownItem,
  summariseArea,
} from '../../src/domain/binding';
import type {
  ActualComponents,
  Area,
  DistrictItem,
  Indicator,
  IndicatorKind,
  JudgedTarget,
  Judgement,
  Status,
  Target,
} from '../../src/domain/types';

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
  area('D2', 'district', 'C'),
  area('T', 'town', 'D'),
  area('Z', 'zone', 'D'),
];
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
const lookups = {
  areas,
  areaByCode: new Map(areas.map((a) => [a.areaCode, a])),
  indicatorById: new Map(indicators.map((i) => [i.indicatorId, i])),
};
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
  const listed = (codes: string[]) =>
    listedTargets(codes, targets, lookups)
      .map((l) => `${l.target.targetId}${l.inherited ? `@${l.area.areaCode}` : ''}`)
      .sort();
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

describe('bindingTargets of the city', () => {
  it('own: only the city’s; it inherits nothing', () => {
    const b = bindingTargets(at('C'), targets, lookups);
    expect(ids(b.own)).toEqual(['c-flow', 'c-level', 'c-rate-a', 'c-rate-b']);
    expect(b.inherited).toEqual([]);
  });
  it('a town’s own are its own and nothing of its district’s', () => {
    expect(ids(bindingTargets(at('T'), targets, lookups).own)).toEqual(['t-flow', 't-rate-b']);
  });
});

const m = (y: number, month: number) => y * 12 + month - 1;
const comps = (numerator: number | null, denominator: number | null, illustrative = false): ActualComponents => ({
  contributors: 1,
  value: null,
  numerator,
  denominator,
  latestPeriod: '2024-03',
  illustrative,
  sources: [],
  fromChildren: false,
});
const judgement = (p: Partial<Judgement>): Judgement => ({
  judgedAt: '2024-06',
  actual: null,
  target: null,
  expected: null,
  status: 'no_data',
  attainment: null,
  ...p,
});

describe('judgeInherited: a floor judged for the area below, on its own figures', () => {
  // The city's ≥ 90 for rate_a, due in March; judged where it was set against 88 (as if from a baseline).
  const floor = {
    ...target('c-rate-march', 'rate_a', 'C'),
    dueDate: '2024-03-31',
    targetValue: null,
    baseline: 'prior_year' as const,
  };
  const parent: JudgedTarget = {
    target: floor,
    indicator: indicators[0]!,
    area: at('C'),
    judgement: judgement({ judgedAt: '2024-03', actual: 91, target: 88, status: 'met', attainment: (91 / 88) * 100 }),
    components: comps(91, 100),
    baseline: comps(88, 100),
    projection: null,
  };
  it('a floor due in March, as of June, is judged at March and missed when short of it', () => {
    const j = judgeInherited(parent, at('D2'), comps(85, 100), m(2024, 6));
    expect(j.judgement).toEqual({
      judgedAt: '2024-03',
      actual: 85,
      target: 88,
      expected: null,
      status: 'missed',
      attainment: (85 / 88) * 100,
    });
    expect([j.area.areaCode, j.target.targetId, j.inherited, j.baseline]).toEqual(['D2', 'c-rate-march', true, null]);
  });
  it('before its due month a shortfall is behind, not missed', () => {
    expect(judgeInherited(parent, at('D2'), comps(85, 100), m(2024, 2)).judgement).toMatchObject({
      judgedAt: '2024-02',
      status: 'behind',
    });
  });
  it('no figure of its own is no_data (the parent’s figure is never used)', () => {
    expect(judgeInherited(parent, at('D2'), null, m(2024, 6)).judgement).toMatchObject({
      actual: null,
      target: 88,
      status: 'no_data',
    });
  });
  it('as an item: source floor, the area it is judged for, its pace attainment', () => {
    const j = judgeInherited(parent, at('D2'), comps(99, 100), m(2024, 6));
    const i = inheritedItem(j);
    expect([i.source, i.area.areaCode, i.target.targetId, i.judgement.status]).toEqual(['floor', 'D2', 'c-rate-march', 'met']);
    expect(i.paceAttainment).toBeCloseTo((99 / 88) * 100, 9);
    expect(i.components).toEqual(comps(99, 100));
  });
});

describe('an area’s shortfall', () => {
  it('100 − the lowest pace-adjusted attainment, never below 0', () => {
    expect(areaShortfall([300, 60])).toBe(40);
    expect(areaShortfall([120, 105])).toBe(0);
  });
  it('leaves out unknown and infinite items; none known is null', () => {
    expect(areaShortfall([null, 80, Infinity, NaN])).toBe(20);
    expect(areaShortfall([null])).toBeNull();
    expect(areaShortfall([])).toBeNull();
  });
});

describe('summariseArea', () => {
  const item = (
    status: Status,
    paceAttainment: number | null,
    illustrative = false,
    source: DistrictItem['source'] = 'own',
  ): DistrictItem => ({
    source,
    target: target(`t-${status}`, 'rate_a', 'D'),
    indicator: indicators[0]!,
    area: at('D'),
    judgement: judgement({ status }),
    components: comps(1, 2, illustrative),
    paceAttainment,
  });
  it('the worst status colours the area: missed before behind before on track', () => {
    const s = summariseArea(at('D'), [item('on_track', 110), item('behind', 80), item('missed', 70), item('met', 400)]);
    expect([s.status, s.behind, s.illustrative]).toEqual(['missed', true, false]);
    // Two of four met or on track; the furthest behind at 70 is 30 short.
    expect([s.share, s.shortfall, s.headline]).toEqual([0.5, 30, { status: 'missed', count: 1 }]);
    expect(s.area.areaCode).toBe('D');
    expect(s.items).toHaveLength(4);
  });
  it('behind is only said when an item is behind; illustrative when any item’s figures are', () => {
    const s = summariseArea(at('D'), [item('on_track', 110), item('met', 100, true)]);
    expect([s.status, s.behind, s.illustrative]).toEqual(['on_track', false, true]);
    expect(summariseArea(at('D'), [{ ...item('met', 100), components: null }]).illustrative).toBe(false);
  });
  it('nothing that binds: no status, no score', () => {
    expect(summariseArea(at('D'), [])).toMatchObject({
      status: null,
      share: null,
      shortfall: null,
      headline: null,
      behind: false,
      illustrative: false,
    });
  });
  it('ownItem keeps the target’s own judgement and adds its pace attainment', () => {
    const t = { ...target('d-flow', 'flow_c', 'D'), comparator: '<=' as const };
    const j: JudgedTarget = {
      target: t,
      indicator: indicators[2]!,
      area: at('D'),
      judgement: judgement({ actual: 500, target: 1200, expected: 600, status: 'met', attainment: 240 }),
      components: null,
      baseline: null,
      projection: null,
    };
    // A cap of 1200: 500 against the June pace of 600 → 600 ÷ 500 = 120.
    expect(ownItem(j)).toEqual({
      source: 'own',
      target: t,
      indicator: indicators[2],
      area: at('D'),
      judgement: j.judgement,
      components: null,
      paceAttainment: 120,
    });
  });
});

describe('inheritedTargets on an odd tree', () => {
  it('a target whose indicator is unknown is not inherited (and does not throw)', () => {
    expect(ids(inheritedTargets(at('D2'), [target('c-unknown', 'nope', 'C')], lookups))).toEqual([]);
  });
  it('a loop in the tree ends; ten ancestors are searched, not eleven', () => {
    const loop = [area('A', 'district', 'B'), area('B', 'district', 'A')];
    const loopLookups = { ...lookups, areas: loop, areaByCode: new Map(loop.map((a) => [a.areaCode, a])) };
    expect(ids(inheritedTargets(loop[0]!, [target('b-rate', 'rate_a', 'B')], loopLookups))).toEqual(['b-rate']);
    const chain = Array.from({ length: 12 }, (_, i) => area(`L${i}`, 'town', i === 0 ? null : `L${i - 1}`));
    const chainLookups = { ...lookups, areas: chain, areaByCode: new Map(chain.map((a) => [a.areaCode, a])) };
    const top = [target('l0-rate', 'rate_a', 'L0')];
    expect(ids(inheritedTargets(chain[10]!, top, chainLookups))).toEqual(['l0-rate']); // L0 is the 10th ancestor of L10
    expect(ids(inheritedTargets(chain[11]!, top, chainLookups))).toEqual([]); // and the 11th of L11
  });
});
