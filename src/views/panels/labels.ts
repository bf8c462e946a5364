/** Names of data things in the current language (English falls back to Chinese only when the data has no English). */
import type { Lang } from '../../app/url-state';
import type { Area, Comparator, Indicator } from '../../domain/types';

export const areaName = (a: Area | undefined, lang: Lang) => (a ? (lang === 'en' ? (a.nameEn ?? a.nameZh) : a.nameZh) : '');
export const indicatorName = (i: Indicator, lang: Lang) => (lang === 'en' ? (i.nameEn ?? i.nameZh) : i.nameZh);
export const groupName = (i: Indicator, lang: Lang) => (lang === 'en' ? (i.groupEn ?? i.groupZh) : i.groupZh);

const COMPARATOR_TEXT: Record<Lang, Record<Comparator, string>> = {
  zh: { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '~': '约' },
  en: { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '~': '≈' },
};
export const comparatorText = (c: Comparator, lang: Lang) => COMPARATOR_TEXT[lang][c];

/** Comparators as the reader's language writes a requirement in words (a take-away's column: 不低于, "at least"). */
const COMPARATOR_WORDS: Record<Lang, Record<Comparator, string>> = {
  zh: { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '=': '等于', '~': '约' },
  en: { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than', '=': 'exactly', '~': 'about' },
};
export const comparatorWord = (c: Comparator, lang: Lang) => COMPARATOR_WORDS[lang][c];
