export interface LedgerRule {
  indicatorId: string;
  rule: 'employed_rate' | 'deadline_rate' | 'employed_flow' | 'followup_rate';
  caseGroup: string;
  months: number;
}

/** `deadline_rate:hardship:3` → a rule; null when the text is not one. */
export function parseLedgerRule(indicatorId: string, text: string | null | undefined): LedgerRule | null;
