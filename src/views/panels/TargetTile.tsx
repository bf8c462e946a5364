/** One target as a wall tile: indicator, actual, target, pace (flows), status in icon and word. */
import { useDashboard } from '../../app/dashboard-context';
import type { JudgedTarget } from '../../domain/types';
import { formatValue, formatValueNear, formatValueParts, fractionText } from '../../domain/format';
import { noActualReason } from '../../domain/judge';
import { kpiAttrs } from './kpi-attrs';
import { comparatorText, indicatorName } from './labels';
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
      {noActualReason(indicator.kind, components) && <div className="tile-fraction">{i18n.t('unpooledShort')}</div>}
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
      </dl>
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
