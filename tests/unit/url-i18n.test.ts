import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../src/app/url-state';
import { matchUrlValues } from '../../src/app/url-matches';
import type { Area, Catalog, Indicator, Target } from '../../src/domain/types';
import { seeded } from '../helpers/random';
import { ALL_ISSUES, ALL_MESSAGES, ALL_READING, ALL_STATUS, translator } from '../../src/app/i18n/translator';
import { CSV_ERRORS as ALL_CSV_ERRORS } from '../../src/app/i18n/words';

describe('url state', () => {
  it('parses every parameter of the contract', () => {
    const { state, notices } = parseUrlState('?view=wall&area=310118,310151&year=2023&asof=2023-06&data=https://intranet.example/d/&lang=en&rotate=30&refresh=300');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ view: 'wall', areas: ['310118', '310151'], year: 2023, asof: '2023-06', data: 'https://intranet.example/d/', lang: 'en', rotate: 30, refresh: 300 });
  });
  it('falls back to the default and says so for each bad value', () => {
    const { state, notices } = parseUrlState("?view=map&year=abc&asof=2024-13&lang=fr&rotate=-1&refresh=x&data=javascript:alert(1)&area=310118,'%3B DROP TABLE areas;--");
    expect(state.view).toBe(DEFAULT_STATE.view);
    expect(state.year).toBeNull();
    expect(state.asof).toBeNull();
    expect(state.lang).toBe('zh');
    expect(state.rotate).toBe(DEFAULT_STATE.rotate);
    expect(state.refresh).toBeNull();
    expect(state.data).toBeNull();
    expect(state.areas).toEqual(['310118']);
    expect(notices.map((n) => n.param).sort()).toEqual(['area', 'asof', 'data', 'lang', 'refresh', 'rotate', 'view', 'year']);
  });
  it('reads the search text (q), refuses one with control characters or over 100 characters', () => {
    expect(parseUrlState('?q=%E6%B2%AA%E5%B0%B1%E5%8A%9E%202023').state.q).toBe('沪就办 2023');
    const bad = parseUrlState(`?q=${'x'.repeat(101)}`);
    expect(bad.state.q).toBe('');
    expect(bad.notices.map((n) => n.param)).toEqual(['q']);
    expect(parseUrlState('?q=a%0Ab').notices.map((n) => n.param)).toEqual(['q']);
    expect(serializeUrlState({ ...DEFAULT_STATE, q: '帮扶' })).toBe('?q=%E5%B8%AE%E6%89%B6');
  });
  it('round-trips through serialisation', () => {
    const { state } = parseUrlState('?view=wall&area=310118&year=2022&lang=en&target=qfgf2022-4-5-2-reemployed&q=%E5%B8%AE%E6%89%B6');
    expect(parseUrlState(serializeUrlState(state)).state).toEqual(state);
    expect(serializeUrlState(DEFAULT_STATE)).toBe('');
  });
});

/** Pieces that URLs and CSV like to mangle, and ordinary text around them. */
const PIECES = [',', ', ', '\n', '\r\n', '\r', '"', "'", '&', '#', '%', '%2C', '%25', '+', ' ', '  ', '=', '?', '/', '@', ';', '\t',
  '😀', '🇨🇳', '👩‍💻', '沪就办〔2025〕3号', '附件1', '青浦区', 'a', 'Z', '9', '\u3000', '（一）', '<b>', '&amp;', '\\', '\u0000'];

