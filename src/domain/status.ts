/**
 * The five statuses as a reader meets them: which is worse than which, and the mark and colour
 * each is shown with. Colour is never the only signal: every status also has its mark and a word
 * (the words are in app/i18n).
 */
import type { Status } from './types';

/** Worst first: what needs attention first, and what colours an area with several targets. */
export const SEVERITY: readonly Status[] = ['missed', 'behind', 'on_track', 'met', 'no_data'];

/** Place in SEVERITY: 0 is the worst. Sorting by it puts what needs attention first. */
export function severityRank(status: Status): number {
  return SEVERITY.indexOf(status);
}

/** The most severe status among judged items (no_data only counts when nothing else is known); null for none. */
export function worstStatus(statuses: readonly Status[]): Status | null {
  for (const s of SEVERITY) if (statuses.includes(s)) return s;
  return null;
}

/** The status as a short mark, readable without colour (maps, bullet labels). */
export const STATUS_MARK: Record<Status, string> = {
  met: '✓',
  on_track: '→',
  behind: '!',
  missed: '✕',
  no_data: '–',
};

/**
 * Status colours, from the Okabe–Ito palette (safe for the common colour-vision deficiencies,
 * checked by tests/unit/palette.test.ts).
 */
export const STATUS_COLOR: Record<Status, string> = {
  met: '#009E73',
  on_track: '#56B4E9',
  behind: '#E69F00',
  missed: '#D55E00',
  no_data: '#8C96A3',
};
