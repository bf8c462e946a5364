/**
 * How much room a wall page has, and how its rows use it: the boxes below mirror the wall's CSS
 * (styles.css, "Wall screen"), so a page can decide before it draws whether its bullets fit beside
 * a side panel, need the full width and more columns, or continue on a second sheet; and how the
 * policy-source cards fill columns without splitting a card's row. Estimates err on the small
 * side: a page planned here always fits when drawn.
 */
import { planBullets, type BulletRow } from '../../charts/build-bullet-option';
import type { Measure } from '../../charts/wrap-text';
import { wrapText } from '../../charts/wrap-text';

export interface Viewport {
  width: number;
  height: number;
  /** Px taken from the page's height by notices under the header (0 when none). */
  chrome?: number;
}

/** Shares of the viewport that the CSS gives each part (keep in step with styles.css). */
export const WALL_CSS = {
  header: 0.09,
  progress: 0.007,
  pagePadY: 0.014,
  pagePadX: 0.012,
  gapY: 0.014,
  gapX: 0.012,
  panelPadY: 0.012,
  panelPadX: 0.009,
  columnGap: 0.01,
  /** The main panel of a page with a side panel: 1.6fr of 2.6fr. */
  mainShare: 1.6 / 2.6,
  /** The story line above a district page and the summary line above the overview. */
  strip: 0.05,
} as const;

/** Safety margin on every estimate. */
const SPARE = 0.97;

/** The content box of a page's main panel: beside a side panel, or across the whole page. */
export function mainPanelBox(v: Viewport, opts: { side: boolean; strip?: boolean }): Viewport {
  const c = WALL_CSS;
  const pageW = v.width * (1 - 2 * c.pagePadX);
  const colW = opts.side ? (pageW - v.width * c.gapX) * c.mainShare : pageW;
  const pageH =
    v.height * (1 - c.header - c.progress - 2 * c.pagePadY) - (v.chrome ?? 0) - (opts.strip ? v.height * (c.strip + c.gapY) : 0);
  return {
    width: (colW - 2 * v.width * c.panelPadX - 2) * SPARE,
    height: (pageH - 2 * v.height * c.panelPadY - 2) * SPARE,
  };
}

/** The content width of a page's side panel (the map, the cumulative chart). */
export function sidePanelWidth(v: Viewport): number {
  const c = WALL_CSS;
  const pageW = v.width * (1 - 2 * c.pagePadX);
  return ((pageW - v.width * c.gapX) * (1 - c.mainShare) - 2 * v.width * c.panelPadX - 2) * SPARE;
}

export interface BulletLayout {
  /** The side panel (map, cumulative chart) stays beside the bullets. */
  side: boolean;
  columns: number;
  /** Rows of each sheet (one sheet unless the rows need more than a screen). */
  sheets: BulletRow[][];
}

/** Narrowest column worth having: a label, bars and figures side by side at the wall's type size. */
export const minColumnWidth = (font: number) => font * 36;

/**
 * Where a page's bullet rows go: beside the side panel in as few columns as hold them; else across
 * the page in as few columns as hold them (fewer, wider columns first); else over as many sheets as
 * needed, with the most columns the page takes.
 */
