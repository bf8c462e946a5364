/**
 * The PNG caption, pure: line breaking (no line starts with closing punctuation or a separator),
 * the layout around a chart, and the iTXt chunks that repeat the caption in the file, checked with
 * Node's own CRC-32 and a plain chunk reader.
 */
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { layoutCaption, withPngText, wrapText } from '../../src/charts/png-caption';

/** A monospace stand-in: every character 10 px at any font. */
const measure = (text: string) => [...text].length * 10;

describe('wrapText', () => {
  it('breaks Chinese anywhere, keeps Latin words whole, never starts a line with “·” or closing punctuation', () => {
    expect(wrapText('上海市 · 离校未就业', 60, '', measure)).toEqual(['上海市 ·', '离校未就业']);
    expect(wrapText('Chongming District · Public institution recruitment', 200, '', measure)).toEqual([
      'Chongming District ·',
      'Public institution',
      'recruitment',
    ]);
    const text = '依据：沪就办〔2023〕3号（十），数据来源：示例数据 · 上海市 · 离校未就业高校毕业生帮扶就业率。';
    for (const width of [40, 60, 70, 90, 130]) {
      const lines = wrapText(text, width, '', measure);
      expect(lines.join('').replace(/\s/g, ''), `width ${width}`).toBe(text.replace(/\s/g, ''));
      for (const line of lines) {
        expect(line, `width ${width}`).not.toMatch(/^[，。；：、）·\s]/);
        expect(measure(line), `width ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
      expect(lines.some((l) => /\d$/.test(l) && /^\d/.test(lines[lines.indexOf(l) + 1] ?? '')), `2023 kept whole at ${width}`).toBe(false);
    }
  });
  it('cuts a word longer than a line', () => {
    expect(wrapText('abcdefghij', 40, '', measure)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('layoutCaption', () => {
  it('a title band with the sample label at the right, a source band below; lines inside the width', () => {
    const layout = layoutCaption({ title: '上海市 · 离校未就业高校毕业生帮扶就业率 · 2023年 · 数据截至2023-09', source: ['数据来源：示例数据', '依据：沪就办〔2023〕3号（十）'], sample: '示例数据' }, 600, 'x', measure, 2);
    expect(layout.badge).not.toBeNull();
    expect(layout.badge!.x + layout.badge!.width).toBeLessThanOrEqual(600);
    for (const l of layout.titleLines) expect(layout.padding + measure(l.text)).toBeLessThanOrEqual(layout.badge!.x);
    expect(layout.titleLines.map((l) => l.text).join('').replace(/\s/g, '')).toBe('上海市·离校未就业高校毕业生帮扶就业率·2023年·数据截至2023-09');
    expect(layout.sourceLines.map((l) => l.text)).toEqual(['数据来源：示例数据', '依据：沪就办〔2023〕3号（十）']);
    expect(layout.header).toBeGreaterThan(layout.titleLines[layout.titleLines.length - 1]!.y);
    expect(layout.footer).toBeGreaterThan(layout.sourceLines[1]!.y);
    const plain = layoutCaption({ title: 'T', source: ['S'], sample: null }, 600, 'x', measure, 2);
    expect(plain.badge).toBeNull();
  });
});

/** Chunks of a PNG as [type, data], checking each CRC. */
function chunks(png: Uint8Array): [string, Buffer][] {
  const b = Buffer.from(png);
  const out: [string, Buffer][] = [];
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    expect(b.readUInt32BE(at + 8 + len), `CRC of ${type}`).toBe(crc32(b.subarray(at + 4, at + 8 + len)));
    out.push([type, b.subarray(at + 8, at + 8 + len)]);
    at += 12 + len;
  }
  return out;
}

describe('withPngText', () => {
  // The smallest PNG: 1×1, one white pixel (IHDR, IDAT, IEND).
  const tiny = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
    'base64',
  );
  it('inserts valid iTXt chunks with UTF-8 text before IEND', () => {
    const out = withPngText(new Uint8Array(tiny), [
      { keyword: 'Title', text: '上海市 · 2023年 · 数据截至2023-09' },
      { keyword: 'Disclaimer', text: '示例数据' },
    ], 'zh-CN');
    const list = chunks(out);
    expect(list.map(([t]) => t)).toEqual(['IHDR', 'IDAT', 'iTXt', 'iTXt', 'IEND']);
    const [, data] = list[2]!;
    const k = data.indexOf(0);
    expect(data.toString('latin1', 0, k)).toBe('Title');
    expect([data[k + 1], data[k + 2]]).toEqual([0, 0]); // not compressed
    const langEnd = data.indexOf(0, k + 3);
    expect(data.toString('latin1', k + 3, langEnd)).toBe('zh-CN');
    const translatedEnd = data.indexOf(0, langEnd + 1);
    expect(data.subarray(translatedEnd + 1).toString('utf8')).toBe('上海市 · 2023年 · 数据截至2023-09');
    expect(Buffer.from(out.subarray(0, tiny.length - 12)).equals(tiny.subarray(0, tiny.length - 12))).toBe(true);
  });
  it('refuses bytes that do not end in IEND', () => {
    expect(() => withPngText(new Uint8Array([1, 2, 3]), [])).toThrow(/PNG/);
  });
});
