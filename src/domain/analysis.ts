/**
 * What the analyst reads off a judged target: the gap to its target and to the pace (in 百分点 for
 * rates, in the indicator's unit otherwise), sorting, and the sentence a briefing says about it.
 * Pure; every number comes from a Judgement.
 */
import { formatFigures, withFraction, type Figures, type NumberLang } from './format';
import { isCap } from './judge';
import type { Comparator, JudgedTarget, Judgement, Status } from './types';

/**
 * The figures of one judged target written together (format.ts formatFigures: one scale, one
 * precision): wherever they sit side by side, a table row, a card, a tile, a bullet, a sentence.
 */
export function figuresOf(j: Pick<JudgedTarget, 'judgement' | 'target' | 'indicator'>, lang: NumberLang): Figures {
  return formatFigures({ ...j.judgement, comparator: j.target.comparator }, j.indicator.unit, lang);
}

/** Actual − target, signed so that positive is better (for caps, target − actual). Null when unknown. */
export function gapToTarget(j: Pick<Judgement, 'actual' | 'target'>, comparator: Comparator): number | null {
  if (j.actual == null || j.target == null) return null;
  return isCap(comparator) ? j.target - j.actual : j.actual - j.target;
}

/** Actual − pace for flows before their due month, signed like gapToTarget. */
export function gapToPace(j: Pick<Judgement, 'actual' | 'expected'>, comparator: Comparator): number | null {
  if (j.actual == null || j.expected == null) return null;
  return isCap(comparator) ? j.expected - j.actual : j.actual - j.expected;
}

export interface SentenceInput {
  areaName: string;
  /** The area is the city: zh says 全市. */
  isCity: boolean;
  indicatorName: string;
  unit: string;
  comparator: Comparator;
  judgement: Judgement;
  /** Rates: the counts behind the figure. */
  numerator?: number | null;
  denominator?: number | null;
}

/**
 * One briefing sentence, e.g. 「全市离校未就业高校毕业生帮扶就业率86.2%，低于目标3.8个百分点，落后序时进度」
 * or "City-wide: … 86.2%, 3.8 pp below target, behind pace."
 */
export function briefingSentence(s: SentenceInput, lang: NumberLang): string {
  const { judgement: j, unit, comparator } = s;
  const where = lang === 'zh' ? (s.isCity ? '全市' : s.areaName) : s.isCity ? 'City-wide' : s.areaName;
  if (j.actual == null) return lang === 'zh' ? `${where}${s.indicatorName}暂无数据` : `${where}: ${s.indicatorName}: no data yet.`;
  // The actual, its gap and its pace in one scale and one precision (format.ts formatFigures).
  const figures = formatFigures({ ...j, comparator }, unit, lang);
  const value = figures.actual;
  const gap = gapToTarget(j, comparator);
  const parts: string[] = [];
  if (gap != null && j.target != null) {
    const abs = Math.abs(gap);
    const amount = (figures.gapToTarget ?? '').replace(/^[+−]/, '');
    if (abs === 0) parts.push(lang === 'zh' ? '与目标持平' : 'level with the target');
    else if (isCap(comparator))
      parts.push(lang === 'zh' ? `${gap > 0 ? '低于上限' : '超出上限'}${amount}` : `${amount} ${gap > 0 ? 'under' : 'over'} the cap`);
    else parts.push(lang === 'zh' ? `${gap > 0 ? '高于' : '低于'}目标${amount}` : `${amount} ${gap > 0 ? 'above' : 'below'} target`);
  } else if (j.target == null) {
    parts.push(lang === 'zh' ? '目标尚无法确定' : 'target not yet known');
  }
  const statusText: Record<Status, [string, string]> = {
    met: ['已达标', 'met'],
    on_track: ['快于序时进度', 'ahead of pace'],
    behind: ['落后序时进度', 'behind pace'],
    missed: ['未完成目标', 'missed'],
    no_data: ['暂无数据', 'no data'],
  };
  parts.push(statusText[j.status][lang === 'zh' ? 0 : 1]);
  if (j.status === 'on_track' || j.status === 'behind') {
    const pg = gapToPace(j, comparator);
    if (pg != null && j.expected != null)
      parts[parts.length - 1] +=
        lang === 'zh'
          ? `（序时进度${figures.pace}）`
          : ` (expected by now: ${figures.pace})`;
  }
  return lang === 'zh'
    ? `${where}${s.indicatorName}${withFraction(value, s.numerator, s.denominator, lang)}，${parts.join('，')}。`
    : `${where}: ${s.indicatorName} ${withFraction(value, s.numerator, s.denominator, lang)}, ${parts.join(', ')}.`;
}
