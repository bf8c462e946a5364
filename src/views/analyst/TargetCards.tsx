/**
 * The targets on a phone: one card each, with what a reader needs first (status, actual against
 * the target, the gap, where), the order chosen from a list, and a card that opens to its pace,
 * attainment and document. Cards carry the contract's data-kpi attributes, as table rows do.
 */
import { useState } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { judgedKey } from '../../domain/binding';
import { figuresOf } from '../../domain/analysis';
import type { JudgedTarget } from '../../domain/types';
import { kpiAttrs } from '../panels/kpi-attrs';
import { indicatorName } from '../panels/labels';
import { AreaLine, GapText, RowDetail, RowStatus, gapIsShort, requirementText } from './row-parts';
import { parseSort } from './sort-rows';
import { COLUMNS } from './table-columns';

/** Orders a phone reader can pick; each column of the table, both ways. */
const SORTABLE = ['status', 'gap', 'attainment', 'actual', 'indicator', 'area', 'doc'] as const;

export function TargetCards({ rows, selected, onSelect }: { rows: readonly JudgedTarget[]; selected: string | null; onSelect: (id: string) => void }) {
  const { i18n, state, setState } = useDashboard();
  const { lang } = i18n;
  const sort = parseSort(state.sort);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const label = (key: (typeof SORTABLE)[number]) => i18n.t(key === 'indicator' ? 'indicator' : COLUMNS.find((c) => c.key === key)!.label);
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const folded = COLUMNS.filter((c) => ['pace', 'attainment', 'pace_gap'].includes(c.key));

  return (
    <>
      <label className="card-sort">
        <span className="filter-label">{i18n.t('sortBy')}</span>
        <select name="sort" value={`${sort.desc ? '-' : ''}${sort.key}`} onChange={(e) => setState({ sort: e.target.value === 'status' ? null : e.target.value })}>
          {SORTABLE.flatMap((k) => [
            <option key={k} value={k}>
              {label(k)} ↑
            </option>,
            <option key={`-${k}`} value={`-${k}`}>
              {label(k)} ↓
            </option>,
          ])}
        </select>
      </label>
      <ol className="target-cards">
        {rows.map((j) => {
          const key = judgedKey(j);
          const isOpen = open.has(key);
          const isSel = selected === key;
          return (
            <li key={key} {...kpiAttrs(j)} data-row={key} className={`card card-${j.judgement.status}${isSel ? ' selected' : ''}`}>
              <button type="button" className="row-select card-name" onClick={() => onSelect(key)} aria-pressed={isSel}>
                <span className="row-name">{indicatorName(j.indicator, lang)}</span>
              </button>
              <p className="card-area">
                <AreaLine judged={j} />
              </p>
              <div className="card-figures">
                <span className="card-actual" data-col="actual">
                  {figuresOf(j, lang).actual}
                </span>
                <span className="card-target" data-col="target">
                  {i18n.t('target')} {requirementText(j, i18n)}
                </span>
              </div>
              <div className="card-foot">
                <span className="status-cell" data-col="status">
                  <RowStatus judged={j} />
                </span>
                <span className={`card-gap gap${gapIsShort(j) ? ' neg' : ''}`} data-col="gap">
                  <span className="card-gap-label">{i18n.t('gapTarget')}</span> <GapText judged={j} to="target" />
                </span>
              </div>
              <button type="button" className="row-expand card-more" aria-expanded={isOpen} onClick={() => toggle(key)}>
                {isOpen ? '▾' : '▸'} {i18n.t('details')}
              </button>
              {isOpen && (
                <div className="card-detail" data-expanded={key}>
                  <RowDetail judged={j} columns={folded} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
