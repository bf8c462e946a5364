export const HEADER: string;
export function ledgerLines(opts: { rows: number; seed?: number; year?: number; repo?: string }): Generator<string>;
