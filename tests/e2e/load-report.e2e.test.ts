/**
 * The load report after an upload, as a person reads it: a line is a duplicate only of an accepted
 * line; every message in the reader's language; the report's colour follows its outcome (all, some
 * or none of the rows accepted); the whole list readable in place; and the rejected lines
 * downloadable as a CSV with their reasons.
 *
 * The uploaded file is written here, line by line, with the reason each line must be rejected for
 * (or the value it must bring); the table's values after the upload come from the independent
 * reference judge over the bundled data with the accepted rows applied as upserts.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, latestPeriod, monthIndex, type RefActual, type RefFolder } from '../helpers/reference-judge';
import { downloadOf, expectRows, stageAnalyst, uploadFiles, type AnalystStage } from './analyst-stage';

let stage: AnalystStage;
beforeAll(async () => {
  stage = await stageAnalyst('jiuye-load-report-e2e-');
});
afterAll(async () => stage?.close());

const HEADER = 'indicator_id,area_code,period,value,numerator,denominator,basis,source';
const IND = 'public_institution_recruitment';

/** Each line of the mixed file: its text, and the code it must be rejected with (null: accepted). */
const MIXED: { line: string; code: string | null }[] = [
  { line: `${IND},310104,2023-02,abc,,,,typo`, code: 'not_a_number' },
  // The same key as the line above, which was rejected: this line is the first acceptable one.
  { line: `${IND},310104,2023-02,40,,,,fixed`, code: null },
  { line: `${IND},310104,2023-03,12,,,,first`, code: null },
  { line: `${IND},310104,2023-03,13,,,,second`, code: 'duplicate_key' },
  // Two fields short: DuckDB's reader reports MISSING COLUMNS.
  { line: `${IND},310104,2023-04,5,,`, code: 'csv_structure' },
  // Enough unknown areas that the list runs past the old 50-line cut.
  ...Array.from({ length: 60 }, (_, i) => ({ line: `${IND},9${String(i).padStart(8, '0')},2023-05,1,,,,x`, code: 'unknown_area' })),
];
const mixedCsv = () => Buffer.from([HEADER, ...MIXED.map((m) => m.line)].join('\n') + '\n');
/** What the accepted lines change: the rows the reference applies as upserts. */
const ACCEPTED: RefActual[] = [
  { indicator: IND, area: '310104', month: monthIndex('2023-02'), value: 40, numerator: null, denominator: null, basis: 'flow' },
  { indicator: IND, area: '310104', month: monthIndex('2023-03'), value: 12, numerator: null, denominator: null, basis: 'flow' },
];

function withActuals(folder: RefFolder, rows: readonly RefActual[]): RefFolder {
  const key = (r: RefActual) => `${r.indicator}\u0000${r.area}\u0000${r.month}`;
  const map = new Map(folder.actuals.map((r) => [key(r), r]));
  for (const r of rows) map.set(key(r), r);
  return { ...folder, actuals: [...map.values()] };
}

/** The outcome colours, independently: Okabe–Ito green, orange and vermillion (met, behind, missed). */
const OUTCOME_RGB = { all: 'rgb(0, 158, 115)', some: 'rgb(230, 159, 0)', none: 'rgb(213, 94, 0)' } as const;

interface Shown {
  outcome: string | null;
  border: string;
  issues: { line: number | null; code: string; reason: string }[];
  listClipped: boolean;
  text: string;
}

const readReport = (page: import('playwright-core').Page, file: string) =>
  page.$eval(`[data-load-report] [data-file="${file}"]`, (el): Shown => {
    const list = el.querySelector('ul.rejected');
    return {
      outcome: el.getAttribute('data-outcome'),
      border: getComputedStyle(el).borderLeftColor,
      issues: [...el.querySelectorAll('li[data-code]')].map((li) => ({
        line: li.getAttribute('data-line') ? Number(li.getAttribute('data-line')) : null,
        code: li.getAttribute('data-code') ?? '',
        reason: li.querySelector('.reason')?.textContent ?? '',
      })),
      // A list in a small scroll box hides what it holds.
      listClipped: list != null && list.scrollHeight > list.clientHeight + 1,
      text: el.textContent ?? '',
    };
  });

