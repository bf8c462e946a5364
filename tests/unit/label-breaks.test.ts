/**
 * Where labels may break (domain/label-breaks.ts) and how wrapText lays them out: a status, a
 * number, a date, a code or a short bracketed qualifier never splits; no line is one Chinese
 * character; the fewest lines that fit. Widths from estimateMeasure (CJK 1 em), so cases are exact.
 */
import { describe, expect, it } from 'vitest';
import { estimateMeasure, wrapText } from '../../src/charts/wrap-text';
import { breakGrades, breakPieces, unbreakable } from '../../src/domain/label-breaks';

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
