/** Everything the wall pages read: the year's judgement the other views share, plus the city's own targets. */
import { useMemo } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { rootCodes } from '../../domain/areas';
import type { DistrictSummary, JudgedTarget } from '../../domain/types';
import { useJudgedYear } from '../panels/hooks';

export interface WallData {
  /** Every target of the year, judged. */
  all: JudgedTarget[];
  /** Targets set for the city (the top-level area). */
  city: JudgedTarget[];
  districts: DistrictSummary[];
}

export function useWallData() {
  const { catalog } = useDashboard();
  const year = useJudgedYear();
  const data = useMemo((): WallData | undefined => {
    if (!year.data) return undefined;
    const roots = rootCodes(catalog.areas);
    return { ...year.data, city: year.data.all.filter((j) => roots.has(j.target.areaCode)) };
  }, [year.data, catalog]);
  return { ...year, data };
}
