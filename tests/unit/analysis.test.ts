import { describe, expect, it } from 'vitest';
import { briefingSentence, gapToPace, gapToTarget } from '../../src/domain/analysis';
import type { Judgement } from '../../src/domain/types';

const j = (p: Partial<Judgement>): Judgement => ({ judgedAt: '2023-09', actual: null, target: null, expected: null, status: 'no_data', attainment: null, ...p });

describe('gaps', () => {
  it('are signed so that positive is better', () => {
    expect(gapToTarget(j({ actual: 86.2, target: 90 }), '>=')).toBeCloseTo(-3.8, 10);
    expect(gapToTarget(j({ actual: 4.2, target: 5 }), '<=')).toBeCloseTo(0.8, 10);
    expect(gapToPace(j({ actual: 2400, expected: 2500 }), '>=')).toBe(-100);
    expect(gapToPace(j({ actual: 2400, expected: null }), '>=')).toBeNull();
  });
});

describe('briefing sentences', () => {
  it('says the figure, the gap in 百分点 and the pace, as in the brief', () => {
    const s = briefingSentence(
      { areaName: '上海市', isCity: true, indicatorName: '离校未就业高校毕业生帮扶就业率', unit: 'percent', comparator: '>=', judgement: j({ actual: 86.2, target: 90, status: 'behind' }) },
      'zh',
    );
    expect(s).toBe('全市离校未就业高校毕业生帮扶就业率86.2%，低于目标3.8个百分点，落后序时进度。');
  });
  it('gives counts in their unit and the pace for flows', () => {
    const s = briefingSentence(
      { areaName: '青浦区', isCity: false, indicatorName: '失业人员实现再就业人数', unit: 'persons', comparator: '>=', judgement: j({ actual: 2600, target: 5000, expected: 2500, status: 'on_track' }) },
      'zh',
    );
    expect(s).toBe('青浦区失业人员实现再就业人数2600人，低于目标2400人，快于序时进度（序时进度2500人）。');
  });
  it('has an English version', () => {
    const s = briefingSentence(
      { areaName: 'Shanghai', isCity: true, indicatorName: 'Surveyed urban unemployment rate', unit: 'percent', comparator: '<=', judgement: j({ actual: 4.2, target: 5, status: 'met' }) },
      'en',
    );
    expect(s).toBe('City-wide: Surveyed urban unemployment rate 4.2%, 0.8 pp under the cap, met.');
  });
});

import { allocationCheck } from '../../src/domain/allocation';
import type { Area, Target } from '../../src/domain/types';

describe('allocation check', () => {
  const areas = [
    { areaCode: 'C', parentCode: null, level: 'city' },
    { areaCode: 'D1', parentCode: 'C', level: 'district' },
    { areaCode: 'D2', parentCode: 'C', level: 'district' },
    { areaCode: 'D3', parentCode: 'C', level: 'district' },
    { areaCode: 'Z', parentCode: 'D1', level: 'zone' },
  ] as Area[];
  const t = (areaCode: string, targetValue: number | null, extra: Partial<Target> = {}) =>
    ({ targetId: areaCode, indicatorId: 'x', areaCode, year: 2024, targetValue, baseline: null, ...extra }) as Target;
  it('adds up the districts and says what is missing', () => {
    const city = t('C', 1000);
    const r = allocationCheck(city, 'flow', [city, t('D1', 600), t('D2', 300)], areas)!;
    expect([r.sum, r.difference, r.consistent, r.missing]).toEqual([900, -100, false, ['D3']]);
    const ok = allocationCheck(city, 'flow', [city, t('D1', 600), t('D2', 300), t('D3', 100)], areas)!;
    expect([ok.sum, ok.consistent, ok.missing]).toEqual([1000, true, []]);
  });
  it('does not apply to rates, to areas without sub-area targets, or to other years', () => {
    const city = t('C', 90);
    expect(allocationCheck(city, 'rate', [city, t('D1', 90)], areas)).toBeNull();
    expect(allocationCheck(t('C', 1000), 'flow', [t('D1', 500, { year: 2023 })], areas)).toBeNull();
  });
});
