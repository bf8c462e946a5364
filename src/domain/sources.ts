/**
 * Where figures come from, as the reader is told: a source that starts with `illustrative` or
 * `示例` marks its row as illustrative (the data contract); such rows are named once, in the
 * reader's words (示例数据), never by the text the generating script wrote; a real source is shown
 * in its own words.
 */

/** The prefixes that mark a source as illustrative (`illustrative` in any case). */
export const ILLUSTRATIVE_PREFIXES: readonly string[] = ['illustrative', '示例'];

/** True when the source text marks its row as illustrative. */
export function isIllustrativeSource(source: string): boolean {
  const lower = source.toLowerCase();
  return ILLUSTRATIVE_PREFIXES.some((p) => lower.startsWith(p));
}

/** The sources to show in their own words (illustrative ones left out), and whether any was illustrative. */
export function shownSources(sources: readonly string[]): { real: string[]; illustrative: boolean } {
  return { real: sources.filter((s) => !isIllustrativeSource(s)), illustrative: sources.some(isIllustrativeSource) };
}
