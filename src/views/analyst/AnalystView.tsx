/**
 * The analyst workbench: filters (all in the URL), a district map that cross-filters, the target
 * table, the selected target's detail, bring-your-own data, and the take-aways (CSV, PNG, briefing).
 */
import { useDashboard } from '../../app/dashboard-context';
import { judgedKey } from '../../domain/binding';
import { useRefreshFailures } from '../../app/refresh-log';
import { chartPng } from '../../charts/EChart';
import { ANALYST_THEME } from '../../charts/theme';
import { Header } from '../panels/Header';
import { useDistrictSummaries, useFilteredTargets } from '../panels/hooks';
import { PanelBoundary } from '../panels/PanelBoundary';
import { MapPanel } from '../panels/MapPanel';
import { areaWithSubtree } from './cross-filter';
import { Filters } from './Filters';
import { LedgerPanel } from './LedgerPanel';
import { LoadPanel } from './LoadPanel';
import { TargetDetail } from './TargetDetail';
import { TargetTable } from './TargetTable';

export function AnalystView() {
  const { i18n, state, setState, year, catalog, areas } = useDashboard();
  const judged = useFilteredTargets();
  const districts = useDistrictSummaries();
  const failures = useRefreshFailures();
  const rows = judged.rows;
  const selected = rows.find((r) => judgedKey(r) === state.target) ?? null;
  const showSample = rows.some((r) => r.components?.illustrative);
  const crossFilter = (code: string) => setState({ areas: areaWithSubtree(catalog, code), target: null });
  const selectedDistrict = areas.find((a) => catalog.areaByCode.get(a)?.level === 'district') ?? null;

  // The CSV writer (PapaParse) loads on the first export.
  const exportCsv = async () => {
    const { buildTargetsCsv, download } = await import('./export-csv');
    download(`targets-${year}.csv`, buildTargetsCsv(rows, i18n.lang, i18n.status));
  };
  const exportPng = async () => {
    const url = await chartPng('analyst-monthly');
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${state.target ?? 'chart'}.png`;
    a.click();
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
              {judged.isPending ? '…' : i18n.t('count', { n: rows.length })}
            </span>
            <button type="button" data-export="csv" onClick={() => void exportCsv()} disabled={rows.length === 0}>
              {i18n.t('exportCsv')}
            </button>
            <button type="button" data-export="png" onClick={exportPng} disabled={!selected}>
              {i18n.t('exportPng')}
            </button>
            <button type="button" data-briefing="" onClick={() => setState({ view: 'briefing' })} disabled={rows.length === 0}>
              {i18n.t('briefing')}
            </button>
          </div>
          {!judged.isPending && (
            <TargetTable rows={rows} selected={state.target} onSelect={(id) => setState({ target: id === state.target ? null : id })} />
          )}
        </section>
        <aside className="side">
          {districts.data && districts.data.some((d) => d.status != null) && (
            <section className="map-panel" aria-label={i18n.t('districtMap')}>
              <PanelBoundary name="analyst-map" label={i18n.t('panelError')}>
                <MapPanel summaries={districts.data} selected={selectedDistrict} onSelect={crossFilter} name="analyst-map" theme={ANALYST_THEME} />
              </PanelBoundary>
            </section>
          )}
          {selected ? (
            <PanelBoundary name="detail" label={i18n.t('panelError')}>
              <TargetDetail judged={selected} onArea={crossFilter} />
            </PanelBoundary>
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
