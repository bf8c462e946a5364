/**
 * The filtered target table as CSV for Excel: UTF-8 with a BOM (so Excel shows Chinese), and any
 * text cell that a spreadsheet would read as a formula prefixed with an apostrophe.
 */
import Papa from 'papaparse';
import type { JudgedTarget } from '../../domain/types';
import type { Lang } from '../../app/url-state';
import { areaName, indicatorName } from '../panels/labels';

/** What a spreadsheet or its CSV import skips before it looks for a formula sign. */
const LEADING_SKIPPED = /^[\s\p{Cc}\p{Cf}]+/u;

/**
 * Neutralises spreadsheet formula injection in one text cell: the defusing rule of every export.
 * A cell is prefixed with `'` when it starts with a tab or CR, or when its first visible character,
 * after any spaces, line breaks and control or invisible characters (NUL, zero-width, BOM), is a
 * formula sign `=`, `+`, `-` or `@` in any width (NFKC folds the full-width ＝ ＋ － ＠ and the small
 * ﹦ ﹢ ﹣ into them; importers and IMEs do the same).
 */
export function safeCell(text: string): string {
  const [first = ''] = text.replace(LEADING_SKIPPED, '');
  return /^[\t\r]/.test(text) || /^[=+\-@]/.test(first.normalize('NFKC')) ? `'${text}` : text;
}

const round = (v: number | null) => (v == null || !Number.isFinite(v) ? '' : Math.round(v * 1e4) / 1e4);

export function buildTargetsCsv(rows: readonly JudgedTarget[], lang: Lang, statusWord: (s: JudgedTarget['judgement']['status']) => string): string {
  const header =
    lang === 'zh'
      ? ['目标编号', '指标', '区域', '区划代码', '年度', '比较符', '目标值', '实际值', '序时进度', '状态', '完成度(%)', '判定月份', '单位', '文件', '条款', '原文']
      : ['target_id', 'indicator', 'area', 'area_code', 'year', 'comparator', 'target', 'actual', 'expected', 'status', 'attainment_pct', 'judged_at', 'unit', 'document', 'clause', 'text'];
  const data = rows.map((j) => [
    safeCell(j.target.targetId),
    safeCell(indicatorName(j.indicator, lang)),
    safeCell(areaName(j.area, lang)),
    safeCell(j.area.areaCode),
    j.target.year,
    safeCell(j.target.comparator),
    round(j.judgement.target),
    round(j.judgement.actual),
    round(j.judgement.expected),
    safeCell(statusWord(j.judgement.status)),
    round(j.judgement.attainment),
    j.judgement.judgedAt,
    safeCell(j.indicator.unit),
    safeCell(j.target.docId),
    safeCell(j.target.clause ?? ''),
    safeCell(j.target.quote ?? ''),
  ]);
  return '\uFEFF' + Papa.unparse({ fields: header, data }, { newline: '\r\n' });
}

/** Starts a download of `content` without any network request. */
export function download(filename: string, content: string | Blob, type = 'text/csv;charset=utf-8'): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
