/**
 * What an exported chart PNG carries so that, pasted into a report, it still says what it shows: a
 * title (area, indicator, year, month judged) above the chart, a source line below it and the
 * sample-data label when its figures are illustrative. Pure: the text layout (measured by the
 * caller's measure function) and the PNG text chunks (iTXt, UTF-8) that repeat the caption in the
 * file itself.
 */

export interface PngCaption {
  title: string;
  /** Where the figures come from, and which document sets the target: one line each (wrapped when long). */
  source: string[];
  /** The sample-data label (示例数据) when the figures are illustrative, else null. */
  sample: string | null;
}

export interface CaptionLine {
  text: string;
  /** Baseline position, in output pixels. */
  y: number;
}

export interface CaptionLayout {
  width: number;
  /** Height of the band above the chart and of the band below it. */
  header: number;
  footer: number;
  titleLines: CaptionLine[];
  sourceLines: CaptionLine[];
  /** The sample label, top right of the header band. */
  badge: { text: string; x: number; y: number; width: number; height: number } | null;
  fonts: { title: string; source: string; badge: string };
  padding: number;
}

/** Text width in output pixels for a CSS font string. */
export type Measure = (text: string, font: string) => number;

/**
 * Pieces a line may break between: a run of Latin letters and digits stays whole, anything else
 * breaks anywhere; closing punctuation and a " · " separator stay at the end of the piece before
 * them, so no line starts with them.
 */
const TOKENS = /(?:[A-Za-z0-9][A-Za-z0-9.,'’%()\-–/]*|[\s\S])[，。；：、）)》」』’”]*(?:\s*·)?\s*/gu;

/** Greedy line breaking to `maxWidth`; a piece wider than a line is cut by characters. */
export function wrapText(text: string, maxWidth: number, font: string, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    // Spaces at the end of a line take no room.
    if (measure((line + token).trimEnd(), font) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    for (const ch of token.trimStart()) {
      if (line && measure(line + ch, font) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * The caption laid out around a chart `width` output pixels wide, at `scale` output pixels per CSS
 * pixel (the export's pixel ratio).
 */
export function layoutCaption(caption: PngCaption, width: number, fontFamily: string, measure: Measure, scale = 2): CaptionLayout {
  const px = (n: number) => Math.round(n * scale);
  const padding = px(14);
  const fonts = { title: `700 ${px(17)}px ${fontFamily}`, source: `${px(12)}px ${fontFamily}`, badge: `700 ${px(12)}px ${fontFamily}` };
  const badgeText = caption.sample;
  const badgeWidth = badgeText ? measure(badgeText, fonts.badge) + px(16) : 0;
  const badgeHeight = px(22);
  const titleWidth = width - 2 * padding - (badgeText ? badgeWidth + px(10) : 0);
  const titleLineHeight = px(24);
  const titleLines = wrapText(caption.title, titleWidth, fonts.title, measure).map((text, i) => ({
    text,
    y: padding + px(17) + i * titleLineHeight,
  }));
  const header = padding * 2 + Math.max(titleLines.length * titleLineHeight, badgeText ? badgeHeight : 0);
  const sourceLineHeight = px(17);
  const sourceLines = caption.source.flatMap((line) => wrapText(line, width - 2 * padding, fonts.source, measure)).map((text, i) => ({
    text,
    // Relative to the top of the footer band.
    y: padding + px(12) + i * sourceLineHeight,
  }));
  const footer = padding * 2 + sourceLines.length * sourceLineHeight;
  return {
    width,
    header,
    footer,
    titleLines,
    sourceLines,
    badge: badgeText ? { text: badgeText, x: width - padding - badgeWidth, y: padding, width: badgeWidth, height: badgeHeight } : null,
    fonts,
    padding,
  };
}

// ---------------------------------------------------------------------------------------------
// PNG text chunks

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * An iTXt chunk (PNG 1.2, 4.2.3.3): Latin-1 keyword, uncompressed UTF-8 text, so a caption in
 * Chinese survives in the file's metadata as it is shown.
 */
function iTxtChunk(keyword: string, text: string, language: string): Uint8Array {
  const enc = new TextEncoder();
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, ...enc.encode(language), 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** The PNG with text chunks (keyword → text) inserted before its IEND chunk. */
export function withPngText(png: Uint8Array, entries: readonly { keyword: string; text: string }[], language = ''): Uint8Array {
  const iend = png.length - 12;
  if (iend < 8 || String.fromCharCode(...png.subarray(iend + 4, iend + 8)) !== 'IEND') throw new Error('not a PNG ending in IEND');
  const chunks = entries.map((e) => iTxtChunk(e.keyword, e.text, language));
  const out = new Uint8Array(png.length + chunks.reduce((s, c) => s + c.length, 0));
  out.set(png.subarray(0, iend));
  let at = iend;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(iend), at);
  return out;
}
