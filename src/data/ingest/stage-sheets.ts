/**
 * A workbook in: every sheet whose header names a table (or is a wide monthly report) becomes
 * records of raw_<t> (text, one record per row, or per month cell of a wide row, unfolded by
 * DuckDB's UNPIVOT), checked by the same checks as a CSV (check.ts), reported sheet by sheet
 * (sheet, row, cell, reason), and committed in one transaction: a workbook that yields nothing
 * changes nothing.
 */
import { dataChanges } from '../changes';
import type { SqlEngine } from '../engine';
import { freshName, sqlName } from '../sql-name';
import { checkStaged } from './check';
import { dropStaged, ensureSchema, upsertStaged } from './commit';
import { fatalReport, type AreaMapping, type FileReport, type InputFile, type LoadIssue, type LoadNotice } from './issues';
import { readWorkbook } from './read-workbook';
import { tableFromRecords } from './records-csv';
import { cellText, columnLetter, isBlankRow, layoutSheet, longRecord, skippedRow, type SheetGrid, type SheetLayout } from './sheet-layout';
import { MAX_TABLE_BYTES } from './stage';
import { TABLE_ORDER, TABLES, type TableName } from './tables';

/** A record's line in raw_<t> is row id × SLOTS (+ 1 + month for a wide cell): unique across sheets and cells. */
const SLOTS = 1024;

interface Origin {
  sheet: string;
  line: number;
  layout: SheetLayout;
}

interface SheetPlan {
  sheet: string;
  layout: SheetLayout | null;
  notices: LoadNotice[];
}

/** What a workbook holds, table by table: records of long sheets and rows of wide ones. */
interface WorkbookPlan {
  sheets: SheetPlan[];
  origins: Origin[];
  long: Map<TableName, { id: number; values: Record<string, string | null> }[]>;
  wide: { id: number; values: Record<string, string | null>; months: Map<string, string> }[];
  /** The months of the wide rows, in order: period k is column m_<k> of the unfolded table. */
  periods: string[];
}

/** Lays every sheet out and takes its records (pure: no DuckDB). */
export function planWorkbook(grids: readonly SheetGrid[]): WorkbookPlan {
  const plan: WorkbookPlan = { sheets: [], origins: [], long: new Map(), wide: [], periods: [] };
  for (const grid of grids) {
    const sheet = grid.name ?? '';
    const notices: LoadNotice[] = [];
    const skip = (code: LoadNotice['code']) => plan.sheets.push({ sheet, layout: null, notices: [{ code, line: null, value: null }] });
    if (grid.hidden) {
      skip('sheet_hidden');
      continue;
    }
    if (grid.rows.every((r) => isBlankRow(r.cells))) {
      skip('sheet_empty');
      continue;
    }
    const layout = layoutSheet(grid);
    if (!layout) {
      skip('sheet_no_table');
      continue;
    }
    let unfilled = 0;
    let cells = 0;
    for (const row of grid.rows) {
      if (row.line <= layout.headerLine || isBlankRow(row.cells)) continue;
      const skipped = skippedRow(row.cells, layout);
      if (skipped) {
        notices.push({ code: skipped.why, line: row.line, value: skipped.text });
        continue;
      }
      const id = plan.origins.push({ sheet, line: row.line, layout }) - 1;
      if (layout.kind === 'long') {
        const { values, unfilled: blank } = longRecord(row.cells, layout);
        if (blank) {
          unfilled++;
          continue;
        }
        const list = plan.long.get(layout.table) ?? [];
        list.push({ id, values });
        plan.long.set(layout.table, list);
      } else {
        const values: Record<string, string | null> = {};
        layout.columns.forEach((c, i) => {
          if (c) values[c] = cellText(row.cells[i] ?? null, c);
        });
        if (layout.indicatorFromSheet) values.indicator_id = sheet;
        const months = new Map<string, string>();
        for (const m of layout.months) {
          const text = row.cells[m.index]?.text;
          if (text != null && text.trim() !== '') months.set(m.period, text);
        }
        cells += months.size;
        plan.wide.push({ id, values, months });
      }
    }
    if (unfilled > 0) notices.push({ code: 'unfilled_rows', line: null, value: String(unfilled) });
    if (layout.kind === 'wide') notices.push({ code: 'wide_cells', line: null, value: String(cells) });
    plan.sheets.push({ sheet, layout, notices });
  }
  plan.periods = [...new Set(plan.wide.flatMap((r) => [...r.months.keys()]))].sort();
  return plan;
}

