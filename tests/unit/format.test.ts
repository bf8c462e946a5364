/** How numbers are written, case by case, with every expected string written out by hand. */
import { describe, expect, it } from 'vitest';
import {
  formatGap,
  formatNumber,
  formatPercent,
  formatValue,
  formatValueNear,
  formatValueParts,
  fractionText,
  withFraction,
} from '../../src/domain/format';

describe('formatNumber', () => {
  it('zh: 亿 from 1e8, 万 from 1e4, two decimals at most, trailing zeros dropped', () => {
    expect(formatNumber(1e8, 'zh')).toBe('1亿');
    expect(formatNumber(123456789, 'zh')).toBe('1.23亿');
    expect(formatNumber(-250000000, 'zh')).toBe('-2.5亿');
    expect(formatNumber(99999999, 'zh')).toBe('10000万');
    expect(formatNumber(1e4, 'zh')).toBe('1万');
    expect(formatNumber(100000, 'zh')).toBe('10万');
    expect(formatNumber(-25000, 'zh')).toBe('-2.5万');
    expect(formatNumber(9999, 'zh')).toBe('9999');
    expect(formatNumber(100, 'zh')).toBe('100');
  });
  it('zh: whole numbers without decimals, others to `digits` (1 unless told)', () => {
    expect(formatNumber(12, 'zh')).toBe('12');
    expect(formatNumber(12.34, 'zh')).toBe('12.3');
    expect(formatNumber(12.3456, 'zh', 2)).toBe('12.35');
    expect(formatNumber(1.5, 'zh')).toBe('1.5');
    expect(formatNumber(2.04, 'zh')).toBe('2');
  });
  it('en: bn from 1e9, m from 1e6, separators below', () => {
    expect(formatNumber(1e9, 'en')).toBe('1 bn');
    expect(formatNumber(2.5e9, 'en')).toBe('2.5 bn');
    expect(formatNumber(999999999, 'en')).toBe('1000 m');
    expect(formatNumber(1e6, 'en')).toBe('1 m');
    expect(formatNumber(1234567, 'en')).toBe('1.23 m');
    expect(formatNumber(-1500000, 'en')).toBe('-1.5 m');
    expect(formatNumber(999999, 'en')).toBe('999,999');
    expect(formatNumber(12.34, 'en')).toBe('12.3');
    expect(formatNumber(12.34, 'en', 2)).toBe('12.34');
    expect(formatNumber(5, 'en')).toBe('5');
  });
  it('not a finite number: a dash', () => {
    expect(formatNumber(NaN, 'zh')).toBe('—');
    expect(formatNumber(Infinity, 'en')).toBe('—');
    expect(formatNumber(-Infinity, 'zh')).toBe('—');
  });
});

describe('formatValue', () => {
  it('zh: the unit’s word after the number', () => {
    expect(['persons', 'posts', 'count', 'yuan', 'months', 'households'].map((u) => formatValue(3, u, 'zh'))).toEqual([
      '3人',
      '3个',
      '3个',
      '3元',
      '3个月',
      '3户',
    ]);
    expect(formatValue(3, 'widgets', 'zh')).toBe('3');
  });
  it('en: singular for one, plural otherwise; a unit it does not know is written as given', () => {
    expect(['persons', 'posts', 'yuan', 'months', 'households'].map((u) => formatValue(1, u, 'en'))).toEqual([
      '1 person',
      '1 post',
      '1 yuan',
      '1 month',
      '1 household',
    ]);
    expect(['persons', 'posts', 'yuan', 'months', 'households'].map((u) => formatValue(2, u, 'en'))).toEqual([
      '2 persons',
      '2 posts',
      '2 yuan',
      '2 months',
      '2 households',
    ]);
    expect(formatValue(-1, 'persons', 'en')).toBe('-1 person');
    expect(formatValue(3, 'count', 'en')).toBe('3');
    expect(formatValue(3, 'widgets', 'en')).toBe('3 widgets');
  });
  it('percentages with one decimal in both languages; nothing known is a dash', () => {
    expect(formatValue(86.24, 'percent', 'en')).toBe('86.2%');
    expect(formatValue(90, 'percent', 'zh')).toBe('90.0%');
    expect(formatValue(NaN, 'persons', 'zh')).toBe('—');
    expect(formatValue(null, 'persons', 'en')).toBe('—');
  });
});

