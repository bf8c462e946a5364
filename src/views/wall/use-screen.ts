/**
 * What the wall lays itself out with: the viewport's size (it changes with full screen and
 * window moves) and text widths measured in the page's own font, so labels break where they
 * must and nowhere else.
 */
import { useEffect, useMemo, useState } from 'react';
import { PAGE_FONT } from '../../charts/font';
import type { Measure } from '../../charts/wrap-text';
import type { Viewport } from './wall-layout';

export function useViewportSize(): Viewport {
  const read = () => ({ width: window.innerWidth, height: window.innerHeight });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

let canvas: HTMLCanvasElement | null = null;

/** Width in px of a text at `fontPx` in the page's font (a canvas measures it, as ECharts does). */
export function textMeasure(fontPx: number, weight: number | string = 400): Measure {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  const cache = new Map<string, number>();
  const font = `${weight} ${fontPx}px ${PAGE_FONT}`;
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      if (!ctx) return text.length * fontPx;
      ctx.font = font;
      w = ctx.measureText(text).width;
      cache.set(text, w);
    }
    return w;
  };
}

/** textMeasure for one size, kept while the size stays. */
export function useTextMeasure(fontPx: number, weight: number | string = 400): Measure {
  return useMemo(() => textMeasure(fontPx, weight), [fontPx, weight]);
}
