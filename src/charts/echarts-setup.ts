/**
 * ECharts with only what the dashboard draws registered, and the option type composed from the
 * same list: an option that needs an unregistered component does not compile.
 *
 * Every chart on screen is drawn as SVG (crisp at any size, text stays text). What only some
 * moments need loads then, so no page downloads it up front: hover tooltips when a pointer first
 * enters a chart that has one (chart-tooltip.ts: a wall has no pointer), the canvas renderer when
 * a chart is exported as PNG (chart-png.ts), the map series once there is an areas.geojson
 * (geo-map.ts).
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
  GridSimpleComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TitleComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridSimpleComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
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
