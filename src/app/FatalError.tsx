/** A load that failed entirely: the reason, per file and line, instead of a spinner. */
import type { Translator } from './i18n/translator';
import { FolderLoadError } from '../data/fetch-folder';
import { DatabaseStartError } from '../data/db';

export function FatalError({ error, i18n }: { error: Error; i18n: Translator }) {
  const report = error instanceof FolderLoadError ? error.report : null;
  return (
    <section className="fatal" role="alert" data-fatal="">
      <h1>{i18n.t('errorTitle')}</h1>
      {report?.fatal ? (
        <p>
          <strong>{report.fatal.file}</strong>
          {report.fatal.line != null ? ` · ${i18n.t('line', { n: report.fatal.line })}` : ''}
          {': '}
          {i18n.issue(report.fatal.code, report.fatal.detail)}
        </p>
      ) : (
        <p>{error instanceof DatabaseStartError ? error.message : String(error.message)}</p>
      )}
    </section>
  );
}
