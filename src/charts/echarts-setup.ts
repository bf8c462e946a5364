/**
 * ECharts with only what the dashboard draws registered, and the option type composed from the
 * same list: an option that needs an unregistered component does not compile.
 *
 * What only some pages need is registered by them, so the others never download it: the SVG
 * renderer by the wall and the workbench's map (renderer-svg.ts), the canvas renderer and hover
 * tooltips by the workbench (renderer-canvas.ts: a wall has no pointer), the map series only once
 * an areas.geojson is there (geo-map.ts).
 */
import * as echarts from 'echarts/core';
import {
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
  type CustomSeriesOption,
  type LineSeriesOption,
  type MapSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | MapSeriesOption
  | ScatterSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export { echarts };
/** Escapes data text for ECharts formatters that return HTML (tooltips). */
export const encodeHTML = echarts.format.encodeHTML;
