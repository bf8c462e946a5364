/** The analyst workbench (foundation): filters, the target table, the selected target's detail, loading and export. */
import { useDashboard } from '../../app/dashboard-context';
import { chartPng } from '../../charts/EChart';
import { Header } from '../panels/Header';
import { useJudgedTargets } from '../panels/hooks';
import { buildTargetsCsv, download } from './export-csv';
import { Filters } from './Filters';
import { LoadPanel } from './LoadPanel';
import { TargetDetail } from './TargetDetail';
import { TargetTable } from './TargetTable';

export function AnalystView() {
  const { i18n, state, setState, year } = useDashboard();
  const judged = useJudgedTargets('filtered');
  const rows = judged.data ?? [];
  const selected = rows.find((r) => r.target.targetId === state.target) ?? null;
  const showSample = rows.some((r) => r.components?.illustrative);

  const exportCsv = () => download(`targets-${year}.csv`, buildTargetsCsv(rows, i18n.lang, i18n.status));
  const exportPng = () => {
    const url = chartPng('analyst-monthly');
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${state.target ?? 'chart'}.png`;
    a.click();
  };

  return (
    <main className="analyst">
      <Header title={i18n.t('appTitle')} showSample={showSample}>
        <Filters />
      </Header>
      <div className="analyst-body">
        <section className="table-panel" aria-label={i18n.t('targets')}>
          <div className="toolbar">
            <span className="count">{i18n.t('count', { n: rows.length })}</span>
            <button type="button" data-export="csv" onClick={exportCsv} disabled={rows.length === 0}>
              {i18n.t('exportCsv')}
            </button>
            <button type="button" data-export="png" onClick={exportPng} disabled={!selected}>
              {i18n.t('exportPng')}
            </button>
          </div>
          {!judged.isPending && (
            <TargetTable rows={rows} selected={state.target} onSelect={(id) => setState({ target: id === state.target ? null : id })} />
          )}
        </section>
        <aside className="side">
          {selected ? <TargetDetail judged={selected} /> : <p className="hint">{i18n.t('selectTarget')}</p>}
          <LoadPanel />
        </aside>
      </div>
    </main>
  );
}
