import type { Ground } from '../api/types.js';
import type { TFunction } from '../i18n.js';
import { fixed, type Locale } from '../lib/format.js';

/** A ground in the reader's language, numbers to two decimals. */
export function groundText(g: Ground, t: TFunction, locale: Locale): string {
  switch (g.code) {
    case 'excluded':
    case 'not-selected':
      return t(`grounds.${g.code}`, { reason: g.reason ?? t('grounds.noReason') });
    case 'criterion-not-scored':
      return t('grounds.criterion-not-scored', { criterion: g.criterion });
    case 'criterion-below-threshold':
      return t('grounds.criterion-below-threshold', {
        criterion: g.criterion,
        mean: fixed(g.mean, locale),
        threshold: g.threshold,
      });
    case 'quality-below-threshold':
      return t('grounds.quality-below-threshold', {
        quality: fixed(g.quality, locale),
        threshold: fixed(g.threshold, locale),
      });
    case 'recorded':
      return g.reason;
    default:
      return t(`grounds.${g.code}`);
  }
}