function randomText(next: () => number): string {
  const n = 1 + Math.floor(next() * 6);
  return Array.from({ length: n }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
}

describe('list values round-trip any text', () => {
  it('the examples of the issue: a document with a comma, a target id with a line break', () => {
    const doc = '沪就办〔2025〕3号, 附件1';
    const target = 'hjb2023\n3-10';
    const search = serializeUrlState({ ...DEFAULT_STATE, docs: [doc], target });
    const { state, notices } = parseUrlState(search);
    expect(notices).toEqual([]);
    expect(state.docs).toEqual([doc]);
    expect(state.target).toBe(target);
    // A link as the browser keeps it (location.search), and with %2C turned back into a comma by a
    // tool on the way: each value is a parameter of its own, so neither splits it.
    expect(parseUrlState(new URL(`https://x.example/${search}`).search).state.docs).toEqual([doc]);
    expect(parseUrlState(search.replace(/%2C/g, ',')).state.docs).toEqual([doc]);
  });

  it('several documents and groups are several parameters; area, status and pages stay comma lists', () => {
    const s: UrlState = { ...DEFAULT_STATE, docs: ['A,1', 'B&2'], groups: ['g#1', 'g%2'], areas: ['310118', '310104'], statuses: ['met', 'behind'], pages: ['overview', 'districts'] };
    const search = serializeUrlState(s);
    expect(new URLSearchParams(search).getAll('doc')).toEqual(['A,1', 'B&2']);
    expect(parseUrlState(search).state).toEqual(s);
    expect(parseUrlState('?area=310118,310104&status=met,behind').state).toMatchObject({ areas: ['310118', '310104'], statuses: ['met', 'behind'] });
    expect(parseUrlState('?area=310118&area=310104').state.areas).toEqual(['310118', '310104']);
  });

  const SEED = 20261215;
  it(`random texts of commas, line breaks, quotes, &, #, %, emoji (seed ${SEED}, 500 states)`, () => {
    const { next } = seeded(SEED);
    for (let i = 0; i < 500; i++) {
      const list = () => [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => randomText(next)))];
      const state: UrlState = { ...DEFAULT_STATE, docs: list(), groups: list(), target: next() < 0.8 ? randomText(next) : null };
      const search = serializeUrlState(state);
      const back = parseUrlState(search);
      expect(back.notices, `seed ${SEED}, state ${i}: ${JSON.stringify(state)}`).toEqual([]);
      expect(back.state, `seed ${SEED}, state ${i}: ${JSON.stringify(search)}`).toEqual(state);
      // And once more through a URL object, as pushState and a copied link keep it.
      expect(parseUrlState(new URL(`https://x.example/app/${search}`).search).state).toEqual(state);
    }
  });

  it('a sort column that does not exist is a bad value', () => {
    expect(parseUrlState('?sort=-attainment').state.sort).toBe('-attainment');
    const { state, notices } = parseUrlState('?sort=nosuchcolumn');
    expect(state.sort).toBeNull();
    expect(notices).toEqual([{ param: 'sort', value: 'nosuchcolumn' }]);
  });
});

describe('URL values that match nothing in the data', () => {
  const area = (areaCode: string, parentCode: string | null, level: Area['level']): Area => ({ areaCode, nameZh: areaCode, nameEn: null, level, parentCode });
  const areas = [area('310000', null, 'city'), area('310118', '310000', 'district'), area('310118101', '310118', 'town')];
  const indicator = (indicatorId: string, kind: Indicator['kind'], groupZh: string) => ({ indicatorId, kind, groupZh }) as Indicator;
  const indicators = [indicator('rate_a', 'rate', '青年就业'), indicator('flow_b', 'flow', '困难帮扶')];
  const target = (targetId: string, indicatorId: string, areaCode: string, year: number, docId: string) => ({ targetId, indicatorId, areaCode, year, docId }) as Target;
  const targets = [
    target('t-rate', 'rate_a', '310000', 2023, '沪就办〔2023〕1号, 附件'),
    target('t-flow', 'flow_b', '310118', 2023, '青府〔2023〕2号'),
    target('t-old', 'flow_b', '310118', 2022, '青府〔2022〕9号'),
  ];
  const catalog = {
    areas,
    areaByCode: new Map(areas.map((a) => [a.areaCode, a])),
    indicators,
    indicatorById: new Map(indicators.map((i) => [i.indicatorId, i])),
    targets,
    latestIdx: 2023 * 12 + 5,
    actualRows: 0,
    illustrativeRows: 0,
  } as Catalog;
  const match = (search: string, c: Catalog = catalog) => {
    const m = matchUrlValues(parseUrlState(search).state, c);
    return { year: m.state.year, areas: m.state.areas, groups: m.state.groups, docs: m.state.docs, notices: m.notices };
  };
  const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

  it('values that match keep their place and give no notice', () => {
    const m = match(`${q({ year: '2023', doc: '沪就办〔2023〕1号, 附件', group: '青年就业', target: 't-rate@310118101' })}&area=310118`);
    expect(m).toEqual({ year: 2023, areas: ['310118'], groups: ['青年就业'], docs: ['沪就办〔2023〕1号, 附件'], notices: [] });
    expect(match(q({ target: 't-flow' })).notices).toEqual([]);
  });

  it('each one that matches nothing falls back and is named', () => {
    const m = match(`${q({ year: '2019', doc: '沪就办〔2023〕1号', group: '不存在的组', target: 'nope\nnope' })}&area=310118,319999`);
    expect(m.year).toBeNull();
    expect([m.areas, m.groups, m.docs]).toEqual([['310118'], [], []]);
    expect(m.notices).toEqual([
      { param: 'year', value: '2019', unmatched: true },
      { param: 'area', value: '319999', unmatched: true },
      { param: 'group', value: '不存在的组', unmatched: true },
      { param: 'doc', value: '沪就办〔2023〕1号', unmatched: true },
      { param: 'target', value: 'nope\nnope', unmatched: true },
    ]);
  });

  it('an as-of month after the data falls back to the latest month, with a notice', () => {
    const m = matchUrlValues(parseUrlState('?asof=2205-12').state, catalog);
    expect([m.state.asof, m.asOf, m.year]).toEqual([null, 2023 * 12 + 5, 2023]);
    expect(m.notices).toEqual([{ param: 'asof', value: '2205-12', unmatched: true }]);
    const ok = matchUrlValues(parseUrlState('?asof=2022-03').state, catalog);
    expect([ok.state.asof, ok.asOf, ok.year, ok.notices]).toEqual(['2022-03', 2022 * 12 + 2, 2022, []]);
  });

  it('documents and targets are read in the year shown; an inherited key needs an area that inherits it', () => {
    // 2022's document and target do not match in 2023 (the default year here) …
    expect(match(q({ doc: '青府〔2022〕9号', target: 't-old' })).notices.map((n) => n.param)).toEqual(['doc', 'target']);
    // … and do in 2022.
    expect(match(q({ year: '2022', doc: '青府〔2022〕9号', target: 't-old' })).notices).toEqual([]);
    // A flow binds no area below its own; a rate is inherited by the areas below, not by itself or the city.
    expect(match(q({ target: 't-flow@310118101' })).notices.map((n) => n.param)).toEqual(['target']);
    expect(match(q({ target: 't-rate@310000' })).notices.map((n) => n.param)).toEqual(['target']);
    expect(match(q({ target: 't-rate@310118' })).notices).toEqual([]);
  });
});

