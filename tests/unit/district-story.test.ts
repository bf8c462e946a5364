/**
 * One story per district (domain/binding.ts summariseArea, rankAreas): the worst status with how
 * many items have it (the colour, mark, word and figure shown together), the items per status, the
 * share met or on track, the furthest-behind item's shortfall, and a rank a leader can say out loud.
 * Items are made by hand; expectations counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { rankAreas, statusCounts, summariseArea } from '../../src/domain/binding';
import type { Area, DistrictItem, Status } from '../../src/domain/types';

const area = (code: string): Area => ({ areaCode: code, nameZh: code, nameEn: null, level: 'district', parentCode: 'C' });

/** An item with a status and a pace-adjusted attainment. */
function item(status: Status, paceAttainment: number | null): DistrictItem {
  return {
    source: 'own',
    target: { targetId: `t-${Math.random()}`, indicatorId: 'i', areaCode: 'D', year: 2024, comparator: '>=', targetValue: 1, baseline: null, dueDate: '2024-12-31', docId: 'd', clause: null, quote: null },
    indicator: { indicatorId: 'i', nameZh: 'i', nameEn: null, unit: 'percent', kind: 'rate', higherIsBetter: true, groupZh: null, groupEn: null, numeratorZh: null, numeratorEn: null, denominatorZh: null, denominatorEn: null },
    area: area('D'),
    judgement: { judgedAt: '2024-06', actual: paceAttainment, target: 100, expected: null, status, attainment: paceAttainment },
    components: null,
    paceAttainment,
  };
}
const items = (spec: [Status, number | null][]) => spec.map(([s, p]) => item(s, p));

describe('summariseArea', () => {
  it('未达标 2 · 落后 3 · 正常 9 of 14: worst status missed, its count 2, share 9/14', () => {
    const s = summariseArea(area('D'), [
      ...items([
        ['missed', 80],
        ['missed', 95],
      ]),
      ...items([
        ['behind', 90],
        ['behind', 97],
        ['behind', 99],
      ]),
      ...items(Array.from({ length: 6 }, () => ['met', 110] as [Status, number])),
      ...items(Array.from({ length: 3 }, () => ['on_track', 101] as [Status, number])),
    ]);
    expect(s.status).toBe('missed');
    expect(s.headline).toEqual({ status: 'missed', count: 2 });
    expect(s.counts).toEqual({ met: 6, on_track: 3, behind: 3, missed: 2, no_data: 0 });
    expect(s.total).toBe(14);
    expect(s.onCourse).toBe(9);
    expect(s.share).toBeCloseTo(9 / 14, 12);
    // The furthest behind is at 80 % of where it should be.
    expect(s.shortfall).toBe(20);
    expect(s.behind).toBe(true);
  });

  it('a figure a mean cannot give: 9 of 14 missed reads ✕ 9 even when the mean attainment is above 100', () => {
    const s = summariseArea(area('D'), items([...Array.from({ length: 9 }, () => ['missed', 99.5] as [Status, number]), ...Array.from({ length: 5 }, () => ['met', 150] as [Status, number])]));
    expect(s.headline).toEqual({ status: 'missed', count: 9 });
    expect(s.share).toBeCloseTo(5 / 14, 12);
  });

  it('no data counts in the total and is not on course; it is the headline only when nothing else is known', () => {
    const mixed = summariseArea(area('D'), items([['met', 120], ['no_data', null]]));
    expect(mixed.headline).toEqual({ status: 'met', count: 1 });
    expect(mixed.share).toBe(0.5);
    const none = summariseArea(area('D'), items([['no_data', null], ['no_data', null]]));
    expect(none.headline).toEqual({ status: 'no_data', count: 2 });
    expect(none.shortfall).toBeNull();
  });

  it('an area with nothing that binds it has no story', () => {
    const s = summariseArea(area('D'), []);
    expect(s).toMatchObject({ status: null, headline: null, total: 0, share: null, shortfall: null, behind: false });
  });

  it('statusCounts names every status', () => {
    expect(statusCounts(['met', 'met', 'behind'])).toEqual({ met: 2, on_track: 0, behind: 1, missed: 0, no_data: 0 });
  });
});

describe('rankAreas', () => {
  const A = summariseArea(area('A'), items([['met', 120], ['behind', 90], ['behind', 95]])); // 1/3, shortfall 10
  const B = summariseArea(area('B'), items([['met', 120], ['on_track', 105], ['missed', 70]])); // 2/3, shortfall 30
  const C = summariseArea(area('C'), items([['met', 110], ['behind', 60], ['behind', 99]])); // 1/3, shortfall 40
  const D = summariseArea(area('D'), items([['met', 110], ['behind', 60], ['behind', 99]])); // same as C
  const E = summariseArea(area('E'), []);

  it('the larger share met or on track first; of equal shares the smaller shortfall; equals share a place; nothing to judge is left out', () => {
    const ranked = rankAreas([E, D, C, A, B]);
    expect(ranked.map((r) => [r.summary.area.areaCode, r.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
      ['D', 3],
    ]);
  });
});
