/** Statuses and load issues in words, in both languages. */
import type { IssueCode } from '../../data/ingest/issues';
import type { Status } from '../../domain/types';
import type { Lang } from '../url-state';

export const STATUS: Record<Lang, Record<Status, string>> = {
  zh: { met: '达标', on_track: '序时内', behind: '落后序时', missed: '未达标', no_data: '无数据' },
  en: { met: 'Met', on_track: 'On track', behind: 'Behind pace', missed: 'Missed', no_data: 'No data' },
};

/** A status before its due month, as it reads so far (domain/status.ts statusReading). */
export const READING: Record<Lang, Record<'met_so_far' | 'unmet_so_far', string>> = {
  zh: { met_so_far: '当前达标', unmet_so_far: '暂未达标' },
  en: { met_so_far: 'Met so far', unmet_so_far: 'Not met so far' },
};

/** Month names for "as of" notes (zh writes the number: 截至9月). */
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const ISSUES: Record<Lang, Record<IssueCode, string>> = {
  zh: {
    required: '缺少必填值',
    not_a_number: '不是数字',
    not_finite: '数值无效（非有限数）',
    negative: '不能为负数',
    bad_id: '编码格式无效',
    bad_level: '层级须为 city、district、town 或 zone',
    bad_kind: '类型须为 flow、level 或 rate',
    bad_boolean: '须为 true 或 false',
    bad_year: '年份无效',
    bad_comparator: '比较符无法识别（可用 >=、>、<=、<、=、~）',
    bad_baseline: '基准只能为 prior_year',
    bad_date: '日期须为 YYYY-MM-DD',
    bad_period: '期间须为 YYYY-MM',
    period_out_of_range: '期间超出可接受的范围（{detail}）',
    percent_not_allowed: '百分号只能用于单位为百分比的指标',
    bad_basis: '口径须为 flow 或 ytd',
    unknown_parent: '上级区域不存在',
    unknown_indicator: '指标不存在',
    unknown_area: '区域不存在',
    duplicate_key: '主键重复（与第{detail}行相同）',
    rate_needs_fraction: '比率指标须同时给出分子和分母，或只给出比率值',
    denominator_zero: '分母须大于0',
    numerator_exceeds_denominator: '分子大于分母',
    value_needed: '缺少数值 value',
    csv_structure: 'CSV 格式错误：{detail}',
    file_unreadable: '文件无法读取',
    file_empty: '文件为空',
    file_binary: '不是文本文件（含二进制内容）',
    file_xlsx: '这是 Excel 工作簿：数据文件夹只读 CSV；请在“导入数据文件”中导入工作簿，或另存为 CSV',
    file_too_large: '文件过大（{detail} 字节），超出浏览器可处理的上限',
    file_password: '工作簿设有打开密码，无法读取；请在 Excel 中取消密码后另存再导入',
    sheet_too_large: '工作表行数过多（{detail} 行），超出浏览器可处理的上限（每个工作表 10 万行）；请拆分后导入',
    no_table_sheet: '没有一个工作表的表头能识别为四张表之一或按月宽表（工作表：{detail}）',
    header_only: '只有表头，没有数据行',
    not_recognised: '无法识别为四张表之一（表头：{detail}）',
    no_valid_rows: '没有一行通过校验，未做任何更改',
    encoding_unsure: '无法确定文件编码',
    table_missing: '缺少数据表：{detail}',
  },
  en: {
    required: 'a required value is missing',
    not_a_number: 'not a number',
    not_finite: 'not a finite number',
    negative: 'must not be negative',
    bad_id: 'not a valid code',
    bad_level: 'level must be city, district, town or zone',
    bad_kind: 'kind must be flow, level or rate',
    bad_boolean: 'must be true or false',
    bad_year: 'not a valid year',
    bad_comparator: 'unknown comparator (use >=, >, <=, <, = or ~)',
    bad_baseline: 'baseline can only be prior_year',
    bad_date: 'date must be YYYY-MM-DD',
    bad_period: 'period must be YYYY-MM',
    period_out_of_range: 'period outside the accepted range ({detail})',
    percent_not_allowed: 'a percent sign is only valid for an indicator measured in percent',
    bad_basis: 'basis must be flow or ytd',
    unknown_parent: 'parent area does not exist',
    unknown_indicator: 'unknown indicator',
    unknown_area: 'unknown area',
    duplicate_key: 'duplicate key (same as line {detail})',
    rate_needs_fraction: 'a rate needs both a numerator and a denominator, or the rate itself as the value',
    denominator_zero: 'denominator must be greater than 0',
    numerator_exceeds_denominator: 'numerator is greater than the denominator',
    value_needed: 'value is missing',
    csv_structure: 'malformed CSV: {detail}',
    file_unreadable: 'the file cannot be read',
    file_empty: 'the file is empty',
    file_binary: 'not a text file (binary content)',
    file_xlsx: 'this is an Excel workbook: a data folder is read as CSV only; load the workbook with “Load data files”, or save it as CSV',
    file_too_large: 'the file is too large ({detail} bytes) for the browser',
    file_password: 'the workbook is protected by a password and cannot be read: remove the password in Excel, save, and load it again',
    sheet_too_large: 'a sheet has too many rows ({detail}) for the browser (at most 100,000 per sheet): split it',
    no_table_sheet: 'no sheet has a header of one of the four tables or a monthly report (sheets: {detail})',
    header_only: 'only a header, no data rows',
    not_recognised: 'not recognised as one of the four tables (header: {detail})',
    no_valid_rows: 'no row passed the checks; nothing was changed',
    encoding_unsure: 'the encoding could not be determined',
    table_missing: 'a table is missing: {detail}',
  },
};

/**
 * The structural errors DuckDB's CSV reader reports (its `error_type`), in words: the detail of a
 * csv_structure issue. A type not listed here reads as the generic `other`. MAX_LINE_BYTES of
 * ingest/stage.ts is the 16 MB.
 */
export const CSV_ERRORS: Record<Lang, Record<string, string>> = {
  zh: {
    CAST: '值无法按该列读取',
    'MISSING COLUMNS': '列数少于表头',
    'TOO MANY COLUMNS': '列数多于表头',
    'UNQUOTED VALUE': '引号未闭合，或闭合引号后还有字符',
    'LINE SIZE OVER MAXIMUM': '一行超过 16 兆字节',
    'INVALID UNICODE': '含无效字符',
    other: '这一行无法按表格读取',
  },
  en: {
    CAST: 'a value cannot be read for its column',
    'MISSING COLUMNS': 'fewer fields than the header',
    'TOO MANY COLUMNS': 'more fields than the header',
    'UNQUOTED VALUE': 'a quote is not closed, or text follows a closing quote',
    'LINE SIZE OVER MAXIMUM': 'a row over 16 MB',
    'INVALID UNICODE': 'invalid characters',
    other: 'the line cannot be read as a table row',
  },
};
