import { Link } from 'react-router-dom';
import type { Consortium, Resolution } from '../../api/consortium-types.js';
import { Instant, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { percent } from '../../lib/format.js';
import { ProposeResolution } from './ProposeResolution.js';
import { useResolutions } from './use-resolutions.js';

/**
 * A consortium's resolutions: each with what it approves, when it was proposed, its voting deadline,
 * its outcome and its yes-weight; and proposing one.
 */
export function ConsortiumResolutions({ consortium }: { consortium: Consortium }) {
  const { t, locale } = useLocale();
  const resolutions = useResolutions(consortium.id, 5_000);
  const items = resolutions.data?.items ?? [];
  return (
    <Section id="resolutions" title={t('consortia.resolutions')} className="ecl-u-mb-xl">
      {items.length ? (
        <table className="ecl-table ecl-table--zebra ecl-u-mb-l">
          <TableHead
            columns={[
              t('consortia.subject'),
              t('consortia.approvesColumn'),
              t('consortia.proposedOn'),
              t('consortia.votingDeadline'),
              t('consortia.outcome'),
              t('resolution.choice.yes'),
            ]}
          />
          <tbody className="ecl-table__body">
            {items.map((r) => (
              <tr className="ecl-table__row" key={r.id}>
                <td className="ecl-table__cell">
                  <Link className="ecl-link" to={`/consortia/${consortium.id}/resolutions/${r.id}`}>
                    {r.subject}
                  </Link>
                </td>
                <td className="ecl-table__cell">
                  <ResolutionObject object={r.object} />
                </td>
                <td className="ecl-table__cell">
                  <Instant iso={r.createdAt} />
                </td>
                <td className="ecl-table__cell">
                  {r.votingDeadline ? <Instant iso={r.votingDeadline} /> : t('consortia.noDeadline')}
                </td>
                <td className="ecl-table__cell">
                  {t(`resolution.outcome.${r.outcome}`)}
                  {r.closedAtDeadline ? ` (${t('consortia.closedAtDeadline')})` : ''}
                </td>
                <td className="ecl-table__cell">{percent(r.tally.yes, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">{t('consortia.noResolutions')}</p>
      )}
      <ProposeResolution consortium={consortium} />
    </Section>
  );
}

/** What a resolution approves, by its kind, reference and title as proposed; or nothing. */
export function ResolutionObject({ object }: { object: Resolution['object'] }) {
  const { t } = useLocale();
  if (!object) return <>{t('consortia.approvesNothing')}</>;
  return (
    <div className="ecl-u-type-paragraph">
      <div className="ecl-u-type-paragraph-s">{t(`consortia.objectKind.${object.kind}`)}</div>
      <strong>{object.reference}</strong> — {object.title}
    </div>
  );
}
