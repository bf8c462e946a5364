/**
 * One target as a wall tile: indicator, actual, target, pace (flows), status in icon and word, the
 * document, and where it is heading (the projection line, and what each remaining month must
 * bring). The figures are written together (domain/analysis.ts figuresOf: one scale, one
 * precision, whole persons).
 */
import { useDashboard } from '../../app/dashboard-context';
import type { JudgedTarget } from '../../domain/types';
import { figuresOf } from '../../domain/analysis';
import { fractionText } from '../../domain/format';
import { noActualReason } from '../../domain/judge';
import { Breakable } from './Breakable';
import { kpiAttrs } from './kpi-attrs';
import { comparatorText, indicatorName } from './labels';
import { neededLabel, neededText, ProjectionLine } from './Projection';
import { StatusBadge } from './StatusBadge';

export function TargetTile({ judged }: { judged: JudgedTarget }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const { indicator, judgement, target, components } = judged;
  const figures = figuresOf(judged, lang);
  const rate = indicator.kind === 'rate' && components?.numerator != null && components.denominator != null;
  const needed = neededText(judged, lang);
  return (
    <article className={`tile tile-${judgement.status}`} {...kpiAttrs(judged)}>
      <h2 className="tile-name">
        <Breakable text={indicatorName(indicator, lang)} />
      </h2>
      <div className="tile-actual">
        <span className="tile-figure">
          <span className="tile-number">{figures.actualParts.number}</span>
          <span className="tile-unit">{figures.actualParts.unit}</span>
        </span>
      </div>
      {rate && <div className="tile-fraction">{fractionText(components!.numerator!, components!.denominator!, lang)}</div>}
      {noActualReason(indicator.kind, components) && <div className="tile-fraction">{i18n.t('unpooledShort')}</div>}
      <dl className="tile-facts">
        <div>
          <dt>{i18n.t('target')}</dt>
          <dd>
            {target.baseline === 'prior_year' && judgement.target == null
              ? i18n.t('noBaseline')
              : `${comparatorText(target.comparator, lang)}\u00a0${figures.target}`}
          </dd>
        </div>
        {/* At the due month the pace is the target itself: said once. */}
        {figures.pace != null && judgement.expected !== judgement.target && (
          <div>
            <dt>{i18n.t('pace')}</dt>
            <dd>{figures.pace}</dd>
          </div>
        )}
        {needed != null && (
          <div data-needed="">
            <dt>{neededLabel(judged, i18n, true)}</dt>
            <dd>{needed}</dd>
          </div>
        )}
      </dl>
      <ProjectionLine judged={judged} />
      <div className="tile-foot">
        <StatusBadge status={judgement.status} />
        <Breakable className="tile-doc" text={`${target.docId}${target.clause ?? ''}`} />
      </div>
    </article>
  );
}
