/**
 * Colours and type of the charts in both modes (status colours are the domain's: domain/status.ts).
 */
import type { ChartOption } from './echarts-setup';
import { PAGE_FONT } from './font';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  actual: string;
  target: string;
  pace: string;
  priorYear: string;
  background: string;
  /** Base font size in px; everything else scales from it. */
  font: number;
}

export const WALL_THEME: ChartTheme = {
  text: '#E8EEF5',
  muted: '#A9B7C6',
  grid: '#2A3B4F',
  actual: '#56B4E9',
  target: '#F0E442',
  pace: '#CC79A7',
  priorYear: '#7A8A9C',
  background: 'transparent',
  font: 16,
};

export const ANALYST_THEME: ChartTheme = {
  text: '#1B2733',
  muted: '#5A6B7B',
  grid: '#D9E1E8',
  actual: '#0072B2',
  target: '#B8860B',
  pace: '#CC79A7',
  priorYear: '#9AA5B1',
  background: '#FFFFFF',
  font: 13,
};

/**
 * What every chart option starts with: described for screen readers, no animation, the theme's
 * ground and type size, the title top left, and the page's font on all of it (titles do not take
 * the chart-wide textStyle, so they name it too).
 */
export function chartFrame(theme: ChartTheme, labels: { title: string; description: string }) {
  const f = theme.font;
  return {
    aria: { enabled: true, label: { description: labels.description } },
    animation: false,
    backgroundColor: theme.background,
    textStyle: { color: theme.text, fontSize: f, fontFamily: PAGE_FONT },
    title: { text: labels.title, left: 0, top: 0, textStyle: { color: theme.text, fontSize: f * 1.05, fontWeight: 600, fontFamily: PAGE_FONT } },
  } satisfies ChartOption;
}
