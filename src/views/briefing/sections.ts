/**
 * The briefing's sections: targets whose outcome is final (the as-of month has reached their due
 * month: domain/judge.ts isFinal) apart from those still running, and those without data; what
 * needs attention first within each (domain/status.ts). Pure.
 */
import { judgedKey } from '../../domain/binding';
import { isFinal } from '../../domain/judge';
import { severityRank } from '../../domain/status';
import type { JudgedTarget } from '../../domain/types';

export type SectionId = 'running' | 'final' | 'no_data';

export interface BriefingSection {
  id: SectionId;
  rows: JudgedTarget[];
}

/** Non-empty sections in reading order: still running, final, no data. */
export function briefingSections(rows: readonly JudgedTarget[], asOf: number): BriefingSection[] {
  // What needs attention first: missed, behind, or on course now but projected to miss by its due month.
  const attention = (r: JudgedTarget) =>
    r.judgement.status === 'missed' || r.judgement.status === 'behind' || (r.projection?.status === 'missed' && r.projection.method !== 'final') ? 0 : 1;
  const order = (a: JudgedTarget, b: JudgedTarget) =>
    attention(a) - attention(b) || severityRank(a.judgement.status) - severityRank(b.judgement.status) || judgedKey(a).localeCompare(judgedKey(b));
  const withData = rows.filter((r) => r.judgement.status !== 'no_data');
  const sections: BriefingSection[] = [
    { id: 'running', rows: withData.filter((r) => !isFinal(r.target, asOf)).sort(order) },
    { id: 'final', rows: withData.filter((r) => isFinal(r.target, asOf)).sort(order) },
    { id: 'no_data', rows: rows.filter((r) => r.judgement.status === 'no_data').sort(order) },
  ];
  return sections.filter((s) => s.rows.length > 0);
}
