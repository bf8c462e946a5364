/**
 * What a load reports: why a row or a file was not taken (codes, translated in app/i18n), and the
 * report of one file. Every ingest path (CSV, Arrow, a folder, one file) reports in these shapes.
 */
import type { DetectedEncoding } from './csv-text';
import type { TableName } from './tables';

/** Why a row or a file was not taken. Codes are translated in the UI (app/i18n). */
export type IssueCode =
  | 'required'
  | 'not_a_number'
  | 'not_finite'
  | 'negative'
  | 'bad_id'
  | 'bad_level'
  | 'bad_kind'
  | 'bad_boolean'
  | 'bad_year'
  | 'bad_comparator'
  | 'bad_baseline'
  | 'bad_date'
  | 'bad_period'
  | 'period_out_of_range'
  | 'percent_not_allowed'
  | 'bad_basis'
  | 'unknown_parent'
  | 'unknown_indicator'
  | 'unknown_area'
  | 'duplicate_key'
  | 'rate_needs_fraction'
  | 'denominator_zero'
  | 'numerator_exceeds_denominator'
  | 'value_needed'
  | 'csv_structure'
  // whole-file problems
  | 'file_unreadable'
  | 'file_empty'
  | 'file_binary'
  | 'file_xlsx'
  | 'file_too_large'
  | 'file_password'
  | 'sheet_too_large'
  | 'no_table_sheet'
  | 'header_only'
  | 'not_recognised'
  | 'no_valid_rows'
  | 'encoding_unsure'
  | 'table_missing';

export interface LoadIssue {
  file: string;
  /** 1-based line in the file; null for whole-file problems. */
  line: number | null;
  column: string | null;
  code: IssueCode;
  /** The offending value as text (shown escaped, never as HTML); truncated. */
  value: string | null;
  /** Extra detail: DuckDB's message for structural errors, the first line of a duplicate … */
  detail: string | null;
  /** A workbook's sheet the line is on (`line` is then its row number). */
  sheet?: string;
  /** A wide report's cell (`E5`), where the row is unfolded into one record per month. */
  cell?: string;
}

/**
 * What a workbook load did besides rows taken or refused: rows skipped as totals (合计), notes or
 * fill-in rows left blank, sheets not read (hidden, empty, no table header), wide cells unfolded.
 */
export interface LoadNotice {
  code: 'total_row' | 'note_row' | 'unfilled_rows' | 'sheet_hidden' | 'sheet_empty' | 'sheet_no_table' | 'wide_cells';
  /** The row (total, note), or null for a sheet. */
  line: number | null;
  /** What the row said (合计), or a count (rows left blank, cells unfolded). */
  value: string | null;
}

/** An area written as a former district or by name, loaded under its current code. */
export interface AreaMapping {
  from: string;
  to: string;
  kind: 'former' | 'name';
  rows: number;
}

export interface FileReport {
  file: string;
  table: TableName | null;
  encoding: DetectedEncoding | null;
  accepted: number;
  rejected: LoadIssue[];
  /** Set when nothing of the file could be used. */
  fatal: LoadIssue | null;
  /** Area codes read from former districts or names (shown as notices). */
  mapped?: AreaMapping[];
  /** When the encoding could not be told: the first lines, for the user to judge. */
  preview?: string;
  /** A workbook's sheet this report is about (a workbook reports sheet by sheet). */
  sheet?: string;
  /** Rows skipped and sheets not read, with why. */
  notices?: LoadNotice[];
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface FolderReport {
  files: FileReport[];
  /** Whole-folder failure: a required table missing or unusable; nothing was changed. */
  fatal: LoadIssue | null;
}

/** How much of an offending value a report keeps. */
export const VALUE_PREVIEW = 200;

/** The report of a file that could not be used at all. */
export const fatalReport = (file: string, code: IssueCode, detail: string | null = null): FileReport => ({
  file,
  table: null,
  encoding: null,
  accepted: 0,
  rejected: [],
  fatal: { file, line: null, column: null, code, value: null, detail },
});
