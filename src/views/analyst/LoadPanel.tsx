/**
 * Bring your own data: a file input and a drop zone for any of the four tables. Files are read
 * locally and loaded into DuckDB in this tab; nothing is sent anywhere. Each load's outcome is
 * shown in [data-load-report].
 */
import { useState, type DragEvent } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { loadSingleFile, type FileReport } from '../../data/load-tables';

const MAX_SHOWN = 50;

export function LoadPanel() {
  const { engine, i18n, bumpVersion } = useDashboard();
  const [reports, setReports] = useState<FileReport[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  async function load(files: FileList | File[]) {
    setBusy(true);
    const out: FileReport[] = [];
    try {
      for (const f of Array.from(files)) {
        const bytes = new Uint8Array(await f.arrayBuffer());
        const report = await loadSingleFile(engine, { name: f.name, bytes });
        out.push(report);
      }
    } finally {
      setReports(out);
      setBusy(false);
      if (out.some((r) => r.accepted > 0 && !r.fatal)) bumpVersion();
    }
  }

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
            accept=".csv,.txt,.parquet,text/csv"
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
