/**
 * The wall's plan for the screen it is on: every page's bullet rows, where they go (beside a side
 * panel, across the page, over several sheets: wall-layout.ts), the policy-source cards per sheet,
 * and from those the pages of the rotation. Recomputed when the data, the language or the screen
 * size changes.
 */
import { useMemo } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { wallPages, type WallPage } from '../../app/wall-pages';
import { bulletFonts, type BulletRow } from '../../charts/build-bullet-option';
import type { JudgedTarget } from '../../domain/types';
import { indicatorName, areaName } from '../panels/labels';
import { bulletRow } from './bullet-rows';
import { useTextMeasure, useViewportSize } from './use-screen';
import type { WallData } from './use-wall-data';
import {
  layoutBullets,
  layoutTiles,
  overviewTilesBox,
  packSources,
  SOURCES_CSS,
  TILE_CSS,
  type BulletLayout,
  type SourceCard,
  type TileLayout,
  type TileText,
  type Viewport,
} from './wall-layout';
import { figuresOf } from '../../domain/analysis';
import { comparatorText } from '../panels/labels';

export interface WallPlan {
  pages: WallPage[];
  viewport: Viewport;
  font: number;
  /** The city's tiles: grid and sheets (indices into WallData.city). */
  overview: TileLayout;
  groups: Map<string, { list: JudgedTarget[]; layout: BulletLayout }>;
  districts: Map<string, BulletLayout>;
  /** Policy-source cards: columns per sheet, and the cards of each column of each sheet. */
  sources: { cols: number; sheets: SourceCard<JudgedTarget>[][][] };
}

/** The target a cumulative chart can show for a set: the first flow with data, else the first target with data. */
export function lineTarget(list: readonly JudgedTarget[]): JudgedTarget | null {
  const withData = list.filter((j) => j.judgement.actual != null);
  return withData.find((j) => j.indicator.kind === 'flow') ?? withData[0] ?? null;
}

/** What a policy-source row says in text, for laying cards out (the row itself is drawn in WallPages). */
export function sourceRowText(j: JudgedTarget, lang: 'zh' | 'en'): string {
  return `${j.target.clause ?? ''} ${areaName(j.area, lang)} · ${indicatorName(j.indicator, lang)}`.trim();
}