export function layoutBullets(
  rows: readonly BulletRow[],
  opts: { viewport: Viewport; font: number; measure: Measure; sideWanted: boolean; strip?: boolean },
): BulletLayout {
  const theme = { font: opts.font };
  const gap = opts.viewport.width * WALL_CSS.columnGap;
  const configs = opts.sideWanted ? [true, false] : [false];
  let widest: { columns: number; perColumn: number } = { columns: 1, perColumn: 1 };
  for (const side of configs) {
    const box = mainPanelBox(opts.viewport, { side, strip: opts.strip });
    const most = Math.max(1, Math.floor((box.width + gap) / (minColumnWidth(opts.font) + gap)));
    for (let columns = 1; columns <= most; columns++) {
      const width = (box.width - (columns - 1) * gap) / columns;
      const plan = planBullets(rows, { width, height: box.height, theme, measure: opts.measure });
      const perColumn = Math.max(1, plan.capacity);
      if (perColumn * columns >= rows.length) return { side, columns, sheets: [rows.slice()] };
      if (!side && columns === most) widest = { columns, perColumn };
    }
  }
  const perSheet = widest.columns * widest.perColumn;
  const count = Math.ceil(rows.length / perSheet);
  // Even sheets: 14 rows over two sheets of 12 are 7 and 7, not 12 and 2.
  const size = Math.ceil(rows.length / count);
  return {
    side: false,
    columns: widest.columns,
    sheets: Array.from({ length: count }, (_, i) => rows.slice(i * size, (i + 1) * size)),
  };
}

/** Rows split over `columns` columns, top to bottom then left to right, as evenly as they go. */
export function splitColumns<T>(rows: readonly T[], columns: number): T[][] {
  const n = Math.max(1, Math.min(columns, rows.length || 1));
  const per = Math.ceil(rows.length / n);
  return Array.from({ length: n }, (_, i) => rows.slice(i * per, (i + 1) * per));
}

// ------------------------------------------------------------------ policy sources

export interface SourceDoc<R> {
  doc: string;
  rows: R[];
}

export interface SourceCard<R> {
  doc: string;
  rows: R[];
  /** Rows of the document shown in earlier cards (its heading says 续). */
  continued: boolean;
  /** How many targets the document has in all. */
  total: number;
}

/** Type sizes of the sources page, as shares of the viewport height (styles.css `.doc-card`). */
export const SOURCES_CSS = {
  heading: 0.024,
  row: 0.019,
  line: 1.3,
  rowGap: 0.006,
  cardPad: 0.011,
  cardGap: 0.012,
  headingGap: 0.008,
  topBorder: 0.006,
} as const;

/** Columns of policy-source cards: three on a 16:9 screen, more on a wider one. */
export function sourceColumns(v: Viewport): number {
  return Math.max(2, Math.round((v.width / v.height) * (3 / (16 / 9))));
}

/**
 * Cards of policy sources packed into columns, top to bottom then left to right, and columns into
 * sheets: a document starts a new column when it does not fit the rest of one; a document longer
 * than a column continues in the next with its heading again (续); rows never split. Of the column
 * counts the screen takes, the fewest (widest) that hold everything on one sheet; when none does,
 * the most, over several sheets.
 */
export function packSources<R>(
  docs: readonly SourceDoc<R>[],
  opts: {
    viewport: Viewport;
    rowText: (r: R) => string;
    statusWidth: (r: R) => number;
    headingText: (d: SourceDoc<R>, continued: boolean) => string;
    measureRow: Measure;
    measureHeading: Measure;
  },
): { cols: number; sheets: SourceCard<R>[][][] } {
  const most = sourceColumns(opts.viewport);
  for (let cols = Math.max(2, most - 2); cols < most; cols++) {
    const sheets = packInto(docs, cols, opts);
    if (sheets.length === 1) return { cols, sheets };
  }
  return { cols: most, sheets: packInto(docs, most, opts) };
}

