/**
 * What the year list counts and what an empty result offers (views/panels/target-filter.ts): the
 * same rows the list holds, on a hand-made catalog (city C → district D → town T; a district D2).
 */
import { describe, expect, it } from 'vitest';
import type { Area, Catalog, Indicator, IndicatorKind, Target } from '../../src/domain/types';
import { listedInYear, nearestYearWithTargets, yearCounts } from '../../src/views/panels/target-filter';

const area = (areaCode: string, level: Area['level'], parentCode: string | null): Area => ({ areaCode, nameZh: areaCode, nameEn: null, level, parentCode });
const ind = (indicatorId: string, kind: IndicatorKind, groupZh: string): Indicator => ({
  indicatorId,
  nameZh: `${indicatorId}名`,
  nameEn: null,
  unit: kind === 'rate' ? 'percent' : 'persons',
  kind,
  higherIsBetter: true,
  groupZh,
  groupEn: null,
  numeratorZh: null,
  numeratorEn: null,
  denominatorZh: null,
  denominatorEn: null,
});
const tgt = (targetId: string, indicatorId: string, areaCode: string, year: number, docId = 'docA'): Target => ({
  targetId,
  indicatorId,
  areaCode,
  year,
  comparator: '>=',
  targetValue: 1,
  baseline: null,
  dueDate: `${year}-12-31`,
  docId,
  clause: null,
  quote: null,
});
const areas = [area('C', 'city', null), area('D', 'district', 'C'), area('D2', 'district', 'C'), area('T', 'town', 'D')];
const indicators = [ind('rate_a', 'rate', '甲'), ind('flow_b', 'flow', '乙')];
const targets = [
  tgt('c-rate-2020', 'rate_a', 'C', 2020),
  tgt('c-flow-2021', 'flow_b', 'C', 2021),
  tgt('d-flow-2022', 'flow_b', 'D', 2022, 'docB'),
  tgt('c-rate-2022', 'rate_a', 'C', 2022),
  tgt('d2-flow-2024', 'flow_b', 'D2', 2024),
  tgt('ghost-2022', 'no_such_indicator', 'D', 2022),
];
const catalog: Catalog = {
  areas,
  areaByCode: new Map(areas.map((a) => [a.areaCode, a])),
  indicators,
  indicatorById: new Map(indicators.map((i) => [i.indicatorId, i])),
  targets,
  latestIdx: null,
  actualRows: 0,
  illustrativeRows: 0,
};
const none = { groups: [] as string[], docs: [] as string[], q: '' };
const keys = (year: number, codes: string[], f = none) => listedInYear(catalog, year, codes, f).map((l) => `${l.target.targetId}${l.inherited ? `@${l.area.areaCode}` : ''}`).sort();

describe('listedInYear', () => {
  it('no area: every judgeable target of the year (one with an unknown indicator cannot be judged, so it is not listed)', () => {
    expect(keys(2022, [])).toEqual(['c-rate-2022', 'd-flow-2022']);
  });
  it('an area: its own targets and the rate targets it inherits', () => {
    expect(keys(2022, ['D'])).toEqual(['c-rate-2022@D', 'd-flow-2022']);
    expect(keys(2022, ['T'])).toEqual(['c-rate-2022@T']);
    expect(keys(2021, ['D'])).toEqual([]);
  });
  it('group, document and search narrow it', () => {
    expect(keys(2022, ['D'], { ...none, groups: ['乙'] })).toEqual(['d-flow-2022']);
    expect(keys(2022, ['D'], { ...none, docs: ['docA'] })).toEqual(['c-rate-2022@D']);
    expect(keys(2022, ['D'], { ...none, q: 'rate_a名' })).toEqual(['c-rate-2022@D']);
  });
});

describe('yearCounts and nearestYearWithTargets', () => {
  it('counts each year as the list would show it', () => {
    expect(yearCounts(catalog, [], none)).toEqual([
      { year: 2024, count: 1 },
      { year: 2022, count: 2 },
      { year: 2021, count: 1 },
      { year: 2020, count: 1 },
    ]);
    expect(yearCounts(catalog, ['D'], none)).toEqual([
      { year: 2024, count: 0 },
      { year: 2022, count: 2 },
      { year: 2021, count: 0 },
      { year: 2020, count: 1 },
    ]);
  });
  it('offers the nearest year with rows for the areas (the later one on a tie), none when there is none', () => {
    expect(nearestYearWithTargets(catalog, 2021, ['D'])).toEqual({ year: 2022, count: 2 });
    expect(nearestYearWithTargets(catalog, 2024, ['D'])).toEqual({ year: 2022, count: 2 });
    expect(nearestYearWithTargets(catalog, 2022, ['D2'])).toEqual({ year: 2024, count: 1 });
    expect(nearestYearWithTargets(catalog, 2023, ['T'])).toEqual({ year: 2022, count: 1 });
    expect(nearestYearWithTargets(catalog, 2022, ['nope'])).toBeNull();
  });
});
