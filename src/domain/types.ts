/** Domain types: the contract's four tables as the app uses them, and a judged target. */

export type Comparator = '>=' | '>' | '<=' | '<' | '=' | '~';
export type IndicatorKind = 'flow' | 'level' | 'rate';
export type AreaLevel = 'city' | 'district' | 'town' | 'zone';
export type Status = 'met' | 'on_track' | 'behind' | 'missed' | 'no_data';

export const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<', '=', '~'];
export const STATUSES: readonly Status[] = ['met', 'on_track', 'behind', 'missed', 'no_data'];

export interface Area {
  areaCode: string;
  nameZh: string;
  nameEn: string | null;
  level: AreaLevel;
  parentCode: string | null;
}

export interface Indicator {
  indicatorId: string;
  nameZh: string;
  nameEn: string | null;
  unit: string;
  kind: IndicatorKind;
  higherIsBetter: boolean;
  groupZh: string | null;
  groupEn: string | null;
  numeratorZh: string | null;
  numeratorEn: string | null;
  denominatorZh: string | null;
  denominatorEn: string | null;
}

export interface Target {
  targetId: string;
  indicatorId: string;
  areaCode: string;
  year: number;
  comparator: Comparator;
  /** In the indicator's base unit; null when the target comes from a baseline. */
  targetValue: number | null;
  baseline: 'prior_year' | null;
  /** YYYY-MM-DD; defaults to the year's 31 December. */
  dueDate: string;
  docId: string;
  clause: string | null;
  quote: string | null;
  /** 责任单位: who answers for the target, as the document names it (optional column; see domain/owners.ts). */
  owner?: string | null;
}

/**
 * What SQL hands back for one (indicator, area, year, month) request: the building blocks of the
 * actual, already aggregated over the contributing areas (the area itself, or its children).
 */
export interface ActualComponents {
  /** Number of areas whose rows were used: 1 for the area itself, more when it took its children's. */
  contributors: number;
  /** Flow: year-to-date total. Level: value at the latest period. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Latest period (YYYY-MM) among the rows used. */
  latestPeriod: string | null;
  /** True when any row used is marked illustrative in its source column. */
  illustrative: boolean;
  /** Distinct sources of the rows used (for provenance). */
  sources: string[];
  /** True when the area had no rows of its own and its children's were used. */
  fromChildren: boolean;
  /**
   * Rates: the sub-areas (codes) whose figure is a rate given only as a value, so the children's
   * rates cannot be pooled (judge.ts: no actual, and the page says why). Empty or absent otherwise.
   */
  unpooled?: string[];
}

export interface Judgement {
  /** Month the target is judged at: the as-of month, or the due month if that came first. */
  judgedAt: string;
  actual: number | null;
  /** The target in base units (resolved from the baseline when there is one). */
  target: number | null;
  /** 序时进度: expected year-to-date amount at judgedAt; flows only. */
  expected: number | null;
  status: Status;
  /** actual ÷ target × 100 (target ÷ actual × 100 for caps). */
  attainment: number | null;
}

/** The data's catalog: the three small tables, indexed, and what is known of actuals. */
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

/**
 * How a projection was made (domain/projection.ts): a flow by last year's profile (`seasonal`) or a
 * straight line (`linear`); a rate or level by last year's change over the rest of the year
 * (`last_year_change`) or, without last year's figures, held where it is (`unchanged`); a target
 * already due by its actual (`final`).
 */
export type ProjectionMethod = 'seasonal' | 'linear' | 'last_year_change' | 'unchanged' | 'final';

/** Will it be met? A target projected to its due month (the contract's "Projection to the due month"). */
export interface Projection {
  /** P: the figure expected at the due month, in base units (the actual for a target already due). */
  value: number;
  method: ProjectionMethod;
  /** Flows not yet due: the lowest and highest of the linear and seasonal figures (equal with only the linear one). */
  band: { low: number; high: number } | null;
  /** `met` when P satisfies the comparator, else `missed`; null when the target value is unknown. */
  status: 'met' | 'missed' | null;
  /** Flows not yet due: (target − actual) ÷ the months left, at least 0; for caps the most that may still come each month. */
  neededMonthly: number | null;
  /** m: months from January to the judged month; M: months from January to the due month. */
  monthsElapsed: number;
  monthsToDue: number;
  /** Last year's figures for months m and M, where last year has them (what the projection read). */
  lastYear: { elapsed: number | null; due: number | null };
}

/** A target with everything it was judged from. */
export interface JudgedTarget {
  target: Target;
  indicator: Indicator;
  area: Area;
  judgement: Judgement;
  components: ActualComponents | null;
  /** For baseline targets: the prior year's components the target was read from. */
  baseline: ActualComponents | null;
  /**
   * Set for a rate target judged for an area below the one it was set for (domain/binding.ts):
   * `target` is the target it comes from, `area` the area it is judged for, on that area's figures.
   */
  inherited?: true;
  /** Where it is heading by its due month (domain/projection.ts); null without an actual. */
  projection: Projection | null;
}

/** One thing an area is judged on: a target of its own (or of an area below it), or one it inherits. */
export interface DistrictItem {
  source: 'own' | 'floor';
  target: Target;
  indicator: Indicator;
  /** The area the item is about (the district itself for an inherited target). */
  area: Area;
  judgement: Judgement;
  components: ActualComponents | null;
  /** Attainment against the pace where there is one (100 = on pace); see judge.paceAdjustedAttainment. */
  paceAttainment: number | null;
}

/** How many of an area's items have each status. */
export type StatusCounts = Record<Status, number>;

/**
 * An area read against everything that binds it (domain/binding.ts): one story in which colour,
 * mark, word and figure agree. `status` is the worst status and `headline` says how many items
 * have it; `counts` are the items per status; areas rank by `share` (met or on track), then by
 * `shortfall`.
 */
export interface DistrictSummary {
  area: Area;
  items: DistrictItem[];
  /** Worst status among the items; null when nothing applies. */
  status: Status | null;
  /** The worst status and how many items have it (the figure shown with its colour); null without items. */
  headline: { status: Status; count: number } | null;
  counts: StatusCounts;
  /** Number of items. */
  total: number;
  /** Items met or on track (达标 or 序时内). */
  onCourse: number;
  /** onCourse ÷ total (0–1); null without items. */
  share: number | null;
  /**
   * How far the furthest-behind item is from where it should be: 100 − its pace-adjusted
   * attainment (100 = on pace), at least 0; null when no item has an attainment.
   */
  shortfall: number | null;
  /** True when any item is behind pace (落后序时). */
  behind: boolean;
  illustrative: boolean;
}

/** One month of a target's series, read the same way as the target. */
export interface SeriesPoint {
  period: string;
  actual: number | null;
  /** 序时进度 at that month (flows only). */
  expected: number | null;
  illustrative: boolean;
}

/** A sub-area's figure for a target's indicator. */
export interface ChildActual {
  area: Area;
  actual: number | null;
  components: ActualComponents | null;
}
