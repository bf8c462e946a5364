/** One key factory: the filter object is part of every key, so a change refetches exactly what depends on it. */
export const queryKeys = {
  folder: (data: string | null) => ['folder', data ?? 'bundled'] as const,
  catalog: (data: string | null, version: string) => ['catalog', data ?? 'bundled', version] as const,
  judged: (data: string | null, version: string, filter: { asOf: number; year: number }) =>
    ['judged', data ?? 'bundled', version, filter] as const,
  series: (data: string | null, version: string, targetId: string, asOf: number) =>
    ['series', data ?? 'bundled', version, targetId, asOf] as const,
  children: (data: string | null, version: string, targetId: string, asOf: number) =>
    ['children', data ?? 'bundled', version, targetId, asOf] as const,
};