/** `chrome`: px of notices between the header and the page, taken from every page's height. */
export function useWallPlan(data: WallData | undefined, font: number, chrome = 0): WallPlan {
  const { i18n, catalog, state, year } = useDashboard();
  const { lang } = i18n;
  const screen = useViewportSize();
  const viewport = useMemo(() => ({ ...screen, chrome }), [screen, chrome]);
  const measure = useTextMeasure(bulletFonts({ font }).label);
  const rowMeasure = useTextMeasure(viewport.height * SOURCES_CSS.row);
  const statusMeasure = useTextMeasure(viewport.height * SOURCES_CSS.row, 700);
  const headingMeasure = useTextMeasure(viewport.height * SOURCES_CSS.heading, 700);
  const tileName = useTextMeasure(viewport.height * TILE_CSS.name, 600);
  const tileFact = useTextMeasure(viewport.height * TILE_CSS.fact);
  const tileFactValue = useTextMeasure(viewport.height * TILE_CSS.fact, 600);
  const tileStatus = useTextMeasure(viewport.height * TILE_CSS.status, 600);
  const tileDoc = useTextMeasure(viewport.height * TILE_CSS.doc);
  return useMemo(() => {
    const indicatorsWithTargets = new Set(catalog.targets.filter((t) => t.year === year).map((t) => t.indicatorId));
    const groupList: { groupZh: string; groupEn: string | null }[] = [];
    for (const ind of catalog.indicators) {
      if (!indicatorsWithTargets.has(ind.indicatorId) || !ind.groupZh) continue;
      if (!groupList.some((g) => g.groupZh === ind.groupZh)) groupList.push({ groupZh: ind.groupZh, groupEn: ind.groupEn });
    }
    const groups = new Map<string, { list: JudgedTarget[]; layout: BulletLayout }>();
    const districts = new Map<string, BulletLayout>();
    const toRows = (list: readonly JudgedTarget[]): BulletRow[] =>
      list.map((j) => bulletRow(j, lang, { showArea: true, statusWord: i18n.status }));
    for (const g of groupList) {
      const list = (data?.all ?? []).filter((j) => (j.indicator.groupZh ?? '') === g.groupZh);
      groups.set(g.groupZh, {
        list,
        layout: layoutBullets(toRows(list), { viewport, font, measure, sideWanted: lineTarget(list) != null }),
      });
    }
    for (const d of data?.districts ?? []) {
      const rows = d.items.map((item) =>
        bulletRow(item, lang, {
          showArea: item.area.areaCode !== d.area.areaCode,
          suffix: item.source === 'floor' ? i18n.t('floorNote') : undefined,
          statusWord: i18n.status,
        }),
      );
      districts.set(d.area.areaCode, layoutBullets(rows, { viewport, font, measure, sideWanted: true, strip: true }));
    }
    const byDoc = new Map<string, JudgedTarget[]>();
    for (const j of data?.all ?? []) byDoc.set(j.target.docId, [...(byDoc.get(j.target.docId) ?? []), j]);
    const statusWidth = (j: JudgedTarget) => statusMeasure(i18n.status(j.judgement.status));
    const sources = packSources(
      [...byDoc].map(([doc, rows]) => ({ doc, rows })),
      {
        viewport,
        rowText: (j) => sourceRowText(j, lang),
        statusWidth,
        headingText: (d, continued) =>
          `${d.doc}${continued ? ` ${i18n.t('continued')}` : ''} ${i18n.t(d.rows.length === 1 ? 'targetOfDoc' : 'targetsOfDoc', { n: d.rows.length })}`,
        measureRow: rowMeasure,
        measureHeading: headingMeasure,
      },
    );
    const tileTexts = (data?.city ?? []).map((j): TileText => {
      const f = figuresOf(j, lang);
      const facts: [string, string][] = [[i18n.t('target'), `${comparatorText(j.target.comparator, lang)} ${f.target}`]];
      if (f.pace != null && j.judgement.expected !== j.judgement.target) facts.push([i18n.t('pace'), f.pace]);
      return {
        name: indicatorName(j.indicator, lang),
        number: f.actual,
        fraction: j.indicator.kind === 'rate' && j.components?.numerator != null,
        facts,
        status: i18n.status(j.judgement.status),
        doc: `${j.target.docId}${j.target.clause ?? ''}`,
      };
    });
    const withMap = (data?.districts.length ?? 0) > 0;
    const overview = layoutTiles(tileTexts, overviewTilesBox(viewport, withMap), viewport, {
      name: tileName,
      fact: tileFact,
      factValue: tileFactValue,
      status: tileStatus,
      doc: tileDoc,
    });
    const withItems = (data?.districts ?? []).filter((d) => d.items.length > 0);
    const pages = wallPages({
      groups: groupList.map((g) => ({ ...g, sheets: groups.get(g.groupZh)?.layout.sheets.length ?? 1 })),
      // A district with nothing to judge this year would be an empty page on the wall.
      districts: withItems.map((d) => d.area.areaCode),
      behind: withItems.filter((d) => d.behind).map((d) => d.area.areaCode),
      pagesParam: state.pages,
      cycle: state.cycle,
      districtsToCompare: data == null || withItems.length > 0,
      districtSheets: new Map([...districts].map(([code, l]) => [code, l.sheets.length])),
      sourcesSheets: sources.sheets.length,
      overviewSheets: overview.sheets.length,
    });
    return { pages, viewport, font, overview, groups, districts, sources };
  }, [
    data,
    catalog,
    year,
    state.pages,
    state.cycle,
    lang,
    i18n,
    viewport,
    font,
    measure,
    rowMeasure,
    statusMeasure,
    headingMeasure,
    tileName,
    tileFact,
    tileFactValue,
    tileStatus,
    tileDoc,
  ]);
}
