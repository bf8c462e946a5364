/**
 * The list of targets as the screen allows it (a table that fits its panel, cards on a phone),
 * and what the list cannot show by itself: why it is empty (and the nearest year that has targets
 * for the areas chosen), and, for a district opened from the map, the targets set for the areas
 * below it that count in its status there.
 */
import { useDashboard } from '../../app/dashboard-context';
import type { DistrictSummary, JudgedTarget } from '../../domain/types';
import { readingOf } from '../../domain/status';
import { areaName, indicatorName } from '../panels/labels';
import { StatusIcon } from '../panels/StatusBadge';
import { listedInYear, nearestYearWithTargets } from '../panels/target-filter';
import { TargetTable } from './TargetTable';
import { useChunk } from './use-chunk';
import { usePhone } from './use-phone';

export function TargetList({
  rows,
  selected,
  onSelect,
  district,
}: {
  /** Sorted, as on screen. */
  rows: readonly JudgedTarget[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** The district's summary when the area filter is one district (the map's view of it). */
  district: DistrictSummary | null;
}) {
  const phone = usePhone();
  // The cards load on a phone only.
  const cards = useChunk('target-cards', () => import('./TargetCards'), phone);
  return (
    <>
      {rows.length === 0 ? (
        <EmptyList />
      ) : phone ? (
        cards && <cards.TargetCards rows={rows} selected={selected} onSelect={onSelect} />
      ) : (
        <TargetTable rows={rows} selected={selected} onSelect={onSelect} />
      )}
      {district && <BelowNote summary={district} />}
    </>
  );
}

/** An empty list says why: the areas have no targets that year (and which year has), or the other filters exclude them all. */
function EmptyList() {
  const { i18n, catalog, year, areas, state, setState } = useDashboard();
  const names = areas.map((a) => areaName(catalog.areaByCode.get(a), i18n.lang)).join('、');
  const forAreas = areas.length > 0 ? listedInYear(catalog, year, areas, { groups: [], docs: [], q: '' }).length : catalog.targets.filter((t) => t.year === year).length;
  if (areas.length > 0 && forAreas === 0) {
    const nearest = nearestYearWithTargets(catalog, year, areas);
    return (
      <div className="empty" data-empty="area">
        <p>{i18n.t('emptyArea', { areas: names, year })}</p>
        {nearest && (
          <button type="button" className="link-button" data-nearest-year={nearest.year} onClick={() => setState({ year: nearest.year, target: null })}>
            {i18n.t('nearestYear', { year: nearest.year, n: nearest.count })}
          </button>
        )}
      </div>
    );
  }
  const which = [
    state.groups.length > 0 && i18n.t('group'),
    state.docs.length > 0 && i18n.t('document'),
    state.statuses.length > 0 && i18n.t('status'),
    state.q !== '' && i18n.t('search'),
  ].filter((x): x is string => !!x);
  if (which.length === 0) return <p className="empty" data-empty="year">{i18n.t('noTargets')}</p>;
  return (
    <div className="empty" data-empty="filters">
      <p>{i18n.t('emptyFiltered', { year, total: forAreas, filters: which.join(i18n.lang === 'zh' ? '、' : ', ') })}</p>
      <button type="button" className="link-button" onClick={() => setState({ groups: [], docs: [], statuses: [], q: '', target: null })}>
        {i18n.t('clearTheseFilters')}
      </button>
    </div>
  );
}

/**
 * The map colours a district by its own targets, those set for its towns and zones, and those it
 * inherits. The list of the district shows its own and inherited ones (the contract's area
 * filter); the ones set below it are named here, with their status, and can be listed too.
 */
function BelowNote({ summary }: { summary: DistrictSummary }) {
  const { i18n, areas, setState } = useDashboard();
  const below = summary.items.filter((i) => i.source === 'own' && i.area.areaCode !== summary.area.areaCode);
  if (below.length === 0) return null;
  const codes = [...new Set(below.map((i) => i.area.areaCode))];
  const names = codes.map((c) => areaName(below.find((i) => i.area.areaCode === c)!.area, i18n.lang)).join('、');
  return (
    <div className="below-note" data-below-targets={below.length}>
      <p>{i18n.t('subAreaTargets', { n: below.length, areas: names, district: areaName(summary.area, i18n.lang) })}</p>
      <ul>
        {below.map((i) => (
          <li key={i.target.targetId} data-status={i.judgement.status}>
            <StatusIcon status={i.judgement.status} /> {areaName(i.area, i18n.lang)} · {indicatorName(i.indicator, i18n.lang)} · {i18n.reading(readingOf(i)).word}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => setState({ areas: [...new Set([...areas, ...codes])], target: null })}>
        {i18n.t('subAreaShow')}
      </button>
    </div>
  );
}
