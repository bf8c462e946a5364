/** Everything the wall pages read, in one query: the year's targets judged, and each district's summary. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDashboard } from '../../app/dashboard-context';
import { judgeYear, type DistrictSummary, type JudgedTarget } from '../../data/model';

export interface WallData {
  /** Every target of the year, judged. */
  all: JudgedTarget[];
  /** Targets set for the city (the top-level area). */
  city: JudgedTarget[];
  districts: DistrictSummary[];
}

export function useWallData() {
  const { engine, catalog, year, asOf, state, version } = useDashboard();
  return useQuery({
    queryKey: ['wall', state.data ?? 'bundled', version, asOf, year] as const,
    queryFn: async (): Promise<WallData> => {
      const { all, districts } = await judgeYear(engine, catalog, year, asOf);
      const roots = new Set(catalog.areas.filter((a) => a.level === 'city' || a.parentCode == null).map((a) => a.areaCode));
      return { all, city: all.filter((j) => roots.has(j.target.areaCode)), districts };
    },
    placeholderData: keepPreviousData,
  });
}
