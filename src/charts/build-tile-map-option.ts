/**
 * Districts as a map. The built-in one is a tile grid of Shanghai's 16 districts placed roughly as
 * on the ground: district boundaries need a surveying licence to publish, tiles do not. A city
 * with a registered GeoJSON map can use `buildGeoMapOption` instead.
 *
 * Colour never carries meaning alone: every tile shows a status mark (✓ → ! ✕ –) before its
 * figure, and a legend spells out each mark and colour in words. No tooltips: the wall has no hover.
 *
 * Click handlers read `params.data.areaCode` (both builders put it on every data item).
 */
import { PAGE_FONT } from './font';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import { breakGrades } from '../domain/label-breaks';
import { STATUS_COLOR, STATUS_MARK } from '../domain/status';
import { STATUSES, type Status } from '../domain/types';
import type { ChartOption } from './echarts-setup';
import { chartFrame, type ChartTheme } from './theme';

export interface MapCell {
  areaCode: string;
  name: string;
  status: Status | null;
  valueText: string | null;
  selected?: boolean;
}

export type PlacedCell = MapCell & { col: number; row: number };

/**
 * Shanghai's 16 districts by code as [col, row], row 0 at the top: north (崇明) at the top, the
 * city centre in the middle, 浦东 east of the river, 金山 and 奉贤 along the south coast.
 */
export const SHANGHAI_DISTRICT_TILES: Readonly<Record<string, readonly [col: number, row: number]>> = {
  '310151': [3, 0], // 崇明区
  '310114': [1, 1], // 嘉定区
  '310113': [2, 1], // 宝山区
  '310107': [1, 2], // 普陀区
  '310106': [2, 2], // 静安区
  '310109': [3, 2], // 虹口区
  '310110': [4, 2], // 杨浦区
  '310118': [0, 3], // 青浦区
  '310105': [1, 3], // 长宁区
  '310104': [2, 3], // 徐汇区
  '310101': [3, 3], // 黄浦区
  '310115': [4, 3], // 浦东新区
  '310117': [1, 4], // 松江区
  '310112': [2, 4], // 闵行区
  '310116': [1, 5], // 金山区
  '310120': [2, 5], // 奉贤区
};

/** Columns of the Shanghai grid: areas without a known position fill rows of this width below it. */
const SHANGHAI_COLS = 5;

function byCode(a: MapCell, b: MapCell): number {
  return a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0;
}

/**
 * Positions for any list of areas, in the order given. Known Shanghai district codes take their
 * place on the grid above; the others (another city's data, a zone) fill rows below it in code
 * order. When no code is known, all areas get a compact near-square grid in code order.
 */
export function placeTiles(cells: readonly MapCell[]): PlacedCell[] {
  const position = new Map<MapCell, readonly [number, number]>();
  const usedCodes = new Set<string>();
  const others: MapCell[] = [];
  for (const cell of cells) {
    const known = SHANGHAI_DISTRICT_TILES[cell.areaCode];
    // A repeated code must not land on the same tile: it goes with the others.
    if (known && !usedCodes.has(cell.areaCode)) {
      usedCodes.add(cell.areaCode);
      position.set(cell, known);
    } else {
      others.push(cell);
    }
  }
  others.sort(byCode);
  if (position.size === 0) {
    const cols = Math.max(1, Math.ceil(Math.sqrt(others.length)));
    others.forEach((c, i) => position.set(c, [i % cols, Math.floor(i / cols)]));
  } else {
    let firstFreeRow = 0;
    for (const [, row] of position.values()) firstFreeRow = Math.max(firstFreeRow, row + 1);
    others.forEach((c, i) => position.set(c, [i % SHANGHAI_COLS, firstFreeRow + Math.floor(i / SHANGHAI_COLS)]));
  }
  return cells.map((c) => {
    const [col, row] = position.get(c) ?? [0, 0];
    return { ...c, col, row };
  });
}

