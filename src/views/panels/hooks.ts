/** Query hooks of the panels: each wraps one model function in TanStack Query with a factory key. */
import { useMemo } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDashboard, type Dashboard } from '../../app/dashboard-context';
import { queryKeys } from '../../app/query-keys';
import { childActuals, judgeDistricts, judgeTargets, monthlySeries, priorYearSeries, type JudgedTarget } from '../../data/model';
import type { Target } from '../../domain/types';

/** The query of the year's targets for `areas` (all when empty); 'city' = those set for the top-level area(s). */
function judgedYearOptions(d: Dashboard, scope: 'city' | 'filtered', areas: string[]) {
  const { catalog, year, asOf, engine, state, version } = d;
  return {
    queryKey: queryKeys.judged(state.data, version, { asOf, year, areas, scope }),
    queryFn: () => {
      const roots = new Set(catalog.areas.filter((a) => a.level === 'city' || a.parentCode == null).map((a) => a.areaCode));
      const pick = (t: Target) =>
        t.year === year && (scope === 'city' ? roots.has(t.areaCode) : areas.length === 0 || areas.includes(t.areaCode));
      return judgeTargets(engine, catalog, catalog.targets.filter(pick), asOf);
    },
  };
}

/** Targets of the year; 'city' = targets set for the top-level area(s), 'filtered' = the area filter. */
export function useJudgedTargets(scope: 'city' | 'filtered') {
  const d = useDashboard();
  return useQuery({ ...judgedYearOptions(d, scope, scope === 'city' ? [] : d.areas), placeholderData: keepPreviousData });
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

/**
 * Each district against what applies to it this year (for the map and cross-filtering). It reads
 * the year's judged targets through the same query (same key) as an unfiltered table, so an
 * analyst without an area filter judges them once, not twice.
 */
export function useDistrictSummaries() {
  const d = useDashboard();
  const client = useQueryClient();
  const { engine, catalog, year, asOf, state, version } = d;
  return useQuery({
    queryKey: ['districts', state.data ?? 'bundled', version, asOf, year] as const,
    queryFn: async () => judgeDistricts(engine, catalog, await client.ensureQueryData(judgedYearOptions(d, 'filtered', [])), asOf),
    placeholderData: keepPreviousData,
  });
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