/** Stages raw_<table> from the plan's long records (and, for actuals, its wide rows unfolded); returns the columns present. */
async function stageRaw(engine: SqlEngine, plan: WorkbookPlan, table: TableName): Promise<string[]> {
  const t = sqlName(table);
  const known = TABLES[table].columns;
  const long = plan.long.get(table) ?? [];
  const wide = table === 'actuals' ? plan.wide : [];
  const present = new Set<string>();
  const parts: string[] = [];
  const temps: string[] = [];
  if (long.length > 0) {
    const cols = known.filter((c) => long.some((r) => c in r.values));
    cols.forEach((c) => present.add(c));
    const name = freshName('sheet_long');
    temps.push(name);
    await tableFromRecords(engine, name, long.map((r) => r.id * SLOTS), Object.fromEntries(cols.map((c) => [c, long.map((r) => r.values[c] ?? null)])));
    parts.push(`SELECT __id AS __line, * EXCLUDE (__id) FROM ${name}`);
  }
  if (wide.length > 0) {
    // One column per month across the workbook's wide sheets: m_<k> holds period k's cells.
    const periods = plan.periods;
    const keys = ['indicator_id', 'area_code', 'basis', 'source'].filter((c) => wide.some((r) => c in r.values));
    ['period', 'value', ...keys].forEach((c) => present.add(c));
    const name = freshName('sheet_wide');
    const months = freshName('sheet_months');
    temps.push(name, months);
    await tableFromRecords(engine, name, wide.map((r) => r.id * SLOTS), {
      ...Object.fromEntries(keys.map((c) => [c, wide.map((r) => r.values[c] ?? null)])),
      ...Object.fromEntries(periods.map((p, k) => [`m_${k}`, wide.map((r) => r.months.get(p) ?? null)])),
    });
    await tableFromRecords(engine, months, periods.map((_, k) => k), { month: periods.map((_, k) => `m_${k}`), period: periods });
    // UNPIVOT leaves empty cells out: an empty month is no figure, not zero.
    parts.push(`SELECT u.__id + mo.__id + 1 AS __line, u.* EXCLUDE (__id, month), mo.period
      FROM (UNPIVOT ${name} ON ${periods.map((_, k) => sqlName(`m_${k}`)).join(', ')} INTO NAME month VALUE value) u
      JOIN ${months} mo ON mo.month = u.month`);
  }
  try {
    await engine.exec(`CREATE OR REPLACE TEMP TABLE raw_${t} AS ${parts.join(' UNION ALL BY NAME ')};`);
  } finally {
    await engine.exec(temps.map((n) => `DROP TABLE IF EXISTS ${n};`).join(' '));
  }
  return known.filter((c) => present.has(c));
}

/** Where a raw line came from: its sheet, row and, for a wide cell, the cell. */
function originOf(plan: WorkbookPlan, line: number): { sheet: string; line: number; cell?: string } {
  const o = plan.origins[Math.floor(line / SLOTS)]!;
  const slot = (line % SLOTS) - 1;
  if (slot < 0 || o.layout.kind !== 'wide') return { sheet: o.sheet, line: o.line };
  const period = plan.periods[slot];
  const month = o.layout.months.find((m) => m.period === period);
  return { sheet: o.sheet, line: o.line, ...(month ? { cell: `${columnLetter(month.index)}${o.line}` } : {}) };
}

