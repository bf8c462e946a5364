import { describe, expect, it } from 'vitest';
import { dueMonthOf, formatPeriod, parsePeriod } from '../../src/domain/period';
import { formatGap, formatNumber, formatValue, formatValueNear } from '../../src/domain/format';
import { defaultYear, resolveAsOf } from '../../src/domain/resolve';
import type { Target } from '../../src/domain/types';

describe('periods', () => {
  it('parses and formats YYYY-MM', () => {
    expect(parsePeriod('2023-06')).toBe(2023 * 12 + 5);
    expect(formatPeriod(2023 * 12 + 5)).toBe('2023-06');
    expect(parsePeriod('2023-13')).toBeNull();
    expect(parsePeriod('99999-01')).toBeNull();
    expect(parsePeriod('45000')).toBeNull();
  });
  it('rejects impossible dates', () => {
    expect(dueMonthOf('2023-02-29')).toBeNull();
    expect(dueMonthOf('2024-02-29')).toBe(2024 * 12 + 1);
    expect(dueMonthOf('2023-09-05')).toBe(2023 * 12 + 8);
  });
  it('does not depend on the local time zone', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai');
    expect(dueMonthOf('2023-12-31')).toBe(2023 * 12 + 11);
  });
});

describe('numbers', () => {
  it('uses 万 and 亿 in Chinese and separators in English', () => {
    expect(formatValue(606000, 'posts', 'zh')).toBe('60.6万个');
    expect(formatValue(8e9, 'yuan', 'zh')).toBe('80亿元');
    expect(formatValue(5397, 'persons', 'zh')).toBe('5397人');
    expect(formatValue(5397, 'persons', 'en')).toBe('5,397 persons');
    expect(formatValue(8e9, 'yuan', 'en')).toBe('8 bn yuan');
    expect(formatValue(86.2, 'percent', 'zh')).toBe('86.2%');
    expect(formatValue(null, 'percent', 'zh')).toBe('—');
    expect(formatNumber(12054, 'zh')).toBe('1.21万');
  });
  it('gaps: 百分点 for rates', () => {
    expect(formatGap(-3.8, 'percent', 'zh')).toBe('−3.8个百分点');
    expect(formatGap(-3.8, 'percent', 'en')).toBe('−3.8 pp');
    expect(formatGap(120, 'persons', 'zh')).toBe('+120人');
    // A gap that is not zero never reads 0.0 (79.98% against 80%).
    expect(formatGap(-0.02, 'percent', 'zh')).toBe('−0.02个百分点');
    expect(formatGap(0.004, 'percent', 'en')).toBe('+0.004 pp');
    expect(formatGap(0, 'percent', 'zh')).toBe('0.0个百分点');
  });
  it('never prints a near miss as the target', () => {
    expect(formatValueNear(79.98, 'percent', 'zh', 80)).toBe('79.98%');
    expect(formatValueNear(86.2, 'percent', 'zh', 90)).toBe('86.2%');
  });
});

describe('as-of and default year', () => {
  const t = (year: number) => ({ year }) as Target;
  it('uses ?asof when valid, else the latest period', () => {
    expect(resolveAsOf('2023-06', 2025 * 12 + 11, [])).toBe(2023 * 12 + 5);
    expect(resolveAsOf(null, 2025 * 12 + 11, [])).toBe(2025 * 12 + 11);
    expect(resolveAsOf(null, null, [t(2022)])).toBe(2022 * 12 + 11);
  });
  it('defaults to the as-of year, or the latest year with targets before it', () => {
    expect(defaultYear(2025 * 12 + 11, [t(2023), t(2025)])).toBe(2025);
    expect(defaultYear(2024 * 12 + 3, [t(2022), t(2023), t(2025)])).toBe(2023);
    expect(defaultYear(2019 * 12, [t(2022)])).toBe(2022);
  });
});
