/** A status as icon + word + colour: never colour alone. */
import type { Status } from '../../domain/types';
import { STATUS_COLOR } from '../../domain/status';
import { useDashboard } from '../../app/dashboard-context';

const ICON: Record<Status, string> = {
  met: 'M4 12.5l5 5L20 6.5',
  on_track: 'M4 12h13M12 6l6 6-6 6',
  behind: 'M12 4v9M12 17.5v1.5',
  missed: 'M6 6l12 12M18 6L6 18',
  no_data: 'M5 12h14',
};

export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg className="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill={STATUS_COLOR[status]} />
      <path d={ICON[status]} stroke="#0b1620" strokeWidth="2.6" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const { i18n } = useDashboard();
  return (
    <span className={`status status-${status}`} data-status-label={status}>
      <StatusIcon status={status} />
      <span className="status-word">{i18n.status(status)}</span>
    </span>
  );
}
