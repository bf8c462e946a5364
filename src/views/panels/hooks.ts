/** Query hooks of the panels: each wraps one model function in TanStack Query with a factory key. */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDashboard } from '../../app/dashboard-context';
import { queryKeys } from '../../app/query-keys';
import { childActuals, judgeDistricts, judgeTargets, monthlySeries, priorYearSeries, type JudgedTarget } from '../../data/model';
import type { Target } from '../../domain/types';

/** Targets of the year; 'city' = targets set for the top-level area(s), 'filtered' = the area filter. */
export function useJudgedTargets(scope: 'city' | 'filtered') {
  const d = useDashboard();
  const { catalog, year, areas, asOf, engine, state, version } = d;
  return useQuery({
    queryKey: queryKeys.judged(state.data, version, { asOf, year, areas: scope === 'city' ? [] : areas, scope }),
    queryFn: () => {
      const roots = new Set(catalog.areas.filter((a) => a.level === 'city' || a.parentCode == null).map((a) => a.areaCode));
      const pick = (t: Target) =>
        t.year === year && (scope === 'city' ? roots.has(t.areaCode) : areas.length === 0 || areas.includes(t.areaCode));
      return judgeTargets(engine, catalog, catalog.targets.filter(pick), asOf);
    },
    placeholderData: keepPreviousData,
  });
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
  const { engine, catalog, year, asOf, state, version } = useDashboard();
  return useQuery({
    queryKey: ['districts', state.data ?? 'bundled', version, asOf, year] as const,
    queryFn: async () => {
      const all = await judgeTargets(engine, catalog, catalog.targets.filter((t) => t.year === year), asOf);
      return judgeDistricts(engine, catalog, all, asOf);
    },
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
