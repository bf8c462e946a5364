/**
 * The districts as a map coloured by status (a tile grid, or licensed boundaries when the data
 * folder has them); a click selects a district. Shared by the wall and the analyst view.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDashboard } from '../../app/dashboard-context';
import { buildGeoMapOption, buildTileMapOption, type MapCell } from '../../charts/build-tile-map-option';
import { EChart } from '../../charts/EChart';
import type { ChartTheme } from '../../charts/theme';
import { formatCount } from '../../domain/format';
import { STATUSES, type DistrictSummary, type Status } from '../../domain/types';
import { areaName } from './labels';

/** The name the boundaries are registered under with ECharts. */
const GEO_MAP_NAME = 'dashboard-areas';

/** The 16 districts as a tile map coloured by status; a click opens the district's page. */
export function MapPanel({
  summaries,
  selected,
  onSelect,
  name,
  theme,
}: {
  summaries: DistrictSummary[];
  selected?: string | null;
  onSelect?: (areaCode: string) => void;
  name: string;
  theme: ChartTheme;
}) {
  const { i18n, geo, state, loadedAt } = useDashboard();
  const { lang } = i18n;
  const cells: MapCell[] = useMemo(
    () =>
      summaries.map((s) => ({
        areaCode: s.area.areaCode,
        name: areaName(s.area, lang),
        status: s.status,
        // The figure that goes with the colour: how many targets are in the worst status.
        valueText: s.headline == null ? null : formatCount(s.headline.count, lang),
        selected: s.area.areaCode === selected,
      })),
    [summaries, lang, selected],
  );
  const labels = useMemo(() => {
    const status = Object.fromEntries(STATUSES.map((s) => [s, i18n.status(s)])) as Record<Status, string>;
    const description = `${i18n.t('districtMap')}: ${cells.map((c) => `${c.name} ${c.status ? `${status[c.status]} ${c.valueText ?? ''}` : i18n.t('noAreaTarget')}`).join(', ')}`;
    return { title: i18n.t('districtMap'), description, status, none: i18n.t('noAreaTarget') };
  }, [cells, i18n]);
  // Geographic when the data folder brought licensed boundaries for these districts, tiles otherwise.
  const geographic = geo != null && cells.every((c) => geo.codes.has(c.areaCode));
  // The map series and the boundaries reach ECharts only when there are boundaries to draw (a
  // query, so the page is not ready before the map is).
  const registered = useQuery({
    queryKey: ['geo-map', state.data ?? 'bundled', loadedAt],
    queryFn: async () => {
      const { registerGeoMap } = await import('../../charts/geo-map');
      registerGeoMap(GEO_MAP_NAME, geo!.boundaries as Parameters<typeof registerGeoMap>[1]);
      return true;
    },
    enabled: geographic,
    staleTime: Infinity,
  });
  const option = useMemo(
    () => (geographic ? buildGeoMapOption(cells, { theme, mapName: GEO_MAP_NAME, labels }) : buildTileMapOption(cells, { theme, labels })),
    [geographic, cells, theme, labels],
  );
  const onClick = useMemo(
    () => (onSelect ? (data: unknown) => {
      const code = (data as { areaCode?: string } | null)?.areaCode;
      if (code) onSelect(code);
    } : undefined),
    [onSelect],
  );
  if (geographic && !registered.data) return <div className="map-holder" data-map="geo" />;
  return (
    <div className="map-holder" data-map={geographic ? 'geo' : 'tiles'}>
      <EChart name={name} option={option} description={labels.description} onItemClick={onClick} />
    </div>
  );
}

