import { describe, expect, it } from 'vitest';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import {
  buildBulletOption,
  bulletAttainment,
  bulletPace,
  bulletValueLabel,
  type BulletRow,
} from '../../src/charts/build-bullet-option';
import {
  buildGeoMapOption,
  buildTileMapOption,
  cellStatusLine,
  DARK_TEXT,
  fitTileText,
  LIGHT_TEXT,
  placeTiles,
  SHANGHAI_DISTRICT_TILES,
  textColorOn,
  type MapCell,
} from '../../src/charts/build-tile-map-option';
import type { ChartOption } from '../../src/charts/echarts-setup';
import { ANALYST_THEME, WALL_THEME, type ChartTheme } from '../../src/charts/theme';
import { STATUS_COLOR, STATUS_MARK } from '../../src/domain/status';
import type { Status } from '../../src/domain/types';

type Obj = Record<string, unknown>;
const theme: ChartTheme = { ...WALL_THEME, font: 20 };

function seriesOf(option: ChartOption): Obj[] {
  const s = option.series;
  return (Array.isArray(s) ? s : s ? [s] : []) as Obj[];
}
function yAxesOf(option: ChartOption): Obj[] {
  return option.yAxis as unknown as Obj[];
}

/** Every value under `key` anywhere in a plain object tree (functions are not entered). */
function collect(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const v of node) collect(v, key, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

const W = 1000;
const H = 500;
const api = { getWidth: () => W, getHeight: () => H } as unknown as CustomSeriesRenderItemAPI;

/** What a custom series draws for each data item, rendered against a W × H container. */
function renderCustom(series: Obj): Obj[] {
  const render = series.renderItem as (p: CustomSeriesRenderItemParams, a: CustomSeriesRenderItemAPI) => Obj | null;
  const data = series.data as unknown[];
  return data.map((_, i) => render({ dataIndex: i } as CustomSeriesRenderItemParams, api) as Obj);
}

interface DrawnTile {
  areaCode: string;
  rect: { shape: { x: number; y: number; width: number; height: number }; style: Obj };
  texts: { style: Obj }[];
}
function drawnTiles(option: ChartOption): DrawnTile[] {
  return seriesOf(option)
    .filter((s) => s.type === 'custom')
    .flatMap((s) => {
      const data = s.data as { areaCode: string }[];
      return renderCustom(s).map((g, i) => {
        const children = g.children as Obj[];
        return {
          areaCode: data[i]!.areaCode,
          rect: children.find((c) => c.type === 'rect') as DrawnTile['rect'],
          texts: children.filter((c) => c.type === 'text') as DrawnTile['texts'],
        };
      });
    });
}

/** The option plus everything its custom series draw: where fonts and rich text can hide. */
function everything(option: ChartOption): unknown[] {
  const drawn = seriesOf(option)
    .filter((s) => s.type === 'custom')
    .map((s) => renderCustom(s));
  return [option, drawn];
}

function row(p: Partial<BulletRow> & Pick<BulletRow, 'id'>): BulletRow {
  return {
    label: `区 · ${p.id}`,
    actual: null,
    target: null,
    expected: null,
    status: 'no_data',
    cap: false,
    valueText: '—',
    targetText: '',
    ...p,
  };
}

const bulletLabels = { title: '目标完成度', target: '目标', pace: '序时进度', description: '六项目标的完成度' };

const ROWS: BulletRow[] = [
  row({
    id: 'reemp',
    label: '青浦区 · 失业人员实现再就业人数',
    actual: 5397,
    target: 5000,
    status: 'met',
    valueText: '5397人',
    targetText: '≥ 5000人',
  }),
  row({ id: 'jobs', actual: 2000, target: 5000, expected: 2500, status: 'behind', valueText: '2000个', targetText: '≥ 5000个' }),
  row({
    id: 'unemp',
    actual: 4,
    target: 5,
    expected: 4.2,
    status: 'on_track',
    cap: true,
    valueText: '4.0%',
    targetText: '≤ 5.0%',
  }),
  row({ id: 'train', actual: 10000, target: 5000, expected: 3000, status: 'met', valueText: '1万人', targetText: '≥ 5000人' }),
  row({ id: 'start', actual: null, target: 800, expected: 400, status: 'no_data', targetText: '≥ 800人' }),
  row({
    id: 'grad',
    actual: 89.1,
    target: 90,
    status: 'missed',
    valueText: '89.1%（17102/19185）',
    targetText: '≥ 90%',
  }),
];

describe('bullet attainment, pace and labels', () => {
  it.each([
    // actual, target, cap, expected bar value (% of target)
    [5397, 5000, false, 107.94],
    [2500, 5000, false, 50],
    [4, 5, true, 125],
    [6, 5, true, 83.33],
    [10000, 5000, false, 150], // 200 % clamps to 150
    [1, 5, true, 150], // a cap far under its ceiling: 500 % clamps too
    [0, 5, true, 150], // nothing at all under a cap: best possible
    [0, 0, false, 100], // 0 of 0
    [-5, 100, false, 0],
    [null, 5000, false, null],
    [5397, null, false, null],
  ] as const)('actual %s target %s cap %s → %s', (actual, target, cap, bar) => {
    expect(bulletAttainment({ actual, target, cap })).toBe(bar);
  });

  it.each([
    // expected, target, cap, tick position
    [2500, 5000, false, 50],
    [3000, 5000, false, 60],
    [12000, 5000, false, 150],
    [4.2, 5, true, null], // no pace towards a ceiling
    [null, 5000, false, null],
    [2500, 0, false, null],
    [2500, null, false, null],
  ] as const)('pace %s of %s (cap %s) → %s', (expected, target, cap, tick) => {
    expect(bulletPace({ expected, target, cap })).toBe(tick);
  });

  it.each([
    [{ actual: 5397, valueText: '5397人', targetText: '≥ 5000人' }, '5397人  ≥ 5000人'],
    [{ actual: 89.1, valueText: '89.1%（17102/19185）', targetText: '≥ 90%' }, '89.1%（17102/19185）  ≥ 90%'],
    [{ actual: null, valueText: '—', targetText: '≥ 800人' }, '— ≥ 800人'],
  ])('label %o → %s', (r, text) => {
    expect(bulletValueLabel(r)).toBe(text);
  });
});

describe('buildBulletOption', () => {
  const option = buildBulletOption(ROWS, { theme, labels: bulletLabels });
  const series = seriesOf(option);
  const bar = series.find((s) => s.type === 'bar' && s.name === bulletLabels.title)!;
  const band = series.find((s) => s.type === 'bar' && s.name === bulletLabels.target)!;
  const pace = series.find((s) => s.type === 'scatter')!;

  it('draws one bar per row, in order, coloured by status; no bar without an actual', () => {
    const data = bar.data as { value: number | null; itemStyle: { color: string } }[];
    expect(data.map((d) => d.value)).toEqual([107.94, 40, 125, 150, null, 99]);
    expect(data.map((d) => d.itemStyle.color)).toEqual([
      STATUS_COLOR.met,
      STATUS_COLOR.behind,
      STATUS_COLOR.on_track,
      STATUS_COLOR.met,
      STATUS_COLOR.no_data,
      STATUS_COLOR.missed,
    ]);
  });

  it('puts the band to 100 behind every row and the target marker at 100 once', () => {
    expect(band.data).toEqual([100, 100, 100, 100, 100, 100]);
    expect(band.z as number).toBeLessThan(bar.z as number);
    const markLines = collect(option, 'markLine');
    expect(markLines).toHaveLength(1);
    const markLine = markLines[0] as { data: unknown[]; label: { formatter: () => string } };
    expect(markLine.data).toEqual([{ xAxis: 100 }]);
    expect(markLine.label.formatter()).toBe('目标');
  });

  it('ticks the pace at expected ÷ target on its own row, never for caps or rows without pace', () => {
    // [x, row index]: jobs 2500/5000 = 50, train 3000/5000 = 60, start 400/800 = 50; unemp is a cap.
    expect(pace.data).toEqual([
      [50, 1],
      [60, 3],
      [50, 4],
    ]);
    expect(pace.symbol).toBe('rect');
    expect((option.legend as { data: string[] }).data).toEqual(['序时进度']);
  });

  it('labels rows top to bottom in lines it lays out itself (ECharts never re-breaks them), figures in a right column', () => {
    const [left, right] = yAxesOf(option) as [Obj, Obj];
    expect(left.inverse).toBe(true);
    expect(right.inverse).toBe(true);
    // Categories are the rows' ids (unique), so labels come from the formatter, row by row.
    expect(left.data).toEqual(ROWS.map((r) => r.id));
    const leftLabel = left.axisLabel as Obj & { formatter: (v: string, i: number) => string };
    const rightLabel = right.axisLabel as Obj & { formatter: (v: string, i: number) => string };
    expect(ROWS.map((r, i) => leftLabel.formatter(r.id, i))).toEqual(ROWS.map((r) => r.label));
    // The actual on the first line, the target (and status) on the second.
    expect(ROWS.map((r, i) => rightLabel.formatter(r.id, i))).toEqual([
      '5397人\n≥ 5000人',
      '2000个\n≥ 5000个',
      '4.0%\n≤ 5.0%',
      '1万人\n≥ 5000人',
      '—\n≥ 800人',
      '89.1%（17102/19185）\n≥ 90%',
    ]);
    expect(leftLabel.overflow).toBe('none');
    expect(leftLabel.width).toBeUndefined();
    expect(leftLabel.interval).toBe(0);
    expect(rightLabel.interval).toBe(0);
    expect(option.xAxis).toMatchObject({ min: 0, max: 150 });
  });

  it('omits the pace series and its legend when no row has a pace', () => {
    const o = buildBulletOption([ROWS[0]!, ROWS[5]!], { theme, labels: bulletLabels });
    expect(seriesOf(o).map((s) => s.type)).toEqual(['bar', 'bar']);
    expect(o.legend).toBeUndefined();
  });

  it('handles no rows', () => {
    const o = buildBulletOption([], { theme, labels: bulletLabels });
    expect(yAxesOf(o)[0]!.data).toEqual([]);
  });
});

const NAMES: Record<string, string> = {
  '310151': '崇明区',
  '310114': '嘉定区',
  '310113': '宝山区',
  '310107': '普陀区',
  '310106': '静安区',
  '310109': '虹口区',
  '310110': '杨浦区',
  '310118': '青浦区',
  '310105': '长宁区',
  '310104': '徐汇区',
  '310101': '黄浦区',
  '310115': '浦东新区',
  '310117': '松江区',
  '310112': '闵行区',
  '310116': '金山区',
  '310120': '奉贤区',
};
const STATUS_CYCLE: (Status | null)[] = ['met', 'on_track', 'behind', 'missed', 'no_data', null];
const SH_CELLS: MapCell[] = Object.keys(NAMES).map((code, i) => ({
  areaCode: code,
  name: NAMES[code]!,
  status: STATUS_CYCLE[i % STATUS_CYCLE.length]!,
  valueText: `${80 + i}.0%`,
  selected: code === '310115',
}));
const mapLabels = {
  title: '各区',
  description: '十六个区的完成情况',
  status: { met: '已完成', on_track: '进度正常', behind: '滞后', missed: '未完成', no_data: '无数据' },
};
const cell = (areaCode: string, status: Status | null = 'met'): MapCell => ({ areaCode, name: areaCode, status, valueText: '1' });
const key = (c: { col: number; row: number }) => `${c.col},${c.row}`;

describe('placeTiles', () => {
  it('places the 16 districts on 16 distinct tiles, as in the brief', () => {
    expect(Object.keys(SHANGHAI_DISTRICT_TILES)).toHaveLength(16);
    const placed = placeTiles(SH_CELLS);
    expect(new Set(placed.map(key)).size).toBe(16);
    const at = Object.fromEntries(placed.map((p) => [p.name, [p.col, p.row]]));
    expect(at).toEqual({
      崇明区: [3, 0],
      嘉定区: [1, 1],
      宝山区: [2, 1],
      普陀区: [1, 2],
      静安区: [2, 2],
      虹口区: [3, 2],
      杨浦区: [4, 2],
      青浦区: [0, 3],
      长宁区: [1, 3],
      徐汇区: [2, 3],
      黄浦区: [3, 3],
      浦东新区: [4, 3],
      松江区: [1, 4],
      闵行区: [2, 4],
      金山区: [1, 5],
      奉贤区: [2, 5],
    });
  });

  it('keeps the input order and the cells themselves', () => {
    const placed = placeTiles([cell('310120'), cell('310151')]);
    expect(placed.map((p) => [p.areaCode, p.col, p.row])).toEqual([
      ['310120', 2, 5],
      ['310151', 3, 0],
    ]);
  });

  it('gives unknown codes a compact grid in code order, without overlaps', () => {
    // 7 areas → 3 columns (ceil √7), in code order whatever the input order.
    const codes = ['320106', '320102', '320115', '320104', '320111', '320105', '320113'];
    const placed = placeTiles(codes.map((c) => cell(c)));
    const at = Object.fromEntries(placed.map((p) => [p.areaCode, [p.col, p.row]]));
    expect(at).toEqual({
      '320102': [0, 0],
      '320104': [1, 0],
      '320105': [2, 0],
      '320106': [0, 1],
      '320111': [1, 1],
      '320113': [2, 1],
      '320115': [0, 2],
    });
    expect(new Set(placed.map(key)).size).toBe(7);
  });

  it('keeps known positions in a mixed list and puts the others in rows below the map', () => {
    const placed = placeTiles([cell('999002'), cell('310115'), cell('310151'), cell('999001'), cell('310120')]);
    expect(placed.map((p) => [p.areaCode, p.col, p.row])).toEqual([
      ['999002', 1, 6],
      ['310115', 4, 3],
      ['310151', 3, 0],
      ['999001', 0, 6],
      ['310120', 2, 5],
    ]);
  });

  it('never stacks two cells on one tile, even with a repeated code', () => {
    const placed = placeTiles([...SH_CELLS, cell('310115'), ...Array.from({ length: 6 }, (_, i) => cell(`99900${i}`))]);
    expect(new Set(placed.map(key)).size).toBe(placed.length);
    expect(placed.slice(16).map(key)).toEqual(['0,6', '1,6', '2,6', '3,6', '4,6', '0,7', '1,7']);
  });

  it('handles an empty list', () => {
    expect(placeTiles([])).toEqual([]);
  });
});

describe('tile text', () => {
  it.each([
    ['#56B4E9', DARK_TEXT], // sky blue: on track
    ['#E69F00', DARK_TEXT], // orange: behind
    ['#F0E442', DARK_TEXT], // yellow
    ['#FFFFFF', DARK_TEXT],
    ['#0072B2', LIGHT_TEXT], // dark blue
    ['#1B2733', LIGHT_TEXT],
    ['#2A3B4F', LIGHT_TEXT], // the wall's neutral tile
    ['#000', LIGHT_TEXT],
  ])('on %s the text is %s', (fill, ink) => {
    expect(textColorOn(fill)).toBe(ink);
  });

  it.each([
    [{ status: 'met', valueText: '5397人' }, '✓ 5397人'],
    [{ status: 'on_track', valueText: '86.0%' }, '→ 86.0%'],
    [{ status: 'behind', valueText: '2000个' }, '! 2000个'],
    [{ status: 'missed', valueText: '4.9%' }, '✕ 4.9%'],
    [{ status: 'no_data', valueText: null }, '–'],
    [{ status: null, valueText: '12人' }, '12人'],
    [{ status: null, valueText: null }, '—'],
  ] as const)('%o → %s', (c, text) => {
    expect(cellStatusLine(c)).toBe(text);
  });
});

describe('fitTileText', () => {
  // Widths as the function estimates them, worked out by hand: CJK characters and the marks ✓ ✕
  // are 1 em, Latin letters, digits, spaces and % 0.58 em; each line keeps 5 % spare.
  const SPARE = 1.05;

  it('keeps the theme sizes where they fit: a wall tile of 200 px', () => {
    const t = fitTileText('浦东新区', '✕ 95.0%', 200, 20);
    expect(t.nameSize).toBeCloseTo(19, 6);
    expect(t.statusSize).toBeCloseTo(17, 6);
    expect(t.statusY - t.nameY).toBeCloseTo(19 * 1.2 + 8, 6); // one name line, then the 4 % gap
  });

  it('shrinks into a 64 px workbench tile (font 13): a four-character name and the status on one line each, centred', () => {
    const tile = 64;
    const t = fitTileText('浦东新区', '✓ 102.1%', tile, 13);
    expect(t.nameSize).toBeCloseTo(Math.min(13 * 0.95, (0.9 * tile) / (4 * SPARE)), 6);
    expect(t.statusSize).toBeCloseTo((0.9 * tile) / ((1 + 7 * 0.58) * SPARE), 6);
    expect(t.statusSize).toBeGreaterThanOrEqual(13 * 0.8);
    const bottom = t.statusY + 1.2 * t.statusSize;
    expect(t.statusY - t.nameY).toBeCloseTo(1.2 * t.nameSize + 0.04 * tile, 6);
    expect(t.nameY).toBeCloseTo(tile - bottom, 6);
    expect(t.nameY).toBeGreaterThan(0);
  });

  it('never goes under 0.8 × the font: a name that does not fit then takes two lines, split in halves', () => {
    const t = fitTileText('浦东新区', '✕ 95.0%', 70, 23);
    expect(t.nameSize).toBeGreaterThanOrEqual(23 * 0.8);
    expect(t.statusSize).toBeGreaterThanOrEqual(23 * 0.8);
    // Two characters per line: the wrap width holds two at this size and not three.
    expect(t.nameWidth).toBeGreaterThanOrEqual(2 * t.nameSize);
    expect(t.nameWidth).toBeLessThan(3 * t.nameSize);
    expect(t.statusY - t.nameY).toBeCloseTo(2 * 1.2 * t.nameSize + 0.04 * 70, 6);
  });

  it.each([
    // name, tile, font, the best split's longer line in ems ("New Area" 8 × 0.58; "Sample East" 11 × 0.58)
    ['Pudong New Area', 60, 13, 8 * 0.58],
    ['Sample East District', 120, 20, 11 * 0.58],
  ])('splits "%s" into exactly two lines at the space that makes the longer line shortest', (name, tile, font, longer) => {
    const t = fitTileText(name, '✓ 102.1%', tile, font);
    expect(t.nameWidth).toBeCloseTo(longer * t.nameSize * SPARE, 6);
    // Greedy wrapping at that width: every word fits, and the whole name does not (two lines, not three:
    // the two halves each fit, so the first line takes at least the first half).
    const words = name.split(' ');
    for (const w of words) expect(w.length * 0.58 * t.nameSize).toBeLessThanOrEqual(t.nameWidth);
    expect(name.length * 0.58 * t.nameSize).toBeGreaterThan(t.nameWidth);
    expect(t.statusY - t.nameY).toBeCloseTo(2 * 1.2 * t.nameSize + 0.04 * tile, 6);
  });

  it('an empty name or status gives finite sizes', () => {
    const t = fitTileText('', '', 50, 16);
    for (const v of [t.nameSize, t.statusSize, t.nameY, t.statusY, t.nameWidth]) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('buildTileMapOption', () => {
  const option = buildTileMapOption(SH_CELLS, { theme, labels: mapLabels });
  const tiles = drawnTiles(option);
  const byCode = Object.fromEntries(tiles.map((t) => [t.areaCode, t]));

  it('gives every data item its areaCode (what click handlers read) and value [col, row]', () => {
    const items = seriesOf(option).flatMap((s) => s.data as { areaCode: string; value: number[] }[]);
    expect(items.map((d) => d.areaCode).sort()).toEqual(Object.keys(NAMES).sort());
    const pudong = items.find((d) => d.areaCode === '310115')!;
    expect(pudong).toMatchObject({ value: [4, 3], name: '浦东新区', isSelected: true });
  });

  it('fills each tile with its status colour, neutral grey without a status, and picks readable text', () => {
    for (const c of SH_CELLS) {
      const t = byCode[c.areaCode]!;
      const fill = c.status ? STATUS_COLOR[c.status] : theme.grid;
      expect(t.rect.style.fill).toBe(fill);
      for (const text of t.texts) expect(text.style.fill).toBe(textColorOn(fill));
    }
    expect(byCode['310109']!.rect.style.fill).toBe('#2A3B4F'); // status null on the wall theme
    expect(byCode['310109']!.texts[0]!.style.fill).toBe(LIGHT_TEXT);
  });

  it('writes the name as given, in lines broken only between words, and the status mark before the figure', () => {
    // Object keys that look like integers iterate in numeric order: 310101 is cell 0, 310151 cell 15.
    // Tiles of this 1000 × 500 test box are small: a four-character name takes two lines (浦东 / 新区),
    // a long status line puts the figure under the mark.
    expect(byCode['310115']!.texts.map((t) => t.style.text)).toEqual(['浦东\n新区', '–\n90.0%']);
    expect(byCode['310151']!.texts.map((t) => t.style.text)).toEqual(['崇明区', '✕\n95.0%']);
    expect(byCode['310109']!.texts.map((t) => t.style.text)).toEqual(['虹口区', '85.0%']);
    // The lines are final: no wrap width for ECharts to break them again.
    for (const t of byCode['310115']!.texts) expect(t.style).toMatchObject({ overflow: 'none' });
    for (const t of byCode['310115']!.texts) expect(t.style.width).toBeUndefined();
  });

  it('borders the selected tile thicker in the light text colour', () => {
    expect(byCode['310115']!.rect.style).toMatchObject({ stroke: theme.text, lineWidth: 5 });
    expect(byCode['310151']!.rect.style.lineWidth).toBe(1);
  });

  it('keeps tiles square and the grid centred in a wide container', () => {
    // f = 20: 48 px for the title, 48 for the legend → 404 px for 6 rows; 992 px for 5 columns.
    const size = 404 / 6;
    const gap = size * 0.08;
    for (const t of tiles) {
      expect(t.rect.shape.width).toBeCloseTo(size - gap, 9);
      expect(t.rect.shape.height).toBeCloseTo(size - gap, 9);
    }
    const left = Math.min(...tiles.map((t) => t.rect.shape.x)) - gap / 2;
    const right = Math.max(...tiles.map((t) => t.rect.shape.x + t.rect.shape.width)) + gap / 2;
    expect(left).toBeCloseTo(W / 2 - 2.5 * size, 9);
    expect(right).toBeCloseTo(W / 2 + 2.5 * size, 9);
    expect(byCode['310151']!.rect.shape.y).toBeCloseTo(48 + gap / 2, 9);
  });

  it('has a legend of the statuses present, each with its mark and word, in status order', () => {
    expect((option.legend as { data: string[] }).data).toEqual(['✓ 已完成', '→ 进度正常', '! 滞后', '✕ 未完成', '– 无数据']);
    const named = seriesOf(option).filter((s) => s.name !== '');
    expect(named.map((s) => (s.itemStyle as Obj).color)).toEqual([
      STATUS_COLOR.met,
      STATUS_COLOR.on_track,
      STATUS_COLOR.behind,
      STATUS_COLOR.missed,
      STATUS_COLOR.no_data,
    ]);
  });

  it('lays out any other city in a compact grid', () => {
    const o = buildTileMapOption([cell('320102', 'behind'), cell('320104', 'missed'), cell('320105', null)], {
      theme,
      labels: mapLabels,
    });
    expect((o.legend as { data: string[] }).data).toEqual(['! 滞后', '✕ 未完成']);
    expect(drawnTiles(o).map((t) => [t.areaCode, t.rect.style.fill])).toEqual([
      ['320102', STATUS_COLOR.behind],
      ['320104', STATUS_COLOR.missed],
      ['320105', theme.grid],
    ]);
  });
});

describe('buildGeoMapOption', () => {
  const option = buildGeoMapOption(SH_CELLS, { theme, mapName: 'shanghai', labels: mapLabels });
  const map = seriesOf(option)[0]!;

  it('matches features by area_code and colours each by status', () => {
    expect(map).toMatchObject({ type: 'map', map: 'shanghai', nameProperty: 'area_code' });
    const data = map.data as { name: string; areaCode: string; itemStyle: { areaColor: string }; label: { color: string } }[];
    expect(data[0]).toMatchObject({ name: '310101', areaCode: '310101', itemStyle: { areaColor: STATUS_COLOR.met } });
    expect(data.find((d) => d.areaCode === '310109')!.itemStyle.areaColor).toBe(theme.grid);
    expect(data.find((d) => d.areaCode === '310115')!.itemStyle).toMatchObject({ borderColor: theme.text, borderWidth: 5 });
    for (const d of data) expect(d.label.color).toBe(textColorOn(d.itemStyle.areaColor));
  });

  it('labels each area with its name and status mark, as plain text', () => {
    const formatter = (map.label as { formatter: (p: { name?: string }) => string }).formatter;
    expect(formatter({ name: '310151' })).toBe('崇明区\n✕');
    expect(formatter({ name: '310109' })).toBe('虹口区');
    expect(formatter({ name: '999999' })).toBe('');
    const odd = buildGeoMapOption([{ areaCode: '1', name: '{a|x}<b>', status: 'missed', valueText: null }], {
      theme,
      mapName: 'm',
      labels: mapLabels,
    });
    const f = (seriesOf(odd)[0]!.label as { formatter: (p: { name?: string }) => string }).formatter;
    expect(f({ name: '1' })).toBe(`{a|x}<b>\n${STATUS_MARK.missed}`);
  });

  it('explains the colours in a legend', () => {
    expect((option.legend as { data: string[] }).data).toEqual(['✓ 已完成', '→ 进度正常', '! 滞后', '✕ 未完成', '– 无数据']);
  });
});

describe('every wall chart', () => {
  const options: [string, ChartTheme, ChartOption][] = [WALL_THEME, ANALYST_THEME, { ...WALL_THEME, font: 23 }].flatMap(
    (t): [string, ChartTheme, ChartOption][] => [
      [`bullet @${t.font}px`, t, buildBulletOption(ROWS, { theme: t, labels: bulletLabels })],
      [`tiles @${t.font}px`, t, buildTileMapOption(SH_CELLS, { theme: t, labels: mapLabels })],
      [`geo @${t.font}px`, t, buildGeoMapOption(SH_CELLS, { theme: t, mapName: 'shanghai', labels: mapLabels })],
    ],
  );

  it.each(options)('%s: no text under 0.8 × theme.font', (_name, t, option) => {
    const sizes = collect(everything(option), 'fontSize') as number[];
    expect(sizes.length).toBeGreaterThan(3);
    for (const s of sizes) expect(s).toBeGreaterThanOrEqual(t.font * 0.8 - 1e-9);
  });

  it.each(options)('%s: aria description, no animation, no tooltip, no rich text', (_name, _t, option) => {
    expect(option.aria).toEqual({ enabled: true, label: { description: expect.any(String) } });
    expect(option.animation).toBe(false);
    expect(collect(everything(option), 'tooltip')).toEqual([]);
    expect(collect(everything(option), 'rich')).toEqual([]);
  });
});
