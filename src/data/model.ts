/**
 * From tables to what the views show: the catalog (areas, indicators, targets), and judged
 * targets, monthly series and child breakdowns, all computed from SQL components by domain/judge.
 */
import { actualOf, dueMonth, expectedPace, judge, judgementMonth } from '../domain/judge';
import { decemberOf, formatPeriod, januaryOf } from '../domain/period';
import { districtScore, paceAdjustedAttainment, worstStatus } from '../domain/district';
import type { ActualComponents, Area, AreaLevel, Comparator, Indicator, IndicatorKind, Judgement, Status, Target } from '../domain/types';
import type { SqlEngine } from './engine';
import {
  selectActualComponents,
  selectAreas,
  selectDataSummary,
  selectIndicators,
  selectLatestPeriod,
  selectTargets,
  type ActualRequest,
} from './queries';

export interface Catalog {
  areas: Area[];
  areaByCode: Map<string, Area>;
  indicators: Indicator[];
  indicatorById: Map<string, Indicator>;
  targets: Target[];
  /** Latest period in actuals (month index), or null without actuals. */
  latestIdx: number | null;
  actualRows: number;
  illustrativeRows: number;
}

const str = (v: unknown): string | null => (v == null || v === '' ? null : String(v));
const num = (v: unknown): number | null => (v == null || v === '' ? null : Number(v));

export async function readCatalog(engine: SqlEngine): Promise<Catalog> {
  const run = async (q: { sql: string; params: unknown[] }) => engine.query(q.sql, q.params as never);
  const [areaRows, indicatorRows, targetRows, latest, summary] = await Promise.all([
    run(selectAreas()),
    run(selectIndicators()),
    run(selectTargets()),
    run(selectLatestPeriod()),
    run(selectDataSummary()),
  ]);
  const areas: Area[] = areaRows.map((r) => ({
    areaCode: String(r.area_code),
    nameZh: String(r.name_zh),
    nameEn: str(r.name_en),
    level: String(r.level) as AreaLevel,
    parentCode: str(r.parent_code),
  }));
  const indicators: Indicator[] = indicatorRows.map((r) => ({
    indicatorId: String(r.indicator_id),
    nameZh: String(r.name_zh),
    nameEn: str(r.name_en),
    unit: String(r.unit),
    kind: String(r.kind) as IndicatorKind,
    higherIsBetter: r.higher_is_better !== false,
    groupZh: str(r.group_zh),
    groupEn: str(r.group_en),
    numeratorZh: str(r.numerator_zh),
    numeratorEn: str(r.numerator_en),
    denominatorZh: str(r.denominator_zh),
    denominatorEn: str(r.denominator_en),
  }));
  const targets: Target[] = targetRows.map((r) => ({
    targetId: String(r.target_id),
    indicatorId: String(r.indicator_id),
    areaCode: String(r.area_code),
    year: Number(r.year),
    comparator: String(r.comparator) as Comparator,
    targetValue: num(r.target_value),
    baseline: r.baseline === 'prior_year' ? 'prior_year' : null,
    dueDate: String(r.due_date),
    docId: String(r.doc_id),
    clause: str(r.clause),
    quote: str(r.quote),
  }));
  return {
    areas,
    areaByCode: new Map(areas.map((a) => [a.areaCode, a])),
    indicators,
    indicatorById: new Map(indicators.map((i) => [i.indicatorId, i])),
    targets,
    latestIdx: num(latest[0]?.latest),
    actualRows: Number(summary[0]?.actual_rows ?? 0),
    illustrativeRows: Number(summary[0]?.illustrative_rows ?? 0),
  };
}

