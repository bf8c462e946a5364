/** Judged targets as rows of the wall's bullet chart: values formatted once, rates with their counts. */
import type { BulletRow } from '../../charts/build-bullet-option';
import type { Lang } from '../../app/url-state';
import { formatValue, formatValueNear, withFraction } from '../../domain/format';
import { isCap } from '../../domain/judge';
import { STATUS_MARK } from '../../domain/status';
import type { ActualComponents, Area, Indicator, Judgement, Target } from '../../domain/types';
import { areaName, comparatorText, indicatorName } from '../panels/labels';

export interface Judgeable {
  target: Target;
  indicator: Indicator;
  area: Area;
  judgement: Judgement;
  components: ActualComponents | null;
}

/** `statusWord` puts the status in words beside the figures: colour is never the only signal. */
export function bulletRow(j: Judgeable, lang: Lang, opts: { showArea: boolean; suffix?: string; statusWord: (s: Judgeable['judgement']['status']) => string }): BulletRow {
  const { target, indicator, judgement, components, area } = j;
  const unit = indicator.unit;
  const near = formatValueNear(judgement.actual, unit, lang, judgement.target);
  const valueText = indicator.kind === 'rate' ? withFraction(near, components?.numerator, components?.denominator, lang) : near;
  const name = indicatorName(indicator, lang);
  return {
    id: `${target.targetId}@${area.areaCode}`,
    label: `${opts.showArea ? `${areaName(area, lang)} · ` : ''}${name}${opts.suffix ? `（${opts.suffix}）` : ''}`,
    actual: judgement.actual,
    target: judgement.target,
    expected: judgement.expected,
    status: judgement.status,
    cap: isCap(target.comparator),
    valueText,
    targetText: `${judgement.target == null ? '—' : `${comparatorText(target.comparator, lang)} ${formatValue(judgement.target, unit, lang)}`}  ${STATUS_MARK[judgement.status]} ${opts.statusWord(judgement.status)}`,
  };
}