function channelToLinear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rgb or #rrggbb colour (0 for anything else). */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return 0;
  const h = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => channelToLinear(parseInt(h.slice(i, i + 2), 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

export const DARK_TEXT = '#0B0F14';
export const LIGHT_TEXT = '#FFFFFF';

/** The text colour (near-black or white) with the higher WCAG contrast against `fill`. */
export function textColorOn(fill: string): string {
  return contrast(fill, DARK_TEXT) >= contrast(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** Fill of a cell: its status colour, or the theme's neutral grid colour when it has no target. */
export function cellFill(status: Status | null, theme: ChartTheme): string {
  return status ? STATUS_COLOR[status] : theme.grid;
}

/** Second line of a tile or map label: the status mark, then the figure. */
export function cellStatusLine(cell: Pick<MapCell, 'status' | 'valueText'>): string {
  const mark = cell.status ? STATUS_MARK[cell.status] : '';
  const value = cell.valueText ?? (cell.status ? '' : '—');
  return [mark, value].filter((s) => s !== '').join(' ');
}

export interface MapLabels {
  title: string;
  description: string;
  status: Record<Status, string>;
  /** Legend entry of an area with nothing to judge ("— 无适用目标"); no entry when not given. */
  none?: string;
}

/** Legend entry of a status: mark and word, so the legend explains the marks too. */
function legendName(status: Status, labels: MapLabels): string {
  return `${STATUS_MARK[status]} ${labels.status[status]}`;
}

function presentStatuses(cells: readonly MapCell[]): Status[] {
  return STATUSES.filter((s) => cells.some((c) => c.status === s));
}

function legendOption(names: string[], theme: ChartTheme) {
  const f = theme.font;
  return {
    bottom: 0,
    left: 'center',
    // A legend here explains; it must not hide tiles when clicked.
    selectedMode: false,
    icon: 'roundRect',
    itemWidth: f * 1.1,
    itemHeight: f * 0.9,
    itemGap: f,
    data: names,
    textStyle: { color: theme.text, fontSize: f * 0.9 },
  } as const;
}

/** What each tile's data item carries: `value` is [col, row]; `areaCode` is for click handlers. */
export interface TileDatum {
  value: [number, number];
  name: string;
  areaCode: string;
  status: Status | null;
  valueText: string | null;
  isSelected: boolean;
}

const LINE = 1.2;

/**
 * A text's width in ems, near enough: CJK characters and symbols (the status marks ✓ ✕ → among
 * them, full width in CJK fonts) are square, Latin letters and digits about half.
 */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2190-\u2bff\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.58;
  return n;
}

/**
 * Sizes and places a tile's two texts: as large as the theme's sizes and as the tile allows, never
 * under 0.8 × the theme's font (the wall's legibility floor). A name that does not fit on one line
 * at that floor takes two, split where the longer half is shortest among the gaps where
 * domain/label-breaks.ts allows a break (at a space, between 浦东 / 新区; never inside a word), and
 * the lines are given as text (`nameText`), so nothing re-breaks them. Widths are estimates, so
 * each line keeps 5 % spare. The two texts are centred in the tile together.
 */
export function fitTileText(name: string, status: string, tile: number, font: number) {
  const room = tile * 0.9;
  const SPARE = 1.05;
  const clamp = (size: number, max: number) => Math.max(font * 0.8, Math.min(max, size));
  const sizeFor = (lineEms: number, max: number) => clamp(room / (Math.max(lineEms, 1) * SPARE), max);
  const fits = (lineEms: number, size: number) => lineEms * size * SPARE <= room + 1e-9;
  let nameSize = sizeFor(ems(name), font * 0.95);
  let nameLines = 1;
  let nameWidth = room;
  let nameText = name;
  if (!fits(ems(name), nameSize)) {
    nameLines = 2;
    const chars = [...name];
    const grades = breakGrades(name);
    let longer = Infinity;
    for (let k = 1; k < chars.length; k++) {
      if (grades[k] === 'never') continue;
      const [a, b] = [chars.slice(0, k).join('').trim(), chars.slice(k).join('').trim()];
      const l = Math.max(ems(a), ems(b));
      if (l < longer) {
        longer = l;
        nameText = `${a}\n${b}`;
      }
    }
    if (!Number.isFinite(longer)) longer = ems(name); // one word or one character: nothing to split
    nameSize = sizeFor(longer, font * 0.95);
    nameWidth = longer * nameSize * SPARE;
  }
  const statusSize = sizeFor(ems(status), font * 0.85);
  const statusLines = status === '' ? 0 : fits(ems(status), statusSize) ? 1 : 2;
  // A status line too long for the tile puts the figure under the mark (they are split at the space).
  const statusText = statusLines === 2 ? status.replace(' ', '\n') : status;
  const gap = tile * 0.04;
  const height = nameLines * nameSize * LINE + gap + statusLines * statusSize * LINE;
  const nameY = (tile - height) / 2;
  return { nameSize, nameWidth, nameText, statusSize, status: statusText, nameY, statusY: nameY + nameLines * nameSize * LINE + gap };
}

/**
 * Tile map: a rounded square per area, filled by status, with the name and "mark figure" inside.
 * One `custom` series per status present (so the legend can name them), drawn in container
 * pixels with square tiles centred whatever the container's shape.
 */
export function buildTileMapOption(cells: readonly MapCell[], opts: { theme: ChartTheme; labels: MapLabels }): ChartOption {
  const { theme, labels } = opts;
  const f = theme.font;
  const placed = placeTiles(cells);
  const minCol = placed.length ? Math.min(...placed.map((c) => c.col)) : 0;
  const minRow = placed.length ? Math.min(...placed.map((c) => c.row)) : 0;
  const cols = placed.length ? Math.max(...placed.map((c) => c.col)) - minCol + 1 : 1;
  const rows = placed.length ? Math.max(...placed.map((c) => c.row)) - minRow + 1 : 1;
  const statuses = presentStatuses(cells);
  const groups: { status: Status | null; name: string; cells: PlacedCell[] }[] = [
    ...statuses.map((s) => ({ status: s, name: legendName(s, labels), cells: placed.filter((c) => c.status === s) })),
    { status: null, name: labels.none ? `— ${labels.none}` : '', cells: placed.filter((c) => c.status == null) },
  ].filter((g) => g.cells.length > 0);
  const top = f * 2.4; // below the title
  const bottom = f * 2.4; // above the legend
  const side = 4;

  const renderTile =
    (group: PlacedCell[]) =>
    (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
      const cell = group[params.dataIndex];
      if (!cell) return null;
      const areaW = Math.max(0, api.getWidth() - 2 * side);
      const areaH = Math.max(0, api.getHeight() - top - bottom);
      const size = Math.min(areaW / cols, areaH / rows);
      const x0 = side + (areaW - size * cols) / 2;
      const y0 = top + (areaH - size * rows) / 2;
      const gap = size * 0.08;
      const s = size - gap;
      const x = x0 + (cell.col - minCol) * size + gap / 2;
      const y = y0 + (cell.row - minRow) * size + gap / 2;
      const fill = cellFill(cell.status, theme);
      const ink = textColorOn(fill);
      const text = fitTileText(cell.name, cellStatusLine(cell), s, f);
      // The lines are laid out by fitTileText; ECharts must not break them again.
      const textBase = { fill: ink, fontFamily: PAGE_FONT, align: 'center', verticalAlign: 'top', overflow: 'none' } as const;
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: { x, y, width: s, height: s, r: s * 0.12 },
            style: cell.selected
              ? { fill, stroke: theme.text, lineWidth: Math.max(3, f * 0.25) }
              : { fill, stroke: theme.grid, lineWidth: 1 },
          },
          {
            type: 'text',
            x: x + s / 2,
            y: y + text.nameY,
            style: { ...textBase, text: text.nameText, fontSize: text.nameSize, lineHeight: text.nameSize * LINE, fontWeight: 600 },
          },
          {
            type: 'text',
            x: x + s / 2,
            y: y + text.statusY,
            style: { ...textBase, text: text.status, fontSize: text.statusSize, lineHeight: text.statusSize * LINE },
          },
        ],
      };
    };

  return {
    ...mapFrame(cells, theme, labels),
    series: groups.map((g) => ({
      type: 'custom' as const,
      name: g.name,
      coordinateSystem: 'none',
      itemStyle: { color: cellFill(g.status, theme) },
      data: g.cells.map((c): TileDatum => ({
        value: [c.col, c.row],
        name: c.name,
        areaCode: c.areaCode,
        status: c.status,
        valueText: c.valueText,
        isSelected: c.selected === true,
      })),
      renderItem: renderTile(g.cells),
    })),
  };
}

