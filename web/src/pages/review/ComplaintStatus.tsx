import { useLocale } from '../../i18n.js';
import { type ComplaintStatus as Status, statusLabel } from './complaints.js';

/** A complaint's status as a label, in words. */
export function ComplaintStatus({ status }: { status: Status }) {
  const { t } = useLocale();
  return <span className={`ecl-label ${statusLabel(status)}`}>{t(`review.statuses.${status}`)}</span>;
}