describe('i18n', () => {
  it('has every key in both languages, none empty', () => {
    const zh = Object.keys(ALL_MESSAGES.zh).sort();
    const en = Object.keys(ALL_MESSAGES.en).sort();
    expect(en).toEqual(zh);
    for (const lang of ['zh', 'en'] as const) {
      for (const [k, v] of Object.entries(ALL_MESSAGES[lang])) expect(v, `${lang}.${k}`).not.toBe('');
      expect(Object.keys(ALL_STATUS[lang]).sort()).toEqual(Object.keys(ALL_STATUS.zh).sort());
      expect(Object.keys(ALL_ISSUES[lang]).sort()).toEqual(Object.keys(ALL_ISSUES.zh).sort());
      expect(Object.keys(ALL_READING[lang]).sort()).toEqual(['met_so_far', 'unmet_so_far']);
    }
  });
  it('a reading so far says the month it holds to', () => {
    expect(translator('zh').reading({ reading: 'met_so_far', month: 9 })).toEqual({ word: '当前达标', when: '截至9月' });
    expect(translator('en').reading({ reading: 'unmet_so_far', month: 9 })).toEqual({ word: 'Not met so far', when: 'to Sep' });
    expect(translator('zh').reading({ reading: 'behind', month: null })).toEqual({ word: '落后序时', when: null });
  });
  it('English strings contain no Chinese characters (no mixed-language screen)', () => {
    const han = /\p{Script=Han}/u;
    for (const [k, v] of Object.entries(ALL_MESSAGES.en)) if (k !== 'language') expect(han.test(v), k).toBe(false);
    for (const v of Object.values(ALL_STATUS.en)) expect(han.test(v)).toBe(false);
    for (const v of Object.values(ALL_ISSUES.en)) expect(han.test(v)).toBe(false);
    for (const v of Object.values(ALL_READING.en)) expect(han.test(v)).toBe(false);
  });
  it('fills placeholders', () => {
    expect(translator('zh').t('line', { n: 12 })).toBe('第12行');
    expect(translator('en').issue('duplicate_key', '7')).toBe('duplicate key (same as line 7)');
  });
  it("says DuckDB's reader errors in words, in both languages, and never leaves the reason empty", () => {
    expect(translator('zh').issue('csv_structure', 'MISSING COLUMNS')).toBe('CSV 格式错误：列数少于表头');
    expect(translator('en').issue('csv_structure', 'TOO MANY COLUMNS')).toBe('malformed CSV: more fields than the header');
    expect(translator('en').issue('csv_structure', 'SOMETHING NEW')).toBe('malformed CSV: the line cannot be read as a table row');
    for (const lang of ['zh', 'en'] as const) expect(Object.keys(ALL_CSV_ERRORS[lang]).sort()).toEqual(Object.keys(ALL_CSV_ERRORS.zh).sort());
  });
});
