import { describe, expect, it } from 'vitest';
import { decodeBytes, numberLines, splitHeader } from '../../src/data/ingest/csv-text';
import { looksBinary } from '../../src/data/ingest/sniff';
import { recogniseTable } from '../../src/data/ingest/tables';
import { safeCell } from '../../src/views/analyst/export-csv';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decoding', () => {
  it('detects a UTF-8 BOM, UTF-16LE with BOM, plain UTF-8 and GB18030', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('区域')]))).toEqual({ text: '区域', encoding: 'utf-8-bom' });
    // "区" is U+533A: little-endian 3A 53.
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x3a, 0x53]))).toEqual({ text: '区', encoding: 'utf-16le' });
    expect(decodeBytes(utf8('青浦区'))).toEqual({ text: '青浦区', encoding: 'utf-8' });
    // "青浦区" in GBK: C7E0 C6D6 C7F8 (not valid UTF-8).
    expect(decodeBytes(new Uint8Array([0xc7, 0xe0, 0xc6, 0xd6, 0xc7, 0xf8]))).toEqual({ text: '青浦区', encoding: 'gb18030' });
  });
  it('recognises binary files and XLSX', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('zip');
    expect(looksBinary(new Uint8Array([1, 0, 2]))).toBe('binary');
    expect(looksBinary(utf8('a,b\n1,2'))).toBeNull();
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBeNull();
  });
});

describe('line numbering', () => {
  it('prefixes each record with the line it starts on, quote-aware, skipping blank lines', () => {
    const n = numberLines('a,b\r\n1,"x\ny"\n\n2,z\n')!;
    expect(n.header).toEqual(['a', 'b']);
    expect(n.records).toBe(2);
    expect(n.text).toBe('__line,a,b\n2,1,"x\ny"\n5,2,z\n');
  });
  it('ends a line at LF, CRLF or a lone CR, counting lines as editors do, and hands DuckDB LF only', () => {
    // CR only (old Mac), \r\r\n (a line end and a blank line), mixed, no final line end.
    expect(numberLines('a,b\r1,x\r2,y\r')!.text).toBe('__line,a,b\n2,1,x\n3,2,y\n');
    expect(numberLines('a,b\r\r\n1,x\r\r\n2,y\r\r\n')!.text).toBe('__line,a,b\n3,1,x\n5,2,y\n');
    expect(numberLines('a,b\n1,x\r\n2,y\r3,z\n\r\n4,w')!.text).toBe('__line,a,b\n2,1,x\n3,2,y\n4,3,z\n6,4,w\n');
    // A lone CR outside quotes cuts the record; inside quotes it is data and still a line of the file.
    expect(numberLines('a,b\n1,x\ry\n2,z\n')!.text).toBe('__line,a,b\n2,1,x\n3,y\n4,2,z\n');
    expect(numberLines('a,b\n1,"x\ry"\n2,"p\r\nq"\n3,z\n')!.text).toBe('__line,a,b\n2,1,"x\ry"\n4,2,"p\r\nq"\n6,3,z\n');
  });
  it('returns null for an empty text', () => {
    expect(numberLines('\n\n')).toBeNull();
  });
  it('splits a quoted header', () => {
    expect(splitHeader('"area_code", name_zh ,"a""b"')).toEqual(['area_code', 'name_zh', 'a"b']);
  });
});

describe('table recognition', () => {
  it('recognises a table by its required columns, the most specific first', () => {
    expect(recogniseTable(['area_code', 'name_zh', 'level', 'parent_code'])).toBe('areas');
    expect(recogniseTable(['Indicator_ID', 'area_code', 'period', 'value'])).toBe('actuals');
    expect(recogniseTable(['target_id', 'indicator_id', 'area_code', 'year', 'comparator', 'doc_id', 'period'])).toBe('targets');
    expect(recogniseTable(['foo', 'bar'])).toBeNull();
  });
});

describe('CSV export cells', () => {
  it('neutralises formula-looking text', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(safeCell(s)).toBe(`'${s}`);
    expect(safeCell('青浦区')).toBe('青浦区');
  });
  it('also when the formula sign is full-width or comes after line breaks, spaces or invisible characters', () => {
    const risky = ['＝1+1', '－1', '＋1', '＠SUM(A1)', '\n=1+1', '\r\n=1+1', '\u0000=1+1', ' =1+1', '\u3000＝1', '\uFEFF=1', '\u200B@x', '\u00A0-1', '﹦1', '\n\t+1'];
    for (const s of risky) expect(safeCell(s), JSON.stringify(s)).toBe(`'${s}`);
    // Text that only contains such a sign later, or a sign that no spreadsheet reads as a formula.
    for (const s of ['沪就办〔2025〕3号', 'a=b', '青浦 - 新城', '（一）', '−1 (U+2212)', '#N/A', '', '\n青浦']) expect(safeCell(s), JSON.stringify(s)).toBe(s);
  });
});
