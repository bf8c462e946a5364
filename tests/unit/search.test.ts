/** What the analyst's search box finds (domain/search.ts), on hand-made targets. */
import { describe, expect, it } from 'vitest';
import { foldSearchText, matchesSearch, searchTerms } from '../../src/domain/search';
import type { Indicator, Target } from '../../src/domain/types';

const indicator: Indicator = {
  indicatorId: 'graduate_assistance_employment_rate',
  nameZh: '离校未就业高校毕业生帮扶就业率',
  nameEn: 'Employment rate of assisted unemployed college graduates',
  unit: 'percent',
  kind: 'rate',
  higherIsBetter: true,
  groupZh: '高校毕业生等青年就业',
  groupEn: 'Graduates and youth',
  numeratorZh: null,
  numeratorEn: null,
  denominatorZh: null,
  denominatorEn: null,
};
const target: Target = {
  targetId: 't1',
  indicatorId: indicator.indicatorId,
  areaCode: '310000',
  year: 2023,
  comparator: '>=',
  targetValue: 90,
  baseline: null,
  dueDate: '2023-12-31',
  docId: '沪就办〔2023〕3号',
  clause: '（十）',
  quote: '帮扶就业率达到90%以上',
};
const find = (q: string, t: Target = target) => matchesSearch(t, indicator, searchTerms(q));

describe('search', () => {
  it('finds by indicator name in either language, and by id', () => {
    expect(find('帮扶就业率')).toBe(true);
    expect(find('ASSISTED graduates')).toBe(true);
    expect(find('graduate_assistance')).toBe(true);
    expect(find('创业')).toBe(false);
  });
  it('finds by document and clause, whatever brackets and widths are typed', () => {
    expect(find('沪就办〔2023〕3号')).toBe(true);
    expect(find('沪就办2023 3号')).toBe(true);
    expect(find('沪就办［２０２３］３号')).toBe(true);
    expect(find('十')).toBe(true);
    expect(find('沪就办2022')).toBe(false);
  });
  it('finds by owner (责任单位) when the data names one, never by the quote', () => {
    expect(find('人力资源社会保障局')).toBe(false);
    expect(find('人力资源社会保障局', { ...target, owner: '市人力资源社会保障局牵头；各区政府' } as Target)).toBe(true);
    expect(find('90%以上')).toBe(false);
  });
  it('every term must be found; an empty query finds everything', () => {
    expect(find('帮扶 沪就办')).toBe(true);
    expect(find('帮扶 崇明')).toBe(false);
    expect(find('   ')).toBe(true);
    expect(searchTerms(' a  b ')).toEqual(['a', 'b']);
  });
  it('folds text: NFKC, lower case, letters and digits only', () => {
    expect(foldSearchText('〔２０２３〕Ａ-b')).toBe('2023ab');
    expect(foldSearchText('ＡＢＣ・就业 率！')).toBe('abc就业率');
    expect(searchTerms('　沪就办　ＡＢ\t3号 ')).toEqual(['沪就办', 'ab', '3号']);
    expect(searchTerms('〔〕 - ·')).toEqual([]);
  });
  it('no term spans two fields: the end of one and the start of the next are not found together', () => {
    // Folded fields: …就业率 | employment…graduates | graduateassistance… | 沪就办20233号 | 十.
    expect(find('就业率employment')).toBe(false);
    expect(find('graduatesgraduate')).toBe(false);
    expect(find('3号十')).toBe(false);
    expect(find('3号 十')).toBe(true);
  });
  it('a missing English name, clause or owner adds no words of its own', () => {
    const bare = { ...indicator, nameEn: null };
    const t = { ...target, clause: null };
    const findBare = (q: string) => matchesSearch(t, bare, searchTerms(q));
    expect(findBare('帮扶就业率')).toBe(true);
    expect(findBare('沪就办')).toBe(true);
    expect(findBare('assisted')).toBe(false);
    expect(findBare('十')).toBe(false);
    for (const word of ['null', 'undefined', 'here', 'was']) expect(findBare(word), word).toBe(false);
  });
});
