/**
 * The A4 briefing (简报) of the filtered targets, for print: scope (areas, year, the month judged,
 * filters), a summary, one sentence per target generated from the data with its document, clause
 * and 责任单位 (followed, for a target not yet due, by where it is heading and what each remaining
 * month must bring), the targets still running apart from final outcomes, and the documents behind
 * them. Laid out on A4 sheets by BriefingPages (one page when it fits; else numbered pages that
 * break between sections).
 */
import { useMemo } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { briefingSentence } from '../../domain/analysis';
import { projectionSentence } from '../../domain/projection-text';
import { judgedKey } from '../../domain/binding';
import { formatDateTime } from '../../domain/dates';
import { ownerSummary } from '../../domain/owners';
import { STATUSES, type JudgedTarget, type Status } from '../../domain/types';
import { useFilteredTargets } from '../panels/hooks';
import { areaName, indicatorName } from '../panels/labels';
import { areaNames, filtersInWords, rowsMonth } from '../panels/scope-words';
import { StatusIcon } from '../panels/StatusBadge';
import { BriefingPages, type Block } from './BriefingPages';
import { briefingSections } from './sections';

export function BriefingView() {
  const dashboard = useDashboard();
  const { i18n, state, setState, year, asOf, catalog, areas } = dashboard;
  const { lang } = i18n;
  const { rows, isPending } = useFilteredTargets();

  const blocks = useMemo((): Block[] => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.judgement.status === s).length])) as Record<Status, number>;
    const month = rowsMonth({ asOf, year }, rows);
    const names = areaNames({ areas, catalog, i18n });
    const filters = filtersInWords({ i18n, state, catalog });
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
    // The document and clause, and who answers for it: the first units named, and how many in all.
    const cite = (j: JudgedTarget) => {
      const doc = `${j.target.docId}${j.target.clause ?? ''}`;
      const { shown, total } = ownerSummary(j.target.owner);
      if (total === 0) return lang === 'zh' ? `（${doc}）` : ` (${doc})`;
      const owners = i18n.t(total > shown.length ? 'briefingOwnersMore' : 'briefingOwners', { units: shown.join('、'), n: total, more: total - shown.length });
      return lang === 'zh' ? `（${doc} · ${owners}）` : ` (${doc} · ${owners})`;
    };
    // For a target not yet due: where it is heading and what each remaining month must bring.
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
    const out: Block[] = [
      {
        key: 'head',
        kind: 'head',
        section: null,
        height: 0,
        node: (hooks) => (
          <>
            <h1>{i18n.t('briefingTitle')}</h1>
            <p className="scope">{i18n.t('briefingScope', { areas: names.length ? names.join('、') : i18n.t('allAreas'), year, asof: month })}</p>
            {filters.length > 0 && (
              <p className="scope" data-briefing-filters={hooks ? '' : undefined}>
                {i18n.t('briefingFilters', { filters: filters.map(([k, v]) => `${k}：${v}`).join('；') })}
              </p>
            )}
            <p className="summary" data-briefing-summary={hooks ? '' : undefined}>
              {i18n.t('briefingSummary', { n: rows.length, ...counts })}
            </p>
          </>
        ),
      },
    ];
    for (const section of briefingSections(rows, asOf)) {
      const title =
        section.id === 'running' ? i18n.t('briefingRunning', { asof: month }) : section.id === 'final' ? i18n.t('briefingFinal') : i18n.status('no_data');
      out.push({ key: `h-${section.id}`, kind: 'heading', section: section.id, sectionId: section.id, height: 0, node: () => title });
      if (section.id === 'no_data') {
        // Targets without data are named in one paragraph, so they take a line or two, not a list.
        out.push({
          key: 'no-data',
          kind: 'item',
          section: section.id,
          height: 0,
          node: () => section.rows.map((j) => `${areaName(j.area, lang)} · ${indicatorName(j.indicator, lang)}`).join(lang === 'zh' ? '；' : '; '),
        });
        continue;
      }
      section.rows.forEach((j, i) =>
        out.push({
          key: judgedKey(j),
          kind: 'item',
          section: section.id,
          height: 0,
          number: i + 1,
          attrs: { 'data-briefing-target': j.target.targetId, 'data-status': j.judgement.status },
          node: () => (
            <>
              <StatusIcon status={j.judgement.status} /> <span className="sentence">{sentence(j)}</span>
              {outlook(j) && <span className="outlook" data-briefing-projection={j.projection?.status ?? ''}>{`${lang === 'zh' ? '' : ' '}${outlook(j)}`}</span>}
              <span className="cite">{cite(j)}</span>
            </>
          ),
        }),
      );
    }
    const docs = [...new Set(rows.map((r) => r.target.docId))];
    out.push({
      key: 'docs',
      kind: 'tail',
      section: null,
      height: 0,
      node: () => (
        <div className="docs">
          <h2>{i18n.t('briefingSources')}</h2>
          <p>{docs.join('；')}</p>
        </div>
      ),
    });
    out.push({
      key: 'generated',
      kind: 'tail',
      section: null,
      height: 0,
      node: () => (
        <p className="generated">
          {i18n.t('generatedAt')} {formatDateTime(new Date())} · {state.data ?? i18n.t('bundledData')}
          {rows.some((r) => r.components?.illustrative) && <span className="sample-note"> · {i18n.t('briefingSample')}</span>}
        </p>
      ),
    });
    return out;
  }, [rows, asOf, year, areas, catalog, i18n, state, lang]);

  if (isPending) return null;
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
      <BriefingPages blocks={blocks} continued={i18n.t('briefingContinued')} />
    </main>
  );
}
