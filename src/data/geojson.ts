/**
 * Optional licensed boundaries: a deployment that holds them puts `areas.geojson` in its data
 * folder and the map becomes geographic. Fetched, parsed as JSON (never evaluated) and checked for
 * shape here; the map panel hands them to ECharts.
 */

const MAX_GEOJSON_BYTES = 32 * 1024 * 1024;

export interface GeoJsonInfo {
  /** area_code of every feature. */
  codes: Set<string>;
  /** The FeatureCollection as parsed. */
  boundaries: { type: 'FeatureCollection'; features: unknown[] };
}

/** Fetches `<folder>/areas.geojson`; null when absent or unusable (then the tile map is used). */
export async function loadAreasGeoJson(folder: URL): Promise<GeoJsonInfo | null> {
  let res: Response;
  try {
    res = await fetch(new URL('areas.geojson', folder).href, { cache: 'no-cache' });
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const text = await res.text();
  if (text.length > MAX_GEOJSON_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return null;
  const codes = new Set<string>();
  for (const f of fc.features as { properties?: { area_code?: unknown }; geometry?: unknown }[]) {
    const code = f?.properties?.area_code;
    if (typeof code === 'string' || typeof code === 'number') codes.add(String(code));
  }
  if (codes.size === 0) return null;
  return { codes, boundaries: fc as GeoJsonInfo['boundaries'] };
}
