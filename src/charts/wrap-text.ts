/**
 * Lays a label out in lines of a given width, breaking only where domain/label-breaks.ts allows:
 * the fewest lines, then the most even, then at the best gaps; a last-resort gap only when a piece
 * alone is wider than the line. Widths come from a `Measure` (the page measures with a canvas in
 * the page's font; `estimateMeasure` is the stand-in for tests and first renders).
 */
import { breakGrades, type BreakGrade } from '../domain/label-breaks';

/** Width in px of a text at the label's font size. */
export type Measure = (text: string) => number;

/**
 * A text's width, near enough, at `fontSize`: Chinese characters, full-width forms and symbols
 * (the status marks ✓ ✕ → among them) are square; Latin letters and digits by their class.
 */
export function estimateMeasure(fontSize: number): Measure {
  return (text) => {
    let em = 0;
    for (const ch of text) {
      if (/[\u2190-\u2bff\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch)) em += 1;
      else if (/[ilj.,:;'|!·\u00a0 ()[\]/]/.test(ch)) em += 0.3;
      else if (/[mwMW@%]/.test(ch)) em += 0.85;
      else if (/[A-Z0-9≥≤]/.test(ch)) em += 0.62;
      else em += 0.55;
    }
    return em * fontSize;
  };
}

/** Per-character widths, measured once each (a line's width is their sum). */
function charWidths(chars: readonly string[], measure: Measure): number[] {
  const cache = new Map<string, number>();
  return chars.map((c) => {
    let w = cache.get(c);
    if (w === undefined) {
      w = measure(c);
      cache.set(c, w);
    }
    return w;
  });
}

const PENALTY_EM: Record<Exclude<BreakGrade, 'never'>, number> = { good: 0, fair: 0.4, last: 2.5 };
const MAX_LINES = 8;

/**
 * `text` in lines no wider than `width` (px) where the break rules allow it. A piece that cannot
 * fit even at last-resort gaps stays whole on its own line (wider than `width`): text is never cut.
 * The lines are found by dynamic programming over the allowed gaps: the fewest lines, and of those
 * the one whose widest line (plus a penalty for a poor gap or a lone character) is narrowest.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const chars = [...text];
  if (chars.length === 0) return [''];
  const widths = charWidths(chars, measure);
  const em = measure('中') || 16;
  const grades = breakGrades(text);
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1]! + w);
  /** Width of chars [i, j) without spaces at either end. */
  const lineWidth = (i: number, j: number) => {
    while (i < j && /\s/.test(chars[i]!)) i++;
    while (j > i && /\s/.test(chars[j - 1]!)) j--;
    return prefix[j]! - prefix[i]!;
  };
  const hanCount = (i: number, j: number) => chars.slice(i, j).filter((c) => /\p{Script=Han}/u.test(c)).length;
  const cut = (breaks: number[]) => {
    const lines: string[] = [];
    let start = 0;
    for (const b of [...breaks, chars.length]) {
      lines.push(chars.slice(start, b).join('').trim());
      start = b;
    }
    return lines;
  };
  if (lineWidth(0, chars.length) <= width) return [text.trim()];

  // First at good and fair gaps only, then at last-resort gaps too; last, a piece wider than the
  // line may stand alone on a line of its own (it is never cut).
  const passes: [BreakGrade[], boolean][] = [
    [['good', 'fair'], false],
    [['good', 'fair', 'last'], false],
    [['good', 'fair', 'last'], true],
  ];
  for (const [allowed, overflow] of passes) {
    const cands = [0, ...chars.map((_, i) => i).filter((i) => i > 0 && allowed.includes(grades[i]!)), chars.length];
    const n = cands.length;
    // best[k][j]: the least worst-line cost of laying cands[0..j] in k lines; from[k][j] the previous break.
    let best: number[] = cands.map((_, j) => (j === 0 ? 0 : Infinity));
    const from: number[][] = [];
    for (let k = 1; k <= MAX_LINES; k++) {
      const next = cands.map(() => Infinity);
      const back = cands.map(() => -1);
      for (let j = 1; j < n; j++) {
        for (let i = 0; i < j; i++) {
          if (!Number.isFinite(best[i]!)) continue;
          const w = lineWidth(cands[i]!, cands[j]!);
          if (w > width && !(overflow && j === i + 1)) continue;
          const end = cands[j]!;
          const grade = end < chars.length ? (grades[end] as Exclude<BreakGrade, 'never'>) : 'good';
          // A lone Chinese character on a line reads as a mistake.
          const orphan = hanCount(cands[i]!, cands[j]!) === 1 && lineWidth(cands[i]!, cands[j]!) < 1.5 * em ? 6 : 0;
          const cost = Math.max(best[i]!, w + (PENALTY_EM[grade] + orphan) * em);
          if (cost < next[j]!) {
            next[j] = cost;
            back[j] = i;
          }
        }
      }
      from.push(back);
      best = next;
      if (Number.isFinite(best[n - 1]!)) {
        const breaks: number[] = [];
        let j = n - 1;
        for (let kk = from.length - 1; kk >= 0 && j > 0; kk--) {
          const i = from[kk]![j]!;
          if (i > 0) breaks.unshift(cands[i]!);
          j = i;
        }
        return cut(breaks);
      }
    }
  }
  return [text.trim()];
}

/** The widest line of `lines`. */
export function widestLine(lines: readonly string[], measure: Measure): number {
  return Math.max(0, ...lines.map((l) => measure(l)));
}
