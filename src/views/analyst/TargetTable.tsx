/**
 * Every target that matches the filters, as a table that fits its panel: sortable columns, status
 * in icon and word, the gaps to target and to pace, and a row that expands to the document, clause
 * and sentence, and to the columns that folded away on a narrow panel (table-columns.tsx,
 * use-fit-columns.ts). Rows carry the contract's data-kpi attributes. Beyond a few hundred rows the
 * table renders only what is in view (the data-kpi hooks then live in a hidden list, so every
 * target stays readable).
 */
import { Fragment, useRef, useState, type UIEvent } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import type { JudgedTarget } from '../../domain/types';
import { judgedKey } from '../../domain/binding';
import { kpiAttrs } from '../panels/kpi-attrs';
import { indicatorName } from '../panels/labels';
import { AreaLine, RowDetail } from './row-parts';
import { parseSort, type SortKey } from './sort-rows';
import { COLUMNS, FOLD_STEPS, NAME_FOLD_STEPS, type Column } from './table-columns';
import { useFitColumns } from './use-fit-columns';

/** Above this many rows the table is virtualised. */
export const VIRTUALISE_ABOVE = 300;
const ROW_PX = 52;
const EXPANDED_PX = 160;
const VIEWPORT_PX = 640;

export function TargetTable({
  rows,
  selected,
  onSelect,
}: {
  /** Already sorted (sort-rows.ts), as on screen. */
  rows: readonly JudgedTarget[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { i18n, state, setState } = useDashboard();
  const { lang } = i18n;
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const sort = parseSort(state.sort);
  const virtual = rows.length > VIRTUALISE_ABOVE;
  const [scrollTop, setScrollTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const tableEl = useRef<HTMLTableElement>(null);
  const fit = useFitColumns(box, tableEl, FOLD_STEPS, NAME_FOLD_STEPS, `${lang}|${rows.length}|${rows.map(judgedKey).join(',')}`);
  const isFolded = (c: Column) => c.fold != null && c.fold <= fit.folded;
  const shown = COLUMNS.filter((c) => !isFolded(c));
  // Folded columns other than the area (it moves under the name) and the document (the expanded
  // row quotes it anyway) are listed in the expanded row.
  const foldedCols = COLUMNS.filter((c) => isFolded(c) && c.key !== 'area' && c.key !== 'doc');
  const areaFolded = COLUMNS.some((c) => c.key === 'area' && isFolded(c));
  const span = shown.length + 1;

  const heights = rows.map((j) => (expanded.has(judgedKey(j)) ? ROW_PX + EXPANDED_PX : ROW_PX));
  let first = 0;
  let last = rows.length;
  let before = 0;
  let after = 0;
  if (virtual) {
    let y = 0;
    first = rows.length;
    for (let i = 0; i < rows.length; i++) {
      const h = heights[i]!;
      if (y + h > scrollTop - 400 && first === rows.length) {
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

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    const next = active && !sort.desc ? `-${key}` : key;
    return (
      <th key={key} scope="col" className={numeric ? 'num' : undefined} data-col={key} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
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

  const body = rows.slice(first, last).map((j) => {
    const { indicator } = j;
    const key = judgedKey(j);
    const isSel = selected === key;
    const open = expanded.has(key);
    const name = indicatorName(indicator, lang);
    return (
      <Fragment key={key}>
        <tr {...(virtual ? {} : kpiAttrs(j))} data-row={key} aria-selected={isSel} className={isSel ? 'selected' : undefined}>
          <th scope="row" data-col="indicator">
            <div className="row-head">
              <button type="button" className="row-expand" aria-expanded={open} aria-label={open ? i18n.t('collapse') : i18n.t('expand')} onClick={() => toggle(key)}>
                {open ? '▾' : '▸'}
              </button>
              <button type="button" className="row-select" onClick={() => onSelect(key)} aria-pressed={isSel} title={name}>
                <span className="row-name">{name}</span>
              </button>
              {areaFolded && (
                <span className="row-area">
                  <AreaLine judged={j} />
                </span>
              )}
            </div>
          </th>
          {shown.map((c) => (
            <td key={c.key} data-col={c.key} className={[c.numeric ? 'num' : '', c.className?.(j) ?? ''].join(' ').trim() || undefined}>
              {c.cell(j, i18n)}
            </td>
          ))}
        </tr>
        {open && (
          <tr className="expanded" data-expanded={key}>
            <td colSpan={span}>
              <RowDetail judged={j} columns={foldedCols} />
            </td>
          </tr>
        )}
      </Fragment>
    );
  });

  return (
    <>
      <div
        ref={box}
        className={`table-fit${virtual ? ' table-scroller' : ''}${fit.overflowing ? ' overflowing' : ''}`}
        data-folded-columns={COLUMNS.filter(isFolded).map((c) => c.key).join(' ')}
        style={virtual ? { maxHeight: VIEWPORT_PX } : undefined}
        onScroll={virtual ? (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop) : undefined}
        data-virtual={virtual ? rows.length : undefined}
      >
        <table className="targets" ref={tableEl}>
          <caption className="visually-hidden">{i18n.t('tableCaption')}</caption>
          <thead>
            <tr>
              {header('indicator', i18n.t('indicator'))}
              {shown.map((c) => header(c.key, i18n.t(c.label), c.numeric))}
            </tr>
          </thead>
          <tbody>
            {virtual && before > 0 && (
              <tr aria-hidden="true" style={{ height: before }}>
                <td colSpan={span} />
              </tr>
            )}
            {body}
            {virtual && after > 0 && (
              <tr aria-hidden="true" style={{ height: after }}>
                <td colSpan={span} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {virtual && (
        <>
          <p className="count">{i18n.t('rowsTotal', { n: rows.length })}</p>
          <div hidden data-kpi-list="">
            {rows.map((j) => (
              <span key={judgedKey(j)} {...kpiAttrs(j)} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
