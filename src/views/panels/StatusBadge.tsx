/** A status as icon + word + colour: never colour alone. */
import type { Status } from '../../domain/types';
import { STATUS_COLOR, type StatusReading } from '../../domain/status';
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

/**
 * `reading` (domain/status.ts statusReading) gives the words for a status before its due month
 * (当前达标 · 截至9月); the colour, the mark and data-status-label stay the status's.
 */
export function StatusBadge({ status, reading }: { status: Status; reading?: { reading: StatusReading; month: number | null } }) {
  const { i18n } = useDashboard();
  const r = i18n.reading(reading ?? { reading: status, month: null });
  return (
    <span className={`status status-${status}`} data-status-label={status} data-reading={reading?.reading ?? status}>
      <StatusIcon status={status} />
      <span className="status-word">{r.word}</span>
      {r.when && <span className="status-when">{r.when}</span>}
    </span>
  );
}
