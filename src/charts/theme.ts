/**
 * Colours and type for both modes. Status colours are from the Okabe–Ito palette (safe for the
 * common colour-vision deficiencies) and are never the only signal: every status also has an
 * icon and a word.
 */
import type { Status } from '../domain/types';

export const STATUS_COLOR: Record<Status, string> = {
  met: '#009E73',
  on_track: '#56B4E9',
  behind: '#E69F00',
  missed: '#D55E00',
  no_data: '#8C96A3',
};

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
