/**
 * The wall's header answers "what am I looking at, and how fresh is it?": the page, the target year
 * and the month the figures reach (2023年目标 · 数据截至 2023-09), the badges, last refresh, clock and
 * controls. It is two lines high on every page, whatever the page's title, so nothing jumps when
 * the rotation moves on.
 */
import { useEffect, useState } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { decemberOf, formatPeriod } from '../../domain/period';
import { useFitText } from './use-fit-text';
import { SampleBadge } from '../panels/SampleBadge';

const hhmm = (t: number) => new Date(t).toTimeString().slice(0, 5);

function Clock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return (
    <time className="wall-clock" dateTime={new Date(now).toISOString()}>
      {new Date(now).toTimeString().slice(0, 8)}
    </time>
  );
}

export interface WallHeaderProps {
  pageTitle: string;
  showSample: boolean;
  paused: boolean;
  onTogglePause: () => void;
}

export function WallHeader({ pageTitle, showSample, paused, onTogglePause }: WallHeaderProps) {
  const { i18n, asOf, year, loadedAt, refreshError, offline, state, setState } = useDashboard();
  // The figures of a past year reach its December at most: that is the month they are as of.
  const reach = formatPeriod(Math.min(asOf, decemberOf(year)));
  const titleRef = useFitText<HTMLSpanElement>(pageTitle);
  const [full, setFull] = useState(() => document.fullscreenElement != null);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <header className="wall-header">
      <div className="wall-title">
        <h1>{i18n.t('wallTitle')}</h1>
        <span className="wall-page-title" data-page-title="" ref={titleRef}>
          {pageTitle}
        </span>
      </div>
      <div className="wall-when">
        <span className="as-of" data-as-of={formatPeriod(asOf)} data-year={year} data-reach={reach}>
          <strong>{i18n.t('yearAsOf', { year, asof: reach })}</strong>
        </span>
        <span className="wall-badges">
          <SampleBadge show={showSample} />
          {offline && !refreshError && (
            <span className="stale-badge" data-offline-badge="" role="status">
              {i18n.t('offlineData')}
            </span>
          )}
          {refreshError && (
            <span className="stale-badge" data-stale-badge="" role="status">
              {i18n.t('refreshFailed', { time: hhmm(loadedAt) })}
            </span>
          )}
        </span>
      </div>
      <div className="wall-meta">
        <span className="wall-meta-line">
          <span className="refreshed" data-loaded-at={loadedAt}>
            {i18n.t('lastRefresh')} <strong>{hhmm(loadedAt)}</strong>
          </span>
          <Clock />
        </span>
        <nav className="wall-controls" aria-label={i18n.t('controls')}>
          <button type="button" className="switch" data-control="pause" aria-pressed={paused} onClick={onTogglePause}>
            {paused ? i18n.t('resume') : i18n.t('pause')}
          </button>
          <button type="button" className="switch" data-control="fullscreen" onClick={toggleFull}>
            {full ? i18n.t('exitFullscreen') : i18n.t('fullscreen')}
          </button>
          <button type="button" className="switch" lang={state.lang === 'zh' ? 'en' : 'zh'} onClick={() => setState({ lang: state.lang === 'zh' ? 'en' : 'zh' })}>
            {i18n.t('language')}
          </button>
          <button type="button" className="switch" onClick={() => setState({ view: 'analyst' })}>
            {i18n.t('viewAnalyst')}
          </button>
        </nav>
      </div>
    </header>
  );
}
