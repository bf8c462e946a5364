/**
 * How numbers are written, in one place (the README's rule map lists each rule):
 * - 万 and 亿 in Chinese, thousands separators (and m / bn) in English;
 * - persons, posts, households and counts are whole numbers everywhere; a pace (序时进度) of them is
 *   rounded up to the next whole one (down for a cap): the least whole number that is on pace;
 * - figures shown together (an actual, its target, its pace, the gaps) share one scale and one number
 *   of decimals: the fewest that tell each figure from the one it is compared with (at least one for
 *   percentages and 万/亿/m/bn), so 79.98% never sits next to > 80% as "80.0%" or as a gap of 0.0;
 *   a target or pace that is exactly a round number at fewer decimals is written without the zeros
 *   (60万, 90%), as the documents state it;
 * - a gap is written in the scale of the actual it sits next to (−0.30万人 beside 1.80万人, not −3007人),
 *   in 百分点 / pp for percentages, signed with a true minus, never −0.
 */
import { isCap } from './judge';
import type { Comparator } from './types';

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

/** Units counted in whole things: a person, a post, a household, an item. */
const WHOLE_UNITS = new Set(['persons', 'posts', 'households', 'count']);

/** True when the unit counts whole things (persons, posts, households, items): never written with decimals. */
export function isWholeUnit(unit: string): boolean {
  return WHOLE_UNITS.has(unit);
}

const noNegativeZero = (v: number) => (v === 0 ? 0 : v);

/**
 * A pace (序时进度) as a reader can reach it: for whole units, rounded up to the next whole number
 * (661.5 → 662), or down for a cap (`<=`, `<`): the least (most) whole number that is on pace, so a
 * whole actual is on track exactly when it reaches the pace shown. Other units are left as they are.
 */
export function wholePace(expected: number, unit: string, comparator: Comparator): number {
  if (!isWholeUnit(unit) || !Number.isFinite(expected)) return expected;
  // The tolerance keeps 661.0000000001 (floating noise of target × months ÷ months) at 661.
  return noNegativeZero(isCap(comparator) ? Math.floor(expected + 1e-9) : Math.ceil(expected - 1e-9));
}

/** A value of a whole unit rounded half up to a whole number; other units as they are. */
function asShown(value: number, unit: string): number {
  return isWholeUnit(unit) ? noNegativeZero(Math.round(value)) : value;
}

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

/** A count of targets, items or rows: "14", "1,204". */
export function formatCount(n: number, lang: NumberLang): string {
  return lang === 'en' ? Math.round(n).toLocaleString('en-US') : String(Math.round(n));
}

function unitWordFor(value: number, unit: string, lang: NumberLang): string {
  if (lang === 'zh') return UNIT_ZH[unit] ?? '';
  const names = UNIT_EN[unit];
  if (!names) return unit;
  return Math.abs(value) === 1 ? names[0] : names[1];
}

function joinUnit(number: string, word: string, lang: NumberLang): string {
  if (lang === 'zh' || word === '') return `${number}${word}`;
  return `${number} ${word}`;
}

/** A value with its unit: "86.2%", "60.6万人", "5,397 persons". Counts of whole things are whole. */
export function formatValue(value: number | null, unit: string, lang: NumberLang): string {
  if (value == null || !Number.isFinite(value)) return '—';
  if (unit === 'percent') return `${noNegativeZero(Number(value.toFixed(1))).toFixed(1)}%`;
  const v = asShown(value, unit);
  return joinUnit(formatNumber(v, lang), unitWordFor(v, unit, lang), lang);
}

/** A pace with its unit, rounded as wholePace says: "662人", "1.57万人". */
export function formatPace(expected: number | null, unit: string, lang: NumberLang, comparator: Comparator): string {
  return expected == null ? '—' : formatValue(wholePace(expected, unit, comparator), unit, lang);
}

