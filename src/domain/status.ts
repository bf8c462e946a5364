/**
 * The five statuses as a reader meets them: which is worse than which, and the mark and colour
 * each is shown with. Colour is never the only signal: every status also has its mark and a word
 * (the words are in app/i18n).
 */
import { dueMonth } from './judge';
import { parsePeriod } from './period';
import type { Comparator, IndicatorKind, JudgedTarget, Status } from './types';

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

/**
 * How a judgement reads to the reader: its status, or, before the due month, what it says so far.
 * `data-status` stays the contract's status; only the words shown follow the reading.
 */
export type StatusReading = Status | 'met_so_far' | 'unmet_so_far';

/**
 * The reading of a judged status (one rule for every view). A judgement is final from the due
 * month on. Before it:
 * - met is final only for a flow with a floor (≥, >): months only add to it, so it stays met.
 *   A rate, a level, a cap or an "about" target that satisfies its target now can still fall
 *   out of it by the due month: it reads **met so far** (当前达标 · 截至9月).
 * - behind is "behind the pace" for a flow; a rate or a level has no pace (序时进度 is a flow's),
 *   so short of its target (below a floor, over a cap) it reads **not met so far** (暂未达标 · 截至9月).
 * `month` is the month (1–12) the provisional reading is as of; null for a final one.
 */
export function statusReading(
  status: Status,
  j: { kind: IndicatorKind; comparator: Comparator; judgedAt: string; due: number },
): { reading: StatusReading; month: number | null } {
  const at = parsePeriod(j.judgedAt);
  const final = at == null || at >= j.due;
  const month = at == null ? null : (at % 12) + 1;
  if (final) return { reading: status, month: null };
  if (status === 'met' && !(j.kind === 'flow' && (j.comparator === '>=' || j.comparator === '>'))) return { reading: 'met_so_far', month };
  if (status === 'behind' && j.kind !== 'flow') return { reading: 'unmet_so_far', month };
  return { reading: status, month: null };
}

/** statusReading of a judged target (what a table row, a card or a tile shows). */
export function readingOf(j: Pick<JudgedTarget, 'target' | 'indicator' | 'judgement'>): { reading: StatusReading; month: number | null } {
  return statusReading(j.judgement.status, { kind: j.indicator.kind, comparator: j.target.comparator, judgedAt: j.judgement.judgedAt, due: dueMonth(j.target) });
}
