/**
 * The translator: every UI string in both languages (zh.ts, en.ts; statuses and load issues in
 * words.ts). zh-CN is the default; `?lang=en` switches every string. A unit test fails when a key
 * exists in one language and not the other.
 */
import type { IssueCode } from '../../data/ingest/issues';
import type { StatusReading } from '../../domain/status';
import type { Status } from '../../domain/types';
import type { Lang } from '../url-state';
import { en } from './en';
import { CSV_ERRORS, ISSUES, MONTHS_EN, READING, STATUS } from './words';
import { zh, type MessageKey } from './zh';

export type { MessageKey };

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** A translator bound to one language. */
export function translator(lang: Lang) {
  const m = MESSAGES[lang];
  return {
    lang,
    t: (key: MessageKey, vars?: Record<string, string | number>) => fill(m[key], vars),
    status: (s: Status) => STATUS[lang][s],
    /** A status as it reads (domain/status.ts): the word, and for a provisional one the month it holds to (截至9月). */
    reading: (r: { reading: StatusReading; month: number | null }) => ({
      word: r.reading === 'met_so_far' || r.reading === 'unmet_so_far' ? READING[lang][r.reading] : STATUS[lang][r.reading],
      when: r.month == null ? null : fill(m.asOfMonth, { month: lang === 'zh' ? r.month : MONTHS_EN[r.month - 1]! }),
    }),
    issue: (code: IssueCode, detail: string | null) =>
      // DuckDB names a structural error in English capitals (MISSING COLUMNS): say it in the reader's words.
      fill(ISSUES[lang][code], { detail: code === 'csv_structure' ? (CSV_ERRORS[lang][detail ?? ''] ?? CSV_ERRORS[lang].other!) : (detail ?? '') }),
  };
}

export type Translator = ReturnType<typeof translator>;

/** For the completeness test. */
export const ALL_MESSAGES = MESSAGES;
export const ALL_STATUS = STATUS;
export const ALL_ISSUES = ISSUES;
export const ALL_READING = READING;
export const ALL_CSV_ERRORS = CSV_ERRORS;
