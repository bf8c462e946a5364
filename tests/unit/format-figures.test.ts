/**
 * How numbers are written (domain/format.ts): whole persons everywhere, the pace rounded so that a
 * whole actual is on track exactly when it reaches the pace shown, figures shown together in one
 * scale and one precision, gaps in the scale of the actual, never −0. Expectations worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { formatFigures, formatGap, formatPace, formatValue, fractionText, wholePace } from '../../src/domain/format';
import { judge } from '../../src/domain/judge';
import { briefingSentence } from '../../src/domain/analysis';

const fig = (
  actual: number | null,
  target: number | null,
  expected: number | null,
  unit: string,
  lang: 'zh' | 'en',
  comparator: '>=' | '>' | '<=' = '>=',
) => formatFigures({ actual, target, expected, comparator }, unit, lang);

describe('whole persons, posts and households', () => {
  it('a pace is rounded up to the next whole one for a floor, down for a cap', () => {
    expect(wholePace(661.5, 'persons', '>=')).toBe(662);
    expect(wholePace(661.25, 'persons', '>=')).toBe(662);
    expect(wholePace(661, 'persons', '>=')).toBe(661);
    expect(wholePace(661.0000000001, 'persons', '>=')).toBe(661); // floating noise of target × m ÷ M
    expect(wholePace(661.75, 'persons', '<=')).toBe(661);
    expect(wholePace(15718.5, 'posts', '>=')).toBe(15719);
    expect(wholePace(0.4, 'households', '<')).toBe(0);
    expect(Object.is(wholePace(-0.2, 'persons', '>='), -0)).toBe(false);
    // Not a count: left alone.
    expect(wholePace(73.35, 'percent', '>=')).toBe(73.35);
  });

  it('the pace shown agrees with the status for every whole actual around it', () => {
    // 1323 a year, judged at June: pace 661.5. 661 is behind, 662 on track; the pace reads 662.
    for (const actual of [660, 661, 662, 663]) {
      const j = judge({
        kind: 'flow',
        comparator: '>=',
        year: 2024,
        due: 2024 * 12 + 11,
        asOf: 2024 * 12 + 5,
        actual,
        target: 1323,
      });
      expect(j.expected).toBe(661.5);
      const shown = Number(formatPace(j.expected, 'persons', 'zh', '>=').replace('人', ''));
      expect(shown).toBe(662);
      expect(j.status === 'on_track').toBe(actual >= shown);
    }
  });

  it('formatValue writes counts whole, percentages to one decimal, never −0', () => {
    expect(formatValue(15718.5, 'persons', 'en')).toBe('15,719 persons');
    expect(formatValue(661.5, 'persons', 'zh')).toBe('662人');
    expect(formatValue(-0.04, 'percent', 'zh')).toBe('0.0%');
    expect(formatPace(661.5, 'persons', 'zh', '>=')).toBe('662人');
    expect(formatPace(null, 'persons', 'zh', '>=')).toBe('—');
  });
});

describe('figures written together', () => {
  it('share one scale and one precision: 1.8万 / 2.1万 / 1.6万, not 1.8万 next to 1.57万', () => {
    // 17951 actual, 20958 target, pace 15718.5 → 15719: one decimal of 万 tells them apart.
    const f = fig(17951, 20958, 15718.5, 'persons', 'zh');
    expect(f).toMatchObject({ actual: '1.8万人', target: '2.1万人', pace: '1.6万人' });
    expect(f.actualParts).toEqual({ number: '1.8万', unit: '人' });
    // The gap is in the scale of the actual: −3007 → −0.3万人, not −3007人.
    expect(f.gapToTarget).toBe('−0.3万人');
    expect(f.gapToPace).toBe('+0.2万人');
  });

  it('take more decimals only when one decimal would show two different figures alike', () => {
    // 15718 behind a pace of 15719: 1.5718万 against 1.5719万.
    const f = fig(15718, 20958, 15718.5, 'persons', 'zh');
    expect(f.actual).toBe('1.5718万人');
    expect(f.pace).toBe('1.5719万人');
    expect(f.gapToPace).toBe('−0.0001万人');
    // 39.09万 against 40万: one decimal is enough, and 40万 is written as the document states it.
    expect(fig(390912, 400000, null, 'persons', 'zh')).toMatchObject({
      actual: '39.1万人',
      target: '40万人',
      gapToTarget: '−0.9万人',
    });
  });

  it('79.98% against > 80% never reads 80.0% or a gap of 0.0', () => {
    const f = fig(79.98, 80, null, 'percent', 'zh', '>');
    expect(f.actual).toBe('79.98%');
    expect(f.target).toBe('80%');
    expect(f.gapToTarget).toBe('−0.02个百分点');
    expect(fig(79.98, 80, null, 'percent', 'en', '>').gapToTarget).toBe('−0.02 pp');
    // A met rate keeps one decimal; an exactly round actual keeps it too, a target does not.
    expect(fig(100, 100, null, 'percent', 'zh')).toMatchObject({ actual: '100.0%', target: '100%', gapToTarget: '0.0个百分点' });
  });

  it('English: separators below a million, m and bn above, the unit word singular for one', () => {
    expect(fig(17951, 20958, 15718.5, 'persons', 'en')).toMatchObject({
      actual: '17,951 persons',
      target: '20,958 persons',
      pace: '15,719 persons',
      gapToTarget: '−3,007 persons',
    });
    expect(fig(1, 2, null, 'persons', 'en').actual).toBe('1 person');
    expect(fig(7_971_000_000, 8e9, null, 'yuan', 'en')).toMatchObject({ actual: '7.97 bn yuan', target: '8 bn yuan' });
    expect(fig(7_971_000_000, 8e9, null, 'yuan', 'zh')).toMatchObject({
      actual: '79.7亿元',
      target: '80亿元',
      gapToTarget: '−0.3亿元',
    });
  });

  it('below 1万 counts are plain whole numbers; caps sign the gap so that under the cap is positive', () => {
    expect(fig(5457, 5600, null, 'persons', 'zh', '<=')).toMatchObject({
      actual: '5457人',
      target: '5600人',
      gapToTarget: '+143人',
    });
    // A mix of sizes takes the scale of the largest: 9000 next to 1.2万 reads 0.9万.
    expect(fig(9000, 12000, null, 'persons', 'zh')).toMatchObject({ actual: '0.9万人', target: '1.2万人' });
  });

  it('missing figures are dashes and no gap', () => {
    expect(fig(null, 550000, 412500, 'posts', 'zh')).toMatchObject({
      actual: '—',
      target: '55万个',
      pace: '41.3万个',
      gapToTarget: null,
      gapToPace: null,
    });
    expect(fig(null, null, null, 'percent', 'zh')).toMatchObject({ actual: '—', target: '—', pace: null });
  });
});

describe('gaps and counts on their own', () => {
  it('formatGap never prints a nonzero gap as zero, and never −0', () => {
    expect(formatGap(-0.02, 'percent', 'zh')).toBe('−0.02个百分点');
    expect(formatGap(-3.8, 'percent', 'en')).toBe('−3.8 pp');
    expect(formatGap(0, 'percent', 'zh')).toBe('0.0个百分点');
    expect(formatGap(-0.4, 'persons', 'zh')).toBe('0人');
    expect(formatGap(120, 'persons', 'zh')).toBe('+120人');
  });

  it('a rate’s counts share one scale', () => {
    expect(fractionText(14563, 19185, 'zh')).toBe('1.46万/1.92万');
    expect(fractionText(9000, 12000, 'zh')).toBe('0.90万/1.20万');
    expect(fractionText(15, 45, 'zh')).toBe('15/45');
    expect(fractionText(14563, 19185, 'en')).toBe('14,563/19,185');
  });
});

describe('a sentence says its figures in one scale', () => {
  it('事业单位招聘总量1.8万人，低于目标0.3万人 (not 3007人), the pace in the same precision', () => {
    const s = briefingSentence(
      {
        areaName: '上海市',
        isCity: true,
        indicatorName: '事业单位招聘总量',
        unit: 'persons',
        comparator: '>=',
        judgement: {
          judgedAt: '2023-09',
          actual: 17951,
          target: 20958,
          expected: 15718.5,
          status: 'on_track',
          attainment: 85.65,
        },
      },
      'zh',
    );
    expect(s).toBe('全市事业单位招聘总量1.8万人，低于目标0.3万人，快于序时进度（序时进度1.6万人）。');
  });
});
