/**
 * One file's load report: what it was read as, its outcome in a word and a colour (every row taken,
 * some, none: domain/load-outcome.ts), area notices, and every rejected line with its reason in the
 * reader's language, readable in place and downloadable as a CSV of the rejected lines.
 */
import { useState, type ReactNode } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import type { FileReport } from '../../data/ingest/issues';
import { loadOutcome, OUTCOME_STATUS } from '../../domain/load-outcome';
import { STATUS_COLOR } from '../../domain/status';
import { areaName } from '../panels/labels';

/** Lines listed at first; a button shows the rest in place (a file can reject a million lines). */
const FIRST_SHOWN = 500;

export interface LoadedFile {
  report: FileReport;
  /** The file's bytes, kept while its report is shown when it has rejected lines (for the download). */
  bytes: Uint8Array | null;
}

export function LoadReport({ loaded, children }: { loaded: LoadedFile; children?: ReactNode }) {
  const { i18n, catalog } = useDashboard();
  const { report: r, bytes } = loaded;
  const [all, setAll] = useState(false);
  const outcome = loadOutcome(r.accepted, r.rejected.length, r.fatal != null);
  const shown = all ? r.rejected : r.rejected.slice(0, FIRST_SHOWN);

  const downloadRejected = async () => {
    const [{ recordsAtLines }, { writeRejectedCsv, rejectedFileName }, { download }] = await Promise.all([
      import('../../data/ingest/rejected-lines'),
      import('./rejected-csv'),
      import('./export-csv'),
    ]);
    const records = bytes ? recordsAtLines(bytes, r.encoding, r.rejected.flatMap((x) => (x.line != null ? [x.line] : []))) : null;
    download(rejectedFileName(r.file, i18n), writeRejectedCsv(r, records, i18n));
  };

  return (
    <div
      className={`report report-${outcome}`}
      style={{ borderLeftColor: STATUS_COLOR[OUTCOME_STATUS[outcome]] }}
      data-file={r.file}
      data-table={r.table ?? ''}
      data-accepted={r.accepted}
      data-rejected={r.rejected.length}
      data-outcome={outcome}
    >
      <p>
        <strong>{r.file}</strong>
        {r.table ? ` → ${i18n.t(`table_${r.table}`)}` : ''}
        {r.encoding ? ` · ${i18n.t('encoding')} ${r.encoding}` : ''}
        {' · '}
        {i18n.t('accepted')} {r.accepted} {i18n.t('rows')} · {i18n.t('rejectedRows')} {r.rejected.length} {i18n.t('rows')}
      </p>
      <p className="outcome">{i18n.t(`outcome_${outcome}`)}</p>
      {r.fatal && <p className="fatal-line">{i18n.issue(r.fatal.code, r.fatal.detail)}</p>}
      {children}
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
        <>
          <button type="button" className="download-rejected" data-download-rejected="" onClick={() => void downloadRejected()}>
            {i18n.t('downloadRejected')}
          </button>
          <ul className="rejected">
            {shown.map((x, k) => (
              <li key={k} data-line={x.line ?? ''} data-code={x.code}>
                {x.line != null && <span className="line">{i18n.t('line', { n: x.line })}</span>}
                {x.column && <code className="column">{x.column}</code>}
                {x.value != null && <span className="value">“{x.value}”</span>}
                <span className="reason">{i18n.issue(x.code, x.detail)}</span>
              </li>
            ))}
          </ul>
          {shown.length < r.rejected.length && (
            <button type="button" className="show-all" onClick={() => setAll(true)}>
              {i18n.t('showAllRejected', { n: r.rejected.length })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
