/**
 * How the wall fits its pages (views/wall/wall-layout.ts, app/wall-pages.ts) and draws its ranking
 * (charts/build-ranking-option.ts): rows beside a side panel when they fit, else across the page
 * in more columns, else over sheets; policy-source cards whole, continued under their heading;
 * tiles in a grid whose cells hold their text; sheets as pages of the rotation.
 */
import { describe, expect, it } from 'vitest';
import { planBullets, type BulletRow } from '../../src/charts/build-bullet-option';
import { buildRankingOption, segmentShare } from '../../src/charts/build-ranking-option';
import { WALL_THEME } from '../../src/charts/theme';
import { estimateMeasure } from '../../src/charts/wrap-text';
import { wallPages } from '../../src/app/wall-pages';
import { STATUS_COLOR } from '../../src/domain/status';
import { layoutBullets, layoutTiles, mainPanelBox, packSources, type TileText } from '../../src/views/wall/wall-layout';

const V = { width: 1920, height: 1080 };
const FONT = 23; // the wall's base font at 1080 px: 2.1 % of the height
const measure = estimateMeasure(FONT * 0.9);

const row = (i: number, label = `崇明区 · 指标${i}`): BulletRow => ({
  id: `t${i}`,
  label,
  actual: 90,
  target: 100,
  expected: null,
  status: 'behind',
  cap: false,
  valueText: '90.0%（90/100）',
  targetText: '≥\u00a0100%',
  statusText: '!\u00a0落后序时',
});
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));

