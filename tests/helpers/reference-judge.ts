/**
 * An independent reference implementation of the contract's judgement (the README's "How a
 * target is judged"), in plain TypeScript over rows parsed with papaparse.
 *
 * Deliberately imports nothing from src/: the e2e tests compare what the page shows against this
 * separate computation, so a mistake in the app's SQL or domain code cannot hide behind itself.
 *
 * Rules implemented (as-of month A; a target is judged at E = min(A, due month)):
 * - rows used: the target year from January up to E;
 * - an area with no rows of its own in that window takes its children's, recursively (areas of
 *   level `zone` never count as children);
 * - flow: latest `ytd`-basis row + the `flow` rows after it (all flow rows when no ytd row);
 *   level: value at the area's latest period; rate: numerator and denominator at each area's
 *   latest period; across contributing areas flows/levels add up, rates pool Σnum / Σden × 100;
 * - a rate row with a value and no numerator/denominator is the rate itself: it is the actual of
 *   its own area; when a sub-area's row at its latest period is such a value, nothing is pooled
 *   (no actual);
 * - `baseline=prior_year`: target = the same indicator/area actual of year−1 read at December;
 * - pace (flows only) = target × months elapsed (January..E) ÷ months from January to the due month;
 * - status: no_data → met → missed (A ≥ due month) → on_track (flows: actual ≥ pace, or ≤ pace for
 *   `<=`/`<`) → behind.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export type RefStatus = 'met' | 'on_track' | 'behind' | 'missed' | 'no_data';

export interface RefJudgement {
  actual: number | null;
  target: number | null;
  expected: number | null;
  status: RefStatus;
}

export interface RefArea {
  code: string;
  level: string;
  parent: string | null;
}

export interface RefIndicator {
  id: string;
  kind: 'flow' | 'level' | 'rate';
}

export interface RefTarget {
  id: string;
  indicator: string;
  area: string;
  year: number;
  comparator: string;
  value: number | null;
  baseline: string | null;
  /** Due month as a month index (year × 12 + month − 1). */
  due: number;
}

export interface RefActual {
  indicator: string;
  area: string;
  /** Month index (year × 12 + month − 1). */
  month: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  basis: 'flow' | 'ytd';
}

export interface RefFolder {
  areas: Map<string, RefArea>;
  indicators: Map<string, RefIndicator>;
  targets: RefTarget[];
  actuals: RefActual[];
}

type Raw = Record<string, string | undefined>;

function readTable(file: string): Raw[] {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = Papa.parse<Raw>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new Error(`${file}: row ${e.row}: ${e.message}`);
  }
  return parsed.data;
}

const text = (v: string | undefined): string | null => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

/** Numbers as spreadsheet users write them: spaces, thousands separators, a trailing %. */
function number(v: string | undefined): number | null {
  const t = text(v);
  if (t == null) return null;
  const n = Number(t.replace(/[,\s]/g, '').replace(/%$/, ''));
  return Number.isFinite(n) ? n : null;
}

