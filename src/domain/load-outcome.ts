/**
 * How one file's load went, as its report shows it: every row taken, some, or none; and the status
 * whose colour (domain/status.ts) the report wears, so a load that rejected 11 of 12 rows never
 * looks like a success.
 */
import type { Status } from './types';

export type LoadOutcome = 'all' | 'some' | 'none';

/** `fatal`: nothing of the file could be used (a whole-file problem, or no valid row). */
export function loadOutcome(accepted: number, rejected: number, fatal: boolean): LoadOutcome {
  if (fatal || accepted === 0) return 'none';
  return rejected === 0 ? 'all' : 'some';
}

/** The status each outcome is coloured as: all taken = met, some = behind (look at it), none = missed. */
export const OUTCOME_STATUS: Record<LoadOutcome, Status> = { all: 'met', some: 'behind', none: 'missed' };
