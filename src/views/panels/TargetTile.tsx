/**
 * One target as a wall tile: indicator, actual, target, pace (flows), status in icon and word, and
 * where it is heading (the projection line, and what each remaining month must bring).
 */
import { useDashboard } from '../../app/dashboard-context';
import type { JudgedTarget } from '../../domain/types';
import { formatValue, formatValueNear, formatValueParts, fractionText } from '../../domain/format';
import { kpiAttrs } from './kpi-attrs';
import { comparatorText, indicatorName } from './labels';
import { neededLabel, neededText, ProjectionLine } from './Projection';
import { StatusBadge } from './StatusBadge';

export function TargetTile({ judged }: { judged: JudgedTarget }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  const { indicator, judgement, target, components } = judged;
  const fmt = (v: number | null) => formatValue(v, indicator.unit, lang);
  const near = formatValueNear(judgement.actual, indicator.unit, lang, judgement.target);
  const parts =
    judgement.actual == null
      ? { number: '—', unit: '' }
      : indicator.unit === 'percent'
        ? { number: near.replace(/%$/, ''), unit: '%' }
        : formatValueParts(judgement.actual, indicator.unit, lang);
  const rate = indicator.kind === 'rate' && components?.numerator != null && components.denominator != null;
  const needed = neededText(judged, lang);
  return (
    <article className={`tile tile-${judgement.status}`} {...kpiAttrs(judged)}>
      <h2 className="tile-name">{indicatorName(indicator, lang)}</h2>
      <div className="tile-actual">
        <span className="tile-number">{parts.number}</span>
        <span className="tile-unit">{parts.unit}</span>
      </div>
      {rate && (
        <div className="tile-fraction">{fractionText(components!.numerator!, components!.denominator!, lang)}</div>
      )}
      <dl className="tile-facts">
        <div>
          <dt>{i18n.t('target')}</dt>
          <dd>
            {target.baseline === 'prior_year' && judgement.target == null
              ? i18n.t('noBaseline')
              : `${comparatorText(target.comparator, lang)} ${fmt(judgement.target)}`}
          </dd>
        </div>
        {judgement.expected != null && (
          <div>
            <dt>{i18n.t('pace')}</dt>
            <dd>{fmt(judgement.expected)}</dd>
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
        <span className="tile-doc">
          {target.docId}
          {target.clause ?? ''}
        </span>
      </div>
    </article>
  );
}
