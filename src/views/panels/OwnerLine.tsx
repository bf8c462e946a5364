/** 责任单位 in a target's provenance: who answers for it, as its document names it (or that it names none). */
import { useDashboard } from '../../app/dashboard-context';

export function OwnerLine({ owner }: { owner: string | null | undefined }) {
  const { i18n } = useDashboard();
  return (
    <p className={`owner${owner ? '' : ' owner-none'}`} data-owner={owner ?? ''}>
      <span className="owner-label">{i18n.t('owner')}</span> {owner ?? i18n.t('ownerNone')}
    </p>
  );
}
