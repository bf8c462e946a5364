/** 示例数据: shown wherever a figure on screen comes from an illustrative row. */
import { useDashboard } from '../../app/dashboard-context';

export function SampleBadge({ show }: { show: boolean }) {
  const { i18n } = useDashboard();
  if (!show) return null;
  return (
    <span className="sample-badge" data-sample-badge="" title={i18n.t('sampleBadgeTitle')}>
      {i18n.t('sampleBadge')}
    </span>
  );
}
