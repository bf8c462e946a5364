/**
 * The translator: every UI string in both languages (zh.ts, en.ts; statuses and load issues in
 * words.ts). zh-CN is the default; `?lang=en` switches every string. A unit test fails when a key
 * exists in one language and not the other.
 */
import type { IssueCode } from '../../data/ingest/issues';
import type { Status } from '../../domain/types';
import type { Lang } from '../url-state';
import { en } from './en';
import { CSV_ERRORS, ISSUES, STATUS } from './words';
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
    issue: (code: IssueCode, detail: string | null) =>
      fill(ISSUES[lang][code], { detail: (code === 'csv_structure' && detail ? CSV_ERRORS[lang][detail] : null) ?? detail ?? '' }),
  };
}

export type Translator = ReturnType<typeof translator>;

/** For the completeness test. */
export const ALL_MESSAGES = MESSAGES;
export const ALL_STATUS = STATUS;
export const ALL_ISSUES = ISSUES;
