/** The header both views share: title, as-of month, sample badge, view and language switches. */
import type { ReactNode } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { formatPeriod } from '../../domain/period';
import { SampleBadge } from './SampleBadge';

export function Header({ title, showSample, children }: { title: string; showSample: boolean; children?: ReactNode }) {
  const { i18n, asOf, state, setState, offline } = useDashboard();
  return (
    <header className="header">
      <div className="header-title">
        <h1>{title}</h1>
        <SampleBadge show={showSample} />
        {offline && (
          <span className="stale-badge" data-offline-badge="" role="status">
            {i18n.t('offlineData')}
          </span>
        )}
      </div>
      {children}
      <div className="header-meta">
        <span className="as-of" data-as-of={formatPeriod(asOf)}>
          {i18n.t('asOf')} <strong>{formatPeriod(asOf)}</strong>
        </span>
        <nav className="header-switches" aria-label="view">
          <button
            type="button"
            className="switch"
            onClick={() => setState({ view: state.view === 'wall' ? 'analyst' : 'wall' })}
          >
            {state.view === 'wall' ? i18n.t('viewAnalyst') : i18n.t('viewWall')}
          </button>
          <button type="button" className="switch" lang={state.lang === 'zh' ? 'en' : 'zh'} onClick={() => setState({ lang: state.lang === 'zh' ? 'en' : 'zh' })}>
            {i18n.t('language')}
          </button>
        </nav>
      </div>
    </header>
  );
}
