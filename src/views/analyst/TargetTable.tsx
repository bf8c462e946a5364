/**
 * Every target that matches the filters: sortable columns, status in icon and word, attainment,
 * gaps to target and to pace, the projection to the due month (figure, projected status, what each
 * remaining month must bring; they fold away one by one as the table narrows, the outlook last),
 * and a row that expands to the document, clause and sentence.
 * Rows carry the contract's data-kpi attributes. Beyond a few hundred rows the table renders only
 * what is in view (the data-kpi hooks then live in a hidden list, so every target stays readable).
 */
import { Fragment, useMemo, useRef, useState, type UIEvent } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import type { JudgedTarget } from '../../domain/types';
import { gapToPace, gapToTarget } from '../../domain/analysis';
import { judgedKey } from '../../domain/binding';
import { formatGap, formatPercent, formatValue, formatValueNear } from '../../domain/format';
import { kpiAttrs } from '../panels/kpi-attrs';
import { areaName, comparatorText, indicatorName } from '../panels/labels';
import { StatusBadge } from '../panels/StatusBadge';
import { bandText, neededText, projectedText, ProjectedBadge } from '../panels/Projection';
import { parseSort, sortRows, type SortKey } from './sort-rows';

/** Above this many rows the table is virtualised. */
export const VIRTUALISE_ABOVE = 300;
const ROW_PX = 44;
const EXPANDED_PX = 132;
const VIEWPORT_PX = 640;
const COLUMNS = 13;

