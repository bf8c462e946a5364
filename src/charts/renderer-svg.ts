/** The SVG renderer (wall, and the workbench's map: crisp at any size, text stays text). Imported for its effect. */
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './echarts-setup';

echarts.use([SVGRenderer]);
