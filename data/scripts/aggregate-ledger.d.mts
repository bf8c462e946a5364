/** A monthly figure derived from a ledger: a row of actuals.csv without basis and source. */
export type LedgerFigure = {
  indicator_id: string;
  area_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

export function aggregateLedger(opts: { ledger: string; indicators: string; areas: string }): Promise<LedgerFigure[]>;
