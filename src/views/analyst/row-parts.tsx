/**
 * The pieces of one target's row that the table, the phone cards and the detail share: where it is
 * read (and, for an inherited target, where it comes from), the requirement, the pace (or why a
 * rate or a level has none), the gaps and the status as it reads.
 */
import { useDashboard } from '../../app/dashboard-context';
import type { Translator } from '../../app/i18n/translator';
import { figuresOf, gapToPace, gapToTarget } from '../../domain/analysis';
import { readingOf } from '../../domain/status';
import type { JudgedTarget } from '../../domain/types';
import type { Column } from './table-columns';
import { areaName, comparatorText } from '../panels/labels';
import { OwnerLine } from '../panels/OwnerLine';
import { StatusBadge } from '../panels/StatusBadge';

/** The area a row is read for; an inherited target says, in words, where it was set. */
export function AreaLine({ judged }: { judged: JudgedTarget }) {
  const { i18n, catalog } = useDashboard();
  const from = judged.inherited ? catalog.areaByCode.get(judged.target.areaCode) : undefined;
  return (
    <>
      <span className="area-name">{areaName(judged.area, i18n.lang)}</span>
      {judged.inherited && (
        <span className="inherited-from" data-inherited-from={judged.target.areaCode} title={i18n.t('inheritedTitle')}>
          {i18n.t('inheritedFrom', { area: areaName(from, i18n.lang) || judged.target.areaCode })}
        </span>
      )}
    </>
  );
}

/** The requirement as the document states it, in the row's scale: 「≥ 90%」, 「≥ 1.6万人」, 「不低于上年水平（882人）」. */
export function requirementText(j: JudgedTarget, i18n: Translator): string {
  const { target, judgement } = j;
  const figure = figuresOf(j, i18n.lang).target;
  if (target.baseline === 'prior_year')
    return `${i18n.t('baselinePrior')}${judgement.target != null ? (i18n.lang === 'zh' ? `（${figure}）` : ` (${figure})`) : ''}`;
  return `${comparatorText(target.comparator, i18n.lang)}\u00a0${figure}`;
}

/** 序时进度 for a flow; for a rate or a level, that it has none, and why (in the title). */
export function PaceText({ judged }: { judged: JudgedTarget }) {
  const { i18n } = useDashboard();
  const { indicator, judgement } = judged;
  if (judgement.expected != null) return <>{figuresOf(judged, i18n.lang).pace}</>;
  if (indicator.kind === 'flow') return <>—</>;
  const rate = indicator.kind === 'rate';
  return (
    <span className="pace-na" data-pace-na={indicator.kind} title={i18n.t(rate ? 'paceNaRate' : 'paceNaLevel')}>
      {i18n.t('paceNa', { kind: i18n.t(rate ? 'kindShortRate' : 'kindShortLevel') })}
    </span>
  );
}

/** Gap to the target or the pace (positive is better), in 百分点 for rates, in the row's scale. */
export function GapText({ judged, to }: { judged: JudgedTarget; to: 'target' | 'pace' }) {
  const { i18n } = useDashboard();
  const figures = figuresOf(judged, i18n.lang);
  return <>{(to === 'target' ? figures.gapToTarget : figures.gapToPace) ?? '—'}</>;
}

/** True when the gap to the target is short of it (shown in the warning colour). */
export const gapIsShort = (j: JudgedTarget, to: 'target' | 'pace' = 'target') => {
  const gap = to === 'target' ? gapToTarget(j.judgement, j.target.comparator) : gapToPace(j.judgement, j.target.comparator);
  return gap != null && gap < 0;
};

/** The status badge with the words of its reading (当前达标 · 截至9月 before the due month). */
export function RowStatus({ judged }: { judged: JudgedTarget }) {
  return <StatusBadge status={judged.judgement.status} reading={readingOf(judged)} />;
}

/** What a row opens to: the columns folded away (label and value), then the document, clause and sentence. */
export function RowDetail({ judged, columns }: { judged: JudgedTarget; columns: readonly Column[] }) {
  const { i18n } = useDashboard();
  const { target } = judged;
  return (
    <>
      {columns.length > 0 && (
        <dl className="folded" data-folded={columns.map((c) => c.key).join(' ')}>
          {columns.map((c) => (
            <div key={c.key}>
              <dt>{i18n.t(c.label)}</dt>
              <dd>{c.cell(judged, i18n)}</dd>
            </div>
          ))}
        </dl>
      )}
      <blockquote className="provenance">
        <p className="doc">
          <strong>{target.docId}</strong> {target.clause ?? ''}
        </p>
        <p className="quote">{target.quote ?? i18n.t('noQuote')}</p>
        <OwnerLine owner={target.owner} />
      </blockquote>
    </>
  );
}