/** Loads a workbook: each sheet read, checked and reported; all of it committed at once, or nothing. */
export async function loadWorkbook(engine: SqlEngine, input: InputFile): Promise<FileReport[]> {
  const { name: file, bytes } = input;
  if (bytes.byteLength > MAX_TABLE_BYTES) return [fatalReport(file, 'file_too_large', String(bytes.byteLength))];
  const read = await readWorkbook(bytes);
  if ('fatal' in read) return [fatalReport(file, read.fatal, read.detail)];
  const plan = planWorkbook(read.sheets);
  const tables = TABLE_ORDER.filter((t) => plan.long.has(t) || (t === 'actuals' && plan.wide.length > 0));
  const skippedSheets = plan.sheets.filter((s) => !s.layout).map((s) => sheetReport(file, s, null));
  if (tables.length === 0) {
    const names = plan.sheets.map((s) => s.sheet).join('、');
    const anyTable = plan.sheets.some((s) => s.layout);
    return [fatalReport(file, anyTable ? 'header_only' : 'no_table_sheet', names), ...plan.sheets.map((s) => sheetReport(file, s, s.layout?.table ?? null))];
  }
  return dataChanges(engine).change(
    async () => {
      await ensureSchema(engine);
      // Every new_<t> exists (empty until staged): later tables are checked against earlier ones of the same workbook.
      await engine.exec(`${dropStaged()} ${TABLE_ORDER.map((t) => `CREATE TEMP TABLE new_${sqlName(t)} AS SELECT NULL::BIGINT AS line, * FROM ${sqlName(t)} LIMIT 0;`).join(' ')}`);
      const bySheet = new Map(plan.sheets.filter((s) => s.layout).map((s) => [s.sheet, sheetReport(file, s, s.layout!.table)]));
      const changed: TableName[] = [];
      for (const table of tables) {
        const present = await stageRaw(engine, plan, table);
        const report = await checkStaged(engine, { file, table, encoding: null, present, context: 'merged', rejected: [] });
        if (report.accepted > 0) changed.push(table);
        await splitBySheet(engine, plan, table, report, bySheet);
      }
      if (changed.length > 0) await upsertStaged(engine, changed);
      const reports = plan.sheets.map((s) => bySheet.get(s.sheet) ?? skippedSheets.find((r) => r.sheet === s.sheet)!);
      if (changed.length === 0) return [fatalReport(file, 'no_valid_rows'), ...reports];
      return reports;
    },
    { committed: (rs) => rs.some((r) => r.accepted > 0) },
  );
}

function sheetReport(file: string, s: SheetPlan, table: TableName | null): FileReport {
  return { file, sheet: s.sheet, table, encoding: null, accepted: 0, rejected: [], fatal: null, mapped: [], notices: s.notices };
}

/** A table's report, handed out to its sheets: each issue at its sheet, row and cell; accepted rows and area notices per sheet. */
async function splitBySheet(engine: SqlEngine, plan: WorkbookPlan, table: TableName, report: FileReport, bySheet: Map<string, FileReport>) {
  const t = sqlName(table);
  for (const issue of report.rejected) {
    const at = originOf(plan, issue.line ?? 0);
    const moved: LoadIssue = { ...issue, line: at.line, sheet: at.sheet, ...(at.cell ? { cell: at.cell } : {}) };
    if (issue.code === 'duplicate_key' && issue.detail) {
      const first = originOf(plan, Number(issue.detail));
      moved.detail = first.sheet === at.sheet ? `${first.line}` : `${first.line}（${first.sheet}）`;
    }
    bySheet.get(at.sheet)!.rejected.push(moved);
  }
  for (const { line } of await engine.query<{ line: number }>(`SELECT line FROM new_${t}`)) bySheet.get(originOf(plan, Number(line)).sheet)!.accepted++;
  if (table !== 'targets' && table !== 'actuals') return;
  const rows = await engine.query<{ line: number; from: string; to: string; kind: string }>(
    `SELECT line, area_code_input AS "from", area_code AS "to", alias_kind AS kind FROM chk_${t}
     WHERE alias_kind IS NOT NULL AND line IN (SELECT line FROM new_${t}) ORDER BY line`,
  );
  for (const r of rows) {
    const mapped = bySheet.get(originOf(plan, Number(r.line)).sheet)!.mapped!;
    const m = mapped.find((x) => x.from === r.from);
    if (m) m.rows++;
    else mapped.push({ from: String(r.from), to: String(r.to), kind: (r.kind === 'former' ? 'former' : 'name') as AreaMapping['kind'], rows: 1 });
  }
}
