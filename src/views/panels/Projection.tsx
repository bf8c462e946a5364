/**
 * A target's projection as every surface shows it: the projected figure and its band, the
 * projected status as icon and word, what each remaining month must bring, how the projection was
 * made, and the wall tile's line (预计全年 X（a–b）· 预计达标). The figures are the judged target's
 * (domain/projection.ts); this file only writes them.
 */
import { useDashboard } from '../../app/dashboard-context';
import type { Translator } from '../../app/i18n/translator';
import type { Lang } from '../../app/url-state';
import { formatGap, formatNumber, formatPercent, formatValue } from '../../domain/format';
import { isCap } from '../../domain/judge';
import { neededShown, projectedShown } from '../../domain/projection';
import { horizonText, monthText, projectionHorizon } from '../../domain/projection-text';
import type { JudgedTarget } from '../../domain/types';
import { StatusIcon } from './StatusBadge';

/** The projected figure with its unit, '—' without a projection. */
export function projectedText(j: JudgedTarget, lang: Lang): string {
  const p = j.projection;
  return p ? formatValue(projectedShown(p.value, j.indicator.kind), j.indicator.unit, lang) : '—';
}

/** The band as 「9900–1.07万」; null when there is none or its ends read the same. */
export function bandText(j: JudgedTarget, lang: Lang): string | null {
  const band = j.projection?.band;
  if (!band) return null;
  const [low, high] = [band.low, band.high].map((v) => formatNumber(projectedShown(v, j.indicator.kind), lang));
  return low === high ? null : `${low}–${high}`;
}

/**
 * What each remaining month must bring (at most, for a cap), in whole units; null where it does not
 * apply. `capMark` writes a cap's allowance as 「≤ 100人」 where no label says "at most".
 */
export function neededText(j: JudgedTarget, lang: Lang, capMark = false): string | null {
  const n = j.projection?.neededMonthly;
  if (n == null) return null;
  const text = formatValue(neededShown(n, j.target.comparator), j.indicator.unit, lang);
  return capMark && isCap(j.target.comparator) ? `≤ ${text}` : text;
}

/** 「每月需完成」 or, for a cap, 「每月至多」. */
export const neededLabel = (j: JudgedTarget, i18n: Translator, short = false) =>
  isCap(j.target.comparator) ? i18n.t(short ? 'allowedShort' : 'allowedMonthly') : i18n.t(short ? 'neededShort' : 'neededMonthly');

/** Which projection is shown and why (按去年同期进度 / 按线性外推（去年无同期数据）…). */
export function methodText(j: JudgedTarget, i18n: Translator): string | null {
  const p = j.projection;
  if (!p) return null;
  const { unit } = j.indicator;
  const fmt = (v: number | null) => formatValue(v, unit, i18n.lang);
  const { elapsed, due } = p.lastYear;
  const months = { m: p.monthsElapsed, M: p.monthsToDue };
  switch (p.method) {
    case 'seasonal':
      return i18n.t('methodSeasonal', { ...months, ly: fmt(elapsed), lyDue: fmt(due), share: formatPercent((100 * elapsed!) / due!) });
    case 'linear':
      return elapsed != null && due != null && elapsed <= 0 ? i18n.t('methodLinearZero', months) : i18n.t('methodLinearNoLastYear');
    case 'last_year_change':
      return i18n.t('methodChange', { ...months, ly: fmt(elapsed), lyDue: fmt(due), change: formatGap(due! - elapsed!, unit, i18n.lang) });
    case 'unchanged':
      return i18n.t('methodUnchanged');
    case 'final':
      return i18n.t('methodFinal');
  }
}

/**
 * The projected status as icon and word (预计达标 / 预计未达标), one unbreakable unit; `short` gives the
 * bare status word (达标 / 未达标) where a heading already says it is projected.
 */
export function ProjectedBadge({ status, short = false }: { status: 'met' | 'missed'; short?: boolean }) {
  const { i18n } = useDashboard();
  const word = short ? i18n.status(status) : i18n.t(status === 'met' ? 'projectedMet' : 'projectedMissed');
  return (
    <span className={`status status-${status} projected`} data-projected-label={status}>
      <StatusIcon status={status} />
      <span className="status-word">{word}</span>
    </span>
  );
}

/**
 * The wall tile's line: 预计全年 9900人（9900–1.07万）· 预计未达标. In a narrow tile it says the same in
 * fewer words (预计 9900人 · 未达标), so it keeps to one line beside everything else the tile holds
 * (styles.css chooses by the tile's width). Nothing for a target already due or without a projection.
 */
export function ProjectionLine({ judged }: { judged: JudgedTarget }) {
  const { i18n } = useDashboard();
  const p = judged.projection;
  if (!p || p.method === 'final') return null;
  const band = bandText(judged, i18n.lang);
  const h = projectionHorizon(judged.target.dueDate, judged.target.year);
  const label = 'year' in h ? i18n.t('projectedYearShort') : i18n.t('projectedByShort', { month: monthText(h.month, i18n.lang) });
  const either = (long: string, short: string) => (
    <>
      <span className="proj-long">{long}</span>
      <span className="proj-short">{short}</span>
    </>
  );
  return (
    <p className="tile-projection" data-projection-line="">
      <span className="proj-label">{either(label, i18n.t('projectedTiny'))}</span> <strong>{projectedText(judged, i18n.lang)}</strong>
      {band && <span className="proj-band">{i18n.lang === 'zh' ? `（${band}）` : ` (${band})`}</span>}
      {p.status && (
        <span className="proj-outlook">
          {' · '}
          <span className={`status status-${p.status} projected`} data-projected-label={p.status}>
            <StatusIcon status={p.status} />
            <span className="status-word">{either(i18n.t(p.status === 'met' ? 'projectedMet' : 'projectedMissed'), i18n.status(p.status))}</span>
          </span>
        </span>
      )}
    </p>
  );
}

/**
 * The projection in a target's facts (a <dl>'s rows): the figure, band and projected status, which
 * projection it is and why, and what each remaining month must bring. Nothing for a target already due.
 */
export function ProjectionFacts({ judged }: { judged: JudgedTarget }) {
  const { i18n } = useDashboard();
  const p = judged.projection;
  if (!p || p.method === 'final') return null;
  const band = bandText(judged, i18n.lang);
  const needed = neededText(judged, i18n.lang);
  const reach = horizonText(judged.target.dueDate, judged.target.year, i18n.lang);
  return (
    <>
      <div data-detail-projection="">
        <dt>{i18n.t('projectedFor', { reach })}</dt>
        <dd>
          {projectedText(judged, i18n.lang)}
          {band && (i18n.lang === 'zh' ? `（${i18n.t('projectionBand')} ${band}）` : ` (${i18n.t('projectionBand').toLowerCase()} ${band})`)}{' '}
          {p.status && <ProjectedBadge status={p.status} />}
        </dd>
      </div>
      <div>
        <dt>{i18n.t('projectionBasis')}</dt>
        <dd data-projection-method={p.method}>{methodText(judged, i18n)}</dd>
      </div>
      {needed != null && (
        <div>
          <dt>{neededLabel(judged, i18n)}</dt>
          <dd data-detail-needed="">{needed}</dd>
        </div>
      )}
    </>
  );
}