function packInto<R>(
  docs: readonly SourceDoc<R>[],
  cols: number,
  opts: Parameters<typeof packSources<R>>[1],
): SourceCard<R>[][][] {
  const v = opts.viewport;
  const s = SOURCES_CSS;
  const pageW = v.width * (1 - 2 * WALL_CSS.pagePadX);
  const colW = (pageW - (cols - 1) * v.width * WALL_CSS.columnGap) / cols;
  const colH = v.height * (1 - WALL_CSS.header - WALL_CSS.progress - 2 * WALL_CSS.pagePadY) - (v.chrome ?? 0) - 4;
  const pad = v.height * s.cardPad;
  const inner = colW - 2 * pad - 2;
  const rowFont = v.height * s.row;
  const lineH = rowFont * s.line;
  const headingH = (d: SourceDoc<R>, continued: boolean) =>
    wrapText(opts.headingText(d, continued), inner, opts.measureHeading).length * v.height * s.heading * 1.25 +
    v.height * (s.headingGap + s.topBorder) +
    2 * pad +
    2;
  const rowH = (r: R) => {
    // The row's grid: icon (2.1vh), gap, text, gap, status word (styles.css .doc-card li).
    const textWidth = (inner - v.height * 0.021 - 2 * v.width * 0.006 - opts.statusWidth(r)) * 0.98;
    return (wrapText(opts.rowText(r), textWidth, opts.measureRow).length + 1) * lineH + v.height * s.rowGap;
  };
  const sheets: SourceCard<R>[][][] = [];
  let columns: SourceCard<R>[][] = [[]];
  let used = 0;
  const newColumn = () => {
    if (columns.length === cols) {
      sheets.push(columns);
      columns = [[]];
    } else columns.push([]);
    used = 0;
  };
  for (const d of docs) {
    const heights = d.rows.map(rowH);
    const whole = headingH(d, false) + heights.reduce((a, b) => a + b, 0);
    if (used > 0 && used + whole + v.height * s.cardGap > colH) newColumn();
    let i = 0;
    let continued = false;
    while (i < d.rows.length) {
      const head = headingH(d, continued);
      const room = colH - used - (used > 0 ? v.height * s.cardGap : 0) - head;
      let take = 0;
      let h = 0;
      while (i + take < d.rows.length && h + heights[i + take]! <= room) h += heights[i + take++]!;
      if (take === 0 && used === 0) take = 1; // a row taller than a column still goes somewhere
      if (take === 0) {
        newColumn();
        continue;
      }
      columns[columns.length - 1]!.push({ doc: d.doc, rows: d.rows.slice(i, i + take), continued, total: d.rows.length });
      used += (used > 0 ? v.height * s.cardGap : 0) + head + h;
      i += take;
      continued = true;
      if (i < d.rows.length) newColumn();
    }
  }
  if (columns.some((c) => c.length > 0)) sheets.push(columns);
  return sheets.length > 0 ? sheets : [[[]]];
}

// ------------------------------------------------------------------ overview tiles

/** Type sizes and spacing of a tile, as shares of the viewport height (styles.css `.tile`). */
export const TILE_CSS = {
  name: 0.019,
  nameLine: 1.25,
  fact: 0.018,
  status: 0.019,
  doc: 0.0165,
  line: 1.3,
  gap: 0.005,
  padY: 0.011,
  border: 0.008,
  number: 0.044,
} as const;

/** What a tile writes, for estimating its height. */
export interface TileText {
  name: string;
  /** The big figure with its unit ("17,951 persons"). */
  number: string;
  /** A rate shows its counts on a line of their own. */
  fraction: boolean;
  /** Target, pace: label and figure. */
  facts: [string, string][];
  status: string;
  doc: string;
}

export interface TileMeasures {
  name: Measure;
  fact: Measure;
  factValue: Measure;
  status: Measure;
  doc: Measure;
}

/** Lines the facts list keeps free under the facts: one, for a projection line (预计全年 …). */
export const TILE_SPARE_LINES = 1;

/**
 * The height a tile of `width` px needs for its text and a big number of at least 5vh; Infinity
 * when something that never breaks (a word, a figure, the status) is wider than the tile.
 */
