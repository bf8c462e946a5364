/** Judged targets as rows of the wall's bullet chart: figures written together (domain/format.ts), rates with their counts. */
import type { BulletRow } from '../../charts/build-bullet-option';
import type { Lang } from '../../app/url-state';
import { figuresOf } from '../../domain/analysis';
import { withFraction } from '../../domain/format';
import { unbreakable } from '../../domain/label-breaks';
import { isCap } from '../../domain/judge';
import { STATUS_MARK } from '../../domain/status';
import type { ActualComponents, Area, Indicator, Judgement, Status, Target } from '../../domain/types';
import { areaName, comparatorText, indicatorName } from '../panels/labels';

export interface Judgeable {
  target: Target;
  indicator: Indicator;
  area: Area;
  judgement: Judgement;
  components: ActualComponents | null;
}

/** A status as one unit that never breaks: mark, no-break space, word ("✕\u00a0未达标", "!\u00a0Behind\u00a0pace"). */
export function statusUnit(status: Status, word: string): string {
  return unbreakable(`${STATUS_MARK[status]} ${word}`);
}

/** `statusWord` puts the status in words beside the figures: colour is never the only signal. */
export function bulletRow(j: Judgeable, lang: Lang, opts: { showArea: boolean; suffix?: string; statusWord: (s: Status) => string }): BulletRow {
  const { target, indicator, judgement, components, area } = j;
  const figures = figuresOf(j, lang);
  const valueText = indicator.kind === 'rate' ? withFraction(figures.actual, components?.numerator, components?.denominator, lang) : figures.actual;
  const name = indicatorName(indicator, lang);
  const suffix = opts.suffix ? (lang === 'zh' ? `（${opts.suffix}）` : ` (${opts.suffix})`) : '';
  return {
    id: `${target.targetId}@${area.areaCode}`,
    label: `${opts.showArea ? `${areaName(area, lang)} · ` : ''}${name}${suffix}`,
    actual: judgement.actual,
    target: judgement.target,
    expected: judgement.expected,
    status: judgement.status,
    cap: isCap(target.comparator),
    valueText,
    // The comparator and the figure stay together: "≥ 100%" never splits.
    targetText: judgement.target == null ? '—' : unbreakable(`${comparatorText(target.comparator, lang)} ${figures.target}`),
    statusText: statusUnit(judgement.status, opts.statusWord(judgement.status)),
  };
}
