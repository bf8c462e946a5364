/**
 * What the analyst's take-aways say about themselves, from the dashboard's state: the scope of the
 * table export (area, year, month judged, filters and order in words; panels/scope-words.ts) and the
 * caption and file name of a chart's PNG. Pure functions of the dashboard and the rows.
 */
import type { Dashboard } from '../../app/dashboard-context';
import type { PngCaption } from '../../charts/png-caption';
import { formatDateTime } from '../../domain/dates';
import { readableSources } from '../../domain/provenance';
import type { JudgedTarget } from '../../domain/types';
import { areaName, indicatorName } from '../panels/labels';
import { areaNames, filtersInWords, rowsMonth } from '../panels/scope-words';
import { parseSort, SORT_LABELS } from './sort-rows';
import { fileNamePart, type ExportScope } from './table-export';

type Scope = Pick<Dashboard, 'i18n' | 'state' | 'catalog' | 'areas' | 'year' | 'asOf'>;

export function tableExportScope(d: Scope, rows: readonly JudgedTarget[], now = new Date()): ExportScope {
  const { i18n, state } = d;
  const sort = parseSort(state.sort);
  return {
    i18n,
    areaNames: areaNames(d),
    year: d.year,
    month: rowsMonth(d, rows),
    filters: filtersInWords(d),
    order: state.sort ? `${i18n.t(SORT_LABELS[sort.key])} ${sort.desc ? '↓' : '↑'}` : i18n.t('exportSortDefault'),
    generatedAt: formatDateTime(now),
  };
}

/** The caption of the selected target's chart: area, indicator, year and month judged; sources; the sample label. */
export function pngCaption(d: Pick<Dashboard, 'i18n'>, j: JudgedTarget): PngCaption {
  const { i18n } = d;
  const { lang } = i18n;
  const sources = readableSources(j.components?.sources ?? [], i18n.t('sampleBadge'));
  const source = [
    ...(sources.length ? [i18n.t('pngSource', { sources: sources.join('；') })] : []),
    i18n.t('pngBasis', { doc: `${j.target.docId}${j.target.clause ?? ''}` }),
  ];
  return {
    title: i18n.t('pngTitle', { area: areaName(j.area, lang), indicator: indicatorName(j.indicator, lang), year: j.target.year, asof: j.judgement.judgedAt }),
    source,
    sample: j.components?.illustrative ? i18n.t('sampleBadge') : null,
  };
}

/** The PNG's file name: area, indicator, year, month judged (and the sample label). */
export function pngFileName(d: Pick<Dashboard, 'i18n'>, j: JudgedTarget): string {
  const { i18n } = d;
  const { lang } = i18n;
  const parts = [
    areaName(j.area, lang),
    indicatorName(j.indicator, lang),
    lang === 'zh' ? `${j.target.year}年` : String(j.target.year),
    lang === 'zh' ? `截至${j.judgement.judgedAt}` : `as-of-${j.judgement.judgedAt}`,
    ...(j.components?.illustrative ? [i18n.t('exportSample')] : []),
  ];
  return `${parts.map(fileNamePart).join('_')}.png`;
}