describe('the load report', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: a valid line after a rejected one with its key is taken; reasons in ${lang}; colour by outcome; the whole list in place; rejected lines as CSV`, async () => {
      const asOf = latestPeriod(stage.bundled);
      const year2023 = stage.bundled.targets.filter((t) => t.year === 2023).map((t) => t.id).sort();
      const after = judgeAll(withActuals(stage.bundled, ACCEPTED), asOf);
      // The accepted lines must make a visible difference to the table.
      expect(after.get('hjb2023-3-08-institution-recruitment')).not.toEqual(judgeAll(stage.bundled, asOf).get('hjb2023-3-08-institution-recruitment'));
      await stage.withPage(`?year=2023&lang=${lang}`, async ({ page }) => {
        await uploadFiles(page, [{ name: 'mixed.csv', bytes: mixedCsv() }]);
        const r = await readReport(page, 'mixed.csv');
        const expected = MIXED.map((m, i) => ({ line: i + 2, code: m.code })).filter((m) => m.code != null);
        expect(r.issues.map((x) => [x.line, x.code])).toEqual(expected.map((m) => [m.line, m.code]));
        expect(r.outcome).toBe('some');
        expect(r.border).toBe(OUTCOME_RGB.some);
        expect(r.listClipped, 'the rejected lines sit in a scroll box').toBe(false);
        // Every reason in the reader's language (data values and column codes aside).
        for (const x of r.issues) {
          expect(x.reason.trim(), `line ${x.line}`).not.toBe('');
          if (lang === 'zh') expect(x.reason.replace(/CSV/g, ''), `line ${x.line}: ${x.reason}`).not.toMatch(/[A-Za-z]/);
          else expect(x.reason, `line ${x.line}: ${x.reason}`).not.toMatch(/\p{Script=Han}/u);
        }
        expect(r.text).not.toMatch(/MISSING COLUMNS/);
        await expectRows(page, year2023, after, 'the mixed file loaded');

        // The rejected lines, with their reasons, as a CSV: one line per rejected line, in order,
        // the file's own fields after the line number and reason.
        const file = await downloadOf(page, '[data-file="mixed.csv"] [data-download-rejected]');
        expect(file.name).toMatch(/\.csv$/);
        expect(file.name).toContain('mixed');
        expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const parsed = Papa.parse<string[]>(file.bytes.subarray(3).toString('utf8'), { skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        const [head, ...body] = parsed.data;
        const own = HEADER.split(',');
        expect(head!.slice(-own.length)).toEqual(own);
        expect(head!.length).toBe(own.length + 4);
        expect(body.map((l) => Number(l[0]))).toEqual(expected.map((m) => m.line));
        body.forEach((cells, i) => {
          const line = expected[i]!.line;
          const fields = Papa.parse<string[]>(MIXED[line - 2]!.line).data[0]!;
          // A short line keeps the fields it has.
          expect(cells.slice(4, 4 + fields.length), `line ${line}`).toEqual(fields);
          expect(cells[3], `reason of line ${line}`).toBe(r.issues[i]!.reason);
        });

        // All accepted: green; none accepted: red.
        await uploadFiles(page, [{ name: 'good.csv', bytes: Buffer.from(`${HEADER}\n${IND},310104,2023-06,3,,,,ok\n`) }]);
        let g = await readReport(page, 'good.csv');
        expect([g.outcome, g.border]).toEqual(['all', OUTCOME_RGB.all]);
        await uploadFiles(page, [{ name: 'bad.csv', bytes: Buffer.from(`${HEADER}\n${IND},999999999,2023-06,3,,,,x\n`) }]);
        g = await readReport(page, 'bad.csv');
        expect([g.outcome, g.border]).toEqual(['none', OUTCOME_RGB.none]);
      });
    });
  }
});
