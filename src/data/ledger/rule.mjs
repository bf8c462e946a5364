// Which indicator a ledger feeds, and how: the optional `ledger_rule` column of indicators.csv.
// Plain JavaScript so that the page (src/data/ledger/load-ledger.ts) and `npm run aggregate` (plain Node)
// read the rules with the same code. Types: rule.d.mts.

const SIMPLE_RULES = ['employed_rate', 'employed_flow', 'followup_rate'];

/** `deadline_rate:hardship:3` → a rule; null when the text is not one. */
export function parseLedgerRule(indicatorId, text) {
  if (!text) return null;
  const [rule, caseGroup, months] = text.split(':').map((x) => x.trim());
  if (!caseGroup || !/^[a-z0-9_]+$/.test(caseGroup)) return null;
  if (rule === 'deadline_rate') {
    const n = Number(months);
    return Number.isInteger(n) && n > 0 && n <= 120 ? { indicatorId, rule, caseGroup, months: n } : null;
  }
  return SIMPLE_RULES.includes(rule) ? { indicatorId, rule, caseGroup, months: 0 } : null;
}