describe('layoutBullets', () => {
  const box = mainPanelBox(V, { side: true });
  const perSide = planBullets(rows(1), { width: box.width, height: box.height, theme: { font: FONT }, measure }).capacity;

  it('keeps the side panel while one column holds the rows', () => {
    expect(perSide).toBeGreaterThan(5);
    const l = layoutBullets(rows(perSide), { viewport: V, font: FONT, measure, sideWanted: true });
    expect(l).toMatchObject({ side: true, columns: 1 });
    expect(l.sheets).toHaveLength(1);
  });

  it('gives the rows the page (two wide columns) when they do not fit beside it', () => {
    const l = layoutBullets(rows(perSide + 1), { viewport: V, font: FONT, measure, sideWanted: true });
    expect(l.side).toBe(false);
    expect(l.columns).toBe(2);
    expect(l.sheets).toHaveLength(1);
  });

  it('continues on even sheets when the page is not enough, never shrinking the type', () => {
    const l = layoutBullets(rows(60), { viewport: V, font: FONT, measure, sideWanted: true });
    expect(l.side).toBe(false);
    expect(l.sheets.length).toBeGreaterThan(1);
    expect(l.sheets.flat().map((r) => r.id)).toEqual(rows(60).map((r) => r.id));
    const sizes = l.sheets.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('a wider screen takes more columns before a second sheet', () => {
    const wide = layoutBullets(rows(40), { viewport: { width: 3840, height: 1080 }, font: FONT, measure, sideWanted: false });
    expect(wide.columns).toBeGreaterThanOrEqual(3);
    expect(wide.sheets).toHaveLength(1);
  });
});

describe('packSources', () => {
  const doc = (name: string, n: number) => ({ doc: name, rows: Array.from({ length: n }, (_, i) => `${name}-${i}`) });
  const opts = {
    viewport: V,
    rowText: (r: string) => `（十） 上海市 · 一个不太长的指标名称 ${r}`,
    statusWidth: () => 80,
    headingText: (d: { doc: string }) => d.doc,
    measureRow: estimateMeasure(V.height * 0.019),
    measureHeading: estimateMeasure(V.height * 0.024),
  };

  it('keeps every row once, in order, and each card whole or continued under its heading', () => {
    const docs = [doc('甲', 3), doc('乙', 40), doc('丙', 2)];
    const { sheets } = packSources(docs, opts);
    const cards = sheets.flat(2);
    expect(cards.flatMap((c) => c.rows)).toEqual(docs.flatMap((d) => d.rows));
    for (const d of docs) {
      const mine = cards.filter((c) => c.doc === d.doc);
      expect(mine[0]!.continued).toBe(false);
      for (const c of mine.slice(1)) expect(c.continued).toBe(true);
      for (const c of mine) expect(c.total).toBe(d.rows.length);
    }
    // A document of 40 rows does not fit one column: it continues (with its heading) in the next.
    expect(cards.filter((c) => c.doc === '乙').length).toBeGreaterThan(1);
  });

  it('starts a document that fits a fresh column there instead of splitting it', () => {
    const { sheets } = packSources([doc('甲', 12), doc('乙', 10)], opts);
    const cards = sheets.flat(2);
    expect(cards.map((c) => [c.doc, c.rows.length])).toEqual([
      ['甲', 12],
      ['乙', 10],
    ]);
  });
});

describe('layoutTiles', () => {
  const m = { name: estimateMeasure(20.5), fact: estimateMeasure(19.4), factValue: estimateMeasure(19.4), status: estimateMeasure(20.5), doc: estimateMeasure(17.8) };
  const tile = (name: string): TileText => ({ name, number: '99.1%', fraction: true, facts: [['目标值', '≥ 100%']], status: '落后序时', doc: '沪就办〔2023〕3号（十）' });
  const box = { width: 1150, height: 850 };

  it('three tiles: a grid with room, near 4:3, the map beside them', () => {
    const l = layoutTiles([tile('甲'), tile('乙'), tile('丙')], box, V, m);
    expect(l.sheets).toEqual([[0, 1, 2]]);
    expect(l.cols * l.rows).toBeGreaterThanOrEqual(3);
    expect(l.cols).toBeLessThanOrEqual(3);
  });

  it('tiles whose text needs more room than one screen gives go over sheets', () => {
    const long = 'Share of neighbourhood and village committees with an employment officer, and more words that need lines';
    const l = layoutTiles(Array.from({ length: 14 }, () => tile(long)), box, V, m);
    expect(l.sheets.length).toBeGreaterThan(1);
    expect(l.sheets.flat()).toEqual(Array.from({ length: 14 }, (_, i) => i));
  });
});

describe('wallPages with sheets', () => {
  it('a page that continues is followed by its sheets; ?pages= by id brings them all; no 区际对比 without districts to compare', () => {
    const pages = wallPages({
      groups: [{ groupZh: '甲', groupEn: 'Alpha', sheets: 2 }],
      districts: ['310151'],
      behind: [],
      pagesParam: null,
      cycle: null,
      districtsToCompare: false,
      sourcesSheets: 2,
    });
    expect(pages.map((p) => p.id)).toEqual(['overview', 'group-alpha', 'group-alpha-2', 'sources', 'sources-2']);
    expect(pages.map((p) => `${p.sheet + 1}/${p.sheets}`)).toEqual(['1/1', '1/2', '2/2', '1/2', '2/2']);
    const chosen = wallPages({ groups: [{ groupZh: '甲', groupEn: 'Alpha', sheets: 2 }], districts: [], behind: [], pagesParam: ['sources', 'group-alpha'], cycle: null, sourcesSheets: 1 });
    expect(chosen.map((p) => p.id)).toEqual(['sources', 'group-alpha', 'group-alpha-2']);
    const cycle = wallPages({ groups: [], districts: ['310151', '310118'], behind: [], pagesParam: null, cycle: 'districts', districtSheets: new Map([['310151', 2]]) });
    expect(cycle.map((p) => p.id)).toEqual(['district-310151', 'district-310151-2', 'district-310118']);
  });
});

describe('buildRankingOption', () => {
  const counts = (met: number, on_track: number, behind: number, missed: number, no_data: number) => ({ met, on_track, behind, missed, no_data });
  const bars = [
    { areaCode: 'B', name: '乙区', rank: 1, counts: counts(2, 1, 0, 1, 0), total: 4, onCourse: 3 },
    { areaCode: 'A', name: '甲区', rank: 2, counts: counts(1, 0, 2, 0, 1), total: 4, onCourse: 1 },
  ];
  const option = buildRankingOption(bars, {
    theme: { ...WALL_THEME, font: 20 },
    labels: { title: '排名', description: '两个区', status: { met: '达标', on_track: '序时内', behind: '落后序时', missed: '未达标', no_data: '无数据' } },
    width: 900,
  });
  const series = option.series as { name: string; stack: string; data: { value: number; count: number }[]; itemStyle: { color: string } }[];

  it('one stacked segment per status present, in the status colour, each its share of the area’s targets', () => {
    expect(series.map((s) => s.name)).toEqual(['✓\u00a0达标', '→\u00a0序时内', '!\u00a0落后序时', '✕\u00a0未达标', '–\u00a0无数据']);
    expect(series.map((s) => s.itemStyle.color)).toEqual([STATUS_COLOR.met, STATUS_COLOR.on_track, STATUS_COLOR.behind, STATUS_COLOR.missed, STATUS_COLOR.no_data]);
    for (const s of series) expect(s.stack).toBe('targets');
    expect(series.map((s) => s.data.map((d) => d.value))).toEqual([
      [50, 25],
      [25, 0],
      [0, 50],
      [25, 0],
      [0, 25],
    ]);
    // Each area's segments add up to the whole bar.
    for (let i = 0; i < bars.length; i++) expect(series.reduce((sum, s) => sum + s.data[i]!.value, 0)).toBeCloseTo(100, 6);
  });

  it('ranks in the order given, the rank before the name, "met or on track of all" to the right; no reference line', () => {
    const [left, right] = option.yAxis as { data: string[]; inverse: boolean; axisLabel: { formatter?: (v: string, i: number) => string } }[];
    expect(left!.inverse).toBe(true);
    expect(left!.data).toEqual(['1\u2002乙区', '2\u2002甲区']);
    expect(right!.axisLabel.formatter!('', 0)).toBe('3/4');
    expect(right!.axisLabel.formatter!('', 1)).toBe('1/4');
    expect(JSON.stringify(option)).not.toContain('markLine');
  });

  it('segmentShare: two decimals, 0 for an area without targets', () => {
    expect(segmentShare(1, 3)).toBe(33.33);
    expect(segmentShare(0, 0)).toBe(0);
  });
});
