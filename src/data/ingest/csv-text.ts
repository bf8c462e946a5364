/**
 * Text-level handling of an uploaded or fetched CSV before DuckDB reads it: decoding and line
 * numbering. DuckDB's own reader does the parsing; this file only makes sure it sees UTF-8 and
 * that every record carries the line it started on, so every report can name the line.
 */

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
  /** GB18030 was a guess that left undecodable bytes: show the user a preview before loading. */
  unsure?: boolean;
}

/**
 * BOM first (UTF-8, UTF-16LE from Excel's "Unicode text" export, UTF-16BE), then strict UTF-8,
 * then GB18030 (a superset of GBK, what Chinese Excel writes for "CSV"). The whole file is
 * decoded at once: decoding in chunks splits multi-byte characters at chunk edges.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return text.includes('\uFFFD') || !looksLikeGbText(bytes) ? { text, encoding: 'gb18030', unsure: true } : { text, encoding: 'gb18030' };
  }
}

/**
 * GB18030 decodes almost any byte pairs, Big5 included, into rare characters. Chinese text saved
 * by Excel as GBK is overwhelmingly in GB2312's hanzi block (lead 0xB0–0xF7, trail 0xA1–0xFE); when
 * most double-byte pairs fall outside it, the guess is not trusted and the user sees a preview.
 */
export function looksLikeGbText(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1]!;
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  return pairs === 0 || common / pairs >= 0.8;
}

export interface NumberedCsv {
  /** Header field names as written (trimmed), in file order. */
  header: string[];
  /** The CSV with a first column `__line`: the 1-based line each record starts on; records end in LF. */
  text: string;
  /** Number of data records (non-empty lines after the header). */
  records: number;
}

/**
 * Prefixes every record with the line number it starts on, so that every report can name the
 * file's own line. A line ends at LF, CRLF or a lone CR, as Excel and text editors count them (an
 * old Mac file, Python's `\r\r\n` on Windows, a CR left inside a cell). Outside quotes each of them
 * ends the record and is written as LF, so DuckDB's reader never meets a CR it cannot place; inside
 * quotes they are data, kept as written, and still count as lines. Blank lines are dropped. Returns
 * null when there is no header line.
 */
export function numberLines(input: string): NumberedCsv | null {
  const text = input.replace(/^\uFEFF/, '');
  const out: string[] = [];
  let header: string[] | null = null;
  let line = 1;
  let start = 0;
  let startLine = 1;
  let inQuotes = false;
  let records = 0;
  const flush = (end: number) => {
    const record = text.slice(start, end);
    if (record.trim() === '') return;
    if (header == null) {
      header = splitHeader(record);
      out.push(`__line,${record}`);
    } else {
      out.push(`${startLine},${record}`);
      records++;
    }
  };
  // RFC 4180, read the way DuckDB reads it: a quote opens a quoted field only at the start of a
  // field; inside one, "" is a quote and " closes it; a quote anywhere else is an ordinary character.
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lineEnd = c === 10 /* \n */ || c === 13; /* \r */
    // CRLF is one line end: its CR is passed over and the LF ends the line.
    if (lineEnd && c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (inQuotes) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      } else if (lineEnd) line++;
      continue;
    }
    if (lineEnd) {
      // A record ends before its line end (the CR of a CRLF included).
      flush(c === 10 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
      line++;
      start = i + 1;
      startLine = line;
      fieldStart = true;
    } else if (c === 34 && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else fieldStart = c === 44; /* , */
  }
  if (start < text.length) flush(text.length);
  if (header == null) return null;
  return { header, text: out.join('\n') + '\n', records };
}

/** Splits one CSV header record into field names (RFC 4180 quoting), trimmed. */
export function splitHeader(record: string): string[] {
  const fields: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (inQuotes) {
      if (ch === '"' && record[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else cur += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      fields.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  fields.push(cur.trim());
  return fields;
}
