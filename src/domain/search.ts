/**
 * What the analyst's search box finds: a target by its indicator (names in both languages, id),
 * its document (文号 and clause) or its owner (责任单位, the contract's optional `owner` column).
 * Pure. Text is compared folded: full-width forms as half-width (NFKC), case ignored, and only
 * letters and digits kept, so 「沪就办2023 3号」 finds 沪就办〔2023〕3号.
 */
import type { Indicator, Target } from './types';

/** Text folded for comparison: NFKC, lower case, letters and digits only. */
export function foldSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The query as terms (split on spaces); every term must be found. Empty: no search. */
export function searchTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/\s+/)
    .map(foldSearchText)
    .filter((t) => t.length > 0);
}

/** Everything a target is found by, folded (see foldSearchText), separated so no term spans two fields. */
export function searchableText(target: Target, indicator: Indicator): string {
  // `owner` is optional in the contract: a catalog without it has nothing to add.
  const owner = (target as Target & { owner?: string | null }).owner ?? '';
  return [indicator.nameZh, indicator.nameEn ?? '', indicator.indicatorId, target.docId, target.clause ?? '', owner].map(foldSearchText).join('\u0000');
}

/** True when every term is found in the target's searchable text (no terms: everything matches). */
export function matchesSearch(target: Target, indicator: Indicator, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = searchableText(target, indicator);
  return terms.every((t) => text.includes(t));
}
