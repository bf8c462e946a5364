/**
 * A ledger's load report: the rows left out, by reason, each with its file line. Lines are counted
 * as the file has them: the reader sets some rows aside before SQL sees them (their lines are known
 * then), clean.sql flags others by their place among the rows the reader kept.
 */

/** A ledger that cannot be loaded at all (nothing changes); `cancelled` when the user stopped it. */
export class LedgerError extends Error {
  constructor(
    readonly code: 'too_large' | 'no_header' | 'missing_columns' | 'cancelled' | 'no_rules' | 'no_rows',
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

export type RejectReason = 'bad_date' | 'unknown_area' | 'unknown_group' | 'missing_id' | 'malformed';

/** Rows left out for one reason: how many, and the first lines. */
export interface RejectedRows {
  reason: RejectReason;
  count: number;
  lines: number[];
}

/** Rows the reader set aside before SQL saw them: their file lines (ascending) and reasons. */
export interface SetAside {
  lines: number[];
  reasons: Map<number, RejectReason>;
}

/** How many lines of each reason the report lists. */
export const REPORT_LINES = 20;

/**
 * The file line of the i-th row the reader kept (0-based), given the lines it set aside: the
 * header is line 1, and each set-aside line at or before a kept row's line pushes it down by one.
 * (Ledgers are machine exports: a quoted field spanning lines would shift this, as it would any
 * row count.)
 */
export function lineOfKeptRow(index: number, setAsideAscending: readonly number[]): number {
  let line = index + 2;
  for (const s of setAsideAscending) {
    if (s <= line) line += 1;
    else break;
  }
  return line;
}

/** The report's rows left out: the reader's and clean.sql's together, by reason, lines ascending. */
export function mergeRejected(setAside: SetAside, problems: { reason: string; n: number; idx: number[] }[]): RejectedRows[] {
  const byReason = new Map<RejectReason, { count: number; lines: number[] }>();
  const add = (reason: RejectReason, count: number, lines: number[]) => {
    const r = byReason.get(reason) ?? { count: 0, lines: [] };
    r.count += count;
    r.lines.push(...lines);
    byReason.set(reason, r);
  };
  for (const line of setAside.lines) add(setAside.reasons.get(line) ?? 'malformed', 1, [line]);
  for (const p of problems) add(p.reason as RejectReason, Number(p.n), (p.idx ?? []).map((i) => lineOfKeptRow(Number(i), setAside.lines)));
  return [...byReason.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, r]) => ({ reason, count: r.count, lines: r.lines.sort((a, b) => a - b).slice(0, REPORT_LINES) }));
}