/** Decimals that keep a nonzero gap from reading as zero: 1 for percentages (more when needed), 0 for whole counts. */
function gapDigits(abs: number, unit: string): number {
  if (isWholeUnit(unit)) return 0;
  let d = 1;
  while (d < 4 && abs > 0 && Number(abs.toFixed(d)) === 0) d++;
  return d;
}

/** Gap between two values of a unit: 百分点 for percentages, the unit otherwise; a nonzero gap never reads 0.0. */
export function formatGap(gap: number, unit: string, lang: NumberLang): string {
  const abs = Math.abs(unit === 'percent' ? gap : asShown(gap, unit));
  const shown = unit === 'percent' ? abs.toFixed(gapDigits(abs, unit)) : null;
  const zero = unit === 'percent' ? Number(shown) === 0 : abs === 0;
  const sign = zero ? '' : gap > 0 ? '+' : '−';
  if (unit === 'percent') return lang === 'zh' ? `${sign}${shown}个百分点` : `${sign}${shown} pp`;
  return `${sign}${formatValue(abs, unit, lang)}`;
}

export function formatPercent(value: number | null): string {
  return value == null || !Number.isFinite(value) ? '—' : `${value.toFixed(1)}%`;
}

/** A value split into its number and unit, for big-number tiles where the unit is set smaller. */
export function formatValueParts(value: number | null, unit: string, lang: NumberLang): { number: string; unit: string } {
  const full = formatValue(value, unit, lang);
  return splitParts(full);
}

