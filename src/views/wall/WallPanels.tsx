/** The wall's own chart panels (bullets, ranking): each is a builder plus <EChart>, in the wall theme, no hover needed. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { buildAreaComparisonOption } from '../../charts/build-area-comparison-option';
import { buildBulletOption, type BulletRow } from '../../charts/build-bullet-option';
import { EChart } from '../../charts/EChart';
import type { ChartTheme } from '../../charts/theme';
import type { DistrictSummary } from '../../domain/types';
import { formatPercent } from '../../domain/format';
import { areaName } from '../panels/labels';

/** One column holds this many rows before the bullets split into two columns. */
const ROWS_PER_COLUMN = 16;

/** Targets as bullets (actual, target, pace), split into columns so every row stays readable. */
export function BulletPanel({ rows, name, title, theme }: { rows: BulletRow[]; name: string; title: string; theme: ChartTheme }) {
  const { i18n } = useDashboard();
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const node = holder.current;
    if (!node) return;
    const observer = new ResizeObserver(() => setWidth(node.clientWidth));
    observer.observe(node);
    setWidth(node.clientWidth);
    return () => observer.disconnect();
  }, []);
  const columns = useMemo(() => {
    const n = Math.max(1, Math.ceil(rows.length / ROWS_PER_COLUMN));
    const per = Math.ceil(rows.length / n);
    return Array.from({ length: n }, (_, i) => rows.slice(i * per, (i + 1) * per));
  }, [rows]);
  const options = useMemo(
    () =>
      columns.map((chunk, i) => {
        const description = `${title}: ${chunk.map((r) => `${r.label} ${r.valueText} ${r.targetText} ${i18n.status(r.status)}`).join('; ')}`;
        return {
          description,
          option: buildBulletOption(chunk, {
            theme,
            width: width == null ? undefined : width / columns.length,
            labels: { title: i === 0 ? title : '', target: i18n.t('target'), pace: i18n.t('pace'), description },
          }),
        };
      }),
    [columns, title, theme, i18n, width],
  );
  if (rows.length === 0) return <p className="wall-empty">{i18n.t('noGroupTargets')}</p>;
  return (
    <div className="bullet-columns" ref={holder} style={{ ['--cols' as string]: String(options.length) }}>
      {options.map((o, i) => (
        <EChart key={i} name={`${name}-${i}`} option={o.option} description={o.description} />
      ))}
    </div>
  );
}

/** Districts ranked by pace-adjusted attainment (100 = on pace), coloured by status. */
export function RankingPanel({ summaries, name, theme }: { summaries: DistrictSummary[]; name: string; theme: ChartTheme }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const bars = useMemo(
    () => summaries.filter((s) => s.score != null).map((s) => ({ name: areaName(s.area, lang), value: s.score, status: s.status })),
    [summaries, lang],
  );
  const description = `${i18n.t('districtRanking')}: ${bars.map((b) => `${b.name} ${formatPercent(b.value)}`).join(', ')}`;
  const option = useMemo(
    () =>
      buildAreaComparisonOption(bars, {
        unit: 'percent',
        lang,
        target: 100,
        theme,
        higherIsBetter: true,
        fixedMax: null,
        labels: { title: i18n.t('districtRanking'), target: i18n.t('onPace'), description },
      }),
    [bars, lang, theme, i18n, description],
  );
  if (bars.length === 0) return <p className="wall-empty">{i18n.t('chartNoData')}</p>;
  return <EChart name={name} option={option} description={description} />;
}
