/**
 * Hover tooltips (with the axis pointer they bring), registered the first time a pointer enters a
 * chart whose option asks for one: a wall screen has no pointer and never downloads them.
 */
import { TooltipComponent } from 'echarts/components';
import { echarts } from './echarts-setup';

echarts.use([TooltipComponent]);
