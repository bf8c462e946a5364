/**
 * Bring your own data: a file input and a drop zone for any of the four tables. Files are read
 * locally and loaded into DuckDB in this tab; nothing is sent anywhere. Each load's outcome is
 * shown in [data-load-report].
 */
import { useState, type DragEvent } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { loadSingleFile } from '../../data/ingest/commit';
import { fatalReport, VALUE_PREVIEW, type FileReport } from '../../data/ingest/issues';
import type { StageOptions } from '../../data/ingest/stage';
import { clearLedger } from '../../data/ledger/clear-ledger';
import { areaName } from '../panels/labels';

const MAX_SHOWN = 50;

export function LoadPanel() {
  const { engine, i18n, catalog, reloadFolder } = useDashboard();
  const [reports, setReports] = useState<FileReport[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  // Files whose encoding could not be told wait here until the user picks one after the preview.
  const [pending, setPending] = useState<Map<string, Uint8Array>>(new Map());

  async function loadBytes(list: { name: string; bytes: Uint8Array; options?: StageOptions }[]) {
    setBusy(true);
    const out: FileReport[] = [];
    const waiting = new Map<string, Uint8Array>();
    try {
      for (const f of list) {
        // Every file ends with a report: a load that throws is reported as unreadable (nothing changed).
        const report = await loadSingleFile(engine, { name: f.name, bytes: f.bytes }, f.options).catch((e: unknown) =>
          fatalReport(f.name, 'file_unreadable', String((e as Error)?.message ?? e).slice(0, VALUE_PREVIEW)),
        );
        if (report.fatal?.code === 'encoding_unsure') waiting.set(f.name, f.bytes);
        out.push(report);
      }
    } finally {
      setReports(out);
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
            accept=".csv,.txt,.arrow,.feather,.arrows,.ipc,.parquet,text/csv"
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
      <button type="button" className="reset-data" data-reset-data="" onClick={() => void reset()} disabled={busy}>
        {i18n.t('resetData')}
      </button>
      <div data-load-report="" aria-live="polite" data-busy={busy ? 'true' : 'false'}>
        {reports.map((r, i) => (
          <div key={i} className={`report${r.fatal ? ' report-fatal' : ''}`} data-file={r.file} data-table={r.table ?? ''} data-accepted={r.accepted} data-rejected={r.rejected.length}>
            <p>
              <strong>{r.file}</strong>
              {r.table ? ` → ${r.table}` : ''}
              {r.encoding ? ` · ${i18n.t('encoding')} ${r.encoding}` : ''}
              {' · '}
              {i18n.t('accepted')} {r.accepted} {i18n.t('rows')} · {i18n.t('rejectedRows')} {r.rejected.length} {i18n.t('rows')}
            </p>
            {r.fatal && <p className="fatal-line">{i18n.issue(r.fatal.code, r.fatal.detail)}</p>}
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
            {r.mapped && r.mapped.length > 0 && (
              <ul className="mapped">
                {r.mapped.map((m) => (
                  <li key={m.from} data-mapped={m.from}>
                    {i18n.t(m.kind === 'former' ? 'mappedArea' : 'mappedName', { from: m.from, to: areaName(catalog.areaByCode.get(m.to), i18n.lang) || m.to, code: m.to, n: m.rows })}
                  </li>
                ))}
              </ul>
            )}
            {r.rejected.length > 0 && (
              <ul>
                {r.rejected.slice(0, MAX_SHOWN).map((x, k) => (
                  <li key={k} data-line={x.line ?? ''} data-code={x.code}>
                    {x.line != null ? i18n.t('line', { n: x.line }) : ''}
                    {x.column ? ` · ${x.column}` : ''}
                    {x.value != null ? ` “${x.value}”` : ''}: {i18n.issue(x.code, x.detail)}
                  </li>
                ))}
                {r.rejected.length > MAX_SHOWN && <li>…</li>}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