/** Runs requests through the one components query; missing ids mean "no rows at all". */
export async function fetchComponents(
  engine: SqlEngine,
  requests: readonly ActualRequest[],
): Promise<Map<number, ActualComponents>> {
  const out = new Map<number, ActualComponents>();
  if (requests.length === 0) return out;
  // Chunked: one statement per few hundred requests keeps the parameter list reasonable.
  for (let i = 0; i < requests.length; i += 400) {
    const q = selectActualComponents(requests.slice(i, i + 400));
    for (const r of await engine.query(q.sql, q.params)) {
      const sources = Array.isArray(r.sources) ? (r.sources as unknown[]).map(String) : [];
      out.set(Number(r.req_id), {
        contributors: Number(r.contributors),
        value: num(r.value),
        numerator: num(r.numerator),
        denominator: num(r.denominator),
        latestPeriod: r.latest_idx == null ? null : formatPeriod(Number(r.latest_idx)),
        illustrative: r.illustrative === true,
        sources,
        fromChildren: Number(r.depth) > 0,
      });
    }
  }
  return out;
}

export interface JudgedTarget {
  target: Target;
  indicator: Indicator;
  area: Area;
  judgement: Judgement;
  components: ActualComponents | null;
  /** For baseline targets: the prior year's components the target was read from. */
  baseline: ActualComponents | null;
}

/** Judges targets as of month `asOf` (a month index). */
export async function judgeTargets(
  engine: SqlEngine,
  catalog: Catalog,
  targets: readonly Target[],
  asOf: number,
): Promise<JudgedTarget[]> {
  const usable = usableTargets(catalog, targets);
  return judgedFrom(catalog, usable, await fetchComponents(engine, targetRequests(usable, asOf)), asOf);
}

const usableTargets = (catalog: Catalog, targets: readonly Target[]) =>
  targets.filter((t) => catalog.indicatorById.has(t.indicatorId) && catalog.areaByCode.has(t.areaCode));

/** Target i's actual is request 2i; a prior-year baseline's is request 2i + 1. */
function targetRequests(usable: readonly Target[], asOf: number): ActualRequest[] {
  const requests: ActualRequest[] = [];
  usable.forEach((t, i) => {
    requests.push({ id: 2 * i, indicatorId: t.indicatorId, areaCode: t.areaCode, year: t.year, endIdx: judgementMonth(t, asOf) });
    if (t.baseline === 'prior_year')
      requests.push({ id: 2 * i + 1, indicatorId: t.indicatorId, areaCode: t.areaCode, year: t.year - 1, endIdx: decemberOf(t.year - 1) });
  });
  return requests;
}

function judgedFrom(catalog: Catalog, usable: readonly Target[], comps: Map<number, ActualComponents>, asOf: number): JudgedTarget[] {
  return usable.map((t, i) => {
    const indicator = catalog.indicatorById.get(t.indicatorId)!;
    const components = comps.get(2 * i) ?? null;
    const baseline = t.baseline === 'prior_year' ? (comps.get(2 * i + 1) ?? null) : null;
    const targetValue = t.baseline === 'prior_year' ? actualOf(indicator.kind, baseline) : t.targetValue;
    const judgement = judge({
      kind: indicator.kind,
      comparator: t.comparator,
      year: t.year,
      due: dueMonth(t),
      asOf,
      actual: actualOf(indicator.kind, components),
      target: targetValue,
    });
    return { target: t, indicator, area: catalog.areaByCode.get(t.areaCode)!, judgement, components, baseline };
  });
}

export interface SeriesPoint {
  period: string;
  actual: number | null;
  /** 序时进度 at that month (flows only). */
  expected: number | null;
  illustrative: boolean;
}

/** The actual month by month from January to the judgement month, read the same way as the target. */
export async function monthlySeries(engine: SqlEngine, judged: JudgedTarget, asOf: number): Promise<SeriesPoint[]> {
  const { target, indicator } = judged;
  const end = judgementMonth(target, asOf);
  const start = januaryOf(target.year);
  const requests: ActualRequest[] = [];
  for (let m = start; m <= end; m++)
    requests.push({ id: m, indicatorId: target.indicatorId, areaCode: target.areaCode, year: target.year, endIdx: m });
  const comps = await fetchComponents(engine, requests);
  const due = dueMonth(target);
  return requests.map((r) => {
    const c = comps.get(r.id) ?? null;
    return {
      period: formatPeriod(r.id),
      actual: actualOf(indicator.kind, c),
      expected: expectedPace(indicator.kind, judged.judgement.target, target.year, r.id, due),
      illustrative: c?.illustrative ?? false,
    };
  });
}

