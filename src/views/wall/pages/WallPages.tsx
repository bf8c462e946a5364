/** The wall's pages. Each lays out panels; the numbers come from useWallData, the layout from useWallPlan, the drawing from the builders. */
import { useMemo, type CSSProperties } from 'react';
import { useDashboard } from '../../../app/dashboard-context';
import type { WallPage } from '../../../app/wall-pages';
import type { ChartTheme } from '../../../charts/theme';
import { rankAreas } from '../../../domain/binding';
import { figuresOf } from '../../../domain/analysis';
import { SEVERITY } from '../../../domain/status';
import type { JudgedTarget } from '../../../domain/types';
import { Breakable } from '../../panels/Breakable';
import { useMonthlySeries } from '../../panels/hooks';
import { kpiAttrs } from '../../panels/kpi-attrs';
import { areaName, comparatorText } from '../../panels/labels';
import { MapPanel } from '../../panels/MapPanel';
import { MonthlyPanel } from '../../panels/MonthlyPanel';
import { PanelBoundary } from '../../panels/PanelBoundary';
import { StatusIcon } from '../../panels/StatusBadge';
import { TargetTile } from '../../panels/TargetTile';
import { bulletRow } from '../bullet-rows';
import { StatusLine } from '../StatusLine';
import { lineTarget, sourceRowText, type WallPlan } from '../use-wall-plan';
import type { WallData } from '../use-wall-data';
import { mainPanelBox, sidePanelWidth, WALL_CSS } from '../wall-layout';
import { BulletPanel, RankingPanel } from '../WallPanels';
import { statusCounts } from '../../../domain/binding';

interface PageProps {
  data: WallData;
  plan: WallPlan;
  theme: ChartTheme;
  onDistrict: (code: string) => void;
}

/** Best first, as a summary of a year reads: 达标, 序时内, 落后序时, 未达标, 无数据. */
const SUMMARY_ORDER = ['met', 'on_track', 'behind', 'missed', 'no_data'] as const;

/** The year in one line: how many targets, and how many of them in each status. */
function YearSummary({ all }: { all: readonly JudgedTarget[] }) {
  const { i18n, year } = useDashboard();
  const counts = statusCounts(all.map((j) => j.judgement.status));
  return <StatusLine name="year" lead={i18n.t('yearSummary', { year, n: all.length })} counts={counts} order={SUMMARY_ORDER} />;
}

export function OverviewPage({ data, plan, theme, onDistrict, page }: PageProps & { page: WallPage }) {
  const { i18n } = useDashboard();
  const hasMap = data.districts.length > 0;
  const { cols, rows, sheets } = plan.overview;
  const onSheet = new Set(sheets[page.sheet] ?? []);
  const tiles = data.city.filter((_, i) => onSheet.has(i));
  const grid = { ['--cols' as string]: String(cols), ['--rows' as string]: String(rows) } as CSSProperties;
  return (
    <div className="page-stack">
      <YearSummary all={data.all} />
      <div className={`page-grid ${hasMap ? 'with-side' : ''}`}>
        {data.city.length === 0 ? (
          <p className="wall-empty">{i18n.t('wallNoTargets')}</p>
        ) : (
          <section className="wall-tiles" style={grid}>
            {tiles.map((j) => (
              <PanelBoundary key={j.target.targetId} name={j.target.targetId} label={i18n.t('panelError')}>
                <TargetTile judged={j} />
              </PanelBoundary>
            ))}
            {/* Every city target keeps its data-kpi hook, on whichever sheet its tile is. */}
            <KpiMarkers list={data.city.filter((_, i) => !onSheet.has(i))} />
          </section>
        )}
        {hasMap && (
          <section className="wall-panel">
            <PanelBoundary name="overview-map" label={i18n.t('panelError')}>
              <MapPanel summaries={data.districts} name="wall-map" theme={theme} onSelect={onDistrict} />
            </PanelBoundary>
          </section>
        )}
      </div>
    </div>
  );
}

