/**
 * The one imperative chart component: owns init, setOption, resize and dispose. Registers each
 * render with the render tracker, and exposes its instance under `window.__charts[name]` so
 * browser tests can read getOption() (never used by the app itself).
 */
import { useEffect, useId, useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';
import { renderTracker } from './render-tracker';

declare global {
  interface Window {
    __charts?: Record<string, echarts.ECharts>;
  }
}

export interface EChartProps {
  /** Stable name: data-chart attribute and key in window.__charts. */
  name: string;
  option: ChartOption;
  /** Text alternative for screen readers (also set as ECharts aria description). */
  description: string;
  className?: string;
  /** 'svg' on the wall: text stays sharp at any size and is measurable in the DOM. */
  renderer?: 'canvas' | 'svg';
  /** Click on a data item (e.g. a district tile): receives the item's data object. */
  onItemClick?: (data: unknown) => void;
}


export function EChart({ name, option, description, className, renderer = 'canvas', onItemClick }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const id = useId();
  const clickRef = useRef(onItemClick);
  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const node = el.current!;
    const instance = echarts.init(node, undefined, { renderer });
    chart.current = instance;
    const onFinished = () => renderTracker.done(id);
    instance.on('finished', onFinished);
    instance.on('click', (params) => clickRef.current?.(params.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    window.__charts = { ...window.__charts, [name]: instance };
    return () => {
      observer.disconnect();
      renderTracker.done(id);
      if (window.__charts?.[name] === instance) delete window.__charts[name];
      instance.dispose();
      chart.current = null;
    };
  }, [id, name, renderer]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    renderTracker.start(id);
    instance.setOption(option, { notMerge: true });
    // 'finished' does not fire when nothing changed on screen; count one frame later as done.
    const raf = requestAnimationFrame(() => requestAnimationFrame(() => renderTracker.done(id)));
    return () => cancelAnimationFrame(raf);
  }, [id, option]);

  return <div ref={el} className={className ?? 'chart'} data-chart={name} role="img" aria-label={description} />;
}

/** PNG of a chart by name (white background for print and slides). */
export function chartPng(name: string): string | null {
  const instance = window.__charts?.[name];
  return instance ? instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) : null;
}
