/**
 * Allocation check: where a target is set for an area and for its sub-areas too (the city's
 * total and the districts' shares), do the sub-area targets add up to the area's? Only flows and
 * levels add up; rates do not, so they are not checked.
 */
import type { Area, IndicatorKind, Target } from './types';

export interface AllocationCheck {
  parent: number;
  sum: number;
  /** sum − parent */
  difference: number;
  children: { areaCode: string; value: number }[];
  /** Sub-areas that have no target of their own for the indicator and year. */
  missing: string[];
  consistent: boolean;
}

export function allocationCheck(
  target: Target,
  kind: IndicatorKind,
  targets: readonly Target[],
  areas: readonly Area[],
): AllocationCheck | null {
  if (kind === 'rate' || target.targetValue == null || target.baseline) return null;
  const children = areas.filter((a) => a.parentCode === target.areaCode && a.level !== 'zone');
  const childTargets = children
    .map((a) => ({
      area: a,
      t: targets.find((t) => t.areaCode === a.areaCode && t.indicatorId === target.indicatorId && t.year === target.year && t.targetValue != null),
    }))
    .filter((x) => x.t != null);
  if (childTargets.length === 0) return null;
  const sum = childTargets.reduce((s, x) => s + x.t!.targetValue!, 0);
  const difference = sum - target.targetValue;
  return {
    parent: target.targetValue,
    sum,
    difference,
    children: childTargets.map((x) => ({ areaCode: x.area.areaCode, value: x.t!.targetValue! })),
    missing: children.filter((a) => !childTargets.some((x) => x.area === a)).map((a) => a.areaCode),
    consistent: Math.abs(difference) <= 1e-9 * Math.max(1, Math.abs(target.targetValue)),
  };
}