/** What both maps share: accessible description, title and the status legend in words. */
function mapFrame(cells: readonly MapCell[], theme: ChartTheme, labels: MapLabels): ChartOption {
  const none = labels.none && cells.some((c) => c.status == null) ? [`— ${labels.none}`] : [];
  return {
    ...chartFrame(theme, labels),
    legend: legendOption([...presentStatuses(cells).map((s) => legendName(s, labels)), ...none], theme),
  };
}

/**
 * The same cells on a registered GeoJSON map whose features carry `properties.area_code`. Labels
 * show the name and the status mark; a legend (empty series, one per status) names the colours.
 */
export function buildGeoMapOption(
  cells: readonly MapCell[],
  opts: { theme: ChartTheme; mapName: string; labels: MapLabels },
): ChartOption {
  const { theme, mapName, labels } = opts;
  const f = theme.font;
  const byArea = new Map(cells.map((c) => [c.areaCode, c]));
  const statuses = presentStatuses(cells);
  return {
    ...mapFrame(cells, theme, labels),
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'area_code',
        roam: false,
        selectedMode: false,
        top: f * 2.4,
        bottom: f * 2.4,
        emphasis: { disabled: true },
        itemStyle: { areaColor: theme.grid, borderColor: theme.muted, borderWidth: 1 },
        label: {
          show: true,
          fontSize: f * 0.85,
          color: theme.text,
          // Plain text (no rich styles), so names need no escaping.
          formatter: (p: { name?: string }) => {
            const c = p.name != null ? byArea.get(p.name) : undefined;
            if (!c) return '';
            const mark = c.status ? STATUS_MARK[c.status] : '';
            return mark ? `${c.name}\n${mark}` : c.name;
          },
        },
        data: cells.map((c) => {
          const fill = cellFill(c.status, theme);
          return {
            name: c.areaCode,
            areaCode: c.areaCode,
            itemStyle: c.selected
              ? { areaColor: fill, borderColor: theme.text, borderWidth: Math.max(3, f * 0.25) }
              : { areaColor: fill },
            label: { color: textColorOn(fill) },
          };
        }),
      },
      // Empty series, only so that the legend shows each status colour with its mark and word.
      ...statuses.map((s) => ({
        type: 'custom' as const,
        name: legendName(s, labels),
        coordinateSystem: 'none',
        silent: true,
        itemStyle: { color: STATUS_COLOR[s] },
        data: [],
        renderItem: () => null,
      })),
    ],
  };
}