/** The same months of the previous year, read the same way (null points where there is no data). */
export async function priorYearSeries(engine: SqlEngine, judged: JudgedTarget, asOf: number): Promise<SeriesPoint[]> {
  const { target, indicator } = judged;
  const end = judgementMonth(target, asOf);
  const months = end - januaryOf(target.year) + 1;
  const requests: ActualRequest[] = [];
  for (let i = 0; i < months; i++)
    requests.push({ id: i, indicatorId: target.indicatorId, areaCode: target.areaCode, year: target.year - 1, endIdx: januaryOf(target.year - 1) + i });
  const comps = await fetchComponents(engine, requests);
  return requests.map((r) => {
    const c = comps.get(r.id) ?? null;
    return { period: formatPeriod(r.endIdx), actual: actualOf(indicator.kind, c), expected: null, illustrative: c?.illustrative ?? false };
  });
}

export interface ChildActual {
  area: Area;
  actual: number | null;
  components: ActualComponents | null;
}

/** The target's indicator read for each child area (districts of the city, towns of a district). */
export async function childActuals(engine: SqlEngine, catalog: Catalog, judged: JudgedTarget, asOf: number): Promise<ChildActual[]> {
  const { target, indicator } = judged;
  const children = catalog.areas.filter((a) => a.parentCode === target.areaCode && a.level !== 'zone');
  const end = judgementMonth(target, asOf);
  const requests = children.map((a, i) => ({ id: i, indicatorId: target.indicatorId, areaCode: a.areaCode, year: target.year, endIdx: end }));
  const comps = await fetchComponents(engine, requests);
  return children.map((area, i) => {
    const components = comps.get(i) ?? null;
    return { area, components, actual: actualOf(indicator.kind, components) };
  });
}

/** One thing a district is judged on: a target of its own (or of its towns and zones), or a city floor. */
export interface DistrictItem {
  source: 'own' | 'floor';
  target: Target;
  indicator: Indicator;
  /** The area the item is about (the district itself for floors). */
  area: Area;
  judgement: Judgement;
  components: ActualComponents | null;
  paceAttainment: number | null;
}

export interface DistrictSummary {
  area: Area;
  items: DistrictItem[];
  /** Worst status among the items; null when nothing applies. */
  status: Status | null;
  /** Mean pace-adjusted attainment (100 = on pace). */
  score: number | null;
  /** True when any item is behind pace (落后序时). */
  behind: boolean;
  illustrative: boolean;
}

/** True when `code` is `ancestor` or lies below it. */
export function isWithin(catalog: Catalog, code: string, ancestor: string): boolean {
  for (let c: string | null = code, i = 0; c != null && i < 10; i++) {
    if (c === ancestor) return true;
    c = catalog.areaByCode.get(c)?.parentCode ?? null;
  }
  return false;
}

/**
 * Each district read against what applies to it in `year`: its own targets (set for it, its towns or
 * zones) and the city-wide floors and caps of rates and levels, which bind every district. City
 * flow totals are not split across districts, so they are not held against any one of them.
 */
export async function judgeDistricts(
  engine: SqlEngine,
  catalog: Catalog,
  judgedYear: readonly JudgedTarget[],
  asOf: number,
): Promise<DistrictSummary[]> {
  const floors = floorTargets(catalog, judgedYear.map((j) => j.target)).filter((t) => judgedYear.find((j) => j.target === t)?.judgement.target != null);
  const districts = catalog.areas.filter((a) => a.level === 'district');
  const comps = await fetchComponents(engine, districtRequests(districts, floors, asOf, 0));
  return summariseDistricts(catalog, judgedYear, floors, (di, fi) => comps.get(di * floors.length + fi) ?? null, asOf);
}

/**
 * The year's targets judged and each district's summary, in one database query (what the wall and
 * the workbench's map need together; the components of both go in one request list).
 */