describe('gaps and percentages', () => {
  it('a sign only when there is a gap', () => {
    expect(formatGap(0, 'persons', 'zh')).toBe('0人');
    expect(formatGap(0, 'percent', 'en')).toBe('0.0 pp');
    expect(formatGap(3.8, 'percent', 'zh')).toBe('+3.8个百分点');
    expect(formatGap(3.8, 'percent', 'en')).toBe('+3.8 pp');
    expect(formatGap(-120, 'persons', 'en')).toBe('−120 persons');
    expect(formatGap(-1, 'persons', 'en')).toBe('−1 person');
  });
  it('formatPercent: one decimal, a dash for nothing', () => {
    expect(formatPercent(86.24)).toBe('86.2%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(NaN)).toBe('—');
  });
});

describe('formatValueParts', () => {
  it('splits the number (with 万, 亿, bn, m) from the unit', () => {
    expect(formatValueParts(606000, 'posts', 'zh')).toEqual({ number: '60.6万', unit: '个' });
    expect(formatValueParts(3e8, 'yuan', 'zh')).toEqual({ number: '3亿', unit: '元' });
    expect(formatValueParts(5397, 'persons', 'en')).toEqual({ number: '5,397', unit: 'persons' });
    expect(formatValueParts(8e9, 'yuan', 'en')).toEqual({ number: '8 bn', unit: 'yuan' });
    expect(formatValueParts(-1.5e6, 'persons', 'en')).toEqual({ number: '-1.5 m', unit: 'persons' });
    expect(formatValueParts(86.2, 'percent', 'zh')).toEqual({ number: '86.2', unit: '%' });
    expect(formatValueParts(12, 'count', 'en')).toEqual({ number: '12', unit: '' });
  });
  it('a dash stays whole', () => {
    expect(formatValueParts(null, 'persons', 'zh')).toEqual({ number: '—', unit: '' });
  });
});

describe('formatValueNear', () => {
  it('adds decimals until the value differs from the reference, up to four', () => {
    expect(formatValueNear(79.98, 'percent', 'zh', 80)).toBe('79.98%');
    expect(formatValueNear(79.998, 'percent', 'en', 80)).toBe('79.998%');
    expect(formatValueNear(79.9999, 'percent', 'en', 80)).toBe('79.9999%');
    expect(formatValueNear(79.99999, 'percent', 'en', 80)).toBe('80.0000%');
    expect(formatValueNear(80.04, 'percent', 'en', 80)).toBe('80.04%');
  });
  it('is formatValue for other units, an equal value or no reference', () => {
    expect(formatValueNear(80, 'percent', 'zh', 80)).toBe('80.0%');
    expect(formatValueNear(79.98, 'percent', 'zh', null)).toBe('80.0%');
    expect(formatValueNear(null, 'percent', 'zh', 80)).toBe('—');
    expect(formatValueNear(4999.98, 'persons', 'en', 5000)).toBe('5,000 persons'); // rounded as formatValue does: no extra decimals outside percentages;
  });
});

describe('a rate’s counts', () => {
  it('numerator/denominator in the reader’s numbers, in brackets of the reader’s script', () => {
    expect(fractionText(14600, 19200, 'zh')).toBe('1.46万/1.92万');
    expect(fractionText(14600, 19200, 'en')).toBe('14,600/19,200');
    expect(withFraction('75.9%', 14600, 19200, 'zh')).toBe('75.9%（1.46万/1.92万）');
    expect(withFraction('75.9%', 14600, 19200, 'en')).toBe('75.9% (14,600/19,200)');
  });
  it('without both counts, the figure alone', () => {
    expect(withFraction('75.9%', null, 19200, 'zh')).toBe('75.9%');
    expect(withFraction('75.9%', 14600, undefined, 'en')).toBe('75.9%');
  });
});
