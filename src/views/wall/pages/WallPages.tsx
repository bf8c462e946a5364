/** The wall's pages. Each lays out panels; the numbers come from useWallData, the drawing from the builders. */
import { useMemo, type CSSProperties } from 'react';
import { useDashboard } from '../../../app/dashboard-context';
import type { ChartTheme } from '../../../charts/theme';
import type { DistrictSummary, JudgedTarget } from '../../../domain/types';
import { formatValue, formatValueNear } from '../../../domain/format';
import { MonthlyPanel } from '../../panels/MonthlyPanel';
import { PanelBoundary } from '../../panels/PanelBoundary';
import { StatusIcon } from '../../panels/StatusBadge';
import { TargetTile } from '../../panels/TargetTile';
import { areaName, comparatorText, indicatorName } from '../../panels/labels';
import { kpiAttrs } from '../../panels/kpi-attrs';
import { bulletRow } from '../bullet-rows';
import type { WallData } from '../use-wall-data';
import { MapPanel } from '../../panels/MapPanel';
import { BulletPanel, RankingPanel } from '../WallPanels';

interface PageProps {
  data: WallData;
  theme: ChartTheme;
  onDistrict: (code: string) => void;
}

/** Columns and rows for n tiles in a box of the given aspect ratio (width ÷ height). */
function tileGrid(n: number, aspect: number): CSSProperties {
  let best = { cols: 1, rows: n, score: -Infinity };
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols);
    // Prefer tiles close to 4:3 and few empty cells.
    const tileAspect = aspect * (rows / cols);
    const score = -Math.abs(Math.log(tileAspect / 1.3)) - 0.15 * (cols * rows - n);
    if (score > best.score) best = { cols, rows, score };
  }
  return { ['--cols' as string]: String(best.cols), ['--rows' as string]: String(best.rows) };
}

export function OverviewPage({ data, theme, onDistrict }: PageProps) {
  const { i18n } = useDashboard();
  const hasMap = data.districts.some((d) => d.status != null);
  const aspect = (window.innerWidth * (hasMap ? 0.62 : 0.97)) / (window.innerHeight * 0.8);
  if (data.city.length === 0) return <p className="wall-empty">{i18n.t('wallNoTargets')}</p>;
  return (
    <div className={`page-grid ${hasMap ? 'with-side' : ''}`}>
      <section className="wall-tiles" style={tileGrid(data.city.length, aspect)}>
        {data.city.map((j) => (
          <PanelBoundary key={j.target.targetId} name={j.target.targetId} label={i18n.t('panelError')}>
            <TargetTile judged={j} />
          </PanelBoundary>
        ))}
      </section>
      {hasMap && (
        <section className="wall-panel">
          <PanelBoundary name="overview-map" label={i18n.t('panelError')}>
            <MapPanel summaries={data.districts} name="wall-map" theme={theme} onSelect={onDistrict} />
          </PanelBoundary>
        </section>
      )}
    </div>
  );
}

/** The target a cumulative chart shows for a set: the first flow with data, city first. */
function lineTarget(list: readonly JudgedTarget[]): JudgedTarget | null {
  const withData = list.filter((j) => j.judgement.actual != null);
  return withData.find((j) => j.indicator.kind === 'flow') ?? withData[0] ?? null;
}

export function GroupPage({ data, theme, group }: PageProps & { group: string }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const list = useMemo(() => data.all.filter((j) => (j.indicator.groupZh ?? '') === group), [data.all, group]);
  const rows = useMemo(() => list.map((j) => bulletRow(j, lang, { showArea: true, statusWord: i18n.status })), [list, lang, i18n]);
  const line = lineTarget(list);
  return (
    <div className="page-grid with-side">
      <section className="wall-panel" data-kpi-list="">
        <PanelBoundary name="group-bullets" label={i18n.t('panelError')}>
          <BulletPanel rows={rows} name="wall-bullets" title={i18n.t('bulletTitle')} theme={theme} />
        </PanelBoundary>
        <KpiMarkers list={list} />
      </section>
      <section className="wall-panel">
        {line ? (
          <PanelBoundary name="group-line" label={i18n.t('panelError')}>
            <MonthlyPanel judged={line} theme={theme} name="wall-cumulative" wall />
          </PanelBoundary>
        ) : (
          <p className="wall-empty">{i18n.t('chartNoData')}</p>
        )}
      </section>
    </div>
  );
}

