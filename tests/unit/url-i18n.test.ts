import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseUrlState, serializeUrlState } from '../../src/app/url-state';
import { ALL_ISSUES, ALL_MESSAGES, ALL_READING, ALL_STATUS, translator } from '../../src/app/i18n/translator';

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
});
