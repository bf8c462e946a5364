/**
 * The workbench's charts: the canvas renderer (fast with many marks, exports to PNG) and hover
 * tooltips, which a wall screen without a pointer has no use for. Imported for its effect.
 */
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { echarts } from './echarts-setup';

echarts.use([CanvasRenderer, TooltipComponent]);
