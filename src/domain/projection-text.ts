/**
 * A projection in words: the briefing's sentence (按当前进度预计全年完成1.21万人，低于目标890人；后续每月需完成1483人，
 * 为前9个月月均的1.3倍。) and how far it reaches (全年 for a year-end target, else its due month). Pure;
 * the figures come from domain/projection.ts.
 */
import { gapToTarget } from './analysis';
import { formatGap, formatValue, type NumberLang } from './format';
import { isCap } from './judge';
import { neededShown, projectedShown } from './projection';
import type { Comparator, IndicatorKind, Projection } from './types';

/** How far a projection reaches: the year (a target due in December of its year) or its due month ('YYYY-MM'). */
export function projectionHorizon(dueDate: string, year: number): { year: true } | { month: string } {
  const month = dueDate.slice(0, 7);
  return month === `${year}-12` ? { year: true } : { month };
}

const zhMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** A due month ('YYYY-MM') as the reader writes it: 2024年6月, 2024-06. */
export const monthText = (month: string, lang: NumberLang) => (lang === 'zh' ? zhMonth(month) : month);

/** A flow's reach: 「全年」/「至2024年6月」, "for the year" / "by 2024-06". */
export function horizonText(dueDate: string, year: number, lang: NumberLang): string {
  const h = projectionHorizon(dueDate, year);
  if ('year' in h) return lang === 'zh' ? '全年' : 'for the year';
  return lang === 'zh' ? `至${zhMonth(h.month)}` : `by ${h.month}`;
}

/** A rate's or level's reach: 「年末」/「2024年6月末」, "at year end" / "at the end of 2024-06". */
export function horizonEndText(dueDate: string, year: number, lang: NumberLang): string {
  const h = projectionHorizon(dueDate, year);
  if ('year' in h) return lang === 'zh' ? '年末' : 'at year end';
  return lang === 'zh' ? `${zhMonth(h.month)}末` : `at the end of ${h.month}`;
}

/** needed ÷ the monthly average so far, to one decimal; null when nothing has come yet. */
export function neededRatio(needed: number, actual: number, monthsElapsed: number): number | null {
  if (!(actual > 0) || monthsElapsed < 1) return null;
  return needed / (actual / monthsElapsed);
}

export interface ProjectionSentenceInput {
  kind: IndicatorKind;
  unit: string;
  comparator: Comparator;
  dueDate: string;
  year: number;
  actual: number;
  target: number | null;
  projection: Projection;
}

/**
 * The gap of the projected figure to the target in words, signed so that the reader sees which side
 * it lands on; for 左右 (`~`) and `=`, where either side can miss, the projected status is said too.
 */
function gapWords(p: Projection, target: number | null, comparator: Comparator, unit: string, lang: NumberLang): string | null {
  const gap = gapToTarget({ actual: p.value, target }, comparator);
  if (gap == null) return null;
  const amount = formatGap(Math.abs(gap), unit, lang).replace(/^\+/, '');
  const zh = lang === 'zh';
  // Level first, for caps too (as analysis.ts says it): a figure at its cap is not over it.
  const level = Math.abs(gap) < 1e-9;
  if (isCap(comparator) && !level) return zh ? `${gap > 0 ? '低于上限' : '超出上限'}${amount}` : `${amount} ${gap > 0 ? 'under' : 'over'} the cap`;
  const side = level ? (zh ? '与目标持平' : 'level with the target') : zh ? `${gap > 0 ? '高于' : '低于'}目标${amount}` : `${amount} ${gap > 0 ? 'above' : 'below'} target`;
  if ((comparator !== '~' && comparator !== '=') || p.status == null) return side;
  const verdict = p.status === 'met' ? (zh ? '预计达标' : 'projected to meet it') : zh ? '预计未达标' : 'projected to miss it';
  return `${side}${zh ? '，' : ', '}${verdict}`;
}

/**
 * The briefing's sentence on where a target not yet due is heading; null for a target already due
 * (its status is final). Flows say what each remaining month must bring, against the months so far.
 */
export function projectionSentence(s: ProjectionSentenceInput, lang: NumberLang): string | null {
  const { projection: p, unit, comparator, kind } = s;
  if (p.method === 'final') return null;
  const zh = lang === 'zh';
  const value = formatValue(projectedShown(p.value, kind), unit, lang);
  const gap = gapWords(p, s.target, comparator, unit, lang);
  if (kind !== 'flow') {
    const how = {
      last_year_change: zh ? '按去年同期变化' : "With last year's change over the same months",
      unchanged: zh ? '去年无同期数据，按当前水平' : 'No figures for last year: at its current level',
    }[p.method === 'last_year_change' ? 'last_year_change' : 'unchanged'];
    const at = horizonEndText(s.dueDate, s.year, lang);
    return zh ? `${how}预计${at}${value}${gap ? `，${gap}` : ''}。` : `${how}, projected ${value} ${at}${gap ? `, ${gap}` : ''}.`;
  }
  const reach = horizonText(s.dueDate, s.year, lang);
  const how = p.method === 'seasonal' ? (zh ? '按去年同期进度' : "At last year's pace") : zh ? '按当前进度' : 'At the current pace';
  // A cap counts what happened (裁员人数), not what was achieved: 累计, not 完成.
  const verb = isCap(comparator) ? '累计' : '完成';
  let text = zh ? `${how}预计${reach}${verb}${value}${gap ? `，${gap}` : ''}` : `${how}, projected ${value} ${reach}${gap ? `, ${gap}` : ''}`;
  if (p.neededMonthly != null && p.neededMonthly > 0) {
    const needed = neededShown(p.neededMonthly, comparator);
    const ratio = neededRatio(needed, s.actual, p.monthsElapsed);
    const amount = formatValue(needed, unit, lang);
    const times = ratio == null ? '' : zh ? `，为前${p.monthsElapsed}个月月均的${ratio.toFixed(1)}倍` : `, ${ratio.toFixed(1)}× the monthly average of the first ${p.monthsElapsed} months`;
    text += isCap(comparator)
      ? zh
        ? `；后续每月不超过${amount}${times}`
        : `; at most ${amount} a month from now${times}`
      : zh
        ? `；后续每月需完成${amount}${times}`
        : `; each remaining month needs ${amount}${times}`;
  }
  return `${text}${zh ? '。' : '.'}`;
}
