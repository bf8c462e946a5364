/**
 * A one-page A4 briefing (简报) of the filtered targets, for print: scope, a summary, one sentence
 * per target generated from the data (what needs attention first) followed, for a target not yet
 * due, by where it is heading and what each remaining month must bring, and the documents behind them.
 */
import { useDashboard } from '../../app/dashboard-context';
import { briefingSentence } from '../../domain/analysis';
import { projectionSentence } from '../../domain/projection-text';
import { judgedKey } from '../../domain/binding';
import { severityRank } from '../../domain/status';
import { formatPeriod } from '../../domain/period';
import { STATUSES, type Status } from '../../domain/types';
import { useFilteredTargets } from '../panels/hooks';
import { areaName, indicatorName } from '../panels/labels';
import { StatusIcon } from '../panels/StatusBadge';
import type { JudgedTarget } from '../../domain/types';

export function BriefingView() {
  const { i18n, state, setState, year, asOf, areas, catalog } = useDashboard();
  const { lang } = i18n;
  const { rows, isPending } = useFilteredTargets();
  if (isPending) return null;
  const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.judgement.status === s).length])) as Record<Status, number>;
  const sorted = [...rows].sort((a, b) => severityRank(a.judgement.status) - severityRank(b.judgement.status));
  // A target on course now but projected to miss by its due month needs attention too.
  const needsAttention = (r: JudgedTarget) =>
    r.judgement.status === 'missed' || r.judgement.status === 'behind' || (r.projection?.status === 'missed' && r.projection.method !== 'final');
  const attention = sorted.filter(needsAttention);
  const fine = sorted.filter((r) => (r.judgement.status === 'met' || r.judgement.status === 'on_track') && !needsAttention(r));
  const nodata = sorted.filter((r) => r.judgement.status === 'no_data');
  const docs = [...new Set(rows.map((r) => r.target.docId))];
  const scopeAreas = areas.length ? areas.map((a) => areaName(catalog.areaByCode.get(a), lang)).join('、') : i18n.t('allAreas');
  const sentence = (j: JudgedTarget) =>
    briefingSentence(
      {
        areaName: areaName(j.area, lang),
        isCity: j.area.level === 'city',
        indicatorName: indicatorName(j.indicator, lang),
        unit: j.indicator.unit,
        comparator: j.target.comparator,
        judgement: j.judgement,
        numerator: j.indicator.kind === 'rate' ? j.components?.numerator : null,
        denominator: j.indicator.kind === 'rate' ? j.components?.denominator : null,
      },
      lang,
    );
  const outlook = (j: JudgedTarget) =>
    j.projection && j.judgement.actual != null
      ? projectionSentence(
          {
            kind: j.indicator.kind,
            unit: j.indicator.unit,
            comparator: j.target.comparator,
            dueDate: j.target.dueDate,
            year: j.target.year,
            actual: j.judgement.actual,
            target: j.judgement.target,
            projection: j.projection,
          },
          lang,
        )
      : null;
  const list = (items: JudgedTarget[]) => (
    <ol>
      {items.map((j) => (
        <li key={judgedKey(j)} data-briefing-target={j.target.targetId} data-status={j.judgement.status}>
          <StatusIcon status={j.judgement.status} /> <span className="sentence">{sentence(j)}</span>
          {outlook(j) && <span className="outlook" data-briefing-projection={j.projection?.status ?? ''}>{`${lang === 'zh' ? '' : ' '}${outlook(j)}`}</span>}
          <span className="cite">
            {' '}
            （{j.target.docId}
            {j.target.clause ?? ''}）
          </span>
        </li>
      ))}
    </ol>
  );
  return (
    <main className="briefing" data-briefing-view="">
      <nav className="briefing-controls no-print">
        <button type="button" onClick={() => window.print()}>
          {i18n.t('print')}
        </button>
        <button type="button" onClick={() => setState({ view: 'analyst' })}>
          {i18n.t('backToAnalyst')}
        </button>
        <button type="button" lang={lang === 'zh' ? 'en' : 'zh'} onClick={() => setState({ lang: lang === 'zh' ? 'en' : 'zh' })}>
          {i18n.t('language')}
        </button>
      </nav>
      <article className="a4">
        <h1>{i18n.t('briefingTitle')}</h1>
        <p className="scope">{i18n.t('briefingScope', { areas: scopeAreas, year, asof: formatPeriod(asOf) })}</p>
        <p className="summary" data-briefing-summary="">
          {i18n.t('briefingSummary', { n: rows.length, ...counts })}
        </p>
        {attention.length > 0 && (
          <section>
            <h2>{i18n.t('briefingAttention')}</h2>
            {list(attention)}
          </section>
        )}
        {/* What is on course gets one line each, so the page stays one page. */}
        {fine.length > 0 && (
          <section>
            <h2>{i18n.t('briefingOnTrack')}</h2>
            {list(fine)}
          </section>
        )}
        {nodata.length > 0 && (
          <section className="compact">
            <h2>{i18n.status('no_data')}</h2>
            <p>{nodata.map((j) => `${areaName(j.area, lang)} · ${indicatorName(j.indicator, lang)}`).join(lang === 'zh' ? '；' : '; ')}</p>
          </section>
        )}
        <section className="docs">
          <h2>{i18n.t('briefingSources')}</h2>
          <p>{docs.join('；')}</p>
        </section>
        {rows.some((r) => r.components?.illustrative) && <p className="sample-note">{i18n.t('briefingSample')}</p>}
        <p className="generated">
          {i18n.t('generatedAt')} {new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')} · {state.data ?? i18n.t('bundledData')}
        </p>
      </article>
    </main>
  );
}
