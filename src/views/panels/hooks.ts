/** Query hooks of the panels: each is one read of app/reads.ts, scoped to the dashboard's data and filters. */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDashboard } from '../../app/dashboard-context';
import { areasWithDataQuery, childrenQuery, judgedYearQuery, priorSeriesQuery, seriesQuery } from '../../app/reads';
import { matchesStatusFilter } from '../../domain/projection';
import type { JudgedTarget } from '../../domain/types';
import { targetFilter } from './target-filter';

/**
 * While a read runs, the panel keeps the previous result on screen; not while DuckDB is starting,
 * when a read not prepared waits seconds: an older figure under a new filter would be a wrong one.
 */
const keepWhileEngineRuns = (engineReady: boolean) => (engineReady ? keepPreviousData : undefined);

/**
 * The year's targets judged and each district's summary, in one database query that every panel
 * of a page shares: the table, the briefing and the map read it, and an area filter only selects
 * from it (targets are judged one by one, so a subset judges the same).
 */
export function useJudgedYear() {
  const d = useDashboard();
  return useQuery({ ...judgedYearQuery(d, d.year, d.asOf), placeholderData: keepWhileEngineRuns(d.engineReady) });
}

export function useMonthlySeries(judged: JudgedTarget | null) {
  const d = useDashboard();
  return useQuery({ ...seriesQuery(d, judged, d.asOf), placeholderData: keepWhileEngineRuns(d.engineReady) });
}

export function useChildActuals(judged: JudgedTarget | null) {
  const d = useDashboard();
  return useQuery({ ...childrenQuery(d, judged, d.asOf), placeholderData: keepWhileEngineRuns(d.engineReady) });
}

export function usePriorYearSeries(judged: JudgedTarget | null) {
  const d = useDashboard();
  return useQuery({ ...priorSeriesQuery(d, judged, d.asOf), placeholderData: keepWhileEngineRuns(d.engineReady) });
}

/** The codes of the areas with figures of their own in the year shown (the area picker offers towns that have some). */
export function useAreasWithData() {
  const d = useDashboard();
  return useQuery({ ...areasWithDataQuery(d, d.year), placeholderData: keepPreviousData });
}

/** Each district against what binds it this year (for the map and cross-filtering). */
export function useDistrictSummaries() {
  const year = useJudgedYear();
  return { ...year, data: year.data?.districts };
}

/**
 * The analyst's rows: every target of the year, or with an area filter the targets set for those
 * areas and the rate targets they inherit (domain/binding.ts); then group, document, owner and
 * search (target-filter.ts), and status (or projected to miss, domain/projection.ts). `unfiltered`:
 * the same before the status filter (what the status choices count).
 */
export function useFilteredTargets() {
  const { state, areas } = useDashboard();
  const year = useJudgedYear();
  const unfiltered = useMemo(() => {
    const keep = targetFilter(state);
    return (areas.length === 0 ? (year.data?.all ?? []) : [...(year.data?.all ?? []), ...(year.data?.inherited ?? [])]).filter(
      (r) => (areas.length === 0 || areas.includes(r.area.areaCode)) && keep(r.target, r.indicator),
    );
  }, [year.data, areas, state]);
  const rows = useMemo(
    () => unfiltered.filter((r) => matchesStatusFilter(r, state.statuses)),
    [unfiltered, state.statuses],
  );
  return { rows, unfiltered, isPending: year.isPending };
}
