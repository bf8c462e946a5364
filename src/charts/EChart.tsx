/**
 * The one imperative chart component: owns init, setOption, resize and dispose. Registers each
 * render with the render tracker, and exposes its instance under `window.__charts[name]` so
 * browser tests can read getOption() (never used by the app itself).
 */
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { echarts, type ChartOption } from './echarts-setup';
import type { PngCaption } from './png-caption';
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
  /** Click on a data item (e.g. a district tile): receives the item's data object. */
  onItemClick?: (data: unknown) => void;
}

/**
 * Hover tooltips load when a pointer first enters a chart that has one. ECharts only wires a
 * component into instances created after it is registered, so every chart is then created again.
 */
let tooltipsState: 'none' | 'loading' | 'ready' = 'none';
const tooltipListeners = new Set<() => void>();
function loadTooltips() {
  if (tooltipsState !== 'none') return;
  tooltipsState = 'loading';
  import('./chart-tooltip').then(
    () => {
      tooltipsState = 'ready';
      tooltipListeners.forEach((f) => f());
    },
    // Not fatal (hover is a nicety): the next pointer over a chart tries again.
    () => void (tooltipsState = 'none'),
  );
}
/** A tooltip the chart would show (the wall's charts say `show: false`). */
const hasTooltip = (option: ChartOption) => {
  const t = option.tooltip;
  return t != null && !(Array.isArray(t) ? t.every((x) => x.show === false) : t.show === false);
};
const subscribeTooltips = (f: () => void) => {
  tooltipListeners.add(f);
  return () => void tooltipListeners.delete(f);
};
const tooltipsReady = () => tooltipsState === 'ready';

export function EChart({ name, option, description, className, onItemClick }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const id = useId();
  const clickRef = useRef(onItemClick);
  const withTooltips = useSyncExternalStore(subscribeTooltips, tooltipsReady);
  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const node = el.current!;
    const instance = echarts.init(node, undefined, { renderer: 'svg' });
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
  }, [id, name, withTooltips]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    renderTracker.start(id);
    instance.setOption(option, { notMerge: true });
    // 'finished' does not fire when nothing changed on screen; count one frame later as done.
    const raf = requestAnimationFrame(() => requestAnimationFrame(() => renderTracker.done(id)));
    return () => cancelAnimationFrame(raf);
    // name and withTooltips: the instance the init effect made for them needs the option too.
  }, [id, name, option, withTooltips]);

  return (
    <div
      ref={el}
      className={className ?? 'chart'}
      data-chart={name}
      role="img"
      aria-label={description}
      onPointerEnter={!withTooltips && hasTooltip(option) ? loadTooltips : undefined}
    />
  );
}

/** PNG of a chart by name with its caption, drawn by the canvas renderer (loaded on the first export). */
export async function chartPng(name: string, caption: PngCaption, language: string): Promise<Uint8Array | null> {
  const { drawPng } = await import('./chart-png');
  // Looked up after the download: the chart may have been re-created (or closed) meanwhile.
  const instance = window.__charts?.[name];
  return instance && !instance.isDisposed() ? drawPng(instance, caption, language) : null;
}
