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

/** The projection hooks of one shown target (contract: empty when there is no projection). */
export interface ShownProjection {
  key: string;
  projected: string | null;
  projectedStatus: string | null;
  needed: string | null;
}

/** Every data-kpi element's projection hooks, keyed like refKey. */
export async function readProjections(page: Page, scope = '[data-kpi]'): Promise<ShownProjection[]> {
  const raw = await page.$$eval(scope, (els) =>
    els.map((el) => ({
      targetId: el.getAttribute('data-target-id') ?? '',
      area: el.getAttribute('data-area') ?? '',
      inherited: el.getAttribute('data-inherited') === 'true',
      projected: el.getAttribute('data-projected'),
      projectedStatus: el.getAttribute('data-projected-status'),
      needed: el.getAttribute('data-needed-monthly'),
    })),
  );
  return raw.map((r) => ({ key: refKey(r), projected: r.projected, projectedStatus: r.projectedStatus, needed: r.needed }));
}

/** Shown projection hooks vs an independent reference; returns readable mismatches (a hook missing altogether is one). */
export function projectionMismatches(
  shown: ShownProjection[],
  ref: Map<string, { projected: number | null; projectedStatus: string | null; needed: number | null }>,
): string[] {
  const out: string[] = [];
  for (const k of shown) {
    const r = ref.get(k.key);
    if (!r) {
      out.push(`${k.key}: shown but unknown to the reference`);
      continue;
    }
    const diffs: string[] = [];
    if (k.projected == null || k.projectedStatus == null || k.needed == null) diffs.push('a projection hook is missing');
    if (!sameNumber(k.projected, r.projected)) diffs.push(`projected ${k.projected} ≠ ${r.projected}`);
    if ((k.projectedStatus ?? '') !== (r.projectedStatus ?? '')) diffs.push(`projected status ${k.projectedStatus} ≠ ${r.projectedStatus}`);
    if (!sameNumber(k.needed, r.needed)) diffs.push(`needed ${k.needed} ≠ ${r.needed}`);
    if (diffs.length) out.push(`${k.key}: ${diffs.join('; ')}`);
  }
  return out;
}
