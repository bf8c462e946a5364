/**
 * 下载填报模板: the fill-in workbook (one sheet per table, the month's actuals of the indicators and
 * areas on screen to fill) and the month's wide report, both loading back through the drop zone
 * beside them. The template code and the workbook writer load on the first click.
 */
import { useDashboard } from '../../app/dashboard-context';
import { decemberOf, formatPeriod, januaryOf } from '../../domain/period';
import { useFilteredTargets } from '../panels/hooks';

/** The month a template asks for: the one after the data's month, within the year shown. */
export const templateMonth = (asOf: number, year: number) => formatPeriod(Math.min(Math.max(asOf + 1, januaryOf(year)), decemberOf(year)));

export function TemplateButtons() {
  const { engine, i18n, catalog, asOf, year } = useDashboard();
  const { rows } = useFilteredTargets();
  const indicatorIds = [...new Set(rows.map((r) => r.indicator.indicatorId))].sort();
  const areaCodes = [...new Set(rows.map((r) => r.area.areaCode))].sort();
  const month = templateMonth(asOf, year);
  const selection = {
    indicatorIds,
    areaCodes,
    year,
    month,
    lang: i18n.lang,
  };

  const save = async (kind: 'tables' | 'monthly') => {
    const [template, { workbookBytes, XLSX_TYPE }, { download }] = await Promise.all([
      import('../../data/ingest/template'),
      import('../../data/write-workbook'),
      import('./export-csv'),
    ]);
    const names = {
      indicators: new Map(catalog.indicators.map((i) => [i.indicatorId, i.nameZh])),
      areas: new Map(catalog.areas.map((a) => [a.areaCode, a.nameZh])),
    };
    const model = kind === 'tables' ? await template.fillInTemplate(engine, selection) : template.monthlyTemplate(selection, names);
    const bytes = await workbookBytes(model);
    download(kind === 'tables' ? `填报模板-${month}.xlsx` : `月报模板-${month}.xlsx`, new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  };

  const empty = indicatorIds.length === 0;
  return (
    <p className="templates">
      <button type="button" data-template="tables" onClick={() => void save('tables')} disabled={empty}>
        {i18n.t('downloadTemplate')}
      </button>
      <button type="button" data-template="monthly" onClick={() => void save('monthly')} disabled={empty}>
        {i18n.t('downloadMonthly', { month })}
      </button>
    </p>
  );
}