function splitParts(full: string): { number: string; unit: string } {
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

// ------------------------------------------------------------------ figures shown together

interface Scale {
  factor: number;
  /** Written after the number: 万, 亿, " m", " bn", or nothing. */
  suffix: string;
  /** Fewest decimals in this scale (1 for 万/亿/m/bn and percentages, 0 for whole counts). */
  base: number;
  /** Most decimals: as many as make the figure exact in base units (万: 4), or 4 for percentages. */
  most: number;
}

function scaleOf(maxAbs: number, unit: string, lang: NumberLang): Scale {
  if (unit === 'percent') return { factor: 1, suffix: '', base: 1, most: 4 };
  const whole = isWholeUnit(unit);
  const scales: [number, string, number][] =
    lang === 'zh'
      ? [
          [1e8, '亿', 8],
          [1e4, '万', 4],
        ]
      : [
          [1e9, ' bn', 9],
          [1e6, ' m', 6],
        ];
  for (const [factor, suffix, exact] of scales)
    if (maxAbs >= factor) return { factor, suffix, base: 1, most: whole ? exact : exact + 2 };
  return whole ? { factor: 1, suffix: '', base: 0, most: 0 } : { factor: 1, suffix: '', base: 0, most: 2 };
}

function digitsText(n: number, d: number, lang: NumberLang): string {
  const v = noNegativeZero(Number(n.toFixed(d)));
  return lang === 'en' ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : v.toFixed(d);
}

/** The fewest decimals (from the scale's base) at which every pair that differs also reads differently, gap included. */
function sharedDigits(pairs: readonly (readonly [number, number])[], scale: Scale): number {
  const at = (v: number, d: number) => (v / scale.factor).toFixed(d);
  for (let d = scale.base; d < scale.most; d++) {
    const tells = pairs.every(([a, b]) => a === b || (at(a, d) !== at(b, d) && Number(at(Math.abs(a - b), d)) !== 0));
    if (tells) return d;
  }
  return scale.most;
}

/** One target's figures as judged (unrounded), and its comparator (caps round the pace down and sign gaps the other way). */
export interface FiguresInput {
  actual: number | null;
  target: number | null;
  /** 序时进度 as judged (unrounded), or null. */
  expected: number | null;
  comparator: Comparator;
}

/** Figures of one target written together (see the file comment); '—' where a figure is missing. */
export interface Figures {
  actual: string;
  /** The actual as a big number and its unit, for tiles: { number: '1.80万', unit: '人' }. */
  actualParts: { number: string; unit: string };
  target: string;
  pace: string | null;
  /** Actual − target, positive when better (target − actual for caps); null without both. */
  gapToTarget: string | null;
  /** Actual − pace, signed the same way; null without a pace. */
  gapToPace: string | null;
}

/**
 * The actual, target, pace and gaps of one target written together: one scale (that of the
 * largest figure) and one number of decimals for all of them, counts whole and the pace rounded
 * as wholePace says. Used wherever these figures sit side by side (tiles, bullet labels, sources,
 * sentences).
 */
export function formatFigures(input: FiguresInput, unit: string, lang: NumberLang): Figures {
  const { comparator } = input;
  const finite = (v: number | null) => (v != null && Number.isFinite(v) ? v : null);
  const actual = finite(input.actual) == null ? null : asShown(input.actual!, unit);
  const target = finite(input.target) == null ? null : asShown(input.target!, unit);
  const pace = finite(input.expected) == null ? null : wholePace(input.expected!, unit, comparator);
  const known = [actual, target, pace].filter((v): v is number => v != null);
  const scale = scaleOf(Math.max(0, ...known.map(Math.abs)), unit, lang);
  const pairs: [number, number][] = [];
  if (actual != null && target != null) pairs.push([actual, target]);
  if (actual != null && pace != null) pairs.push([actual, pace]);
  const d = sharedDigits(pairs, scale);
  const percent = unit === 'percent';
  const number = (v: number, roundTarget: boolean) => {
    const fixed = digitsText(v / scale.factor, d, lang);
    // A target or pace that is exactly round at fewer decimals is written as the document states it.
    const trimmed = trimZeros(fixed);
    const exact = Number(trimmed.replace(/,/g, '')) === noNegativeZero(v / scale.factor);
    return `${roundTarget && exact ? trimmed : fixed}${scale.suffix}`;
  };
  const write = (v: number | null, roundTarget: boolean) => {
    if (v == null) return '—';
    if (percent) return `${number(v, roundTarget)}%`;
    return joinUnit(number(v, roundTarget), unitWordFor(v, unit, lang), lang);
  };
  const gap = (a: number | null, b: number | null) => {
    if (a == null || b == null) return null;
    const g = noNegativeZero(isCap(comparator) ? b - a : a - b);
    const abs = Math.abs(g);
    const text = digitsText(abs / scale.factor, d, lang);
    const sign = Number(text.replace(/,/g, '')) === 0 ? '' : g > 0 ? '+' : '−';
    if (percent) return lang === 'zh' ? `${sign}${text}个百分点` : `${sign}${text} pp`;
    return joinUnit(`${sign}${text}${scale.suffix}`, unitWordFor(abs, unit, lang), lang);
  };
  const actualText = write(actual, false);
  return {
    actual: actualText,
    actualParts:
      actual == null
        ? { number: '—', unit: '' }
        : percent
          ? { number: actualText.replace(/%$/, ''), unit: '%' }
          : splitParts(actualText),
    target: write(target, true),
    pace: pace == null ? null : write(pace, true),
    gapToTarget: gap(actual, target),
    gapToPace: gap(actual, pace),
  };
}

// ------------------------------------------------------------------ a rate's counts

/** A rate's counts as the reader sees them next to the rate, in one scale: "1.46万/1.92万", "14,600/19,200", "15/45". */
export function fractionText(numerator: number, denominator: number, lang: NumberLang): string {
  const n = noNegativeZero(Math.round(numerator));
  const den = noNegativeZero(Math.round(denominator));
  const scale = scaleOf(Math.max(Math.abs(n), Math.abs(den)), 'count', lang);
  if (scale.factor === 1) return `${formatCount(n, lang)}/${formatCount(den, lang)}`;
  const d = 2;
  const part = (v: number) => `${digitsText(v / scale.factor, d, lang)}${scale.suffix}`;
  return `${part(n)}/${part(den)}`;
}

/** A figure followed by its rate's counts in brackets: 「75.9%（1.46万/1.92万）」, "75.9% (14,600/19,200)". */
export function withFraction(
  text: string,
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  lang: NumberLang,
): string {
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