/** The contract's data-kpi hooks for targets shown inside a chart (invisible; the chart shows them). */
function KpiMarkers({ list }: { list: readonly JudgedTarget[] }) {
  return (
    <div hidden>
      {list.map((j) => (
        <span key={`${j.target.targetId}@${j.area.areaCode}`} {...kpiAttrs(j)} />
      ))}
    </div>
  );
}

/** A cumulative chart is worth showing from two months with figures on; one dot is not a line. */
const MIN_LINE_POINTS = 2;
/** A group of at most this many targets with no line to show is drawn as tiles. */
const FEW_TILES = 4;

export function GroupPage({ data, plan, theme, page }: PageProps & { page: Extract<WallPage, { kind: 'group' }> }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const entry = plan.groups.get(page.groupZh);
  const list = useMemo(
    () => entry?.list ?? data.all.filter((j) => (j.indicator.groupZh ?? '') === page.groupZh),
    [entry, data.all, page.groupZh],
  );
  const layout = entry?.layout ?? {
    side: true,
    columns: 1,
    sheets: [list.map((j) => bulletRow(j, lang, { showArea: true, statusWord: i18n.status }))],
  };
  const rows = layout.sheets[page.sheet] ?? [];
  const line = layout.side ? lineTarget(list) : null;
  const series = useMonthlySeries(line);
  const points = (series.data ?? []).filter((p) => p.actual != null).length;
  const side = line != null && (series.isPending || points >= MIN_LINE_POINTS);
  const box = mainPanelBox(plan.viewport, { side });
  // A few targets and no line to show beside them: tiles, as on the overview, a grid of thirds and halves.
  if (!side && !series.isPending && list.length <= FEW_TILES && layout.sheets.length === 1)
    return (
      <div className="page-grid">
        <section className="wall-tiles few" style={{ ['--cols' as string]: '3', ['--rows' as string]: '2' } as CSSProperties}>
          {list.map((j) => (
            <PanelBoundary key={`${j.target.targetId}@${j.area.areaCode}`} name={j.target.targetId} label={i18n.t('panelError')}>
              <TargetTile judged={j} />
            </PanelBoundary>
          ))}
        </section>
      </div>
    );
  return (
    <div className={`page-grid ${side ? 'with-side' : ''}`}>
      <section className="wall-panel" data-kpi-list="">
        <PanelBoundary name="group-bullets" label={i18n.t('panelError')}>
          <BulletPanel
            rows={rows}
            columns={layout.columns}
            box={box}
            name="wall-bullets"
            title={i18n.t('bulletTitle')}
            theme={theme}
          />
        </PanelBoundary>
        {/* The contract's hooks for every target of the group, whichever sheet shows it. */}
        <KpiMarkers list={list} />
      </section>
      {side && line && (
        <section className="wall-panel">
          <PanelBoundary name="group-line" label={i18n.t('panelError')}>
            <MonthlyPanel judged={line} theme={theme} name="wall-cumulative" wall titleWidth={sidePanelWidth(plan.viewport)} />
          </PanelBoundary>
        </section>
      )}
    </div>
  );
}