/** 'YYYY-MM' or 'YYYY-MM-DD' → month index; throws on anything else. */
export function monthIndex(period: string): number {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(period.trim());
  if (!m) throw new Error(`not a period: ${period}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function periodOf(idx: number): string {
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Reads areas.csv, indicators.csv, targets.csv and actuals.csv of a folder (later duplicate keys replace earlier ones). */
export function loadFolder(dir: string): RefFolder {
  const areas = new Map<string, RefArea>();
  for (const r of readTable(path.join(dir, 'areas.csv'))) {
    const code = text(r.area_code);
    if (!code) continue;
    areas.set(code, { code, level: text(r.level) ?? '', parent: text(r.parent_code) });
  }
  const indicators = new Map<string, RefIndicator>();
  for (const r of readTable(path.join(dir, 'indicators.csv'))) {
    const id = text(r.indicator_id);
    const kind = text(r.kind);
    if (!id || (kind !== 'flow' && kind !== 'level' && kind !== 'rate')) continue;
    indicators.set(id, { id, kind });
  }
  const targetsById = new Map<string, RefTarget>();
  for (const r of readTable(path.join(dir, 'targets.csv'))) {
    const id = text(r.target_id);
    const year = Number(text(r.year));
    if (!id || !Number.isInteger(year)) continue;
    const dueDate = text(r.due_date);
    targetsById.set(id, {
      id,
      indicator: text(r.indicator_id) ?? '',
      area: text(r.area_code) ?? '',
      year,
      comparator: text(r.comparator) ?? '',
      value: number(r.target_value),
      baseline: text(r.baseline),
      due: dueDate ? monthIndex(dueDate) : year * 12 + 11,
    });
  }
  const actualsByKey = new Map<string, RefActual>();
  for (const r of readTable(path.join(dir, 'actuals.csv'))) {
    const indicator = text(r.indicator_id);
    const area = text(r.area_code);
    const period = text(r.period);
    if (!indicator || !area || !period) continue;
    actualsByKey.set(`${indicator}\u0000${area}\u0000${period}`, {
      indicator,
      area,
      month: monthIndex(period),
      value: number(r.value),
      numerator: number(r.numerator),
      denominator: number(r.denominator),
      basis: text(r.basis) === 'ytd' ? 'ytd' : 'flow',
    });
  }
  return { areas, indicators, targets: [...targetsById.values()], actuals: [...actualsByKey.values()] };
}

/** The latest period in actuals ('YYYY-MM'): the default as-of month. */
export function latestPeriod(folder: RefFolder): string {
  if (folder.actuals.length === 0) throw new Error('no actuals');
  return periodOf(Math.max(...folder.actuals.map((a) => a.month)));
}

/** Flow year-to-date of one area's rows: latest ytd row + the flow rows after it. */
function flowOf(rows: RefActual[]): number {
  const ytd = rows.filter((r) => r.basis === 'ytd').sort((a, b) => b.month - a.month)[0];
  const from = ytd ? ytd.month : -Infinity;
  let sum = ytd ? (ytd.value ?? 0) : 0;
  for (const r of rows) if (r.basis === 'flow' && r.month > from) sum += r.value ?? 0;
  return sum;
}

/**
 * The actual of an indicator at an area for a year, using the rows from January of `year` to
 * month index `end`. Null when no area contributes a row.
 */
export function actualAt(folder: RefFolder, indicatorId: string, areaCode: string, year: number, end: number): number | null {
  return readAt(folder, indicatorId, areaCode, year, end).actual;
}

/**
 * The same read as actualAt, with the latest month (index) among the rows it used: null, null
 * when no area contributes a row.
 */
export function readAt(folder: RefFolder, indicatorId: string, areaCode: string, year: number, end: number): { actual: number | null; latest: number | null } {
  const p = partsAt(folder, indicatorId, areaCode, year, end);
  if (!p) return { actual: null, latest: null };
  if (p.given != null) return { actual: p.given, latest: p.latest };
  if (p.kind === 'rate') return { actual: p.denominator > 0 ? (100 * p.numerator) / p.denominator : null, latest: p.latest };
  return { actual: p.value, latest: p.latest };
}

/** A rate's pooled numerator and denominator, read as actualAt reads the rate (null for other kinds or no rows). */
export function fractionAt(folder: RefFolder, indicatorId: string, areaCode: string, year: number, end: number): { numerator: number; denominator: number } | null {
  const p = partsAt(folder, indicatorId, areaCode, year, end);
  return p && p.kind === 'rate' && p.given == null ? { numerator: p.numerator, denominator: p.denominator } : null;
}

/** What actualAt adds up: the value (flows, levels) or the pooled counts (rates) over the contributing areas. */
function partsAt(
  folder: RefFolder,
  indicatorId: string,
  areaCode: string,
  year: number,
  end: number,
): { kind: RefIndicator['kind']; value: number; numerator: number; denominator: number; given?: number; latest: number } | null {
  const indicator = folder.indicators.get(indicatorId);
  if (!indicator) return null;
  const start = year * 12;
  const rowsByArea = new Map<string, RefActual[]>();
  for (const r of folder.actuals) {
    if (r.indicator !== indicatorId || r.month < start || r.month > end) continue;
    const list = rowsByArea.get(r.area) ?? [];
    list.push(r);
    rowsByArea.set(r.area, list);
  }
  const children = (code: string) =>
    [...folder.areas.values()].filter((a) => a.parent === code && a.level !== 'zone').map((a) => a.code);
  const contributing: string[] = [];
  const visit = (code: string, depth: number) => {
    if (rowsByArea.has(code)) contributing.push(code);
    else if (depth < 10) for (const c of children(code)) visit(c, depth + 1);
  };
  visit(areaCode, 0);
  if (contributing.length === 0) return null;

  let value = 0;
  let num = 0;
  let den = 0;
  for (const code of contributing) {
    const rows = rowsByArea.get(code)!;
    const last = Math.max(...rows.map((r) => r.month));
    const atLast = rows.filter((r) => r.month === last);
    if (indicator.kind === 'flow') value += flowOf(rows);
    else if (indicator.kind === 'level') value += atLast.reduce((s, r) => s + (r.value ?? 0), 0);
    else {
      const given = atLast.find((r) => r.numerator == null && r.value != null);
      if (given) {
        if (code !== areaCode) return null; // a sub-area gives only its rate: nothing can be pooled
        return { kind: indicator.kind, value: 0, numerator: 0, denominator: 0, given: given.value!, latest: last };
      }
      num += atLast.reduce((s, r) => s + (r.numerator ?? 0), 0);
      den += atLast.reduce((s, r) => s + (r.denominator ?? 0), 0);
    }
  }
  const latest = Math.max(...contributing.flatMap((code) => rowsByArea.get(code)!.map((r) => r.month)));
  return { kind: indicator.kind, value, numerator: num, denominator: den, latest };
}

export function satisfied(actual: number, comparator: string, target: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  switch (comparator) {
    case '>=':
      return actual >= target - eps;
    case '>':
      return actual > target;
    case '<=':
      return actual <= target + eps;
    case '<':
      return actual < target;
    case '=':
      return Math.abs(actual - target) <= eps;
    case '~':
      return Math.abs(actual - target) <= 0.1 * Math.abs(target) + eps;
    default:
      throw new Error(`unknown comparator ${comparator}`);
  }
}

/** Judges one target as of month index `asOf`. */
export function judgeTarget(folder: RefFolder, t: RefTarget, asOf: number): RefJudgement {
  const kind = folder.indicators.get(t.indicator)?.kind;
  const at = Math.min(asOf, t.due);
  const actual = actualAt(folder, t.indicator, t.area, t.year, at);
  const target =
    t.baseline === 'prior_year' ? actualAt(folder, t.indicator, t.area, t.year - 1, (t.year - 1) * 12 + 11) : t.value;

  let expected: number | null = null;
  if (kind === 'flow' && target != null) {
    const january = t.year * 12;
    const monthsToDue = t.due - january + 1;
    const elapsed = Math.min(Math.max(at - january + 1, 0), monthsToDue);
    expected = monthsToDue > 0 ? (target * elapsed) / monthsToDue : target;
  }

  const cap = t.comparator === '<=' || t.comparator === '<';
  let status: RefStatus;
  if (actual == null || target == null) status = 'no_data';
  else if (satisfied(actual, t.comparator, target)) status = 'met';
  else if (asOf >= t.due) status = 'missed';
  else if (kind === 'flow' && expected != null && (cap ? actual <= expected : actual >= expected)) status = 'on_track';
  else status = 'behind';
  return { actual, target, expected, status };
}

/** Every target of the folder judged as of `asOf` ('YYYY-MM'), keyed by target_id. */
export function judgeAll(folder: RefFolder, asOf: string): Map<string, RefJudgement> {
  const a = monthIndex(asOf);
  const out = new Map<string, RefJudgement>();
  for (const t of folder.targets) out.set(t.id, judgeTarget(folder, t, a));
  return out;
}

/**
 * Targets that bind the areas below (contract v2): the rate targets of `year` that `areaCode`
 * inherits — for each rate indicator, those of its nearest ancestor that has one that year, unless
 * the area has a target of its own for that indicator and year.
 */
export function inheritedTargets(folder: RefFolder, areaCode: string, year: number): RefTarget[] {
  const ofYear = folder.targets.filter((t) => t.year === year && folder.indicators.has(t.indicator));
  const own = new Set(ofYear.filter((t) => t.area === areaCode).map((t) => t.indicator));
  const found = new Map<string, RefTarget[]>();
  let code = folder.areas.get(areaCode)?.parent ?? null;
  for (let depth = 0; code != null && depth < 12; depth++) {
    for (const t of ofYear) {
      if (t.area !== code || folder.indicators.get(t.indicator)!.kind !== 'rate' || own.has(t.indicator)) continue;
      const nearer = found.get(t.indicator);
      if (nearer && nearer[0]!.area !== code) continue; // a nearer ancestor already binds this indicator
      found.set(t.indicator, [...(nearer ?? []), t]);
    }
    code = folder.areas.get(code)?.parent ?? null;
  }
  return [...found.values()].flat();
}

/** An inherited target judged for `areaCode` on its own figures, against the value judged where it was set. */
export function judgeInheritedTarget(folder: RefFolder, t: RefTarget, areaCode: string, asOf: number): RefJudgement {
  const atSource = judgeTarget(folder, t, asOf);
  if (atSource.target == null) return { actual: actualAt(folder, t.indicator, areaCode, t.year, Math.min(asOf, t.due)), target: null, expected: null, status: 'no_data' };
  return judgeTarget(folder, { ...t, area: areaCode, value: atSource.target, baseline: null }, asOf);
}

/**
 * What the analyst lists for an area filter in `year`: the targets set for those areas and the rate
 * targets each inherits, keyed as the page keys them (`id`, or `id@area` for an inherited one).
 */
export function rowsForAreas(folder: RefFolder, year: number, areas: readonly string[], asOf: string): Map<string, RefJudgement> {
  const a = monthIndex(asOf);
  const out = new Map<string, RefJudgement>();
  for (const t of folder.targets) if (t.year === year && areas.includes(t.area)) out.set(t.id, judgeTarget(folder, t, a));
  for (const area of areas)
    for (const t of inheritedTargets(folder, area, year)) out.set(`${t.id}@${area}`, judgeInheritedTarget(folder, t, area, a));
  return out;
}
