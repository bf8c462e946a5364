/**
 * The wall screen (foundation): a tile per city-wide target of the year and a chart comparing
 * the districts on one of them. Sized from the viewport so it fills a 1920×1080 screen.
 */
import { useMemo, type CSSProperties } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { WALL_THEME } from '../../charts/theme';
import type { JudgedTarget } from '../../data/model';
import type { Status } from '../../domain/types';
import { AreaComparisonPanel } from '../panels/AreaComparisonPanel';
import { Header } from '../panels/Header';
import { useJudgedTargets } from '../panels/hooks';
import { StatusIcon } from '../panels/StatusBadge';
import { TargetTile } from '../panels/TargetTile';
import { useViewportFont } from '../panels/use-viewport-font';

/**
 * The target the district chart shows: a rate (a floor every district can be read against),
 * preferring the unmet one furthest from its target, since that is where the room's attention should go.
 */
function featured(judged: readonly JudgedTarget[]): JudgedTarget | null {
  const rates = judged.filter((j) => j.indicator.kind === 'rate' && j.judgement.actual != null);
  return (
    rates.filter((j) => j.judgement.status !== 'met').sort((a, b) => (a.judgement.attainment ?? 0) - (b.judgement.attainment ?? 0))[0] ??
    rates[0] ??
    judged.find((j) => j.judgement.actual != null) ??
    null
  );
}

/** Columns and rows for n tiles: at most 4 across; the tiles fill the space and their figures scale with them. */
function tileGrid(n: number): CSSProperties {
  const cols = Math.min(4, Math.max(1, n <= 4 ? n : Math.ceil(n / Math.ceil(n / 4))));
  const rows = Math.ceil(n / cols);
  return { ['--cols' as string]: String(cols), ['--rows' as string]: String(rows) };
}

export function WallView() {
  const { i18n, year } = useDashboard();
  const judged = useJudgedTargets('city');
  const font = useViewportFont(0.02);
  const theme = useMemo(() => ({ ...WALL_THEME, font }), [font]);
  const list = judged.data ?? [];
  const showSample = list.some((j) => j.components?.illustrative);
  const counts = list.reduce<Record<Status, number>>(
    (acc, j) => ({ ...acc, [j.judgement.status]: acc[j.judgement.status] + 1 }),
    { met: 0, on_track: 0, behind: 0, missed: 0, no_data: 0 },
  );
  const feature = featured(list);
  return (
    <main className="wall">
      <Header title={i18n.t('wallTitle')} showSample={showSample}>
        <div className="wall-summary" aria-label={i18n.t('cityTargetsOf', { year })}>
          <span className="wall-year">{i18n.t('cityTargetsOf', { year })}</span>
          {(Object.keys(counts) as Status[])
            .filter((s) => counts[s] > 0)
            .map((s) => (
              <span key={s} className={`wall-count status-${s}`} data-count={s}>
                <StatusIcon status={s} /> {i18n.status(s)} {counts[s]}
              </span>
            ))}
        </div>
      </Header>
      {judged.isPending ? null : list.length === 0 ? (
        <p className="wall-empty">{i18n.t('wallNoTargets')}</p>
      ) : (
        <div className="wall-body">
          <section className="wall-tiles" style={tileGrid(list.length)}>
            {list.map((j) => (
              <TargetTile key={j.target.targetId} judged={j} />
            ))}
          </section>
          {feature && (
            <section className="wall-chart">
              <AreaComparisonPanel judged={feature} theme={theme} name="wall-districts" hideWhenEmpty />
            </section>
          )}
        </div>
      )}
    </main>
  );
}