export function DistrictsPage({ data, plan, theme, onDistrict }: PageProps) {
  const { i18n } = useDashboard();
  const v = plan.viewport;
  const half = {
    width: (v.width * (1 - 2 * WALL_CSS.pagePadX - WALL_CSS.gapX)) / 2 - 2 * v.width * WALL_CSS.panelPadX,
    height: mainPanelBox(v, { side: false }).height,
  };
  return (
    <div className="page-grid halves">
      <section className="wall-panel">
        <PanelBoundary name="ranking" label={i18n.t('panelError')}>
          <RankingPanel summaries={data.districts} name="wall-ranking" theme={theme} box={half} />
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

export function SourcesPage({ plan, page }: PageProps & { page: WallPage }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const columns = plan.sources.sheets[page.sheet] ?? [];
  if (columns.every((c) => c.length === 0)) return <p className="wall-empty">{i18n.t('wallNoTargets')}</p>;
  return (
    <div className="sources" style={{ ['--docs' as string]: String(plan.sources.cols) }}>
      {columns.map((cards, ci) => (
        <div key={ci} className="sources-column">
          {cards.map((card) => (
            <section key={`${card.doc}-${card.rows[0]?.target.targetId ?? ''}`} className="doc-card" data-doc={card.doc}>
              <h2>
                <Breakable text={card.doc} />
                {card.continued && (
                  <span className="doc-continued">{lang === 'en' ? ` ${i18n.t('continued')}` : i18n.t('continued')}</span>
                )}{' '}
                <span className="doc-count">{i18n.t(card.total === 1 ? 'targetOfDoc' : 'targetsOfDoc', { n: card.total })}</span>
              </h2>
              <ul>
                {card.rows.map((j) => {
                  const f = figuresOf(j, lang);
                  return (
                    <li key={j.target.targetId} {...kpiAttrs(j)}>
                      <StatusIcon status={j.judgement.status} />
                      <Breakable className="doc-target" text={sourceRowText(j, lang)} />
                      <span className="doc-status">{i18n.status(j.judgement.status)}</span>
                      <span className="doc-value">
                        {f.actual}
                        {' / '}
                        {j.judgement.target == null ? '—' : `${comparatorText(j.target.comparator, lang)}\u00a0${f.target}`}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      ))}
    </div>
  );
}

/** A district's story in one line: its targets by status, worst first, and its place among the districts. */
function DistrictStory({ data, areaCode }: { data: WallData; areaCode: string }) {
  const { i18n } = useDashboard();
  const ranked = rankAreas(data.districts);
  const mine = ranked.find((r) => r.summary.area.areaCode === areaCode);
  const summary = data.districts.find((d) => d.area.areaCode === areaCode);
  if (!summary) return null;
  return (
    <StatusLine
      name="district"
      lead={`${areaName(summary.area, i18n.lang)} · ${i18n.t('areaStory', { n: summary.total })}`}
      counts={summary.counts}
      order={SEVERITY}
      tail={
        mine && ranked.length > 1 ? (
          <span className="status-rank" data-rank={mine.rank}>
            {i18n.t('areaRank', { rank: mine.rank, of: ranked.length })}
          </span>
        ) : null
      }
    />
  );
}

export function DistrictPage({
  data,
  plan,
  theme,
  onDistrict,
  page,
}: PageProps & { page: Extract<WallPage, { kind: 'district' }> }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const { areaCode } = page;
  const summary = data.districts.find((d) => d.area.areaCode === areaCode);
  const layout = plan.districts.get(areaCode);
  const rows = layout?.sheets[page.sheet] ?? [];
  const side = layout?.side ?? true;
  const box = mainPanelBox(plan.viewport, { side, strip: true });
  return (
    <div className="page-stack" data-district={areaCode}>
      <DistrictStory data={data} areaCode={areaCode} />
      <div className={`page-grid ${side ? 'with-side' : ''}`}>
        <section className="wall-panel">
          {rows.length === 0 ? (
            <p className="wall-empty">{i18n.t('noDistrictItems')}</p>
          ) : (
            <PanelBoundary name="district-bullets" label={i18n.t('panelError')}>
              <BulletPanel
                rows={rows}
                columns={layout?.columns ?? 1}
                box={box}
                name="wall-district-bullets"
                title={`${areaName(summary?.area, lang)} · ${i18n.t('bulletTitle')}`}
                theme={theme}
              />
            </PanelBoundary>
          )}
          {/* Every target that binds the district, whichever sheet shows it; inherited ones say so. */}
          <KpiMarkers
            list={(summary?.items ?? []).map((item) => ({
              ...item,
              baseline: null,
              projection: null,
              ...(item.source === 'floor' ? { inherited: true as const } : {}),
            }))}
          />
        </section>
        {side && (
          <section className="wall-panel">
            <PanelBoundary name="district-map" label={i18n.t('panelError')}>
              <MapPanel summaries={data.districts} selected={areaCode} name="wall-map" theme={theme} onSelect={onDistrict} />
            </PanelBoundary>
          </section>
        )}
      </div>
    </div>
  );
}
