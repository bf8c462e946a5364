/**
 * Reading the wall as a person does, for the browser tests: the lines of chart labels as drawn
 * (SVG <text>, one element per line), every visible text, the district map's tiles (the colour
 * under each name and the mark and figure beneath it), and checks of what those must never say.
 * Nothing here imports the app: colours, marks and words are written out independently.
 */
import type { Page } from 'playwright-core';

export type RefStatusName = 'met' | 'on_track' | 'behind' | 'missed' | 'no_data';

/** The status colours the wall must use (Okabe–Ito, as the README lists them), by status. */
export const COLOR_OF: Record<RefStatusName, string> = {
  met: '#009e73',
  on_track: '#56b4e9',
  behind: '#e69f00',
  missed: '#d55e00',
  no_data: '#8c96a3',
};
export const MARK_OF: Record<RefStatusName, string> = { met: '✓', on_track: '→', behind: '!', missed: '✕', no_data: '–' };
export const WORD_OF: Record<'zh' | 'en', Record<RefStatusName, string>> = {
  zh: { met: '达标', on_track: '序时内', behind: '落后序时', missed: '未达标', no_data: '无数据' },
  en: { met: 'Met', on_track: 'On track', behind: 'Behind pace', missed: 'Missed', no_data: 'No data' },
};
/** Worst first. */
export const SEVERITY: RefStatusName[] = ['missed', 'behind', 'on_track', 'met', 'no_data'];

/**
 * The labels of every chart whose name starts with `prefix`, each as its lines: ECharts draws a
 * label of several lines as consecutive <text> elements under one transform.
 */
export async function chartLabels(page: Page, prefix: string): Promise<string[][]> {
  return page.$$eval(`[data-chart^="${prefix}"] svg`, (svgs) =>
    svgs.flatMap((svg) => {
      const out: string[][] = [];
      let last: string | null = null;
      let lastParent: Node | null = null;
      for (const t of svg.querySelectorAll('text')) {
        const key = t.getAttribute('transform');
        const line = (t.textContent ?? '').replace(/\u00a0/g, ' ');
        if (key != null && key === last && t.parentNode === lastParent && out.length) out[out.length - 1]!.push(line);
        else out.push([line]);
        last = key;
        lastParent = t.parentNode;
      }
      return out;
    }),
  );
}

/** What must never happen to a label across its lines: a status, a bracket, a date or a word split; a lone character. */
export function labelBreakProblems(labels: readonly string[][], lang: 'zh' | 'en'): string[] {
  const problems: string[] = [];
  const words = Object.values(WORD_OF[lang]);
  const marks = Object.values(MARK_OF);
  const pairs: [string, string][] = [
    ['（', '）'],
    ['(', ')'],
    ['〔', '〕'],
  ];
  for (const lines of labels) {
    const shown = lines.join(' ⏎ ');
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      for (const [open, close] of pairs)
        if (line.split(open).length !== line.split(close).length) problems.push(`bracket split: ${shown}`);
      if (/^\p{Script=Han}$/u.test(line.trim())) problems.push(`a character alone on a line: ${shown}`);
      if (/^[）)〕、，。：；%]/.test(line)) problems.push(`a line starts with closing punctuation: ${shown}`);
      if (next == null) return;
      const a = line.trimEnd();
      const b = next.trimStart();
      for (const w of words)
        for (let k = 1; k < w.length; k++) if (a.endsWith(w.slice(0, k)) && b.startsWith(w.slice(k))) problems.push(`status "${w}" split: ${shown}`);
      if (marks.some((m) => a.endsWith(m)) && words.some((w) => b.startsWith(w))) problems.push(`status mark apart from its word: ${shown}`);
      if (/\d[-/.,]?$/.test(a) && /^[-/.,]?\d/.test(b)) problems.push(`a number or date split: ${shown}`);
    });
  }
  return [...new Set(problems)];
}

/** Every visible text on the page, HTML and SVG, one entry per text node or <text> element. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.nodeValue ?? '').trim();
      if (!el || !text || el.closest('script, style, title, desc, [hidden]')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // A label split over elements (a figure and its unit) is read as the reader sees it.
      out.push((el.closest('dd, .tile-actual, li, text, p, h2, span') as HTMLElement | null)?.textContent?.replace(/\s+/g, ' ').trim() ?? text);
    }
    return [...new Set(out)];
  });
}

/** Figures of whole things written with a fraction of one: "661.5人", "15,718.5 persons" (万/亿/m/bn figures are scaled, not fractions). */
export function halfPersons(texts: readonly string[]): string[] {
  const zh = /(?<![\d.])\d[\d,]*\.\d+\s*(人|户|个)(?!月)/;
  const en = /(?<![\d.])\d[\d,]*\.\d+\s+(persons?|posts?|households?)\b/;
  return texts.filter((t) => zh.test(t) || en.test(t));
}

export interface DrawnTile {
  /** The name's lines, as drawn. */
  name: string[];
  /** The line under the name: mark and figure. */
  status: string;
  /** Fill of the tile under the texts, lower case. */
  fill: string | null;
}

/** The district map's tiles as drawn: the texts on each tile (name lines, then the status line) and the tile's colour. */
export async function drawnTiles(page: Page, chart = 'wall-map'): Promise<DrawnTile[]> {
  return page.$eval(`[data-chart="${chart}"] svg`, (svg) => {
    const toHex = (c: string | null) => {
      if (!c) return null;
      const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
      return m ? `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}` : c.toLowerCase();
    };
    const byTile = new Map<Element, string[]>();
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      // The tile is the filled shape under the text that is wider than it (the title and legend have none).
      const tile = document
        .elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        .find((e) => e.tagName === 'path' && (e.getAttribute('fill') ?? 'none') !== 'none' && e.getBoundingClientRect().width > r.width && e.getBoundingClientRect().height > r.height * 1.5);
      if (!tile) continue;
      byTile.set(tile, [...(byTile.get(tile) ?? []), (t.textContent ?? '').replace(/\u00a0/g, ' ')]);
    }
    return [...byTile].map(([tile, lines]) => {
      // The status line starts with a mark (or is a dash); a long one may take two lines.
      const at = lines.findIndex((l, i) => i > 0 && /^[✓→!✕–—]/.test(l));
      const cut = at < 0 ? lines.length - 1 : at;
      return { name: lines.slice(0, cut), status: lines.slice(cut).join(' '), fill: toHex(tile.getAttribute('fill')) };
    });
  });
}
