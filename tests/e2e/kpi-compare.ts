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
  /** data-inherited="true": a rate target judged for an area below the one it was set for. */
  inherited: boolean;
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
        inherited: a('data-inherited') === 'true',
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

/** How a shown KPI is keyed in a reference map: its target id, and for an inherited one `id@area`. */
export const refKey = (k: Pick<ShownKpi, 'targetId' | 'area' | 'inherited'>) => (k.inherited ? `${k.targetId}@${k.area}` : k.targetId);

/** Every shown KPI compared with the reference; returns readable mismatches. */
export function mismatches(shown: ShownKpi[], ref: Map<string, RefJudgement>): string[] {
  const out: string[] = [];
  for (const k of shown) {
    const r = ref.get(refKey(k));
    if (!r) {
      out.push(`${refKey(k)}: shown but unknown to the reference`);
      continue;
    }
    const diffs: string[] = [];
    if (!sameNumber(k.actual, r.actual)) diffs.push(`actual ${k.actual} ≠ ${r.actual}`);
    if (!sameNumber(k.target, r.target)) diffs.push(`target ${k.target} ≠ ${r.target}`);
    if (!sameNumber(k.expected, r.expected)) diffs.push(`expected ${k.expected} ≠ ${r.expected}`);
    if (k.status !== r.status) diffs.push(`status ${k.status} ≠ ${r.status}`);
    if (diffs.length) out.push(`${refKey(k)}: ${diffs.join('; ')}`);
  }
  return out;
}

export const ids = (list: { targetId: string }[]) => list.map((k) => k.targetId).sort();

/** Shown KPIs as reference keys, sorted (an inherited one as `id@area`). */
export const keys = (list: Pick<ShownKpi, 'targetId' | 'area' | 'inherited'>[]) => list.map(refKey).sort();
