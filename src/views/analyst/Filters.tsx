/**
 * Every filter of the workbench, all in the URL: areas (city → district → town, several at once),
 * year, as-of month, indicator group, source document and status (or projected to miss, 预计未达标);
 * one control clears them all.
 */
import { useId, useMemo } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { formatPeriod } from '../../domain/period';
import { yearsWithTargets } from '../../domain/resolve';
import { PROJECTED_MISSED, STATUS_FILTERS } from '../../domain/projection';
import type { Area } from '../../domain/types';
import { areaName } from '../panels/labels';

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

export function Filters() {
  const { catalog, i18n, year, areas, state, setState, asOf } = useDashboard();
  const { lang } = i18n;
  const id = useId();
  const years = yearsWithTargets(catalog.targets);
  const withTargets = useMemo(() => new Set(catalog.targets.map((t) => t.areaCode)), [catalog.targets]);
  const tree = useMemo(() => treeOrder(catalog.areas).filter((n) => withTargets.has(n.area.areaCode) || n.depth <= 1), [catalog.areas, withTargets]);
  const groups = useMemo(() => {
    const seen = new Map<string, string>();
    for (const ind of catalog.indicators) if (ind.groupZh && !seen.has(ind.groupZh)) seen.set(ind.groupZh, lang === 'en' ? (ind.groupEn ?? ind.groupZh) : ind.groupZh);
    return [...seen.entries()];
  }, [catalog.indicators, lang]);
  const docs = useMemo(() => [...new Set(catalog.targets.filter((t) => t.year === year).map((t) => t.docId))], [catalog.targets, year]);
  const areaSummary =
    areas.length === 0 ? i18n.t('allAreas') : areas.map((a) => areaName(catalog.areaByCode.get(a), lang)).join('、');
  const filtered = areas.length + state.groups.length + state.docs.length + state.statuses.length > 0 || state.year != null || state.asof != null;

  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={i18n.t('filters')}>
      <details className="area-picker" data-filter="area">
        <summary>
          <span className="filter-label">{i18n.t('area')}</span> <span className="filter-value">{areaSummary}</span>
        </summary>
        <fieldset>
          <legend className="visually-hidden">{i18n.t('area')}</legend>
          {tree.map(({ area, depth }) => (
            <label key={area.areaCode} style={{ paddingLeft: `${depth * 1.1}em` }} className={withTargets.has(area.areaCode) ? '' : 'muted'}>
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
            <option key={y.year} value={y.year}>
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
            {s === PROJECTED_MISSED ? i18n.t('filterProjectedMissed') : i18n.status(s)}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="clear-filters"
        data-clear-filters=""
        disabled={!filtered}
        onClick={() => setState({ areas: [], groups: [], docs: [], statuses: [], year: null, asof: null, target: null, sort: null })}
      >
        {i18n.t('clearFilters')}
      </button>
    </form>
  );
}
