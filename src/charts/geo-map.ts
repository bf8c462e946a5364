/**
 * The map series and a registered map, loaded only when a data folder has an areas.geojson: most
 * deployments have none, and they never download this.
 */
import { MapChart } from 'echarts/charts';
import { echarts } from './echarts-setup';

echarts.use([MapChart]);

export function registerGeoMap(name: string, geoJson: Parameters<typeof echarts.registerMap>[1]): void {
  echarts.registerMap(name, geoJson);
}
