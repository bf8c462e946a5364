/**
 * Every filter of the workbench, all in the URL: a search box (indicator, document, owner), areas
 * (city → district → the towns and zones that have targets or figures), year (each with the count
 * the list would show), as-of month, indicator group, source document, 责任单位 and status (each
 * with its count, or projected to miss, 预计未达标); one control clears them all. On a phone the
 * filters other than search open in a sheet.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { formatPeriod } from '../../domain/period';
import { ownerUnits } from '../../domain/owners';
import { matchesStatusFilter, PROJECTED_MISSED, STATUS_FILTERS } from '../../domain/projection';
import type { Area } from '../../domain/types';
import { useAreasWithData, useFilteredTargets } from '../panels/hooks';
import { areaName } from '../panels/labels';
import { yearCounts } from '../panels/target-filter';

/** Areas in tree order (city, then each district followed by its towns and zones). */
function treeOrder(areas: readonly Area[]): { area: Area; depth: number }[] {
  const children = new Map<string | null, Area[]>();
  for (const a of areas) children.set(a.parentCode, [...(children.get(a.parentCode) ?? []), a]);
  const out: { area: Area; depth: number }[] = [];
  const codes = new Set(areas.map((a) => a.areaCode));
  const walk = (parent: string | null, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      out.push({ area: a, depth });
      walk(a.areaCode, depth + 1);
    }
  };
  walk(null, 0);
  // Areas whose parent is unknown still appear, at the top level.
  for (const a of areas) if (a.parentCode && !codes.has(a.parentCode) && !out.some((o) => o.area === a)) out.push({ area: a, depth: 0 });
  return out;
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The search box: typed text reaches the URL (and the list) after a short pause. */
function SearchBox() {
  const { i18n, state, setState } = useDashboard();
  const [text, setText] = useState(state.q);
  useEffect(() => setText(state.q), [state.q]);
  useEffect(() => {
    if (text === state.q) return;
    const t = window.setTimeout(() => setState({ q: text.trim() === '' ? '' : text, target: null }), 250);
    return () => window.clearTimeout(t);
  }, [text, state.q, setState]);
  return (
    <label className="search">
      <span className="filter-label">{i18n.t('search')}</span>
      <input type="search" name="q" value={text} placeholder={i18n.t('searchPlaceholder')} maxLength={100} onChange={(e) => setText(e.target.value)} />
    </label>
  );
}

