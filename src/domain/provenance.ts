/**
 * Where a figure comes from, as a take-away states it: a published source in its own words, an
 * illustrative one (a `source` starting with `illustrative` or `示例`, the rule data/ingest/rules.ts
 * applies in SQL when rows are loaded) as one sample-data label, never as the script that made it.
 */

/** The JS twin of illustrativeSql (data/ingest/rules.ts): does this source mark its row as sample data? */
export function isIllustrativeSource(source: string): boolean {
  const s = source.trim();
  return /^illustrative/i.test(s) || s.startsWith('示例');
}

/** Distinct sources in order, published ones as written, every illustrative one as `sampleLabel` (once, last). */
export function readableSources(sources: readonly string[], sampleLabel: string): string[] {
  const published = [...new Set(sources.map((s) => s.trim()).filter((s) => s && !isIllustrativeSource(s)))];
  return sources.some(isIllustrativeSource) ? [...published, sampleLabel] : published;
}
