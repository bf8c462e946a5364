import { describe, expect, it } from 'vitest';
import { briefingSentence, gapToPace, gapToTarget } from '../../src/domain/analysis';
import type { Judgement } from '../../src/domain/types';

const j = (p: Partial<Judgement>): Judgement => ({
  judgedAt: '2023-09',
  actual: null,
  target: null,
  expected: null,
  status: 'no_data',
  attainment: null,
  ...p,
});

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
      {
        areaName: '上海市',
        isCity: true,
        indicatorName: '离校未就业高校毕业生帮扶就业率',
        unit: 'percent',
        comparator: '>=',
        judgement: j({ actual: 86.2, target: 90, status: 'behind' }),
      },
      'zh',
    );
    expect(s).toBe('全市离校未就业高校毕业生帮扶就业率86.2%，低于目标3.8个百分点，落后序时进度。');
  });
  it('gives counts in their unit and the pace for flows', () => {
    const s = briefingSentence(
      {
        areaName: '青浦区',
        isCity: false,
        indicatorName: '失业人员实现再就业人数',
        unit: 'persons',
        comparator: '>=',
        judgement: j({ actual: 2600, target: 5000, expected: 2500, status: 'on_track' }),
      },
      'zh',
    );
    expect(s).toBe('青浦区失业人员实现再就业人数2600人，低于目标2400人，快于序时进度（序时进度2500人）。');
  });
  it('has an English version', () => {
    const s = briefingSentence(
      {
        areaName: 'Shanghai',
        isCity: true,
        indicatorName: 'Surveyed urban unemployment rate',
        unit: 'percent',
        comparator: '<=',
        judgement: j({ actual: 4.2, target: 5, status: 'met' }),
      },
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

describe('gaps of caps and unknowns', () => {
  it('a cap’s gaps are target − actual and pace − actual; `<` is a cap too', () => {
    expect(gapToTarget(j({ actual: 4, target: 5 }), '<')).toBe(1);
    expect(gapToTarget(j({ actual: 6, target: 5 }), '<=')).toBe(-1);
    expect(gapToPace(j({ actual: 500, expected: 600 }), '<=')).toBe(100);
    expect(gapToPace(j({ actual: 500, expected: 600 }), '<')).toBe(100);
    expect(gapToPace(j({ actual: null, expected: 600 }), '>=')).toBeNull();
  });
  it('null without an actual or a target', () => {
    expect(gapToTarget(j({ actual: null, target: 5 }), '>=')).toBeNull();
    expect(gapToTarget(j({ actual: 5, target: null }), '>=')).toBeNull();
  });
});

describe('briefing sentences, every branch', () => {
  const say = (judgement: Partial<Judgement>, lang: 'zh' | 'en', extra: Record<string, unknown> = {}) =>
    briefingSentence(
      {
        areaName: lang === 'zh' ? '青浦区' : 'Qingpu',
        isCity: false,
        indicatorName: lang === 'zh' ? '指标' : 'Ind',
        unit: 'persons',
        comparator: '>=',
        judgement: j(judgement),
        ...extra,
      },
      lang,
    );
  it('no data yet', () => {
    expect(say({}, 'zh')).toBe('青浦区指标暂无数据');
    expect(say({}, 'en')).toBe('Qingpu: Ind: no data yet.');
    expect(say({}, 'zh', { isCity: true })).toBe('全市指标暂无数据');
  });
  it('level with the target', () => {
    expect(say({ actual: 100, target: 100, status: 'met' }, 'zh')).toBe('青浦区指标100人，与目标持平，已达标。');
    expect(say({ actual: 100, target: 100, status: 'met' }, 'en')).toBe('Qingpu: Ind 100 persons, level with the target, met.');
  });
  it('above and below a floor', () => {
    expect(say({ actual: 120, target: 100, status: 'met' }, 'zh')).toBe('青浦区指标120人，高于目标20人，已达标。');
    expect(say({ actual: 120, target: 100, status: 'met' }, 'en')).toBe('Qingpu: Ind 120 persons, 20 persons above target, met.');
    expect(say({ actual: 90, target: 100, status: 'missed' }, 'zh')).toBe('青浦区指标90人，低于目标10人，未完成目标。');
    expect(say({ actual: 90, target: 100, status: 'missed' }, 'en')).toBe(
      'Qingpu: Ind 90 persons, 10 persons below target, missed.',
    );
  });
  it('under and over a cap', () => {
    expect(say({ actual: 90, target: 100, status: 'met' }, 'zh', { comparator: '<' })).toBe(
      '青浦区指标90人，低于上限10人，已达标。',
    );
    expect(say({ actual: 110, target: 100, status: 'missed' }, 'zh', { comparator: '<=' })).toBe(
      '青浦区指标110人，超出上限10人，未完成目标。',
    );
    expect(say({ actual: 110, target: 100, status: 'missed' }, 'en', { comparator: '<=' })).toBe(
      'Qingpu: Ind 110 persons, 10 persons over the cap, missed.',
    );
    expect(say({ actual: 90, target: 100, status: 'met' }, 'en', { comparator: '<' })).toBe(
      'Qingpu: Ind 90 persons, 10 persons under the cap, met.',
    );
  });
  it('a target not yet known', () => {
    expect(say({ actual: 90, status: 'no_data' }, 'zh')).toBe('青浦区指标90人，目标尚无法确定，暂无数据。');
    expect(say({ actual: 90, status: 'no_data' }, 'en')).toBe('Qingpu: Ind 90 persons, target not yet known, no data.');
  });
  it('behind pace, with the pace, in English; no pace said without one', () => {
    expect(say({ actual: 2400, target: 5000, expected: 2500, status: 'behind' }, 'en')).toBe(
      'Qingpu: Ind 2,400 persons, 2,600 persons below target, behind pace (expected by now: 2,500 persons).',
    );
    expect(say({ actual: 2600, target: 5000, expected: 2500, status: 'on_track' }, 'en')).toBe(
      'Qingpu: Ind 2,600 persons, 2,400 persons below target, ahead of pace (expected by now: 2,500 persons).',
    );
    expect(say({ actual: 80, target: 90, status: 'behind' }, 'zh')).toBe('青浦区指标80人，低于目标10人，落后序时进度。');
    // A pace is only said for on track and behind.
    expect(say({ actual: 5000, target: 5000, expected: 5000, status: 'met' }, 'zh')).toBe(
      '青浦区指标5000人，与目标持平，已达标。',
    );
  });
  it('a rate near its target with its counts', () => {
    const s = (lang: 'zh' | 'en') =>
      briefingSentence(
        {
          areaName: 'x',
          isCity: true,
          indicatorName: lang === 'zh' ? '比率' : 'Rate',
          unit: 'percent',
          comparator: '>',
          judgement: j({ actual: 79.98, target: 80, status: 'behind' }),
          numerator: 7998,
          denominator: 10000,
        },
        lang,
      );
    // The figure keeps the decimals that tell it from 80, with its counts (how they are scaled is format's business).
    expect(s('zh')).toMatch(/^全市比率79\.98%（.+），低于目标.+，落后序时进度。$/);
    expect(s('en')).toMatch(/^City-wide: Rate 79\.98% \(.+\), .+ below target, behind pace\.$/);
  });
});
