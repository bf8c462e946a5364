/** The selected target: provenance to the clause, how its actual was read, where it is heading, and its charts. */
import { useDashboard } from '../../app/dashboard-context';
import type { JudgedTarget } from '../../domain/types';
import { figuresOf } from '../../domain/analysis';
import { formatGap, formatValue, withFraction } from '../../domain/format';
import { allocationCheck } from '../../domain/allocation';
import { noActualReason } from '../../domain/judge';
import { AreaComparisonPanel } from '../panels/AreaComparisonPanel';
import { areaName, comparatorText, indicatorName } from '../panels/labels';
import { MonthlyPanel } from '../panels/MonthlyPanel';
import { SampleBadge } from '../panels/SampleBadge';
import { shownSources } from '../../domain/sources';
import { AreaLine, PaceText, RowStatus } from './row-parts';
import { useAnalystTheme } from './use-analyst-theme';
import { OwnerLine } from '../panels/OwnerLine';
import { ProjectionFacts } from '../panels/Projection';

export function TargetDetail({ judged, onArea }: { judged: JudgedTarget; onArea: (areaCode: string) => void }) {
  const { i18n, catalog } = useDashboard();
  const theme = useAnalystTheme();
  const { lang } = i18n;
  const { target, indicator, judgement, components, area } = judged;
  const fmt = (v: number | null) => formatValue(v, indicator.unit, lang);
  // The actual, target and pace in one scale, as in the row (domain/analysis.ts figuresOf).
  const figures = figuresOf(judged, lang);
  const hasChildren = catalog.areas.some((a) => a.parentCode === area.areaCode && a.level !== 'zone');
  const allocation = allocationCheck(target, indicator.kind, catalog.targets, catalog.areas);
  // A few names, then how many in all: a parent may have dozens of sub-areas.
  const areaList = (names: string[]) =>
    names.length <= 4 ? names.join(i18n.t('listSep')) : i18n.t('listMore', { list: names.slice(0, 4).join(i18n.t('listSep')), n: names.length });
  const kindKey = indicator.kind === 'flow' ? 'kindFlow' : indicator.kind === 'level' ? 'kindLevel' : 'kindRate';
  const sources = shownSources(components?.sources ?? []);
  return (
    <section className="detail" aria-labelledby="detail-title" data-detail={target.targetId}>
      <h2 id="detail-title">
        {areaName(area, lang)} · {indicatorName(indicator, lang)} · {target.year}
        <SampleBadge show={components?.illustrative ?? false} />
      </h2>
      {judged.inherited && (
        <p className="detail-inherited">
          <AreaLine judged={judged} /> · {i18n.t('inheritedTitle')}
        </p>
      )}
      <div className="detail-grid">
        <dl className="facts">
          <div>
            <dt>{i18n.t('status')}</dt>
            <dd>
              <RowStatus judged={judged} />
            </dd>
          </div>
          <div>
            <dt>{i18n.t('actual')}</dt>
            <dd>
              {indicator.kind === 'rate' ? withFraction(figures.actual, components?.numerator, components?.denominator, lang) : figures.actual}
            </dd>
          </div>
          <div>
            <dt>{i18n.t('target')}</dt>
            <dd>
              {target.baseline === 'prior_year' ? `${i18n.t('baselinePrior')}: ` : ''}
              {judgement.target == null ? i18n.t('noBaseline') : `${comparatorText(target.comparator, lang)} ${figures.target}`}
            </dd>
          </div>
          <div>
            <dt>{i18n.t('pace')}</dt>
            <dd>
              {indicator.kind === 'flow' ? <PaceText judged={judged} /> : i18n.t(indicator.kind === 'rate' ? 'paceNaRate' : 'paceNaLevel')}
            </dd>
          </div>
          <ProjectionFacts judged={judged} />
          <div>
            <dt>{i18n.t('judgedAt')}</dt>
            <dd>
              {judgement.judgedAt}
              {lang === 'zh' ? `（${i18n.t('dueDate')} ${target.dueDate}）` : ` (${i18n.t('dueDate')} ${target.dueDate})`}
            </dd>
          </div>
          <div>
            <dt>{i18n.t('unitLabel')}</dt>
            <dd>{i18n.t(kindKey)}</dd>
          </div>
          {indicator.kind === 'rate' && (indicator.numeratorZh || indicator.numeratorEn) && (
            <div>
              <dt>
                {i18n.t('numerator')} / {i18n.t('denominator')}
              </dt>
              <dd>
                {lang === 'en' ? (indicator.numeratorEn ?? indicator.numeratorZh) : indicator.numeratorZh} ÷{' '}
                {lang === 'en' ? (indicator.denominatorEn ?? indicator.denominatorZh) : indicator.denominatorZh}
              </dd>
            </div>
          )}
          {noActualReason(indicator.kind, components) && (
            <div data-why="unpooled">
              <dt>{i18n.t('noActual')}</dt>
              <dd>{i18n.t('unpooledLong', { areas: areaList((components?.unpooled ?? []).map((c) => areaName(catalog.areaByCode.get(c), lang) || c)) })}</dd>
            </div>
          )}
          {components?.fromChildren && (
            <div>
              <dt>{i18n.t('fromChildren')}</dt>
              <dd>{components.contributors}</dd>
            </div>
          )}
        </dl>
        <blockquote className="provenance" data-provenance="">
          <p className="doc">
            <strong>{target.docId}</strong> {target.clause ?? ''}
          </p>
          <p className="quote">{target.quote ?? i18n.t('noQuote')}</p>
          <OwnerLine owner={target.owner} />
          {(sources.real.length > 0 || components?.illustrative) && (
            <p className="figure-sources" data-figure-sources="">
              {i18n.t('source')}: {[...sources.real, ...(components?.illustrative ? [i18n.t('illustrativeSource')] : [])].join(lang === 'zh' ? '；' : '; ')}
            </p>
          )}
        </blockquote>
      </div>
      <div className="detail-charts">
        <MonthlyPanel judged={judged} theme={theme} name="analyst-monthly" />
        {hasChildren && <AreaComparisonPanel judged={judged} theme={theme} name="analyst-children" onArea={onArea} scroll />}
      </div>
      {hasChildren && (
        <p className={`allocation ${allocation && !allocation.consistent ? 'warn' : ''}`} data-allocation={allocation ? (allocation.consistent ? 'ok' : 'diff') : 'none'}>
          <strong>{i18n.t('allocationCheck')}</strong>{' '}
          {allocation == null
            ? i18n.t('allocationNone')
            : allocation.consistent
              ? i18n.t('allocationOk', { sum: fmt(allocation.sum), city: fmt(allocation.parent) })
              : i18n.t('allocationDiff', { sum: fmt(allocation.sum), city: fmt(allocation.parent), diff: formatGap(allocation.difference, indicator.unit, lang) })}
          {allocation && allocation.missing.length > 0 && (
            <span className="missing"> （{allocation.missing.map((c) => areaName(catalog.areaByCode.get(c), lang)).join('、')}：—）</span>
          )}
        </p>
      )}
    </section>
  );
}
