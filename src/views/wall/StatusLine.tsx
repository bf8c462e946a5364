/**
 * A line of status counts, each as icon + word + count that never splits ("✕ 未达标 2"): the year's
 * summary above the overview and a district's story above its page.
 */
import type { ReactNode } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { formatCount } from '../../domain/format';
import type { Status, StatusCounts } from '../../domain/types';
import { StatusIcon } from '../panels/StatusBadge';

export function StatusLine({ lead, counts, order, tail, name }: { lead: ReactNode; counts: StatusCounts; order: readonly Status[]; tail?: ReactNode; name: string }) {
  const { i18n } = useDashboard();
  const shown = order.filter((s) => counts[s] > 0);
  return (
    <p className="status-line" data-status-line={name}>
      <span className="status-line-lead">{lead}</span>
      {shown.map((s) => (
        <span key={s} className={`status-count status-${s}`} data-status={s} data-count={counts[s]}>
          <StatusIcon status={s} />
          <span className="status-word">{i18n.status(s)}</span>
          <strong>{formatCount(counts[s], i18n.lang)}</strong>
        </span>
      ))}
      {tail}
    </p>
  );
}
