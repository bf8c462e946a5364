/**
 * Bring your own data: a file input and a drop zone for any of the four tables (CSV, Arrow,
 * Parquet, or an Excel workbook read sheet by sheet), and fill-in templates to download. Files are
 * read locally and loaded into DuckDB in this tab; nothing is sent anywhere. Each load's outcome is
 * shown in [data-load-report] (LoadReport.tsx), a workbook's sheet by sheet.
 */
import { useState, type DragEvent } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { loadUpload } from '../../data/ingest/commit';
import { fatalReport, VALUE_PREVIEW } from '../../data/ingest/issues';
import type { StageOptions } from '../../data/ingest/stage';
import { clearLedger } from '../../data/ledger/clear-ledger';
import { LoadReport, type LoadedFile } from './LoadReport';
import { TemplateButtons } from './TemplateButtons';

export function LoadPanel() {
  const { engine, engineReady, i18n, reloadFolder } = useDashboard();
  const [reports, setReports] = useState<LoadedFile[]>([]);
  // Each load's reports are new components (a list shown in full is not carried over to the next load).
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  // Files whose encoding could not be told wait here until the user picks one after the preview.
  const [pending, setPending] = useState<Map<string, Uint8Array>>(new Map());

  async function loadBytes(list: { name: string; bytes: Uint8Array; options?: StageOptions }[]) {
    setBusy(true);
    const out: LoadedFile[] = [];
    const waiting = new Map<string, Uint8Array>();
    try {
      for (const f of list) {
        // Every file ends with a report: a load that throws is reported as unreadable (nothing changed).
        const reports = await loadUpload(engine, { name: f.name, bytes: f.bytes }, f.options).catch((e: unknown) => [
          fatalReport(f.name, 'file_unreadable', String((e as Error)?.message ?? e).slice(0, VALUE_PREVIEW)),
        ]);
        if (reports[0]?.fatal?.code === 'encoding_unsure') waiting.set(f.name, f.bytes);
        // The bytes stay while the report is shown only where its rejected lines can be read back
        // from them as text (a text file; a workbook's or a binary table's rows are named by row).
        for (const report of reports) out.push({ report, bytes: report.rejected.length > 0 && report.sheet == null && report.encoding != null ? f.bytes : null });
      }
    } finally {
      setReports(out);
      setGeneration((g) => g + 1);
      setPending(waiting);
      setBusy(false);
    }
  }

  async function load(files: FileList | File[]) {
    const list = await Promise.all(Array.from(files).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await loadBytes(list);
  }

  // Reset to the published data: a ledger still loading is stopped, a loaded one dropped, and the
  // published folder loaded again, dropping every uploaded row.
  const reset = async () => {
    setReports([]);
    setPending(new Map());
    setBusy(true);
    try {
      await clearLedger(engine, { cancelRunning: true });
      await reloadFolder();
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) void load(e.dataTransfer.files);
  };

  return (
    <section className="load-panel" aria-labelledby="load-title">
      <h2 id="load-title">{i18n.t('loadFiles')}</h2>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-drop-zone=""
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label>
          {i18n.t('dropHere')} <span className="file-button">{i18n.t('chooseFile')}</span>
          <input
            type="file"
            accept=".csv,.txt,.xlsx,.xlsm,.xls,.arrow,.feather,.arrows,.ipc,.parquet,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
            multiple
            disabled={busy}
            onChange={(e) => {
              if (e.target.files?.length) void load(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <p className="hint">{i18n.t('fileHint')}</p>
      </div>
      <TemplateButtons />
      <button type="button" className="reset-data" data-reset-data="" onClick={() => void reset()} disabled={busy}>
        {i18n.t('resetData')}
      </button>
      {busy && !engineReady && (
        <p className="hint" role="status" data-engine-wait="">
          {i18n.t('engineWait')}
        </p>
      )}
      {busy && !engineReady && (
        <p className="hint" role="status" data-engine-wait="">
          {i18n.t('engineWait')}
        </p>
      )}
      <div data-load-report="" aria-live="polite" data-busy={busy ? 'true' : 'false'}>
        {reports.map((loaded, i) => {
          const r = loaded.report;
          return (
            <LoadReport key={`${generation}:${i}`} loaded={loaded}>
              {r.preview != null && pending.has(r.file) && (
                <div className="encoding-choice" data-encoding-choice="">
                  <p>{i18n.t('encodingUnsure')}</p>
                  <pre className="preview">{r.preview}</pre>
                  {(['gb18030', 'utf-8'] as const).map((enc) => (
                    <button key={enc} type="button" onClick={() => void loadBytes([{ name: r.file, bytes: pending.get(r.file)!, options: { encoding: enc } }])}>
                      {i18n.t('loadAs', { encoding: enc.toUpperCase() })}
                    </button>
                  ))}
                  <button type="button" onClick={() => setPending(new Map())}>
                    {i18n.t('cancel')}
                  </button>
                </div>
              )}
            </LoadReport>
          );
        })}
      </div>
    </section>
  );
}
