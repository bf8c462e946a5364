/**
 * PNG export: the chart drawn again, off screen, by the canvas renderer (loaded here, on the first
 * export, as no chart on screen needs it), at twice its size on a white ground for print and slides.
 */
import { CanvasRenderer } from 'echarts/renderers';
import { echarts } from './echarts-setup';

echarts.use([CanvasRenderer]);

export function drawPng(chart: echarts.ECharts): string {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${chart.getWidth()}px;height:${chart.getHeight()}px`;
  document.body.append(host);
  let copy: echarts.ECharts | null = null;
  try {
    copy = echarts.init(host, undefined, { renderer: 'canvas' });
    copy.setOption({ ...chart.getOption(), animation: false });
    return copy.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    copy?.dispose();
    host.remove();
  }
}
