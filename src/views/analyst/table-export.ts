/**
 * The analyst table as a take-away that stands alone, as a pure model: a header block that says
 * what it is (area, year, month judged, documents, sources, whether figures are illustrative,
 * filters, order), the table's columns in its order (with the gaps, a rate's numerator and
 * denominator, units and requirements in the reader's words, the 责任单位), and its rows in the
 * order on screen. Writers turn it into a file: CSV (export-csv.ts), a workbook (later).
 */
import type { Lang } from '../../app/url-state';
import type { Translator } from '../../app/i18n/translator';
import { gapToPace, gapToTarget } from '../../domain/analysis';
import { unitWord } from '../../domain/format';
import { readableSources } from '../../domain/provenance';
import type { JudgedTarget } from '../../domain/types';
import { areaName, comparatorWord, indicatorName } from '../panels/labels';

export type ExportCell = string | number | null;

export interface ExportColumn {
  key: string;
  label: string;
  /** number: a bare number in base units (a writer may format it); month: 'YYYY-MM'; text otherwise. */
  type: 'text' | 'number' | 'month';
}

export interface TableExport {
  title: string;
  /** The header block, one fact a line. */
  about: { key: string; label: string; value: string }[];
  columns: ExportColumn[];
  /** One array per row, in the columns' order. */
  rows: ExportCell[][];
  /** A file name (without extension) that says the same: title, area, year, month, sample data. */
  fileName: string;
}

export interface ExportScope {
  i18n: Translator;
  /** Names of the areas filtered to; empty for all areas. */
  areaNames: readonly string[];
  year: number;
  /** The month the rows are judged at, 'YYYY-MM' (domain/resolve.ts statedMonth). */
  month: string;
  /** Filters other than area and year, already in words ([label, value]). */
  filters: readonly (readonly [string, string])[];
  /** The order in words (the sorted column and direction). */
  order: string;
  /** When it was made, 'YYYY-MM-DD HH:mm' (domain/dates.ts). */
  generatedAt: string;
}

const round = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : Math.round(v * 1e4) / 1e4);

/** A piece of a file name: characters a file name may not hold on common systems become '-'. */
export const fileNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-');

/** `rows` must be in the order on screen (sort-rows.ts screenOrder). */
export function buildTableExport(rows: readonly JudgedTarget[], scope: ExportScope): TableExport {
  const { i18n } = scope;
  const lang: Lang = i18n.lang;
  const t = i18n.t;
  const columns: ExportColumn[] = [
    { key: 'indicator', label: t('indicator'), type: 'text' },
    { key: 'area', label: t('area'), type: 'text' },
    { key: 'comparator', label: t('comparator'), type: 'text' },
    { key: 'target', label: t('target'), type: 'number' },
    { key: 'actual', label: t('actual'), type: 'number' },
    { key: 'unit', label: t('unitLabel'), type: 'text' },
    { key: 'numerator', label: t('numerator'), type: 'number' },
    { key: 'denominator', label: t('denominator'), type: 'number' },
    { key: 'pace', label: t('pace'), type: 'number' },
    { key: 'attainment', label: t('exportAttainment'), type: 'number' },
    { key: 'gap', label: t('exportGapTarget'), type: 'number' },
    { key: 'pace_gap', label: t('exportGapPace'), type: 'number' },
    { key: 'status', label: t('status'), type: 'text' },
    { key: 'projected', label: t('projected'), type: 'number' },
    { key: 'projected_status', label: t('projectedStatus'), type: 'text' },
    { key: 'needed', label: t('neededMonthly'), type: 'number' },
    { key: 'doc', label: t('document'), type: 'text' },
    { key: 'clause', label: t('clause'), type: 'text' },
    { key: 'owner', label: t('owner'), type: 'text' },
    { key: 'quote', label: t('quote'), type: 'text' },
    { key: 'judged_at', label: t('judgedAt'), type: 'month' },
    { key: 'due', label: t('dueDate'), type: 'text' },
    { key: 'inherited_from', label: t('exportInheritedFrom'), type: 'text' },
    { key: 'target_id', label: t('exportTargetId'), type: 'text' },
    { key: 'area_code', label: t('exportAreaCode'), type: 'text' },
  ];
  const data = rows.map((j): ExportCell[] => {
    const { target, indicator, judgement: jd, components } = j;
    const rate = indicator.kind === 'rate';
    return [
      indicatorName(indicator, lang),
      areaName(j.area, lang),
      target.baseline === 'prior_year' ? t('baselinePrior') : comparatorWord(target.comparator, lang),
      round(jd.target),
      round(jd.actual),
      unitWord(indicator.unit, lang),
      rate ? round(components?.numerator) : null,
      rate ? round(components?.denominator) : null,
      round(jd.expected),
      round(jd.attainment),
      round(gapToTarget(jd, target.comparator)),
      round(gapToPace(jd, target.comparator)),
      i18n.status(jd.status),
      round(j.projection?.value),
      j.projection?.status ? i18n.status(j.projection.status) : '',
      round(j.projection?.neededMonthly),
      target.docId,
      target.clause ?? '',
      target.owner ?? '',
      target.quote ?? '',
      jd.judgedAt,
      target.dueDate,
      j.inherited ? target.areaCode : '',
      target.targetId,
      j.area.areaCode,
    ];
  });
  const illustrative = rows.some((r) => r.components?.illustrative);
  const sources = readableSources(
    rows.flatMap((r) => r.components?.sources ?? []),
    t('sampleBadge'),
  );
  const docs = [...new Set(rows.map((r) => r.target.docId))];
  const areas = scope.areaNames.length ? scope.areaNames.join('、') : t('allAreas');
  const none = t('exportNone');
  const about = [
    { key: 'area', label: t('area'), value: areas },
    { key: 'year', label: t('year'), value: String(scope.year) },
    { key: 'month', label: t('exportAsOf'), value: scope.month },
    { key: 'docs', label: t('briefingSources'), value: docs.join('；') || none },
    { key: 'sources', label: t('exportFigures'), value: sources.join('；') || t('exportNoFigures') },
    { key: 'nature', label: t('exportNature'), value: illustrative ? t('exportIllustrative') : t('exportPublished') },
    { key: 'filters', label: t('filters'), value: scope.filters.map(([k, v]) => `${k}：${v}`).join('；') || none },
    { key: 'order', label: t('exportSort'), value: scope.order },
    { key: 'rows', label: t('exportRows'), value: String(rows.length) },
    { key: 'generated', label: t('generatedAt'), value: scope.generatedAt },
  ];
  // Names in the file name: at most three areas, then how many in all.
  const n = scope.areaNames.length;
  const joined = scope.areaNames.slice(0, 3).join(lang === 'zh' ? '、' : '+');
  const nameParts = [
    t('exportFile'),
    n === 0 ? t('allAreas') : n <= 3 ? joined : t('exportAreasMore', { areas: joined, n, more: n - 3 }),
    lang === 'zh' ? `${scope.year}年` : String(scope.year),
    lang === 'zh' ? `截至${scope.month}` : `as-of-${scope.month}`,
    ...(illustrative ? [t('exportSample')] : []),
  ];
  return {
    title: t('exportTitle'),
    about,
    columns,
    rows: data,
    fileName: nameParts.map(fileNamePart).join('_'),
  };
}
