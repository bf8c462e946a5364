/** Query hooks of the panels: each wraps one model function in TanStack Query with a factory key. */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDashboard } from '../../app/dashboard-context';
import { queryKeys } from '../../app/query-keys';
import { childActuals, judgeYear, monthlySeries, priorYearSeries, rootCodes, type JudgedTarget } from '../../data/model';

/**
 * The year's targets judged and each district's summary, in one database query that every panel
 * of a page shares: the table, the briefing and the map read it, and an area filter only selects
 * from it (targets are judged one by one, so a subset judges the same).
 */
export function useJudgedYear() {
  const { engine, catalog, year, asOf, state, version } = useDashboard();
  return useQuery({
    queryKey: queryKeys.judged(state.data, version, { asOf, year }),
    queryFn: () => judgeYear(engine, catalog, year, asOf),
    placeholderData: keepPreviousData,
  });
}

/** Targets of the year; 'city' = targets set for the top-level area(s), 'filtered' = the area filter. */
export function useJudgedTargets(scope: 'city' | 'filtered') {
  const { catalog, areas } = useDashboard();
  const year = useJudgedYear();
  const data = useMemo(() => {
    const all = year.data?.all;
    if (!all) return undefined;
    if (scope === 'city') {
      const roots = rootCodes(catalog);
      return all.filter((j) => roots.has(j.target.areaCode));
    }
    return areas.length === 0 ? all : all.filter((j) => areas.includes(j.target.areaCode));
  }, [year.data, scope, catalog, areas]);
  return { ...year, data };
}

export function useMonthlySeries(judged: JudgedTarget | null) {
  const { engine, asOf, state, version } = useDashboard();
  return useQuery({
    queryKey: queryKeys.series(state.data, version, judged?.target.targetId ?? '', asOf),
    queryFn: () => monthlySeries(engine, judged!, asOf),
    enabled: judged != null,
    placeholderData: keepPreviousData,
  });
}

export function useChildActuals(judged: JudgedTarget | null) {
  const { engine, catalog, asOf, state, version } = useDashboard();
  return useQuery({
    queryKey: queryKeys.children(state.data, version, judged?.target.targetId ?? '', asOf),
    queryFn: () => childActuals(engine, catalog, judged!, asOf),
    enabled: judged != null,
    placeholderData: keepPreviousData,
  });
}

export function usePriorYearSeries(judged: JudgedTarget | null) {
  const { engine, asOf, state, version } = useDashboard();
  return useQuery({
    queryKey: ['prior', state.data ?? 'bundled', version, judged?.target.targetId ?? '', asOf] as const,
    queryFn: () => priorYearSeries(engine, judged!, asOf),
    enabled: judged != null,
    placeholderData: keepPreviousData,
  });
}

/** Each district against what applies to it this year (for the map and cross-filtering). */
export function useDistrictSummaries() {
  const year = useJudgedYear();
  return { ...year, data: year.data?.districts };
}

/** The analyst's rows: the year's targets for the area filter, then group, document and status. */
export function useFilteredTargets() {
  const { state } = useDashboard();
  const judged = useJudgedTargets('filtered');
  const rows = useMemo(
    () =>
      (judged.data ?? []).filter(
        (r) =>
          (state.groups.length === 0 || state.groups.includes(r.indicator.groupZh ?? '')) &&
          (state.docs.length === 0 || state.docs.includes(r.target.docId)) &&
          (state.statuses.length === 0 || state.statuses.includes(r.judgement.status)),
      ),
    [judged.data, state.groups, state.docs, state.statuses],
  );
  return { rows, isPending: judged.isPending };
}
