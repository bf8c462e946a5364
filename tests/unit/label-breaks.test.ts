/**
 * Where labels may break (domain/label-breaks.ts) and how wrapText lays them out: a status, a
 * number, a date, a code or a short bracketed qualifier never splits; no line is one Chinese
 * character; the fewest lines that fit. Widths from estimateMeasure (CJK 1 em), so cases are exact.
 */
import { describe, expect, it } from 'vitest';
import { estimateMeasure, wrapText } from '../../src/charts/wrap-text';
import { breakGrades, breakPieces, SHORT_BRACKET, unbreakable } from '../../src/domain/label-breaks';

const EM = 20;
const measure = estimateMeasure(EM);
/** The lines at every width from 6 em (the narrowest label column the wall makes) to 30 em. */
const allWraps = (text: string) => Array.from({ length: 25 }, (_, i) => wrapText(text, (i + 6) * EM, measure));

const SAMPLES = [
  '新招聘社区工作者岗位面向应届生开放比例',
  '配备就业工作人员的居（村）委会占比',
  '举办专场招聘的周数占比（周周有专场）',
  '2024年市政府工作报告（2024-01-23）',
  '沪就办〔2023〕3号（十一）',
  '崇明区 · 离校未就业高校毕业生帮扶就业率',
  '开展线下招聘活动的月份占比（月月有招聘）（全市目标）',
  'Share of neighbourhood and village committees with an employment officer',
  `98.5%（197/200）≥ 100% ${unbreakable('! 落后序时')}`,
  `17,951 persons ${unbreakable('! Behind pace')}`,
];

describe('breakPieces', () => {
  it('gives the text back, piece by piece', () => {
    for (const t of SAMPLES) expect(breakPieces(t).join('')).toBe(t);
  });

  it('keeps dates, codes, figures and short bracketed qualifiers whole', () => {
    expect(breakPieces('2024年市政府工作报告（2024-01-23）')).toContain('（2024-01-23）');
    expect(breakPieces('沪就办〔2023〕3号（十一）').join('|')).toBe('沪就办|〔2023〕3号|（十一）');
    expect(breakPieces('举办专场招聘的周数占比（周周有专场）').at(-1)).toBe('（周周有专场）');
    for (const piece of breakPieces(SAMPLES[8]!)) expect(piece.includes('落后') === piece.includes('序时')).toBe(true);
  });

  it('breaks between words of two or more characters, after 的 and ·, before a bracket', () => {
    expect(breakPieces('新招聘社区工作者岗位面向应届生开放比例').join('|')).toBe('新招聘|社区|工作者岗位|面向应届生开放|比例');
    expect(breakPieces('崇明区 · 离校未就业').join('|')).toBe('崇明区 · |离校未就业');
  });

  it('grades: never inside a number, before closing punctuation or at a no-break space', () => {
    const g = breakGrades('97.9%）a\u00a0b');
    expect(g.slice(1, 7)).toEqual(['never', 'never', 'never', 'never', 'never', 'never']);
  });
});

describe('wrapText', () => {
  it('never splits a status, a bracket, a date or a number across lines, nor leaves a Chinese character alone', () => {
    for (const text of SAMPLES)
      for (const lines of allWraps(text)) {
        const joined = lines.join('\n');
        expect(lines.join('').replace(/\s/g, ''), joined).toBe(text.replace(/\s/g, ''));
        for (const unit of ['落后序时', 'Behind\u00a0pace', '（2024-01-23）', '（周周有专场）', '（全市目标）', '（月月有招聘）', '97.9%', '17,951', '〔2023〕3号'])
          if (text.includes(unit)) expect(lines.some((l) => l.includes(unit)), `${unit} in ${joined}`).toBe(true);
        for (const l of lines) expect(/^[\u4e00-\u9fff]$/.test(l), `lone character in ${joined}`).toBe(false);
        for (const l of lines) expect(/^[）)〕」』、，。：；]/.test(l), `closing mark at line start in ${joined}`).toBe(false);
      }
  });

  it('takes the fewest lines that fit, as even as it can', () => {
    // 20 characters in 10 em: two lines of 10 would split 面向应届生开放; the best is 10 | 10 at a word.
    expect(wrapText('新招聘社区工作者岗位面向应届生开放比例', 10 * EM, measure)).toEqual(['新招聘社区工作者岗位', '面向应届生开放比例']);
    expect(wrapText('配备就业工作人员的居（村）委会占比', 10 * EM, measure)).toEqual(['配备就业工作人员的', '居（村）委会占比']);
    expect(wrapText('沪就办〔2023〕3号（十一）', 30 * EM, measure)).toEqual(['沪就办〔2023〕3号（十一）']);
    // "zero-employment households" (26 × 0.55 em) is wider than 12 em: four lines, broken at spaces only.
    expect(wrapText('Share of zero-employment households with a member in work', 12 * EM, measure)).toEqual([
      'Share of',
      'zero-employment',
      'households with a',
      'member in work',
    ]);
  });

  it('a piece wider than the line stays whole on a line of its own: text is never cut', () => {
    const lines = wrapText('（2024-01-23）', 2 * EM, measure);
    expect(lines).toEqual(['（2024-01-23）']);
  });
});

/**
 * Grades worked out by hand from the rule in label-breaks.ts's first comment. Where a grade depends
 * on Chinese words (fair: between two words of two or more characters), the words are the
 * platform's (Intl.Segmenter), checked first so that a different dictionary fails here, not below.
 */
