/** The selected target month by month against its target and the pace line, with its projection to the due month. */
import { useMemo } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { buildMonthlyOption } from '../../charts/build-monthly-option';
import { EChart } from '../../charts/EChart';
import type { ChartTheme } from '../../charts/theme';
import type { JudgedTarget } from '../../domain/types';
import { formatValue } from '../../domain/format';
import { dueMonth } from '../../domain/judge';
import { formatPeriod } from '../../domain/period';
import { horizonText } from '../../domain/projection-text';
import { useMonthlySeries, usePriorYearSeries } from './hooks';
import { areaName, indicatorName } from './labels';
import { projectedText } from './Projection';

export function MonthlyPanel({
  judged,
  theme,
  name,
  wall = false,
  titleWidth,
}: {
  judged: JudgedTarget;
  theme: ChartTheme;
  name: string;
  /** On the wall: this year only, the legend under the chart, no hover. */
  wall?: boolean;
  /** Width the title may take (px): a longer one is broken into lines. */
  titleWidth?: number;
}) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const series = useMonthlySeries(judged);
  // The analyst compares with the same months of last year; the wall keeps to this year.
  const prior = usePriorYearSeries(wall ? null : judged);
  const { indicator, judgement, projection: proj, target } = judged;
  // The projection runs from the latest actual to the due month (a target already due has none to draw).
  const projection = useMemo(
    () =>
      proj && proj.method !== 'final' && judgement.actual != null
        ? { from: judgement.actual, value: proj.value, low: proj.band?.low ?? null, high: proj.band?.high ?? null, through: formatPeriod(dueMonth(target)) }
        : null,
    [proj, judgement.actual, target],
  );
  const projectionLabel = i18n.t('projectedFor', { reach: horizonText(target.dueDate, target.year, lang) });
  // On the wall the title is the indicator alone: the legend says what the lines are. In the
  // workbench the detail's heading names area and indicator; the title says what the chart shows.
  const title = wall ? `${areaName(judged.area, lang)} · ${indicatorName(indicator, lang)}` : i18n.t('monthlyTitle');
  const description = useMemo(() => {
    const pts = (series.data ?? []).filter((p) => p.actual != null);
    const last = pts[pts.length - 1];
    const subject = wall ? title : `${title} · ${areaName(judged.area, lang)} · ${indicatorName(indicator, lang)}`;
    return `${subject}. ${i18n.t('target')} ${formatValue(judgement.target, indicator.unit, lang)}; ${
      last ? `${last.period} ${i18n.t('actual')} ${formatValue(last.actual, indicator.unit, lang)}` : i18n.t('chartNoData')
    }${projection ? `; ${projectionLabel} ${projectedText(judged, lang)}` : ''}`;
  }, [series.data, title, judgement.target, indicator, lang, i18n, wall, projection, projectionLabel, judged]);
  const option = useMemo(
    () =>
      buildMonthlyOption(series.data ?? [], {
        unit: indicator.unit,
        lang,
        target: judgement.target,
        theme,
        labels: {
          actual: i18n.t('actual'),
          target: i18n.t('target'),
          pace: i18n.t(wall ? 'pace' : 'paceShort'),
          title,
          description,
          priorYear: i18n.t(wall ? 'priorYear' : 'priorYearShort'),
          projection: projectionLabel,
          band: i18n.t('projectionBand'),
        },
        legendBottom: wall,
        prior: prior.data?.map((p) => p.actual),
        titleWidth,
        projection,
      }),
    [series.data, prior.data, indicator.unit, lang, judgement.target, theme, i18n, title, description, wall, titleWidth, projection, projectionLabel],
  );
  if (series.isPending) return <div className="chart placeholder" />;
  return <EChart name={name} option={option} description={description} />;
}