export function Filters() {
  const { catalog, i18n, year, areas, state, setState, asOf } = useDashboard();
  const { lang } = i18n;
  const id = useId();
  const [sheetOpen, setSheetOpen] = useState(false);
  // The area list closes, as a drop-down does, on a press outside it or on Escape.
  const picker = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = picker.current;
      if (el?.open && (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node))) el.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const { unfiltered } = useFilteredTargets();
  const withData = useAreasWithData();
  const years = useMemo(() => yearCounts(catalog, areas, state), [catalog, areas, state]);
  const statusCounts = useMemo(() => new Map(STATUS_FILTERS.map((s) => [s, unfiltered.filter((r) => matchesStatusFilter(r, [s])).length])), [unfiltered]);
  const withTargets = useMemo(() => new Set(catalog.targets.filter((t) => t.year === year).map((t) => t.areaCode)), [catalog.targets, year]);
  const tree = useMemo(() => {
    const offered = new Set([...withTargets, ...(withData.data ?? []), ...areas]);
    return treeOrder(catalog.areas).filter((n) => n.depth <= 1 || offered.has(n.area.areaCode));
  }, [catalog.areas, withTargets, withData.data, areas]);
  const groups = useMemo(() => {
    const seen = new Map<string, string>();
    for (const ind of catalog.indicators) if (ind.groupZh && !seen.has(ind.groupZh)) seen.set(ind.groupZh, lang === 'en' ? (ind.groupEn ?? ind.groupZh) : ind.groupZh);
    return [...seen.entries()];
  }, [catalog.indicators, lang]);
  const docs = useMemo(() => [...new Set(catalog.targets.filter((t) => t.year === year).map((t) => t.docId))], [catalog.targets, year]);
  // The units named as 责任单位 by the year's targets, and any chosen in the URL that are not among them.
  const owners = useMemo(() => {
    const units = new Set(catalog.targets.filter((t) => t.year === year).flatMap((t) => ownerUnits(t.owner)));
    return [...new Set([...state.owners, ...[...units].sort(new Intl.Collator('zh-CN').compare)])];
  }, [catalog.targets, year, state.owners]);
  const areaSummary = areas.length === 0 ? i18n.t('allAreas') : areas.map((a) => areaName(catalog.areaByCode.get(a), lang)).join('、');
  const active = areas.length + state.groups.length + state.docs.length + state.statuses.length + state.owners.length;
  const filtered = active > 0 || state.year != null || state.asof != null || state.q !== '';

  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={i18n.t('filters')}>
      <SearchBox />
      <button type="button" className="filters-toggle" aria-expanded={sheetOpen} aria-controls={`${id}-sheet`} onClick={() => setSheetOpen(true)}>
        {i18n.t('filtersOpen')}
        {active > 0 ? ` · ${active}` : ''}
      </button>
      <div className={`filter-sheet${sheetOpen ? ' open' : ''}`} id={`${id}-sheet`}>
        <div className="sheet-head">
          <strong>{i18n.t('filtersOpen')}</strong>
          <button type="button" className="sheet-done" onClick={() => setSheetOpen(false)}>
            {i18n.t('filtersDone')}
          </button>
        </div>
        <details className="area-picker" data-filter="area" ref={picker}>
          <summary>
            <span className="filter-label">{i18n.t('area')}</span> <span className="filter-value">{areaSummary}</span>
          </summary>
          <fieldset>
            <legend className="visually-hidden">{i18n.t('area')}</legend>
            {tree.map(({ area, depth }) => (
              <label key={area.areaCode} style={{ paddingLeft: `${depth * 1.1}em` }} className={withTargets.has(area.areaCode) ? '' : 'muted'} data-level={area.level}>
                <input
                  type="checkbox"
                  name="area"
                  value={area.areaCode}
                  checked={areas.includes(area.areaCode)}
                  onChange={() => setState({ areas: toggle(areas, area.areaCode), target: null })}
                />
                {areaName(area, lang)}
              </label>
            ))}
          </fieldset>
        </details>
        <label>
          <span className="filter-label">{i18n.t('year')}</span>
          <select name="year" value={year} onChange={(e) => setState({ year: Number(e.target.value), target: null })}>
            {!years.some((y) => y.year === year) && <option value={year}>{year}</option>}
            {years.map((y) => (
              <option key={y.year} value={y.year} data-count={y.count}>
                {y.year}（{i18n.t('count', { n: y.count })}）
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="filter-label">{i18n.t('asOf')}</span>
          <input
            type="month"
            name="asof"
            value={formatPeriod(asOf)}
            max={catalog.latestIdx != null ? formatPeriod(catalog.latestIdx) : undefined}
            onChange={(e) => setState({ asof: e.target.value || null })}
          />
        </label>
        <label>
          <span className="filter-label">{i18n.t('group')}</span>
          <select name="group" value={state.groups[0] ?? ''} onChange={(e) => setState({ groups: e.target.value ? [e.target.value] : [], target: null })}>
            <option value="">{i18n.t('all')}</option>
            {groups.map(([zh, label]) => (
              <option key={zh} value={zh}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="filter-label">{i18n.t('document')}</span>
          <select name="doc" value={state.docs[0] ?? ''} onChange={(e) => setState({ docs: e.target.value ? [e.target.value] : [], target: null })}>
            <option value="">{i18n.t('all')}</option>
            {docs.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {owners.length > 0 && (
          <label>
            <span className="filter-label">{i18n.t('owner')}</span>
            <select name="owner" value={state.owners[0] ?? ''} onChange={(e) => setState({ owners: e.target.value ? [e.target.value] : [], target: null })}>
              <option value="">{i18n.t('all')}</option>
              {owners.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="status-filter" data-filter="status">
          <legend className="filter-label">{i18n.t('status')}</legend>
          {STATUS_FILTERS.map((s) => (
            <label key={s} htmlFor={`${id}-${s}`}>
              <input
                id={`${id}-${s}`}
                type="checkbox"
                name="status"
                value={s}
                checked={state.statuses.includes(s)}
                onChange={() => setState({ statuses: toggle(state.statuses, s), target: null })}
              />
              <span className="status-choice">{s === PROJECTED_MISSED ? i18n.t('filterProjectedMissed') : i18n.status(s)}</span>
              <span className="status-count" data-status-count={s}>
                {statusCounts.get(s)}
              </span>
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="clear-filters"
          data-clear-filters=""
          disabled={!filtered}
          onClick={() => setState({ areas: [], groups: [], docs: [], statuses: [], owners: [], year: null, asof: null, target: null, sort: null, q: '' })}
        >
          {i18n.t('clearFilters')}
        </button>
      </div>
      {sheetOpen && <div className="sheet-backdrop" aria-hidden="true" onClick={() => setSheetOpen(false)} />}
    </form>
  );
}
