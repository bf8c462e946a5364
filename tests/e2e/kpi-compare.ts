/**
 * Reading the contract's data-kpi hooks off a page and comparing them with the independent
 * reference judge (tests/helpers/reference-judge.ts): shared by the browser tests.
 */
import type { Page } from 'playwright-core';
import type { RefJudgement } from '../helpers/reference-judge';

/** Numbers shown vs the reference may differ by rounding to 4 decimals, nothing more. */
export const TOLERANCE = 1e-3;

export interface ShownKpi {
  targetId: string;
  indicator: string;
  area: string;
  year: string;
  actual: string | null;
  target: string | null;
  expected: string | null;
  status: string | null;
}

export async function readKpis(page: Page): Promise<ShownKpi[]> {
  return page.$$eval('[data-kpi]', (els) =>
    els.map((el) => {
      const a = (n: string) => el.getAttribute(n);
      return {
        targetId: a('data-target-id') ?? '',
        indicator: a('data-indicator') ?? '',
        area: a('data-area') ?? '',
        year: a('data-year') ?? '',
        actual: a('data-actual'),
        target: a('data-target'),
        expected: a('data-expected'),
        status: a('data-status'),
      };
    }),
  );
}

/** Shown attribute vs reference number: empty ↔ null, otherwise within TOLERANCE. */
export function sameNumber(shown: string | null, ref: number | null): boolean {
  if (ref == null) return shown == null || shown === '';
  if (shown == null || shown.trim() === '') return false;
  const n = Number(shown);
  return Number.isFinite(n) && Math.abs(n - ref) <= TOLERANCE;
}

/** Every shown KPI compared with the reference; returns readable mismatches. */
export function mismatches(shown: ShownKpi[], ref: Map<string, RefJudgement>): string[] {
  const out: string[] = [];
  for (const k of shown) {
    const r = ref.get(k.targetId);
    if (!r) {
      out.push(`${k.targetId}: shown but unknown to the reference`);
      continue;
    }
    const diffs: string[] = [];
    if (!sameNumber(k.actual, r.actual)) diffs.push(`actual ${k.actual} ≠ ${r.actual}`);
    if (!sameNumber(k.target, r.target)) diffs.push(`target ${k.target} ≠ ${r.target}`);
    if (!sameNumber(k.expected, r.expected)) diffs.push(`expected ${k.expected} ≠ ${r.expected}`);
    if (k.status !== r.status) diffs.push(`status ${k.status} ≠ ${r.status}`);
    if (diffs.length) out.push(`${k.targetId}: ${diffs.join('; ')}`);
  }
  return out;
}

export const ids = (list: { targetId: string }[]) => list.map((k) => k.targetId).sort();
