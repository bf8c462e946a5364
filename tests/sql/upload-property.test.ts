/**
 * A property of the upload path (loadSingleFile, as the file input runs it): random actuals files,
 * mixing valid rows with the broken shapes of the bad-input corpus, in random line ends (LF, CRLF,
 * CR, \r\r\n, mixed) and encodings (UTF-8 with and without BOM, UTF-16LE/BE, GB18030), always end
 * with a report whose accepted rows are exactly the valid ones, stored as written, and whose
 * rejected lines are exactly the broken ones, at the lines the generator wrote them on, with
 * nothing else changed. The generator counts lines itself as it writes them (LF, CRLF and a lone
 * CR each end one line): it never asks the code under test.
 *
 * Seeded: PROPERTY_SEED and PROPERTY_FILES override the defaults; a failure names the seed, the
 * file's index and its text, so `PROPERTY_SEED=<seed>` replays it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles } from '../helpers/fixtures';
import { loadFolder, loadSingleFile } from '../../src/data/ingest/commit';
import type { Row, SqlEngine } from '../../src/data/engine';
import { seeded as random, type Seeded as Rng } from '../helpers/random';

const SEED = Number(process.env.PROPERTY_SEED ?? 17_2026);
const FILES = Number(process.env.PROPERTY_FILES ?? 300);

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
const COLUMNS = ['indicator_id', 'area_code', 'period', 'value', 'numerator', 'denominator', 'source'] as const;
type Column = (typeof COLUMNS)[number];
type Fields = Record<Column, string>;
/** What a valid row must be stored as. */
interface Stored {
  indicator_id: string;
  area_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string;
}
/** One physical piece of the file: its text (without its line end) and what the report must say of it. */
interface Piece {
  text: string;
  /** Rejected with this code at the line the piece starts on. */
  rejected?: string;
  /** A record that spans this many extra lines (line breaks inside quotes). */
  innerLines?: number;
}

// Text a source is made of. GB2312 hanzi only, so GB18030 files are told apart from UTF-8 (青's
// trail byte E0 is no UTF-8 continuation); emoji only where the encoding holds them.
const HANZI = ['青浦', '新城', '示例数据', '就业', '统计', '来源', '上海'];
const WORDS = ['release', 'note', 'a', 'B2', 'x-y', '<b>', '&amp;', "it's", '=1+1', '@x', '#', '%', '+'];

function sourceText(rng: Rng, enc: Encoding): { csv: string; stored: string; innerLines: number } {
  const parts: string[] = [rng.pick([...WORDS, ...HANZI])];
  let innerLines = 0;
  let quoted = false;
  for (let i = rng.int(4); i > 0; i--) {
    const kind = rng.int(10);
    if (kind < 2) {
      parts.push(rng.pick([',', ', ', '，']));
      quoted = true;
    } else if (kind < 3) {
      parts.push('"');
      quoted = true;
    } else if (kind < 5) {
      // A line break inside the field: data, and a line of the file.
      parts.push(rng.pick(['\n', '\r\n', '\r']));
      innerLines++;
      quoted = true;
    } else if (kind < 6 && enc !== 'gb18030') parts.push(rng.pick(['😀', '🇨🇳']));
    else parts.push(' ', rng.pick([...WORDS, ...HANZI]));
    // Never end on a break: the next piece always starts with a word.
    parts.push(rng.pick(WORDS));
  }
  const stored = parts.join('');
  if (/[",\r\n]/.test(stored) && !quoted) quoted = true;
  return { csv: quoted || rng.chance(0.1) ? `"${stored.replace(/"/g, '""')}"` : stored, stored, innerLines };
}

const num = (rng: Rng, n: number): { csv: string; value: number } => {
  const form = rng.int(6);
  if (form === 0 && n >= 1000) return { csv: `"${n.toLocaleString('en-US')}"`, value: n };
  if (form === 1) return { csv: String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))), value: n };
  if (form === 2) return { csv: ` ${n} `, value: n };
  return { csv: String(n), value: n };
};

