/**
 * The records of an uploaded CSV at given lines, cell by cell, with the file's header: what the load
 * report's download of rejected lines repeats. The file is decoded the way its load decoded it and
 * its records numbered the way the load numbered them (csv-text.ts), so a line number in the report
 * finds the record it names, a quoted field spanning lines included.
 */
import Papa from 'papaparse';
import { numberLines, type DetectedEncoding } from './csv-text';

export interface RecordsAtLines {
  header: string[];
  /** Line number → the record's cells as written (a short record keeps the cells it has). */
  cells: Map<number, string[]>;
}

/** Null for a file that is not text (an Arrow file has rows, not lines). */
export function recordsAtLines(bytes: Uint8Array, encoding: DetectedEncoding | null, lines: readonly number[]): RecordsAtLines | null {
  if (encoding == null) return null;
  // TextDecoder drops a leading BOM of its own encoding.
  const text = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(bytes);
  const numbered = numberLines(text);
  if (!numbered) return null;
  const wanted = new Set(lines);
  const cells = new Map<number, string[]>();
  const parsed = Papa.parse<string[]>(numbered.text, { skipEmptyLines: true });
  for (const record of parsed.data.slice(1)) {
    const line = Number(record[0]);
    if (wanted.has(line)) cells.set(line, record.slice(1));
  }
  return { header: numbered.header, cells };
}
