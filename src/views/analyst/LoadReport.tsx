/**
 * One file's load report (a workbook's: one per sheet): what it was read as, its outcome in a word
 * and a colour (every row taken, some, none: domain/load-outcome.ts), rows skipped and sheets not
 * read with why, area notices, and every rejected line with its reason in the reader's language,
 * readable in place and downloadable as a CSV of the rejected lines.
 */
import { useState, type ReactNode } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import type { FileReport, LoadNotice } from '../../data/ingest/issues';
import type { Translator } from '../../app/i18n/translator';
import { loadOutcome, OUTCOME_STATUS } from '../../domain/load-outcome';
import { STATUS_COLOR } from '../../domain/status';
import { areaName } from '../panels/labels';

/** Lines listed at first; a button shows the rest in place (a file can reject a million lines). */
const FIRST_SHOWN = 500;

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
  // A sheet that holds no table (a cover, notes) is read past, not failed.
  const skipped = r.sheet != null && !r.table && !r.fatal;
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
      className={skipped ? 'report report-skipped' : `report report-${outcome}`}
      style={skipped ? undefined : { borderLeftColor: STATUS_COLOR[OUTCOME_STATUS[outcome]] }}
      data-file={r.file}
      data-sheet={r.sheet ?? ''}
      data-table={r.table ?? ''}
      data-accepted={r.accepted}
      data-rejected={r.rejected.length}
      data-outcome={outcome}
    >
      <p>
        <strong>{r.file}</strong>
        {r.sheet != null ? ` · ${i18n.t('workbookSheet', { name: r.sheet })}` : ''}
        {r.table ? ` → ${i18n.t(`table_${r.table}`)}` : ''}
        {r.encoding ? ` · ${i18n.t('encoding')} ${r.encoding}` : ''}
        {skipped ? '' : ` · ${i18n.t('accepted')} ${r.accepted} ${i18n.t('rows')} · ${i18n.t('rejectedRows')} ${r.rejected.length} ${i18n.t('rows')}`}
      </p>
      {!skipped && <p className="outcome">{i18n.t(`outcome_${outcome}`)}</p>}
      {r.fatal && <p className="fatal-line">{i18n.issue(r.fatal.code, r.fatal.detail)}</p>}
      {children}
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
        <>
          <button type="button" className="download-rejected" data-download-rejected="" onClick={() => void downloadRejected()}>
            {i18n.t('downloadRejected')}
          </button>
          <ul className="rejected">
            {shown.map((x, k) => (
              <li key={k} data-line={x.line ?? ''} data-cell={x.cell ?? ''} data-code={x.code}>
                {x.line != null && <span className="line">{i18n.t(x.sheet != null ? 'sheetRow' : 'line', { n: x.line })}</span>}
                {x.cell ? <code className="column">{i18n.t('cell', { cell: x.cell })}</code> : x.column && <code className="column">{x.column}</code>}
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
