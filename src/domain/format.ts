/**
 * Numbers the way each reader expects them: 万 and 亿 in Chinese, thousands separators in English;
 * percentages with one decimal; persons and posts as whole numbers.
 */

export type NumberLang = 'zh' | 'en';

const UNIT_ZH: Record<string, string> = {
  persons: '人',
  posts: '个',
  count: '个',
  yuan: '元',
  months: '个月',
  households: '户',
};
const UNIT_EN: Record<string, [string, string]> = {
  persons: ['person', 'persons'],
  posts: ['post', 'posts'],
  count: ['', ''],
  yuan: ['yuan', 'yuan'],
  months: ['month', 'months'],
  households: ['household', 'households'],
};

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A plain number without unit: 万/亿 in zh for large values, separators in en. */
export function formatNumber(value: number, lang: NumberLang, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${trimZeros((value / 1e8).toFixed(2))}亿`;
    if (abs >= 1e4) return `${trimZeros((value / 1e4).toFixed(2))}万`;
    return trimZeros(value.toFixed(Number.isInteger(value) ? 0 : digits));
  }
  if (abs >= 1e9) return `${trimZeros((value / 1e9).toFixed(2))} bn`;
  if (abs >= 1e6) return `${trimZeros((value / 1e6).toFixed(2))} m`;
  return value.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : digits });
}

/** A value with its unit: "86.2%", "60.6万人", "5,397 persons". */
export function formatValue(value: number | null, unit: string, lang: NumberLang): string {
  if (value == null || !Number.isFinite(value)) return '—';
  if (unit === 'percent') return `${value.toFixed(1)}%`;
  const n = formatNumber(value, lang);
  if (lang === 'zh') return `${n}${UNIT_ZH[unit] ?? ''}`;
  const names = UNIT_EN[unit];
  if (!names) return `${n} ${unit}`.trim();
  const word = Math.abs(value) === 1 ? names[0] : names[1];
  return word ? `${n} ${word}` : n;
}

/** Gap between two values of a unit: 百分点 for percentages, the unit otherwise. */
export function formatGap(gap: number, unit: string, lang: NumberLang): string {
  const sign = gap > 0 ? '+' : gap < 0 ? '−' : '';
  const abs = Math.abs(gap);
  if (unit === 'percent') return lang === 'zh' ? `${sign}${abs.toFixed(1)}个百分点` : `${sign}${abs.toFixed(1)} pp`;
  return `${sign}${formatValue(abs, unit, lang)}`;
}

export function formatPercent(value: number | null): string {
  return value == null || !Number.isFinite(value) ? '—' : `${value.toFixed(1)}%`;
}

/** A value split into its number and unit, for big-number tiles where the unit is set smaller. */
export function formatValueParts(value: number | null, unit: string, lang: NumberLang): { number: string; unit: string } {
  const full = formatValue(value, unit, lang);
  const m = /^([−+-]?[\d.,]+(?:\s?(?:万|亿|bn|m))?)\s*(.*)$/.exec(full);
  return m ? { number: m[1]!, unit: m[2]! } : { number: full, unit: '' };
}

/**
 * Like formatValue, but with enough decimals that a value just short of its target does not
 * print as the target itself (79.98% against > 80% reads "79.98%", not "80.0%").
 */
export function formatValueNear(value: number | null, unit: string, lang: NumberLang, reference: number | null): string {
  if (value == null || reference == null || unit !== 'percent' || value === reference) return formatValue(value, unit, lang);
  for (let digits = 1; digits <= 4; digits++) {
    if (value.toFixed(digits) !== reference.toFixed(digits)) return `${value.toFixed(digits)}%`;
  }
  return `${value.toFixed(4)}%`;
}

/** A rate's counts as the reader sees them next to the rate: "1.46万/1.92万", "14,600/19,200". */
export function fractionText(numerator: number, denominator: number, lang: NumberLang): string {
  return `${formatNumber(numerator, lang)}/${formatNumber(denominator, lang)}`;
}

/** A figure followed by its rate's counts in brackets: 「75.9%（1.46万/1.92万）」, "75.9% (14,600/19,200)". */
export function withFraction(text: string, numerator: number | null | undefined, denominator: number | null | undefined, lang: NumberLang): string {
  if (numerator == null || denominator == null) return text;
  const f = fractionText(numerator, denominator, lang);
  return lang === 'zh' ? `${text}（${f}）` : `${text} (${f})`;
}

/**
 * A unit as a word of the reader's language, for a column of its own (a spreadsheet keeps the
 * number bare): "%", 人, 个 … in Chinese; "%", persons, posts … in English; an unknown unit as written.
 */
export function unitWord(unit: string, lang: NumberLang): string {
  if (unit === 'percent') return '%';
  if (lang === 'zh') return UNIT_ZH[unit] ?? unit;
  return UNIT_EN[unit]?.[1] || unit;
}
