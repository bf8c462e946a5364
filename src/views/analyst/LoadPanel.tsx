/**
 * Bring your own data: a file input and a drop zone for any of the four tables (CSV, Arrow,
 * Parquet, or an Excel workbook read sheet by sheet). Files are read locally and loaded into
 * DuckDB in this tab; nothing is sent anywhere. Each load's outcome is shown in [data-load-report],
 * a workbook's sheet by sheet.
 */
import { useState, type DragEvent } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { loadUpload } from '../../data/ingest/commit';
import type { FileReport, LoadNotice } from '../../data/ingest/issues';
import type { StageOptions } from '../../data/ingest/stage';
import { clearLedger } from '../../data/ledger/clear-ledger';
import type { Translator } from '../../app/i18n/translator';
import { areaName } from '../panels/labels';
import { TemplateButtons } from './TemplateButtons';

/** A notice in words: a skipped row names its row, a sheet not read says why. */
function noticeText(i18n: Translator, n: LoadNotice): string {
  const vars = { n: n.code === 'unfilled_rows' || n.code === 'wide_cells' ? (n.value ?? '') : (n.line ?? ''), value: n.value ?? '' };
  const key = {
    total_row: 'noticeTotalRow',
    note_row: 'noticeNoteRow',
    unfilled_rows: 'noticeUnfilled',
    sheet_hidden: 'noticeHidden',
    sheet_empty: 'noticeEmpty',
    sheet_no_table: 'noticeNoTable',
    wide_cells: 'noticeWide',
  } as const;
  return i18n.t(key[n.code], vars);
}

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
        const reports = await loadUpload(engine, { name: f.name, bytes: f.bytes }, f.options);
        if (reports[0]?.fatal?.code === 'encoding_unsure') waiting.set(f.name, f.bytes);
        out.push(...reports);
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
      <div data-load-report="" aria-live="polite" data-busy={busy ? 'true' : 'false'}>
        {reports.map((r, i) => (
          <div
            key={i}
            className={`report${r.fatal ? ' report-fatal' : ''}${r.sheet != null && !r.table ? ' report-skipped' : ''}`}
            data-file={r.file}
            data-sheet={r.sheet ?? ''}
            data-table={r.table ?? ''}
            data-accepted={r.accepted}
            data-rejected={r.rejected.length}
          >
            <p>
              <strong>{r.file}</strong>
              {r.sheet != null ? ` · ${i18n.t('sheet', { name: r.sheet })}` : ''}
              {r.table ? ` → ${r.table}` : ''}
              {r.encoding ? ` · ${i18n.t('encoding')} ${r.encoding}` : ''}
              {r.sheet != null && !r.table && !r.fatal ? '' : ` · ${i18n.t('accepted')} ${r.accepted} ${i18n.t('rows')} · ${i18n.t('rejectedRows')} ${r.rejected.length} ${i18n.t('rows')}`}
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
            {r.notices && r.notices.length > 0 && (
              <ul className="notices">
                {r.notices.map((n, k) => (
                  <li key={k} data-notice={n.code} data-line={n.line ?? ''}>
                    {noticeText(i18n, n)}
                  </li>
                ))}
              </ul>
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
                  <li key={k} data-line={x.line ?? ''} data-cell={x.cell ?? ''} data-code={x.code}>
                    {x.line != null ? i18n.t(x.sheet != null ? 'sheetRow' : 'line', { n: x.line }) : ''}
                    {x.cell ? ` · ${i18n.t('cell', { cell: x.cell })}` : x.column ? ` · ${x.column}` : ''}
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
