/** Every target that matches the filters, one row each, with the contract's data-kpi attributes. */
import { useDashboard } from '../../app/dashboard-context';
import type { JudgedTarget } from '../../data/model';
import { formatPercent, formatValue, formatValueNear } from '../../domain/format';
import { kpiAttrs } from '../panels/kpi-attrs';
import { areaName, comparatorText, indicatorName } from '../panels/labels';
import { StatusBadge } from '../panels/StatusBadge';

export function TargetTable({ rows, selected, onSelect }: { rows: readonly JudgedTarget[]; selected: string | null; onSelect: (id: string) => void }) {
  const { i18n } = useDashboard();
  const { lang } = i18n;
  if (rows.length === 0) return <p className="empty">{i18n.t('noTargets')}</p>;
  return (
    <table className="targets">
      <caption className="visually-hidden">{i18n.t('tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{i18n.t('indicator')}</th>
          <th scope="col">{i18n.t('area')}</th>
          <th scope="col">{i18n.t('comparator')}</th>
          <th scope="col" className="num">{i18n.t('actual')}</th>
          <th scope="col" className="num">{i18n.t('pace')}</th>
          <th scope="col" className="num">{i18n.t('attainment')}</th>
          <th scope="col">{i18n.t('status')}</th>
          <th scope="col">{i18n.t('document')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((j) => {
          const { target, indicator, judgement } = j;
          const fmt = (v: number | null) => formatValue(v, indicator.unit, lang);
          const isSel = selected === target.targetId;
          return (
            <tr key={target.targetId} {...kpiAttrs(j)} aria-selected={isSel} className={isSel ? 'selected' : undefined}>
              <th scope="row">
                <button type="button" className="row-select" onClick={() => onSelect(target.targetId)} aria-pressed={isSel}>
                  {indicatorName(indicator, lang)}
                </button>
                {j.components?.illustrative && <span className="row-sample">{i18n.t('illustrativeRow')}</span>}
              </th>
              <td>{areaName(j.area, lang)}</td>
              <td>
                {target.baseline === 'prior_year'
                  ? `${i18n.t('baselinePrior')}${judgement.target != null ? `（${fmt(judgement.target)}）` : ''}`
                  : `${comparatorText(target.comparator, lang)} ${fmt(judgement.target)}`}
              </td>
              <td className="num">{formatValueNear(judgement.actual, indicator.unit, lang, judgement.target)}</td>
              <td className="num">{judgement.expected != null ? fmt(judgement.expected) : '—'}</td>
              <td className="num">{formatPercent(judgement.attainment)}</td>
              <td>
                <StatusBadge status={judgement.status} />
              </td>
              <td className="doc">
                {target.docId}
                {target.clause ?? ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