const AREAS = ['900001', '900002', '900003', '900003001', '900003-z'];
/** Periods no two rows share, all before the fixture's own years (2023–2024) and after 2000-01. */
function periodPool(rng: Rng): string[] {
  const all: string[] = [];
  for (let y = 2001; y <= 2019; y++) for (let m = 1; m <= 12; m++) all.push(`${y}-${String(m).padStart(2, '0')}`);
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/** A valid row's fields and what it must be stored as. */
function validRow(rng: Rng, period: string, enc: Encoding): { fields: Fields; stored: Stored; innerLines: number } {
  const area = rng.pick(AREAS);
  const src = sourceText(rng, enc);
  const base = { indicator_id: '', area_code: area, period, value: '', numerator: '', denominator: '', source: src.csv };
  const kind = rng.int(3);
  if (kind < 2) {
    const ind = kind === 0 ? 'f_flow' : 'lvl';
    const v = num(rng, rng.int(20000));
    return {
      fields: { ...base, indicator_id: ind, value: v.csv },
      stored: {
        indicator_id: ind,
        area_code: area,
        period,
        value: v.value,
        numerator: null,
        denominator: null,
        source: src.stored,
      },
      innerLines: src.innerLines,
    };
  }
  const den = 1 + rng.int(5000);
  const n = num(rng, rng.int(den + 1));
  return {
    fields: { ...base, indicator_id: 'rt', numerator: n.csv, denominator: String(den) },
    stored: {
      indicator_id: 'rt',
      area_code: area,
      period,
      value: null,
      numerator: n.value,
      denominator: den,
      source: src.stored,
    },
    innerLines: src.innerLines,
  };
}

/** Value-level breakage: the row has its columns but a check fails; the code it must be reported with. */
const BAD_VALUES: [string, (f: Fields) => Fields][] = [
  ['not_a_number', (f) => ({ ...f, indicator_id: 'f_flow', value: 'abc', numerator: '', denominator: '' })],
  ['not_a_number', (f) => ({ ...f, indicator_id: 'f_flow', value: '1_000', numerator: '', denominator: '' })],
  ['percent_not_allowed', (f) => ({ ...f, indicator_id: 'f_flow', value: '550%', numerator: '', denominator: '' })],
  ['period_out_of_range', (f) => ({ ...f, period: '2205-12' })],
  ['period_out_of_range', (f) => ({ ...f, period: '0000-01' })],
  ['bad_period', (f) => ({ ...f, period: '2019-13' })],
  ['negative', (f) => ({ ...f, indicator_id: 'lvl', value: '-5', numerator: '', denominator: '' })],
  ['unknown_indicator', (f) => ({ ...f, indicator_id: 'no_such_indicator' })],
  ['numerator_exceeds_denominator', (f) => ({ ...f, indicator_id: 'rt', value: '', numerator: '120', denominator: '100' })],
];

interface GeneratedFile {
  bytes: Uint8Array;
  text: string;
  encoding: Encoding;
  accepted: Stored[];
  rejected: [line: number, code: string][];
}

function generate(rng: Rng): GeneratedFile {
  const encoding = rng.pick<Encoding>(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']);
  const order = [...COLUMNS].sort(() => rng.next() - 0.5);
  const header = order.map((c) => (rng.chance(0.2) ? c.toUpperCase() : c)).join(',');
  const periods = periodPool(rng);
  const pieces: Piece[] = [{ text: header }];
  const accepted: Stored[] = [];
  const join = (f: Fields) => order.map((c) => f[c]).join(',');
  const rows = 1 + rng.int(14);
  for (let i = 0; i < rows; i++) {
    const row = validRow(rng, periods.pop()!, encoding);
    const shape = rng.int(20);
    const last = order[order.length - 1]!;
    // Rows cut or stretched (shapes 13–16) carry a plain source, so where the cut falls is known.
    if (shape >= 13 && shape < 17)
      Object.assign(row, {
        innerLines: 0,
        fields: { ...row.fields, source: 'plain' },
        stored: { ...row.stored, source: 'plain' },
      });
    if (shape < 9) {
      // Valid, sometimes with trailing empty fields (taken: they lose nothing).
      pieces.push({ text: join(row.fields) + (shape === 0 ? ',' : ''), innerLines: row.innerLines });
      accepted.push(row.stored);
    } else if (shape < 13) {
      const [code, breakIt] = rng.pick(BAD_VALUES);
      pieces.push({ text: join(breakIt(row.fields)), rejected: code, innerLines: row.innerLines });
    } else if (shape < 15) {
      // Too few fields, or one too many (not empty).
      const cells = order.map((c) => row.fields[c]);
      const text = shape === 13 ? cells.slice(0, 1 + rng.int(cells.length - 2)).join(',') : `${cells.join(',')},extra`;
      // A cut row that is only empty fields would be a blank line: give it a word.
      pieces.push({ text: text.trim() === '' ? 'f_flow' : text, rejected: 'csv_structure' });
    } else if (shape < 17) {
      // A lone CR inside the unquoted period (never the first or last column): both halves are short rows.
      const k = order.indexOf('period');
      if (k === 0 || k === order.length - 1) {
        pieces.push({ text: join(row.fields), innerLines: row.innerLines });
        accepted.push(row.stored);
        continue;
      }
      const cells = order.map((c) => row.fields[c]);
      const before = [...cells.slice(0, k), cells[k]!.slice(0, 3)].join(',');
      const after = [cells[k]!.slice(3), ...cells.slice(k + 1)].join(',');
      // innerLines -1: the piece ends with a lone CR instead of the file's line end.
      pieces.push({ text: before, rejected: 'csv_structure', innerLines: -1 }, { text: after, rejected: 'csv_structure' });
    } else if (!/^"/.test(row.fields[last]) && row.fields[last] !== '' && row.innerLines === 0) {
      // A lone CR after the last field: the row ends there and is taken; what follows is a short row.
      pieces.push({ text: join(row.fields), innerLines: -1 }, { text: 'tail', rejected: 'csv_structure' });
      accepted.push(row.stored);
    } else {
      pieces.push({ text: join(row.fields), innerLines: row.innerLines });
      accepted.push(row.stored);
    }
  }
  // Sometimes a quote that never closes: RFC 4180 makes it one record to the end of the file.
  if (rng.chance(0.08))
    pieces.push({ text: `f_flow,900001,2019-12,1,"never closed`, rejected: 'csv_structure' }, { text: 'swallowed,row' });

  // Line ends: one kind for the file, or mixed; blank lines here and there. A lone CR is never
  // followed by a bare LF (that would be one CRLF).
  const style = rng.pick(['\n', '\r\n', '\r', '\r\r\n', 'mixed'] as const);
  const end = () => (style === 'mixed' ? rng.pick(['\n', '\r\n', '\r', '\r\r\n']) : style);
  const rejected: [number, string][] = [];
  let text = '';
  let line = 1;
  let unclosed = false;
  for (const [i, p] of pieces.entries()) {
    if (p.rejected) rejected.push([line, p.rejected]);
    if (p.rejected === 'csv_structure' && p.text.includes('never closed')) unclosed = true;
    text += p.text;
    line += Math.max(0, p.innerLines ?? 0);
    if (i === pieces.length - 1 && rng.chance(0.3)) break;
    const e = p.innerLines === -1 ? '\r' : end();
    text += e;
    line += e === '\r\r\n' ? 2 : 1;
    if (!unclosed && rng.chance(0.1)) {
      const blank = end();
      text += blank === '\n' && text.endsWith('\r') ? '\r\r\n' : blank;
      line += blank === '\r\r\n' || (blank === '\n' && text.endsWith('\r\r\n')) ? 2 : 1;
    }
  }
  // A GB18030 file whose bytes happen to be valid UTF-8 is read as UTF-8 (README): write it so.
  const bytes = encode(text, encoding);
  if (encoding === 'gb18030' && isUtf8(bytes))
    return { bytes: encode(text, 'utf-8'), text, encoding: 'utf-8', accepted, rejected };
  return { bytes, text, encoding, accepted, rejected };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// --- encodings ------------------------------------------------------------------------------------
const GB = (() => {
  const map = new Map<string, [number, number]>();
  const dec = new TextDecoder('gb18030');
  // GB2312's two-byte block: symbols and full-width forms (rows A1–A9), then hanzi (B0–F7).
  for (let lead = 0xa1; lead <= 0xf7; lead++)
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  return map;
})();

function encode(text: string, enc: Encoding): Uint8Array {
  if (enc === 'utf-8') return new TextEncoder().encode(text);
  if (enc === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  if (enc === 'gb18030')
    return Uint8Array.from(
      [...text].flatMap((ch) => {
        if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
        const pair = GB.get(ch);
        if (!pair) throw new Error(`not in the GB18030 table: ${ch}`);
        return pair;
      }),
    );
  const out = [enc === 'utf-16le' ? 0xff : 0xfe, enc === 'utf-16le' ? 0xfe : 0xff];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(enc === 'utf-16le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

// --- the property ---------------------------------------------------------------------------------
let engine: SqlEngine;
/** One query for "nothing else changed": a digest of every table but the rows a file may add. */
const DIGEST = `SELECT ${[
  ['areas', 'true'],
  ['indicators', 'true'],
  ['targets', 'true'],
  ['actuals', `period >= '2020'`],
]
  .map(
    ([t, where]) =>
      `(SELECT md5(coalesce(string_agg(CAST(x AS VARCHAR), '|' ORDER BY CAST(x AS VARCHAR)), '')) FROM ${t} x WHERE ${where}) AS ${t}`,
  )
  .join(', ')}`;
let before: Row;

beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('tests/fixtures/sql'))).fatal).toBeNull();
  await engine.exec(`CREATE TABLE keep_actuals AS SELECT * FROM actuals;`);
  [before] = (await engine.query(DIGEST)) as [Row];
  expect(Number((await engine.query(`SELECT count(*) AS n FROM actuals WHERE period >= '2020'`))[0]!.n)).toBeGreaterThan(20);
}, 120_000);

describe(`the upload path over ${FILES} random files (seed ${SEED})`, () => {
  it('accepts exactly the valid rows, as written, and reports exactly the broken lines; nothing else changes', async () => {
    const rng = random(SEED);
    for (let i = 0; i < FILES; i++) {
      const f = generate(rng);
      const where = `seed ${SEED}, file ${i} (${f.encoding}): ${JSON.stringify(f.text)}`;
      const r = await loadSingleFile(engine, { name: `random-${i}.csv`, bytes: f.bytes });
      const fatal = f.accepted.length === 0 ? 'no_valid_rows' : null;
      expect([r.fatal?.code ?? null, r.table, r.encoding, r.accepted], where).toEqual([
        fatal,
        'actuals',
        f.encoding,
        f.accepted.length,
      ]);
      expect(
        r.rejected.map((x) => [x.line, x.code]),
        where,
      ).toEqual(f.rejected);
      const stored = await engine.query(
        `SELECT indicator_id, area_code, period, value, numerator, denominator, source FROM actuals
         WHERE period < '2020' ORDER BY period, indicator_id, area_code`,
      );
      const expected = [...f.accepted].sort(
        (a, b) => a.period.localeCompare(b.period) || a.indicator_id.localeCompare(b.indicator_id),
      );
      expect(stored, where).toEqual(expected);
      // Nothing else: the other tables as they were, the fixture's own actuals untouched.
      expect(await engine.query(DIGEST), where).toEqual([before]);
      await engine.exec(`DELETE FROM actuals; INSERT INTO actuals SELECT * FROM keep_actuals;`);
    }
  }, 600_000);
});
