export const HEADER: string;
export function ledgerLines(opts: { rows: number; seed?: number; year?: number; repo?: string }): Generator<string>;
export function writeLedger(opts: { rows: number; seed?: number; year?: number; out: string }): Promise<{
  rows: number;
  cases: number;
  duplicates: number;
  moves: number;
  bytes: number;
  ms: number;
  out: string;
}>;
