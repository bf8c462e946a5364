/**
 * Person-level ledgers (实名制台账): a file input, a progress bar (bytes, then rows), a cancel
 * button, and a report. The file is read in this tab and parsed by DuckDB in its worker, so the
 * page stays responsive; nothing leaves the browser and no person id is ever shown.
 */
import { useRef, useState } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import type { LedgerProgress, LedgerReport } from '../../data/ledger/load-ledger';
import { clearLedger } from '../../data/ledger/clear-ledger';
import { formatNumber } from '../../domain/format';

/** The ledger code and its SQL load with the first ledger: most sessions never open one. */
const ledgerModule = async () => ({ ...(await import('../../data/ledger/load-ledger')), ...(await import('../../data/ledger/report')) });

type State = 'idle' | LedgerProgress['phase'] | 'error' | 'cancelled';

export function LedgerPanel() {
  const { engine, engineReady, i18n, ledger } = useDashboard();
  const [loadState, setState] = useState<State>('idle');
  const [progress, setProgress] = useState<LedgerProgress | null>(null);
  const [report, setReport] = useState<LedgerReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // A report is only shown while its ledger is the one in the database (a reset drops it).
  const shown = report != null && ledger === report.file ? report : null;
  const state: State = loadState === 'done' && !shown ? 'idle' : loadState;
  const busy = state === 'read' || state === 'parse' || state === 'derive';

  async function load(file: File) {
    setError(null);
    setReport(null);
    const { fileInput, LedgerError, loadLedger, MAX_LEDGER_BYTES } = await ledgerModule();
    if (file.size > MAX_LEDGER_BYTES) {
      setState('error');
      setError(i18n.t('ledgerTooLarge', { size: formatNumber(file.size / 1024 ** 2, i18n.lang), max: formatNumber(MAX_LEDGER_BYTES / 1024 ** 2, i18n.lang) }));
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setState('read');
    try {
      const r = await loadLedger(engine, fileInput(file), {
        cancel: controller,
        onProgress: (p) => {
          setProgress(p);
          setState(p.phase);
        },
      });
      setReport(r);
      setState('done');
    } catch (e) {
      if (e instanceof LedgerError && e.code === 'cancelled') setState('cancelled');
      else {
        setState('error');
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      abort.current = null;
    }
  }

  // Reaching for the file input warms DuckDB up on a few made-up rows (nothing is kept), while the
  // user picks a file: the first ledger then does not pay for the engine's first run of each step.
  const warm = () => void ledgerModule().then((m) => m.warmLedger(engine));
  const cancel = async () => {
    abort.current?.abort();
    await engine.cancel();
  };
  const clear = async () => {
    await clearLedger(engine);
    setReport(null);
    setState('idle');
  };

  const share = progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : 0;
  // Bytes move while the file is read here, or while DuckDB reads a large one in parts (rows known).
  const byBytes = state === 'read' || (state === 'parse' && progress?.rows != null);
  return (
    <section className="ledger-panel" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{i18n.t('ledgerTitle')}</h2>
      <p className="hint">{i18n.t('ledgerHint')}</p>
      <label className="ledger-input" onPointerEnter={warm} onFocus={warm}>
        <span className="file-button">{i18n.t('chooseLedger')}</span>
        <input
          type="file"
          data-ledger-input=""
          accept=".csv,.txt,.arrow,.arrows,.feather,.ipc"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void load(f);
          }}
        />
      </label>
      {busy && (
        <div className="ledger-progress" data-ledger-progress={state} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
          <div className="bar" style={{ width: `${byBytes ? share * 100 : 100}%` }} />
          <span>
            {i18n.t(state === 'read' ? 'ledgerReading' : state === 'parse' ? (byBytes ? 'ledgerParsingParts' : 'ledgerParsing') : 'ledgerDeriving', {
              mb: formatNumber((progress?.bytes ?? 0) / 1024 ** 2, i18n.lang),
              total: formatNumber((progress?.totalBytes ?? 0) / 1024 ** 2, i18n.lang),
              rows: formatNumber(progress?.rows ?? 0, i18n.lang),
            })}
          </span>
          <button type="button" data-ledger-cancel="" onClick={() => void cancel()}>
            {i18n.t('cancel')}
          </button>
          {!engineReady && <span data-engine-wait="">{i18n.t('engineWait')}</span>}
        </div>
      )}
      <div
        data-ledger-report=""
        data-state={state}
        data-rows={shown?.rows ?? ''}
        data-cases={shown?.cases ?? ''}
        data-figures={shown?.figures ?? ''}
        data-ms-read={shown ? Math.round(shown.ms.read) : ''}
        data-ms-parse={shown ? Math.round(shown.ms.parse) : ''}
        data-ms-derive={shown ? Math.round(shown.ms.derive) : ''}
        aria-live="polite"
      >
        {state === 'cancelled' && <p>{i18n.t('ledgerCancelled')}</p>}
        {error && <p className="fatal-line">{error}</p>}
        {shown && (
          <>
            <p>
              <strong>{shown.file}</strong> · {i18n.t('ledgerSummary', { rows: formatNumber(shown.rows, i18n.lang), cases: formatNumber(shown.cases, i18n.lang), figures: shown.figures })}
            </p>
            <p className="ledger-indicators">{i18n.t('ledgerFeeds', { n: shown.indicators.length })}</p>
            {shown.rejected.length > 0 && (
              <ul>
                {shown.rejected.map((r) => (
                  <li key={r.reason} data-code={r.reason}>
                    {i18n.t(`ledger_${r.reason}` as 'ledger_bad_date')} · {r.count} {i18n.t('rows')}（{i18n.t('line', { n: r.lines.slice(0, 8).join('、') })}
                    {r.lines.length > 8 ? '…' : ''}）
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="reset-data" onClick={() => void clear()}>
              {i18n.t('clearLedger')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