describe('breakGrades, gap by gap', () => {
  const N = 'never';
  const L = 'last';
  const F = 'fair';
  const G = 'good';
  const words = (text: string) => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment);

  it('the words these cases rest on', () => {
    expect(words('就业工作')).toEqual(['就业', '工作']);
    expect(words('新招聘')).toEqual(['新', '招聘']);
    expect(words('就业的工作')).toEqual(['就业', '的', '工作']);
    expect(words('𠮷野家就业')).toEqual(['𠮷', '野家', '就业']);
    expect(words('App就业')).toEqual(['App', '就业']);
  });

  it('one grade per character, the first never; nothing for no text', () => {
    expect(breakGrades('')).toEqual([]);
    expect(breakGrades('a')).toEqual([N]);
    expect(SHORT_BRACKET).toBe(12);
  });

  it('Chinese: fair only between two words of two or more characters, else last resort', () => {
    expect(breakGrades('就业工作')).toEqual([N, L, F, L]);
    // 新 | 招聘: a one-character word is not a fair break.
    expect(breakGrades('新招聘')).toEqual([N, L, L]);
    // 的 is a one-character word: before it last resort, after it good.
    expect(breakGrades('就业的工作')).toEqual([N, L, L, G, L]);
  });

  it('counts code points: a character outside the BMP is one character and words are placed right after it', () => {
    // 𠮷 | 野家 | 就业: fair only between 野家 and 就业.
    expect(breakGrades('𠮷野家就业')).toEqual([N, L, L, F, L]);
    expect(breakGrades('😀就业工作')).toEqual([N, L, L, F, L]);
  });

  it('Latin and numbers: never inside, last resort next to Chinese, never between a number and what it counts', () => {
    expect(breakGrades('App就业')).toEqual([N, N, N, L, L]);
    expect(breakGrades('A/就')).toEqual([N, N, L]);
    expect(breakGrades('A:就')).toEqual([N, N, L]);
    expect(breakGrades('0号')).toEqual([N, N]);
    expect(breakGrades('9号')).toEqual([N, N]);
    expect(breakGrades('5%人')).toEqual([N, N, N]);
    expect(breakGrades('2024-01-23')).toEqual(Array(10).fill(N));
    // Marks that are neither Chinese, nor a space, nor punctuation with a rule of its own: never between them.
    expect(breakGrades('~5%')).toEqual([N, N, N]);
    expect(breakGrades('✕✓')).toEqual([N, N]);
  });

  it('spaces: good after one, never before one', () => {
    expect(breakGrades('a b')).toEqual([N, N, G]);
    expect(breakGrades('a  b')).toEqual([N, N, N, G]);
    expect(breakGrades('ab 就业工作')).toEqual([N, N, N, G, L, F, L]);
  });

  it('a no-break space joins the words around it into one unit, up to the next space', () => {
    expect(breakGrades('✕\u00a0未达标')).toEqual([N, N, N, N, N]);
    expect(breakGrades('ab ✕\u00a0未达标')).toEqual([N, N, N, G, N, N, N, N]);
    expect(breakGrades('✕\u00a0未达标 就业工作')).toEqual([N, N, N, N, N, N, G, L, F, L]);
    expect(breakGrades(`1 ${unbreakable('Behind pace')}`)).toEqual([N, N, G, ...Array(10).fill(N)]);
  });

  it('good after a separator (· 的 、 ， ： ；), never before closing punctuation or ·', () => {
    for (const sep of ['、', '，', '：', '；', '·']) expect(breakGrades(`就业${sep}工作`), sep).toEqual([N, L, N, G, L]);
    for (const close of '）)]】〕》”’〉」』、，。：；！？,.;:!?%') expect(breakGrades(`就业${close}`), close).toEqual([N, L, N]);
  });

  it('good before an opening bracket, never after it', () => {
    for (const open of '（([【〔《“‘〈「『') expect(breakGrades(`就业${open}工作`), open).toEqual([N, L, G, N, L]);
  });

  it('a bracketed qualifier of up to 12 characters never breaks inside, whichever brackets', () => {
    const pairs = ['（）', '()', '[]', '【】', '〔〕', '《》', '“”', '「」', '『』', '〈〉'];
    for (const [open, close] of pairs.map((p) => [...p]))
      expect(breakGrades(`${open}a b${close}`), open).toEqual([N, N, N, N, N]);
    // 12 characters, brackets included: whole; 13: breaks after its spaces; not closed: no qualifier.
    expect(breakGrades('(ab cd efgh)')).toEqual(Array(12).fill(N));
    expect(breakGrades('(ab cd efghi)')).toEqual([N, N, N, N, G, N, N, G, N, N, N, N, N]);
    expect(breakGrades('(ab cd')).toEqual([N, N, N, N, G, N]);
    // After other text: the gap before the bracket stays good.
    expect(breakGrades('就业(ab cd efgh)')).toEqual([N, L, G, ...Array(11).fill(N)]);
  });
});

describe('breakPieces and unbreakable, by hand', () => {
  it('cuts at every gap of the grade asked for or better', () => {
    // Grades of 'ab 就业工作': never never never good last fair last.
    expect(breakPieces('ab 就业工作')).toEqual(['ab ', '就业', '工作']);
    expect(breakPieces('ab 就业工作', 'good')).toEqual(['ab ', '就业工作']);
    expect(breakPieces('ab 就业工作', 'last')).toEqual(['ab ', '就', '业', '工', '作']);
    expect(breakPieces('就业')).toEqual(['就业']);
    expect(breakPieces('')).toEqual([]);
  });

  it('joins words with no-break spaces', () => {
    expect(unbreakable('! Behind pace')).toBe('!\u00a0Behind\u00a0pace');
    expect(unbreakable('落后序时')).toBe('落后序时');
  });
});