/** The contract's data-kpi hooks for targets shown inside a chart (invisible; the chart shows them). */
function KpiMarkers({ list }: { list: readonly JudgedTarget[] }) {
  return (
    <div hidden>
      {list.map((j) => (
        <span key={j.target.targetId} {...kpiAttrs(j)} />
      ))}
    </div>
  );
}

export function DistrictsPage({ data, theme, onDistrict }: PageProps) {
  const { i18n } = useDashboard();
  return (
    <div className="page-grid halves">
      <section className="wall-panel">
        <PanelBoundary name="ranking" label={i18n.t('panelError')}>
          <RankingPanel summaries={data.districts} name="wall-ranking" theme={theme} />
        </PanelBoundary>
      </section>
      <section className="wall-panel">
        <PanelBoundary name="districts-map" label={i18n.t('panelError')}>
          <MapPanel summaries={data.districts} name="wall-map" theme={theme} onSelect={onDistrict} />
        </PanelBoundary>
      </section>
    </div>
  );
}

export function SourcesPage({ data }: PageProps) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const docs = useMemo(() => {
    const by = new Map<string, JudgedTarget[]>();
    for (const j of data.all) by.set(j.target.docId, [...(by.get(j.target.docId) ?? []), j]);
    return [...by.entries()];
  }, [data.all]);
  if (docs.length === 0) return <p className="wall-empty">{i18n.t('wallNoTargets')}</p>;
  return (
    <div className="sources" style={{ ['--docs' as string]: String(Math.min(docs.length, window.innerWidth / window.innerHeight > 2.5 ? 6 : 4)) }}>
      {docs.map(([doc, list]) => (
        <section key={doc} className="doc-card" data-doc={doc}>
          <h2>
            {doc} <span className="doc-count">{i18n.t('targetsOfDoc', { n: list.length })}</span>
          </h2>
          <ul>
            {list.map((j) => (
              <li key={j.target.targetId} {...kpiAttrs(j)}>
                <StatusIcon status={j.judgement.status} />
                <span className="doc-target">
                  {j.target.clause ?? ''} {areaName(j.area, lang)} · {indicatorName(j.indicator, lang)}
                </span>
                <span className="doc-value">
                  {formatValueNear(j.judgement.actual, j.indicator.unit, lang, j.judgement.target)}
                  {' / '}
                  {j.judgement.target == null ? '—' : `${comparatorText(j.target.comparator, lang)}${formatValue(j.judgement.target, j.indicator.unit, lang)}`}
                </span>
                <span className="doc-status">{i18n.status(j.judgement.status)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function DistrictPage({ data, theme, onDistrict, areaCode }: PageProps & { areaCode: string }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const summary: DistrictSummary | undefined = data.districts.find((d) => d.area.areaCode === areaCode);
  const rows = useMemo(
    () =>
      (summary?.items ?? []).map((item) =>
        bulletRow(item, lang, {
          showArea: item.area.areaCode !== areaCode,
          suffix: item.source === 'floor' ? i18n.t('floorNote') : undefined,
          statusWord: i18n.status,
        }),
      ),
    [summary, lang, areaCode, i18n],
  );
  return (
    <div className="page-grid with-side" data-district={areaCode}>
      <section className="wall-panel">
        {rows.length === 0 ? (
          <p className="wall-empty">{i18n.t('noDistrictItems')}</p>
        ) : (
          <PanelBoundary name="district-bullets" label={i18n.t('panelError')}>
            <BulletPanel rows={rows} name="wall-district-bullets" title={`${areaName(summary?.area, lang)} · ${i18n.t('bulletTitle')}`} theme={theme} />
          </PanelBoundary>
        )}
      </section>
      <section className="wall-panel">
        <PanelBoundary name="district-map" label={i18n.t('panelError')}>
          <MapPanel summaries={data.districts} selected={areaCode} name="wall-map" theme={theme} onSelect={onDistrict} />
        </PanelBoundary>
      </section>
    </div>
  );
}
