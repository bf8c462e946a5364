/**
 * Sub-areas of a target's area compared on its indicator (districts of the city, towns of a
 * district), titled by their level (各区 / 各街镇). In the workbench every sub-area has its row and
 * a long list scrolls under its title; with no sub-area figures there is no chart, only a line
 * that says so (the wall drops the panel).
 */
import { useMemo } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { areaComparisonHeight, buildAreaComparisonOption, type AreaBar } from '../../charts/build-area-comparison-option';
import { EChart } from '../../charts/EChart';
import type { ChartTheme } from '../../charts/theme';
import type { ChildActual, JudgedTarget } from '../../domain/types';
import type { MessageKey } from '../../app/i18n/translator';
import { formatValue } from '../../domain/format';
import { dueMonth, judge } from '../../domain/judge';
import { MIN_CELL, suppressedCells } from '../../domain/privacy';
import { useChildActuals } from './hooks';
import { areaName, indicatorName } from './labels';

export function AreaComparisonPanel({
  judged,
  theme,
  name,
  hideWhenEmpty = false,
  onArea,
  scroll = false,
}: {
  judged: JudgedTarget;
  theme: ChartTheme;
  name: string;
  /** The wall drops the panel (its space goes to the tiles) instead of showing "no data". */
  hideWhenEmpty?: boolean;
  /** Cross-filtering: a click on an area's bar. */
  onArea?: (areaCode: string) => void;
  /** The workbench: title outside the chart, one row per sub-area, scrolling past what fits. */
  scroll?: boolean;
}) {
  const { i18n, asOf } = useDashboard();
  const { lang } = i18n;
  const children = useChildActuals(judged);
  const { indicator, target, judgement } = judged;
  // A city-wide rate or level floor applies to each sub-area too; a flow total does not.
  const perAreaTarget = indicator.kind === 'flow' ? null : judgement.target;
  const bars: AreaBar[] = useMemo(() => {
    const kids = (children.data ?? []).filter((c) => c.actual != null);
    // Figures from person-level records: no sub-area of fewer than 5 cases is shown.
    const fromLedger = kids.some((c) => c.components?.sources.some((src) => src.startsWith('ledger:')));
    const hidden = fromLedger
      ? suppressedCells(kids.map((c) => ({ key: c.area.areaCode, cases: indicator.kind === 'rate' ? (c.components?.denominator ?? null) : c.actual })))
      : new Set<string>();
    return kids.map((c) =>
      hidden.has(c.area.areaCode)
        ? { areaCode: c.area.areaCode, name: areaName(c.area, lang), value: 0, status: null, label: `<${MIN_CELL}` }
        : {
          areaCode: c.area.areaCode,
          name: areaName(c.area, lang),
          value: c.actual,
          status:
            perAreaTarget == null
              ? null
              : judge({
                  kind: indicator.kind,
                  comparator: target.comparator,
                  year: target.year,
                  due: dueMonth(target),
                  asOf,
                  actual: c.actual,
                  target: perAreaTarget,
                }).status,
          },
    );
  }, [children.data, lang, perAreaTarget, indicator.kind, target, asOf]);
  const level = levelTitle(children.data ?? []);
  const title = scroll ? i18n.t(level) : `${i18n.t(level)} · ${indicatorName(indicator, lang)}`;
  const description = useMemo(() => {
    const parts = bars.map((b) => `${b.name} ${b.label ?? formatValue(b.value, indicator.unit, lang)}`);
    return `${title}: ${parts.join(', ') || i18n.t('chartNoData')}`;
  }, [bars, title, indicator.unit, lang, i18n]);
  const option = useMemo(
    () =>
      buildAreaComparisonOption(bars, {
        unit: indicator.unit,
        lang,
        target: perAreaTarget,
        theme,
        higherIsBetter: indicator.higherIsBetter,
        labels: { title, target: i18n.t('target'), description },
        showTitle: !scroll,
      }),
    [bars, indicator.unit, indicator.higherIsBetter, lang, perAreaTarget, theme, title, i18n, description, scroll],
  );
  if (children.isPending) return <div className="chart placeholder" />;
  if (bars.length === 0)
    return hideWhenEmpty ? null : (
      <p className="chart-note" data-chart-empty={name}>
        {i18n.t('comparisonNoData')}
      </p>
    );
  const onClick = onArea
    ? (data: unknown) => {
        const code = (data as { areaCode?: string } | null)?.areaCode;
        if (code) onArea(code);
      }
    : undefined;
  const chart = <EChart name={name} option={option} description={description} onItemClick={onClick} />;
  if (!scroll) return chart;
  return (
    <section className="bars-panel" aria-label={title}>
      <h3 className="chart-title">{title}</h3>
      {/* Focusable, so the list scrolls from the keyboard too. */}
      <div className="bars-scroll" tabIndex={0} style={{ ['--bars-height' as string]: `${areaComparisonHeight(bars.length, theme.font, false)}px` }}>
        {chart}
      </div>
    </section>
  );
}

/** The title that names the sub-areas' level: 各区 for districts, 各街镇 for towns, 下级区域 for a mix. */
function levelTitle(children: readonly ChildActual[]): MessageKey {
  const levels = new Set(children.map((c) => c.area.level));
  if (levels.size === 1 && levels.has('district')) return 'comparisonDistricts';
  if (levels.size === 1 && levels.has('town')) return 'comparisonTowns';
  return 'comparisonSubAreas';
}
