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
