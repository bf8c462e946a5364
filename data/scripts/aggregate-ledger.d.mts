export function aggregateLedger(opts: { ledger: string; indicators: string; areas: string }): Promise<
  { indicator_id: string; area_code: string; period: string; value: number | null; numerator: number | null; denominator: number | null }[]
>;