export function tileNeed(t: TileText, width: number, v: Viewport, m: TileMeasures): number {
  const c = TILE_CSS;
  const vh = v.height;
  const inner = width - 2 * v.width * WALL_CSS.panelPadX - vh * c.border - 2;
  const name = wrapText(t.name, inner, m.name);
  const doc = wrapText(t.doc, inner, m.doc);
  const widest = Math.max(
    ...name.map(m.name),
    ...doc.map(m.doc),
    ...t.facts.flatMap(([label, value]) => [m.fact(label), m.factValue(value)]),
    m.status(t.status) + vh * c.status * 1.6,
    // The big figure at its smallest (4.4vh), bold digits about 0.6 em.
    t.number.length * 0.6 * vh * c.number,
  );
  if (widest > inner) return Infinity;
  const nameLines = name.length;
  const factLines =
    t.facts.reduce((n, [label, value]) => n + (m.fact(label) + vh * c.fact * 0.4 + m.factValue(value) <= inner ? 1 : 2), 0) +
    TILE_SPARE_LINES;
  const footOne = m.status(t.status) + vh * c.status * 1.6 + v.width * 0.006 + m.doc(t.doc) <= inner;
  const docLines = footOne ? 0 : doc.length;
  const parts = [
    nameLines * vh * c.name * c.nameLine,
    vh * c.number,
    t.fraction ? vh * c.fact * c.line : 0,
    factLines * vh * c.fact * c.line,
    vh * c.status * c.line + docLines * vh * c.doc * c.line,
  ].filter((h) => h > 0);
  return 2 * vh * c.padY + 2 + parts.reduce((a, b) => a + b, 0) + (parts.length - 1) * vh * c.gap;
}

export interface TileLayout {
  cols: number;
  rows: number;
  /** Indices of the tiles on each sheet. */
  sheets: number[][];
}

/**
 * Tiles in a grid of the tiles' box: of the grids whose cells are tall enough for every tile's
 * text, the one with cells nearest 4:3 and the fewest empty cells; when no grid holds them all, the
 * grid that holds most, over as many sheets as needed (tiles split evenly).
 */
export function layoutTiles(texts: readonly TileText[], box: Viewport, v: Viewport, m: TileMeasures): TileLayout {
  const n = texts.length;
  const gapX = v.width * 0.008;
  const gapY = v.height * 0.012;
  const cell = (cols: number, rows: number) => ({
    w: (box.width - (cols - 1) * gapX) / cols,
    h: (box.height - (rows - 1) * gapY) / rows,
  });
  const fits = (cols: number, rows: number) => {
    const { w, h } = cell(cols, rows);
    return texts.every((t) => tileNeed(t, w, v, m) <= h);
  };
  const grid = (count: number): { cols: number; rows: number } | null => {
    let best: { cols: number; rows: number; score: number } | null = null;
    for (let cols = 1; cols <= Math.max(1, count); cols++) {
      const rows = Math.ceil(count / cols);
      if (!fits(cols, rows)) continue;
      const { w, h } = cell(cols, rows);
      const score = -Math.abs(Math.log(w / h / 1.3)) - 0.15 * (cols * rows - count);
      if (!best || score > best.score) best = { cols, rows, score };
    }
    return best;
  };
  const all = grid(n);
  if (all || n === 0) return { cols: all?.cols ?? 1, rows: all?.rows ?? 1, sheets: [texts.map((_, i) => i)] };
  // The most tiles a sheet holds: try fewer until a grid fits them.
  let per = n - 1;
  while (per > 1 && !grid(per)) per--;
  const count = Math.ceil(n / per);
  const size = Math.ceil(n / count);
  const g = grid(size) ?? { cols: 1, rows: size };
  return {
    cols: g.cols,
    rows: g.rows,
    sheets: Array.from({ length: count }, (_, i) => texts.map((_, k) => k).slice(i * size, (i + 1) * size)),
  };
}

/** The box of the overview's tiles: the main column under the year's summary, no panel padding. */
export function overviewTilesBox(v: Viewport, withMap: boolean): Viewport {
  const c = WALL_CSS;
  const pageW = v.width * (1 - 2 * c.pagePadX);
  const width = withMap ? (pageW - v.width * c.gapX) * c.mainShare : pageW;
  const height = v.height * (1 - c.header - c.progress - 2 * c.pagePadY - c.strip - c.gapY) - (v.chrome ?? 0) - 2;
  return { width, height };
}
