/**
 * PNG export: the chart drawn again, off screen, by the canvas renderer (loaded here, on the first
 * export, as no chart on screen needs it), at twice its size on a white ground for print and
 * slides, with its caption (png-caption.ts) drawn above and below it and written into the file's
 * text chunks.
 */
import { CanvasRenderer } from 'echarts/renderers';
import { echarts } from './echarts-setup';
import { PAGE_FONT } from './font';
import { layoutCaption, withPngText, type PngCaption } from './png-caption';

echarts.use([CanvasRenderer]);

const SCALE = 2;

/** The chart and its caption as PNG bytes. */
export async function drawPng(chart: echarts.ECharts, caption: PngCaption, language: string): Promise<Uint8Array> {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${chart.getWidth()}px;height:${chart.getHeight()}px`;
  document.body.append(host);
  let copy: echarts.ECharts | null = null;
  try {
    copy = echarts.init(host, undefined, { renderer: 'canvas' });
    copy.setOption({ ...chart.getOption(), animation: false });
    const drawn = copy.renderToCanvas({ pixelRatio: SCALE, backgroundColor: '#ffffff' });
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d')!;
    const measure = (text: string, font: string) => {
      ctx.font = font;
      return ctx.measureText(text).width;
    };
    const layout = layoutCaption(caption, drawn.width, PAGE_FONT, measure, SCALE);
    canvas.width = drawn.width;
    canvas.height = layout.header + drawn.height + layout.footer;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(drawn, 0, layout.header);
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#111111';
    ctx.font = layout.fonts.title;
    for (const l of layout.titleLines) ctx.fillText(l.text, layout.padding, l.y);
    if (layout.badge) {
      // The sample label as the page shows it: a dashed amber outline.
      const b = layout.badge;
      ctx.strokeStyle = '#b8860b';
      ctx.lineWidth = SCALE * 2;
      ctx.setLineDash([SCALE * 4, SCALE * 3]);
      ctx.strokeRect(b.x, b.y, b.width, b.height);
      ctx.setLineDash([]);
      ctx.fillStyle = '#8a5a00';
      ctx.font = layout.fonts.badge;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(b.text, b.x + b.width / 2, b.y + b.height / 2);
      ctx.textAlign = 'start';
      ctx.textBaseline = 'alphabetic';
    }
    const footerTop = layout.header + drawn.height;
    ctx.fillStyle = '#444444';
    ctx.font = layout.fonts.source;
    for (const l of layout.sourceLines) ctx.fillText(l.text, layout.padding, footerTop + l.y);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the chart could not be drawn as PNG');
    const png = new Uint8Array(await blob.arrayBuffer());
    return withPngText(
      png,
      [
        { keyword: 'Title', text: caption.title },
        { keyword: 'Source', text: caption.source.join('\n') },
        ...(caption.sample ? [{ keyword: 'Disclaimer', text: caption.sample }] : []),
      ],
      language,
    );
  } finally {
    copy?.dispose();
    host.remove();
  }
}
