/** The wall's own chart panels (bullets, ranking): each is a builder plus <EChart>, in the wall theme, no hover needed. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { bulletFonts, buildBulletOption, planBullets, type BulletRow } from '../../charts/build-bullet-option';
import { buildRankingOption, type RankedBar } from '../../charts/build-ranking-option';
import { EChart } from '../../charts/EChart';
import type { ChartTheme } from '../../charts/theme';
import { rankAreas } from '../../domain/binding';
import { STATUSES, type DistrictSummary, type Status } from '../../domain/types';
import { areaName } from '../panels/labels';
import { useTextMeasure } from './use-screen';
import { splitColumns, type Viewport } from './wall-layout';

/**
 * The size of a box, kept up to date; until it is first measured, `initial` (the page's estimate),
 * so charts are drawn from the first render and the page never reads as ready without them.
 */
function useBoxSize(initial: Viewport) {
  const holder = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Viewport>(initial);
  useEffect(() => {
    const node = holder.current;
    if (!node) return;
    const read = () => setSize({ width: node.clientWidth, height: node.clientHeight });
    const observer = new ResizeObserver(read);
    observer.observe(node);
    read();
    return () => observer.disconnect();
  }, []);
  return { holder, size };
}

/**
 * Targets as bullets (actual, target, pace) in `columns` columns (the page chose them so that every
 * row fits at the wall's type size; see wall-layout.ts). Rows are as tall as the tallest needs and
 * line up across columns.
 */
export function BulletPanel({
  rows,
  columns,
  name,
  title,
  theme,
  box,
}: {
  rows: BulletRow[];
  columns: number;
  name: string;
  title: string;
  theme: ChartTheme;
  /** The panel's estimated size (wall-layout.ts mainPanelBox), until it is measured. */
  box: Viewport;
}) {
  const { i18n } = useDashboard();
  const { holder, size } = useBoxSize(box);
  const measure = useTextMeasure(bulletFonts(theme).label);
  const chunks = useMemo(() => splitColumns(rows, columns), [rows, columns]);
  const options = useMemo(() => {
    const gap = window.innerWidth * 0.01;
    const width = (size.width - (chunks.length - 1) * gap) / chunks.length;
    // One row height for every column: that of the tallest row of all.
    const { lines } = planBullets(rows, { width, theme, measure });
    return chunks.map((chunk, i) => {
      const description = `${title}: ${chunk.map((r) => `${r.label} ${r.valueText} ${r.targetText} ${i18n.status(r.status)}`).join('; ')}`;
      return {
        description,
        option: buildBulletOption(chunk, {
          theme,
          width,
          height: size.height,
          measure,
          minLines: lines,
          labels: { title: i === 0 ? title : '', target: i18n.t('target'), pace: i18n.t('pace'), description },
        }),
      };
    });
  }, [chunks, rows, title, theme, i18n, size, measure]);
  if (rows.length === 0) return <p className="wall-empty">{i18n.t('noGroupTargets')}</p>;
  return (
    <div className="bullet-columns" ref={holder} style={{ ['--cols' as string]: String(chunks.length) }}>
      {options.map((o, i) => (
        <EChart key={i} name={`${name}-${i}`} option={o.option} description={o.description} />
      ))}
    </div>
  );
}

/** Districts ranked by the share of their targets met or on track, each bar its targets by status. */
export function RankingPanel({ summaries, name, theme, box }: { summaries: DistrictSummary[]; name: string; theme: ChartTheme; box: Viewport }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const { holder, size } = useBoxSize(box);
  const measure = useTextMeasure(theme.font * 0.9);
  const bars: RankedBar[] = useMemo(
    () =>
      rankAreas(summaries).map(({ summary: s, rank }) => ({
        areaCode: s.area.areaCode,
        name: areaName(s.area, lang),
        rank,
        counts: s.counts,
        total: s.total,
        onCourse: s.onCourse,
      })),
    [summaries, lang],
  );
  const labels = useMemo(() => {
    const status = Object.fromEntries(STATUSES.map((s) => [s, i18n.status(s)])) as Record<Status, string>;
    const description = `${i18n.t('districtRanking')}: ${bars
      .map((b) => `${b.rank} ${b.name} ${b.onCourse}/${b.total}; ${STATUSES.filter((s) => b.counts[s] > 0).map((s) => `${status[s]} ${b.counts[s]}`).join(', ')}`)
      .join('. ')}`;
    return { title: i18n.t('districtRanking'), description, status };
  }, [bars, i18n]);
  const option = useMemo(() => buildRankingOption(bars, { theme, labels, width: size.width, measure }), [bars, theme, labels, size, measure]);
  if (bars.length === 0) return <p className="wall-empty">{i18n.t('chartNoData')}</p>;
  return (
    <div className="map-holder" ref={holder}>
      <EChart name={name} option={option} description={labels.description} />
    </div>
  );
}
