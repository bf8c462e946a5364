/**
 * Where a label may break across lines, in one place: every gap between two characters gets a
 * grade, and whatever lays text out (chart labels, wall cards) breaks only where the grade allows.
 *
 * - never: inside a number, date, code or Latin word (2024-01-23, 〔2023〕3号, 97.9%), or between a
 *   number and the word it counts (3号, 2024年, 1.8万人); after an
 *   opening bracket or before a closing one or other closing punctuation; at a no-break space (a
 *   status is written mark + no-break space + word, "✕ 未达标", and a word of several words with
 *   no-break spaces, "Behind pace", so it is one unit); inside a short bracketed qualifier (at most
 *   SHORT_BRACKET characters, "（全市目标）": it moves as a whole);
 * - good: at a space, after a separator (· 的 、 ， ： ；), before an opening bracket;
 * - fair: between two words of Chinese of two or more characters each (Intl.Segmenter's words);
 * - last resort: anywhere else between Chinese characters (a one-character word, inside a word),
 *   only when a piece does not fit a line any other way.
 */

export type BreakGrade = 'never' | 'last' | 'fair' | 'good';

/** A bracketed qualifier of at most this many characters (brackets included) never breaks inside. */
export const SHORT_BRACKET = 12;

const OPENING = new Set([...'（([【〔《“‘〈「『']);
const CLOSING = new Set([...'）)]】〕》”’〉」』、，。：；！？,.;:!?%']);
const OPEN_TO_CLOSE: Record<string, string> = { '（': '）', '(': ')', '[': ']', '【': '】', '〔': '〕', '《': '》', '“': '”', '「': '」', '『': '』', '〈': '〉' };
/** A break right after one of these reads naturally. */
const AFTER_GOOD = new Set([...'·的、，：；']);
const NBSP = '\u00a0';

const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);
/** A space a line may break at (any white space but the no-break space). */
const isSpace = (ch: string) => ch !== NBSP && /\s/.test(ch);
/** Letters, digits and the marks that hold a number, a date or a code together. */
const isTight = (ch: string) => /[0-9A-Za-z.,\-/%:+'’_&#°]/.test(ch);

let segmenter: Intl.Segmenter | null | undefined;
function chineseWords(text: string): { start: number; end: number }[] {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  if (!segmenter) return [...text].map((_, i) => ({ start: i, end: i + 1 }));
  return [...segmenter.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length }));
}

/**
 * The grade of each gap: `grades[i]` is the gap before character i of `[...text]` (grades[0] is
 * 'never'). Works on code points, so the result has one entry per character.
 */
export function breakGrades(text: string): BreakGrade[] {
  const chars = [...text];
  const grades: BreakGrade[] = chars.map(() => 'last');
  if (chars.length === 0) return grades;
  grades[0] = 'never';
  // Word boundaries of Chinese, in code-point positions (the segmenter works on UTF-16 indices).
  const cpIndex: number[] = [];
  {
    let u = 0;
    chars.forEach((c, i) => {
      cpIndex[u] = i;
      u += c.length;
    });
    cpIndex[u] = chars.length;
  }
  const wordLen = new Map<number, { start: number; end: number }>();
  for (const w of chineseWords(text)) {
    const s = cpIndex[w.start] ?? 0;
    const e = cpIndex[w.end] ?? chars.length;
    const word = { start: s, end: e };
    for (let i = s; i < e; i++) wordLen.set(i, word);
  }
  const hanLen = (w: { start: number; end: number } | undefined) => (w ? chars.slice(w.start, w.end).filter(isHan).length : 0);
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const next = chars[i]!;
    if (prev === NBSP || next === NBSP) grades[i] = 'never';
    else if (OPENING.has(prev) || CLOSING.has(next) || next === '·') grades[i] = 'never';
    else if (isTight(prev) && isTight(next)) grades[i] = 'never';
    // A number keeps the word it counts: 3号, 2024年, 5000人, 1.8万.
    else if (/[0-9%]/.test(prev) && isHan(next)) grades[i] = 'never';
    else if (isSpace(prev) || isSpace(next)) grades[i] = isSpace(next) ? 'never' : 'good';
    else if (AFTER_GOOD.has(prev) || OPENING.has(next)) grades[i] = 'good';
    else {
      const a = wordLen.get(i - 1);
      const b = wordLen.get(i);
      const boundary = a !== b;
      grades[i] = boundary && hanLen(a) >= 2 && hanLen(b) >= 2 ? 'fair' : isHan(prev) || isHan(next) ? 'last' : 'never';
    }
  }
  // Words joined by a no-break space are one unit, whatever they are written in ("✕ 未达标").
  for (let start = 0; start < chars.length; ) {
    let end = start;
    while (end < chars.length && !isSpace(chars[end]!)) end++;
    if (chars.slice(start, end).includes(NBSP)) for (let k = start + 1; k < end; k++) grades[k] = 'never';
    start = end + 1;
  }
  // A short bracketed qualifier moves as a whole.
  for (let i = 0; i < chars.length; i++) {
    const close = OPEN_TO_CLOSE[chars[i]!];
    if (!close) continue;
    const end = chars.indexOf(close, i + 1);
    if (end < 0) continue;
    if (end - i + 1 <= SHORT_BRACKET) for (let k = i + 1; k <= end; k++) grades[k] = 'never';
  }
  return grades;
}

/**
 * The text cut into pieces that never break inside, at every gap graded `at least` or better
 * ('fair' by default): the pieces joined give the text back.
 */
export function breakPieces(text: string, atLeast: Exclude<BreakGrade, 'never'> = 'fair'): string[] {
  const chars = [...text];
  const grades = breakGrades(text);
  const order: BreakGrade[] = ['never', 'last', 'fair', 'good'];
  const min = order.indexOf(atLeast);
  const out: string[] = [];
  let cur = '';
  chars.forEach((c, i) => {
    if (i > 0 && order.indexOf(grades[i]!) >= min) {
      out.push(cur);
      cur = '';
    }
    cur += c;
  });
  if (cur !== '') out.push(cur);
  return out;
}

/** Joins words so that they never break apart: "Behind pace" → "Behind\u00a0pace". */
export function unbreakable(text: string): string {
  return text.replace(/ /g, NBSP);
}