export async function judgeYear(
  engine: SqlEngine,
  catalog: Catalog,
  year: number,
  asOf: number,
): Promise<{ all: JudgedTarget[]; districts: DistrictSummary[] }> {
  const usable = usableTargets(catalog, catalog.targets.filter((t) => t.year === year));
  const own = targetRequests(usable, asOf);
  // Every root rate/level target may be a floor; which are (they have a target value) is known
  // only once judged, so all are asked for and those without a value are dropped below.
  const candidates = floorTargets(catalog, usable);
  const districts = catalog.areas.filter((a) => a.level === 'district');
  const base = 2 * usable.length;
  const comps = await fetchComponents(engine, [...own, ...districtRequests(districts, candidates, asOf, base)]);
  const all = judgedFrom(catalog, usable, comps, asOf);
  const byTarget = new Map(all.map((j) => [j.target, j]));
  const kept = candidates.map((t, ci) => ({ t, ci })).filter(({ t }) => byTarget.get(t)?.judgement.target != null);
  const summaries = summariseDistricts(
    catalog,
    all,
    kept.map((k) => k.t),
    (di, fi) => comps.get(base + di * candidates.length + kept[fi]!.ci) ?? null,
    asOf,
  );
  return { all, districts: summaries };
}

/** The top-level area(s): the city. */
export const rootCodes = (catalog: Catalog) =>
  new Set(catalog.areas.filter((a) => a.level === 'city' || a.parentCode == null).map((a) => a.areaCode));

/** City-wide rate and level targets: the floors and caps that bind every district. */
function floorTargets(catalog: Catalog, targets: readonly Target[]): Target[] {
  const roots = rootCodes(catalog);
  return targets.filter((t) => roots.has(t.areaCode) && catalog.indicatorById.get(t.indicatorId)?.kind !== 'flow');
}

/** One request per district and floor: id = base + district index × floors + floor index. */
function districtRequests(districts: readonly Area[], floors: readonly Target[], asOf: number, base: number): ActualRequest[] {
  const requests: ActualRequest[] = [];
  districts.forEach((d, di) =>
    floors.forEach((f, fi) =>
      requests.push({
        id: base + di * floors.length + fi,
        indicatorId: f.indicatorId,
        areaCode: d.areaCode,
        year: f.year,
        endIdx: judgementMonth(f, asOf),
      }),
    ),
  );
  return requests;
}

function summariseDistricts(
  catalog: Catalog,
  judgedYear: readonly JudgedTarget[],
  floorList: readonly Target[],
  floorComponents: (districtIndex: number, floorIndex: number) => ActualComponents | null,
  asOf: number,
): DistrictSummary[] {
  const roots = rootCodes(catalog);
  const districts = catalog.areas.filter((a) => a.level === 'district');
  const judgedOf = new Map(judgedYear.map((j) => [j.target, j]));
  const floors = floorList.map((t) => judgedOf.get(t)!);
  return districts.map((area, di) => {
    const own: DistrictItem[] = judgedYear
      .filter((j) => !roots.has(j.target.areaCode) && isWithin(catalog, j.target.areaCode, area.areaCode))
      .map((j) => ({
        source: 'own',
        target: j.target,
        indicator: j.indicator,
        area: j.area,
        judgement: j.judgement,
        components: j.components,
        paceAttainment: paceAdjustedAttainment(j.judgement, j.target.comparator),
      }));
    const floorItems: DistrictItem[] = floors.flatMap((f, fi) => {
      const components = floorComponents(di, fi);
      if (!components) return [];
      const judgement = judge({
        kind: f.indicator.kind,
        comparator: f.target.comparator,
        year: f.target.year,
        due: dueMonth(f.target),
        asOf,
        actual: actualOf(f.indicator.kind, components),
        target: f.judgement.target,
      });
      return [
        {
          source: 'floor' as const,
          target: f.target,
          indicator: f.indicator,
          area,
          judgement,
          components,
          paceAttainment: paceAdjustedAttainment(judgement, f.target.comparator),
        },
      ];
    });
    const items = [...own, ...floorItems];
    const statuses = items.map((i) => i.judgement.status);
    return {
      area,
      items,
      status: worstStatus(statuses),
      score: districtScore(items.map((i) => i.paceAttainment)),
      behind: statuses.includes('behind'),
      illustrative: items.some((i) => i.components?.illustrative),
    };
  });
}
