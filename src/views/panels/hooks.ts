/** Query hooks of the panels: each is one read of app/reads.ts, scoped to the dashboard's data and filters. */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDashboard } from '../../app/dashboard-context';
import { childrenQuery, judgedYearQuery, priorSeriesQuery, seriesQuery } from '../../app/reads';
import type { JudgedTarget } from '../../domain/types';

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

/** Each district against what binds it this year (for the map and cross-filtering). */
export function useDistrictSummaries() {
  const year = useJudgedYear();
  return { ...year, data: year.data?.districts };
}

/**
 * The analyst's rows: every target of the year, or with an area filter the targets set for those
 * areas and the rate targets they inherit (domain/binding.ts); then group, document and status.
 */
export function useFilteredTargets() {
  const { state, areas } = useDashboard();
  const year = useJudgedYear();
  const rows = useMemo(
    () =>
      (areas.length === 0 ? (year.data?.all ?? []) : [...(year.data?.all ?? []), ...(year.data?.inherited ?? [])]).filter(
        (r) =>
          (areas.length === 0 || areas.includes(r.area.areaCode)) &&
          (state.groups.length === 0 || state.groups.includes(r.indicator.groupZh ?? '')) &&
          (state.docs.length === 0 || state.docs.includes(r.target.docId)) &&
          (state.statuses.length === 0 || state.statuses.includes(r.judgement.status)),
      ),
    [year.data, areas, state.groups, state.docs, state.statuses],
  );
  return { rows, isPending: year.isPending };
}
