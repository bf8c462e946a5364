/**
 * The analyst workbench: filters (all in the URL), a district map that cross-filters, the target
 * table, the selected target's detail, bring-your-own data, and the take-aways (CSV, PNG, briefing).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { judgedKey } from '../../domain/binding';
import { useRefreshFailures } from '../../app/refresh-log';
import { chartPng } from '../../charts/EChart';
import { Header } from '../panels/Header';
import { useDistrictSummaries, useFilteredTargets } from '../panels/hooks';
import { PanelBoundary } from '../panels/PanelBoundary';
import { MapPanel } from '../panels/MapPanel';
import { SampleBadge } from '../panels/SampleBadge';
import { crossFilterAreas } from './cross-filter';
import { Filters } from './Filters';
import { LedgerPanel } from './LedgerPanel';
import { LoadPanel } from './LoadPanel';
import { screenOrder } from './sort-rows';
import { buildTableExport } from './table-export';
import { pngCaption, pngFileName, tableExportScope } from './take-aways';
import { TargetList } from './TargetList';
import { useAnalystTheme } from './use-analyst-theme';
import { useChunk } from './use-chunk';
import { usePhone } from './use-phone';

export function AnalystView() {
  const dashboard = useDashboard();
  const { i18n, state, setState, catalog, areas } = dashboard;
  const judged = useFilteredTargets();
  const districts = useDistrictSummaries();
  const failures = useRefreshFailures();
  const { lang } = i18n;
  // In the order on screen (the table, the cards, the CSV).
  const rows = useMemo(() => screenOrder(judged.rows, state.sort, lang), [judged.rows, state.sort, lang]);
  const selected = rows.find((r) => judgedKey(r) === state.target) ?? null;
  // The detail (its charts and their builders) loads with the first target chosen.
  const detail = useChunk('target-detail', () => import('./TargetDetail'), selected != null);
  const showSample = rows.some((r) => r.components?.illustrative);
  const crossFilter = (code: string) => setState({ areas: crossFilterAreas(code), target: null });
  const selectedDistrict = areas.find((a) => catalog.areaByCode.get(a)?.level === 'district') ?? null;
  const district = areas.length === 1 && selectedDistrict ? (districts.data?.find((d) => d.area.areaCode === selectedDistrict) ?? null) : null;
  // On a phone the detail is below the list: a chosen card scrolls it into view.
  const phone = usePhone();
  const theme = useAnalystTheme();
  const scrollToDetail = useRef(false);
  useEffect(() => {
    if (!scrollToDetail.current || !selected) return;
    scrollToDetail.current = false;
    document.querySelector('[data-detail]')?.scrollIntoView({ block: 'start' });
  }, [selected]);
  const onSelect = (id: string) => {
    scrollToDetail.current = phone && id !== state.target;
    setState({ target: id === state.target ? null : id });
  };

  // The CSV writer (PapaParse) loads on the first export. The file says what it is (take-aways.ts).
  const exportCsv = async () => {
    const { writeTableCsv, download } = await import('./export-csv');
    const model = buildTableExport(rows, tableExportScope(dashboard, rows));
    download(`${model.fileName}.csv`, writeTableCsv(model));
  };
  // The analyst table as a workbook: the CSV's lines, text as text (nothing to defuse), numbers as numbers.
  const exportXlsx = async () => {
    const [{ tableLines, download }, { workbookBytes, XLSX_TYPE }] = await Promise.all([import('./export-csv'), import('../../data/write-workbook')]);
    const model = buildTableExport(rows, tableExportScope(dashboard, rows));
    const lines = tableLines(model).map((r) => r.map((v) => (v === '' ? null : v)));
    const bytes = await workbookBytes({ sheets: [{ name: i18n.t('targets'), rows: lines }] });
    download(`${model.fileName}.xlsx`, new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  };
  const exportPng = async () => {
    if (!selected) return;
    const png = await chartPng('analyst-monthly', pngCaption(dashboard, selected), i18n.lang === 'zh' ? 'zh-CN' : 'en');
    if (!png) return;
    const url = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = pngFileName(dashboard, selected);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <main className="analyst">
      <Header title={i18n.t('appTitle')} showSample={showSample} />
      <Filters />
      <div className="analyst-body">
        <section className="table-panel" aria-label={i18n.t('targets')}>
          <div className="toolbar">
            {/* While its rows wait for DuckDB there is no count to show (0 would be a wrong one). */}
            <span className="count" data-row-count={judged.isPending ? undefined : rows.length}>
              {judged.isPending
                ? '…'
                : rows.length === judged.unfiltered.length
                  ? i18n.t('count', { n: rows.length })
                  : i18n.t('countOf', { n: rows.length, total: judged.unfiltered.length })}
            </span>
            <SampleBadge show={showSample} />
            <button type="button" data-export="csv" onClick={() => void exportCsv()} disabled={rows.length === 0}>
              {i18n.t('exportCsv')}
            </button>
            <button type="button" data-export="xlsx" onClick={() => void exportXlsx()} disabled={rows.length === 0}>
              {i18n.t('exportXlsx')}
            </button>
            <button type="button" data-export="png" onClick={exportPng} disabled={!selected}>
              {i18n.t('exportPng')}
            </button>
            <button type="button" data-briefing="" onClick={() => setState({ view: 'briefing' })} disabled={rows.length === 0}>
              {i18n.t('briefing')}
            </button>
          </div>
          {!judged.isPending && <TargetList rows={rows} selected={state.target} onSelect={onSelect} district={district} />}
        </section>
        <aside className="side">
          {districts.data && districts.data.some((d) => d.status != null) && (
            <section className="map-panel" aria-label={i18n.t('districtMap')}>
              <SampleBadge show={districts.data.some((d) => d.illustrative)} />
              <PanelBoundary name="analyst-map" label={i18n.t('panelError')}>
                <MapPanel summaries={districts.data} selected={selectedDistrict} onSelect={crossFilter} name="analyst-map" theme={theme} />
              </PanelBoundary>
            </section>
          )}
          {selected ? (
            detail && (
              <PanelBoundary name="detail" label={i18n.t('panelError')}>
                <detail.TargetDetail judged={selected} onArea={crossFilter} />
              </PanelBoundary>
            )
          ) : (
            <p className="hint">{i18n.t('selectTarget')}</p>
          )}
          <LoadPanel />
          <LedgerPanel />
          {failures.length > 0 && (
            <section className="refresh-log" data-refresh-log="">
              <h2>{i18n.t('refreshLog')}</h2>
              <ul>
                {failures
                  .slice(-10)
                  .reverse()
                  .map((f, i) => (
                    <li key={i}>
                      <time dateTime={new Date(f.at).toISOString()}>{new Date(f.at).toLocaleString(i18n.lang === 'zh' ? 'zh-CN' : 'en-GB')}</time> {f.message}
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </main>
  );
}
