/**
 * From tables to what the views show: the catalog (areas, indicators, targets), and judged targets,
 * area summaries, monthly series and child breakdowns. SQL (queries.ts) hands back the components of
 * each actual, asked for by name; every rule that decides what they mean is in domain/.
 * Each read runs between changes to the data (changes.ts), never across one.
 */
import { childAreas } from '../domain/areas';
import { rootCodes } from '../domain/areas';
import { bindingTargets, inheritedItem, inheritedTargets, judgeInherited, ownItem, summariseArea } from '../domain/binding';
import { actualOf, dueMonth, expectedPace, judge, judgementMonth } from '../domain/judge';
import { decemberOf, formatPeriod, januaryOf } from '../domain/period';
import { lastYearMonths, projectJudged, type LastYearComponents } from '../domain/projection';
import type {
  ActualComponents,
  Area,
  AreaLevel,
  Catalog,
  ChildActual,
  Comparator,
  DistrictSummary,
  Indicator,
  IndicatorKind,
  JudgedTarget,
  SeriesPoint,
  Target,
} from '../domain/types';
import { dataChanges } from './changes';
import type { Row, SqlEngine } from './engine';
import {
  selectActualComponents,
  selectAreas,
  selectAreasWithActuals,
  selectDataSummary,
  selectIndicators,
  selectLatestPeriod,
  selectLedgerFigures,
  selectTargets,
  type ActualRequest,
} from './queries';

const str = (v: unknown): string | null => (v == null || v === '' ? null : String(v));
const num = (v: unknown): number | null => (v == null || v === '' ? null : Number(v));

/** The catalog, and the data revision it was read at (what every query of the page keys on). */
export async function readCatalog(engine: SqlEngine): Promise<Catalog & { revision: number }> {
  const { value, revision } = await dataChanges(engine).read(() => readCatalogTables(engine));
  return { ...value, revision };
}