export function TargetTable({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly JudgedTarget[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { i18n, state, setState } = useDashboard();
  const { lang } = i18n;
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const sort = parseSort(state.sort);
  const sorted = useMemo(
    () => sortRows(rows, sort, { indicator: (j) => indicatorName(j.indicator, lang), area: (j) => areaName(j.area, lang) }),
    [rows, sort.key, sort.desc, lang], // eslint-disable-line react-hooks/exhaustive-deps -- sort is derived from state.sort
  );
  const virtual = sorted.length > VIRTUALISE_ABOVE;
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  if (rows.length === 0) return <p className="empty">{i18n.t('noTargets')}</p>;

  const heights = sorted.map((j) => (expanded.has(judgedKey(j)) ? ROW_PX + EXPANDED_PX : ROW_PX));
  let first = 0;
  let last = sorted.length;
  let before = 0;
  let after = 0;
  if (virtual) {
    let y = 0;
    first = sorted.length;
    for (let i = 0; i < sorted.length; i++) {
      const h = heights[i]!;
      if (y + h > scrollTop - 400 && first === sorted.length) {
        first = i;
        before = y;
      }
      if (y > scrollTop + VIEWPORT_PX + 400) {
        last = i;
        break;
      }
      y += h;
    }
    after = heights.slice(last).reduce((s, h) => s + h, 0);
  }

  const header = (key: SortKey, label: string, numeric = false, extra = '') => {
    const active = sort.key === key;
    const next = active && !sort.desc ? `-${key}` : key;
    return (
      <th
        scope="col"
        className={`${numeric ? 'num' : ''} ${extra}`.trim() || undefined}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="sort" data-sort={key} onClick={() => setState({ sort: next })}>
          {label}
          <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const body = sorted.slice(first, last).map((j) => {
    const { target, indicator, judgement } = j;
    const fmt = (v: number | null) => formatValue(v, indicator.unit, lang);
    const key = judgedKey(j);
    const isSel = selected === key;
    const open = expanded.has(key);
    const gap = gapToTarget(judgement, target.comparator);
    const paceGap = gapToPace(judgement, target.comparator);
    const projection = j.projection;
    const band = bandText(j, lang);
    return (
      <Fragment key={key}>
        <tr
          {...(virtual ? {} : kpiAttrs(j))}
          data-row={key}
          aria-selected={isSel}
          className={isSel ? 'selected' : undefined}
        >
          <th scope="row">
            <div className="row-head">
              <button
                type="button"
                className="row-expand"
                aria-expanded={open}
                aria-label={open ? i18n.t('collapse') : i18n.t('expand')}
                onClick={() => toggle(key)}
              >
                {open ? '▾' : '▸'}
              </button>
              <button type="button" className="row-select" onClick={() => onSelect(key)} aria-pressed={isSel}>
                {indicatorName(indicator, lang)}
              </button>
              {j.components?.illustrative && <span className="row-sample">{i18n.t('illustrativeRow')}</span>}
            </div>
          </th>
          <td>{areaName(j.area, lang)}</td>
          <td>
            {target.baseline === 'prior_year'
              ? `${i18n.t('baselinePrior')}${judgement.target != null ? `（${fmt(judgement.target)}）` : ''}`
              : `${comparatorText(target.comparator, lang)} ${fmt(judgement.target)}`}
          </td>
          <td className="num">{formatValueNear(judgement.actual, indicator.unit, lang, judgement.target)}</td>
          <td className="num">{judgement.expected != null ? fmt(judgement.expected) : '—'}</td>
          <td className="num">{formatPercent(judgement.attainment)}</td>
          <td className={`num gap ${gap != null && gap < 0 ? 'neg' : ''}`}>
            {gap == null ? '—' : formatGap(gap, indicator.unit, lang)}
          </td>
          <td className={`num gap ${paceGap != null && paceGap < 0 ? 'neg' : ''}`}>
            {paceGap == null ? '—' : formatGap(paceGap, indicator.unit, lang)}
          </td>
          <td>
            <StatusBadge status={judgement.status} />
          </td>
          <td className="num fold" data-col="projected">
            {projectedText(j, lang)}
            {band && <span className="band">{band}</span>}
          </td>
          <td className="fold-narrowest" data-col="projected-status">{projection?.status ? <ProjectedBadge status={projection.status} short /> : '—'}</td>
          <td className="num fold-narrow" data-col="needed">
            {neededText(j, lang, true) ?? '—'}
          </td>
          <td className="doc">
            {target.docId}
            {target.clause ?? ''}
          </td>
        </tr>
        {open && (
          <tr className="expanded" data-expanded={key}>
            <td colSpan={COLUMNS}>
              <blockquote className="provenance">
                <p className="doc">
                  <strong>{target.docId}</strong> {target.clause ?? ''}
                </p>
                <p className="quote">{target.quote ?? i18n.t('noQuote')}</p>
              </blockquote>
            </td>
          </tr>
        )}
      </Fragment>
    );
  });

  const table = (
    <table className="targets">
      <caption className="visually-hidden">{i18n.t('tableCaption')}</caption>
      <thead>
        <tr>
          {header('indicator', i18n.t('indicator'))}
          {header('area', i18n.t('area'))}
          {header('target', i18n.t('comparator'))}
          {header('actual', i18n.t('actual'), true)}
          {header('pace', i18n.t('pace'), true)}
          {header('attainment', i18n.t('attainment'), true)}
          {header('gap', i18n.t('gapTarget'), true)}
          {header('pace_gap', i18n.t('gapPace'), true)}
          {header('status', i18n.t('status'))}
          {header('projected', i18n.t('projected'), true, 'fold')}
          {header('projected_status', i18n.t('projectedStatus'), false, 'fold-narrowest')}
          {header('needed', i18n.t('neededMonthly'), true, 'fold-narrow')}
          {header('doc', i18n.t('document'))}
        </tr>
      </thead>
      <tbody>
        {virtual && before > 0 && (
          <tr aria-hidden="true" style={{ height: before }}>
            <td colSpan={COLUMNS} />
          </tr>
        )}
        {body}
        {virtual && after > 0 && (
          <tr aria-hidden="true" style={{ height: after }}>
            <td colSpan={COLUMNS} />
          </tr>
        )}
      </tbody>
    </table>
  );

  if (!virtual) return table;
  return (
    <>
      <div
        className="table-scroller"
        ref={scroller}
        style={{ maxHeight: VIEWPORT_PX }}
        onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
        data-virtual={sorted.length}
      >
        {table}
      </div>
      <p className="count">{i18n.t('rowsTotal', { n: sorted.length })}</p>
      <div hidden data-kpi-list="">
        {sorted.map((j) => (
          <span key={judgedKey(j)} {...kpiAttrs(j)} />
        ))}
      </div>
    </>
  );
}
