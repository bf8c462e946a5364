/**
 * The target table's columns: header, cell, and when each folds into the row's detail on a narrow
 * panel (least important first). A column added later (a projection, say) takes a fold step and
 * folds like the others.
 */
import type { ReactNode } from 'react';
import type { MessageKey, Translator } from '../../app/i18n/translator';
import { figuresOf } from '../../domain/analysis';
import { formatValueNear } from '../../domain/format';
import { noActualReason } from '../../domain/judge';
import type { JudgedTarget } from '../../domain/types';
import { bandText, neededText, ProjectedBadge, projectedText } from '../panels/Projection';
import { AreaLine, GapText, PaceText, RowStatus, gapIsShort, requirementText } from './row-parts';
import type { SortKey } from './sort-rows';

export interface Column {
  key: SortKey;
  label: MessageKey;
  numeric?: boolean;
  /** Fold step at which the column leaves the table for the row's detail (1 first); null: always shown. */
  fold: number | null;
  /** Extra class of its cells. */
  className?: (j: JudgedTarget) => string;
  cell: (j: JudgedTarget, i18n: Translator) => ReactNode;
}

/**
 * In order on screen. Status and the gap to target never fold; the area, when it folds, moves
 * under the indicator's name instead of into the detail (a row must always say where it is).
 */
export const COLUMNS: readonly Column[] = [
  { key: 'area', label: 'area', fold: 5, cell: (j) => <AreaLine judged={j} /> },
  { key: 'target', label: 'comparator', fold: null, className: () => 'req', cell: (j, i18n) => requirementText(j, i18n) },
  {
    key: 'actual',
    label: 'actual',
    numeric: true,
    fold: null,
    // A parent whose sub-areas give only their rates has no actual, and says why.
    cell: (j, i18n) => (
      <>
        {figuresOf(j, i18n.lang).actual}
        {noActualReason(j.indicator.kind, j.components) && <span className="why">{i18n.t('unpooledCell')}</span>}
      </>
    ),
  },
  { key: 'pace', label: 'pace', numeric: true, fold: 7, cell: (j) => <PaceText judged={j} /> },
  // Against 100, so 99.98% of a missed target never reads "100.0%".
  { key: 'attainment', label: 'attainment', numeric: true, fold: 4, cell: (j, i18n) => formatValueNear(j.judgement.attainment, 'percent', i18n.lang, 100) },
  { key: 'gap', label: 'gapTarget', numeric: true, fold: null, className: (j) => `gap${gapIsShort(j) ? ' neg' : ''}`, cell: (j) => <GapText judged={j} to="target" /> },
  {
    key: 'pace_gap',
    label: 'gapPace',
    numeric: true,
    fold: 5,
    className: (j) => `gap pace-gap${gapIsShort(j, 'pace') ? ' neg' : ''}`,
    cell: (j) => <GapText judged={j} to="pace" />,
  },
  { key: 'status', label: 'status', fold: null, className: () => 'status-cell', cell: (j) => <RowStatus judged={j} /> },
  // Where it is heading (domain/projection.ts): the figure and what each month must bring fold first, the outlook last.
  {
    key: 'projected',
    label: 'projected',
    numeric: true,
    fold: 1,
    cell: (j, i18n) => {
      const band = bandText(j, i18n.lang);
      return (
        <>
          {projectedText(j, i18n.lang)}
          {band && <span className="band">{band}</span>}
        </>
      );
    },
  },
  { key: 'projected_status', label: 'projectedStatus', fold: 6, className: () => 'status-cell', cell: (j) => (j.projection?.status ? <ProjectedBadge status={j.projection.status} short /> : '—') },
  { key: 'needed', label: 'neededMonthly', numeric: true, fold: 2, cell: (j, i18n) => neededText(j, i18n.lang, true) ?? '—' },
  { key: 'doc', label: 'document', fold: 3, className: () => 'doc', cell: (j) => `${j.target.docId}${j.target.clause ?? ''}` },
];

/** How many fold steps the columns have. */
export const FOLD_STEPS = Math.max(...COLUMNS.map((c) => c.fold ?? 0));

/**
 * Up to this step a column also folds to keep names whole (the projection and what each month must
 * bring, the document, attainment, gap to pace); the outlook, the pace and the area fold only for width.
 */
export const NAME_FOLD_STEPS = 5;