async function readCatalogTables(engine: SqlEngine): Promise<Catalog> {
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
    owner: str(r.owner),
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

/**
 * Runs requests through the one components query; each result comes back under its request's
 * name (`id`). A name missing from the result means "no rows at all". Call it inside a read.
 */
export async function fetchComponents(engine: SqlEngine, requests: readonly ActualRequest[]): Promise<Map<ActualRequest['id'], ActualComponents>> {
  const out = new Map<ActualRequest['id'], ActualComponents>();
  if (requests.length === 0) return out;
  const byName = new Map(requests.map((r) => [String(r.id), r.id]));
  // Chunked: one statement per few hundred requests keeps the parameter list reasonable.
  for (let i = 0; i < requests.length; i += 400) {
    const q = selectActualComponents(requests.slice(i, i + 400));
    for (const r of await engine.query(q.sql, q.params)) out.set(byName.get(String(r.req_id))!, componentsOf(r));
  }
  return out;
}

function componentsOf(r: Row): ActualComponents {
  return {
    contributors: Number(r.contributors),
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    latestPeriod: r.latest_idx == null ? null : formatPeriod(Number(r.latest_idx)),
    illustrative: r.illustrative === true,
    sources: Array.isArray(r.sources) ? (r.sources as unknown[]).map(String) : [],
    fromChildren: Number(r.depth) > 0,
    unpooled: Array.isArray(r.unpooled) ? (r.unpooled as unknown[]).map(String) : [],
  };
}

/**
 * Request names: a target's actual, its prior-year baseline, a target inherited by an area, and
 * last year's figure at month m (`elapsed`) or M (`due`) for a target's projection on an area (the
 * area it is set for, or the one inheriting it).
 */
export const requestName = {
  actual: (t: Target) => JSON.stringify(['actual', t.targetId]),
  baseline: (t: Target) => JSON.stringify(['baseline', t.targetId]),
  inherited: (t: Target, areaCode: string) => JSON.stringify(['inherited', t.targetId, areaCode]),
  lastYear: (t: Target, areaCode: string, at: keyof LastYearComponents) => JSON.stringify(['last_year', t.targetId, areaCode, at]),
};

/**
 * Last year's figures a projection of `t` on `areaCode` reads (domain/projection.ts): the same
 * indicator and area, January of last year to month m and to month M, read the same way as the
 * actual (children's where the area has none). None for a target already due.
 */
export function lastYearRequests(t: Target, areaCode: string, asOf: number): ActualRequest[] {
  const months = lastYearMonths(t, asOf);
  if (!months) return [];
  return (['elapsed', 'due'] as const).map((at) => ({
    id: requestName.lastYear(t, areaCode, at),
    indicatorId: t.indicatorId,
    areaCode,
    year: t.year - 1,
    endIdx: months[at],
  }));
}

/** The components fetched for lastYearRequests(t, areaCode, …). */
const lastYearOf = (comps: ReadonlyMap<ActualRequest['id'], ActualComponents>, t: Target, areaCode: string): LastYearComponents => ({
  elapsed: comps.get(requestName.lastYear(t, areaCode, 'elapsed')) ?? null,
  due: comps.get(requestName.lastYear(t, areaCode, 'due')) ?? null,
});

/** Targets whose indicator and area are in the catalog (a target can only be judged then). */
export const usableTargets = (catalog: Catalog, targets: readonly Target[]) =>
  targets.filter((t) => catalog.indicatorById.has(t.indicatorId) && catalog.areaByCode.has(t.areaCode));

/**
 * The requests that judge `targets` as of `asOf`: each one's actual, its baseline where it has one,
 * and last year's figures its projection reads.
 */
export function targetRequests(targets: readonly Target[], asOf: number): ActualRequest[] {
  return targets.flatMap((t) => [...judgeRequests(t, asOf), ...lastYearRequests(t, t.areaCode, asOf)]);
}

/** A target's actual, and its baseline where it has one. */
const judgeRequests = (t: Target, asOf: number): ActualRequest[] => [
  { id: requestName.actual(t), indicatorId: t.indicatorId, areaCode: t.areaCode, year: t.year, endIdx: judgementMonth(t, asOf) },
  ...(t.baseline === 'prior_year'
    ? [{ id: requestName.baseline(t), indicatorId: t.indicatorId, areaCode: t.areaCode, year: t.year - 1, endIdx: decemberOf(t.year - 1) }]
    : []),
];

/** The request that reads inherited target `t` on `areaCode`'s own figures. */
export const inheritedRequest = (t: Target, areaCode: string, asOf: number): ActualRequest => ({
  id: requestName.inherited(t, areaCode),
  indicatorId: t.indicatorId,
  areaCode,
  year: t.year,
  endIdx: judgementMonth(t, asOf),
});

/** `targets` judged, and projected to their due month, from the components fetched for targetRequests. */
export function judgedFrom(
  catalog: Catalog,
  targets: readonly Target[],
  comps: ReadonlyMap<ActualRequest['id'], ActualComponents>,
  asOf: number,
): JudgedTarget[] {
  return targets.map((t) => {
    const indicator = catalog.indicatorById.get(t.indicatorId)!;
    const components = comps.get(requestName.actual(t)) ?? null;
    const baseline = t.baseline === 'prior_year' ? (comps.get(requestName.baseline(t)) ?? null) : null;
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
    const projection = projectJudged({ target: t, indicator, judgement }, asOf, lastYearOf(comps, t, t.areaCode));
    return { target: t, indicator, area: catalog.areaByCode.get(t.areaCode)!, judgement, components, baseline, projection };
  });
}

/** Every area below the city with the rate targets it inherits this year (domain/binding.ts). */
export function inheritancesOf(catalog: Catalog, yearTargets: readonly Target[]): { area: Area; targets: Target[] }[] {
  const roots = rootCodes(catalog.areas);
  return catalog.areas
    .filter((a) => !roots.has(a.areaCode))
    .map((area) => ({ area, targets: inheritedTargets(area, yearTargets, catalog) }))
    .filter((x) => x.targets.length > 0);
}

/**
 * The inherited targets judged, each for its area on the area's own figures (fetched by
 * inheritedRequest) and projected from that area's last year (lastYearRequests on the area).
 */
export function judgedInherited(
  catalog: Catalog,
  judgedYear: readonly JudgedTarget[],
  comps: ReadonlyMap<ActualRequest['id'], ActualComponents>,
  asOf: number,
): JudgedTarget[] {
  const judgedOf = new Map(judgedYear.map((j) => [j.target, j]));
  return inheritancesOf(
    catalog,
    judgedYear.map((j) => j.target),
  ).flatMap(({ area, targets }) =>
    targets.map((t) =>
      judgeInherited(judgedOf.get(t)!, area, comps.get(requestName.inherited(t, area.areaCode)) ?? null, asOf, lastYearOf(comps, t, area.areaCode)),
    ),
  );
}

/** Every district read against what binds it (domain/binding.ts): its own targets and those it inherits, judged. */
export function summariseDistricts(catalog: Catalog, judgedYear: readonly JudgedTarget[], inherited: readonly JudgedTarget[]): DistrictSummary[] {
  const judgedOf = new Map(judgedYear.map((j) => [j.target, j]));
  const yearTargets = judgedYear.map((j) => j.target);
  return catalog.areas
    .filter((a) => a.level === 'district')
    .map((area) => {
      const { own } = bindingTargets(area, yearTargets, catalog);
      const items = [...own.map((t) => ownItem(judgedOf.get(t)!)), ...inherited.filter((j) => j.area === area).map(inheritedItem)];
      return summariseArea(area, items);
    });
}

/** The judged year: the targets as set, the rate targets inherited below them, and every district's summary. */
export interface JudgedYear {
  all: JudgedTarget[];
  inherited: JudgedTarget[];
  districts: DistrictSummary[];
}

/**
 * The year's targets judged and projected, the rate targets every area below the city inherits
 * judged and projected on its own figures, and each district's summary, in one read of the database
 * (what the wall, the table and the map need together): one request list for every actual, then
 * one for last year's figures of those that have an actual to project from.
 */
export async function judgeYear(engine: SqlEngine, catalog: Catalog, year: number, asOf: number): Promise<JudgedYear> {
  const usable = usableTargets(catalog, catalog.targets.filter((t) => t.year === year));
  const inheriting = inheritancesOf(catalog, usable).flatMap(({ area, targets }) => targets.map((t) => ({ t, areaCode: area.areaCode })));
  const { value: comps } = await dataChanges(engine).read(async () => {
    const found = await fetchComponents(engine, [
      ...usable.flatMap((t) => judgeRequests(t, asOf)),
      ...inheriting.map(({ t, areaCode }) => inheritedRequest(t, areaCode, asOf)),
    ]);
    // Last year is read only where there is an actual to project from: most areas below a district
    // have no figures for most inherited targets, and asking for their last year would triple the work.
    const lastYear = await fetchComponents(engine, [
      ...usable.filter((t) => found.has(requestName.actual(t))).flatMap((t) => lastYearRequests(t, t.areaCode, asOf)),
      ...inheriting.filter(({ t, areaCode }) => found.has(requestName.inherited(t, areaCode))).flatMap(({ t, areaCode }) => lastYearRequests(t, areaCode, asOf)),
    ]);
    return new Map([...found, ...lastYear]);
  });
  const all = judgedFrom(catalog, usable, comps, asOf);
  const inherited = judgedInherited(catalog, all, comps, asOf);
  return { all, inherited, districts: summariseDistricts(catalog, all, inherited) };
}

/** Components of `requests`, read between changes to the data. */
const readComponents = async (engine: SqlEngine, requests: readonly ActualRequest[]) =>
  (await dataChanges(engine).read(() => fetchComponents(engine, requests))).value;

/** The actual month by month from January to the judgement month, read the same way as the target (for the area it is judged for). */
export async function monthlySeries(engine: SqlEngine, judged: JudgedTarget, asOf: number): Promise<SeriesPoint[]> {
  const { target, indicator, area } = judged;
  const end = judgementMonth(target, asOf);
  const requests: ActualRequest[] = [];
  for (let m = januaryOf(target.year); m <= end; m++)
    requests.push({ id: formatPeriod(m), indicatorId: target.indicatorId, areaCode: area.areaCode, year: target.year, endIdx: m });
  const comps = await readComponents(engine, requests);
  const due = dueMonth(target);
  return requests.map((r) => {
    const c = comps.get(r.id) ?? null;
    return {
      period: formatPeriod(r.endIdx),
      actual: actualOf(indicator.kind, c),
      expected: expectedPace(indicator.kind, judged.judgement.target, target.year, r.endIdx, due),
      illustrative: c?.illustrative ?? false,
    };
  });
}

/**
 * The previous year month by month from January to the due month (last year's profile, beside this
 * year's months and its projection), read the same way (null points where there is no data).
 */
export async function priorYearSeries(engine: SqlEngine, judged: JudgedTarget): Promise<SeriesPoint[]> {
  const { target, indicator, area } = judged;
  const months = dueMonth(target) - januaryOf(target.year) + 1;
  const requests: ActualRequest[] = [];
  for (let i = 0; i < months; i++) {
    const m = januaryOf(target.year - 1) + i;
    requests.push({ id: formatPeriod(m), indicatorId: target.indicatorId, areaCode: area.areaCode, year: target.year - 1, endIdx: m });
  }
  const comps = await readComponents(engine, requests);
  return requests.map((r) => {
    const c = comps.get(r.id) ?? null;
    return { period: formatPeriod(r.endIdx), actual: actualOf(indicator.kind, c), expected: null, illustrative: c?.illustrative ?? false };
  });
}

/** The target's indicator read for each child area (districts of the city, towns of a district). */
export async function childActuals(engine: SqlEngine, catalog: Catalog, judged: JudgedTarget, asOf: number): Promise<ChildActual[]> {
  const { target, indicator } = judged;
  const children = childAreas(catalog.areas, judged.area.areaCode);
  const end = judgementMonth(target, asOf);
  const requests = children.map((a) => ({ id: a.areaCode, indicatorId: target.indicatorId, areaCode: a.areaCode, year: target.year, endIdx: end }));
  const comps = await readComponents(engine, requests);
  return children.map((area) => {
    const components = comps.get(area.areaCode) ?? null;
    return { area, components, actual: actualOf(indicator.kind, components) };
  });
}

/** The codes of the areas with figures of their own in `year`. */
export async function areasWithActuals(engine: SqlEngine, year: number): Promise<string[]> {
  const q = selectAreasWithActuals(year);
  return (await dataChanges(engine).read(() => engine.query(q.sql, q.params))).value.map((r) => String(r.area_code));
}

/** The figures a loaded ledger produced (no person-level data), for checking against other tools. */
export async function ledgerFigures(engine: SqlEngine): Promise<Row[]> {
  const q = selectLedgerFigures();
  return (await dataChanges(engine).read(() => engine.query(q.sql, q.params))).value;
}
