import { Link } from 'react-router-dom';
import { Instant, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { ResolutionObject } from '../consortia/ConsortiumResolutions.js';
import { useHome } from './home-types.js';

/** The open resolutions of the representative's consortia that its organisation has not voted on. */
export function VotesWaiting() {
  const { t } = useLocale();
  const votes = useHome().data?.consortia?.votes;
  if (!votes) return null;
  return (
    <Section id="home-votes" title={t('home.votes')}>
      {votes.length ? (
        <table className="ecl-table ecl-table--zebra">
          <TableHead
            columns={[
              t('home.resolution'),
              t('consortia.approvesColumn'),
              t('home.consortium'),
              t('home.proposed'),
              t('consortia.votingDeadline'),
            ]}
          />
          <tbody className="ecl-table__body">
            {votes.map((v) => (
              <tr className="ecl-table__row" key={v.resolutionId}>
                <td className="ecl-table__cell">
                  <Link
                    className="ecl-link"
                    to={`/consortia/${v.consortiumId}/resolutions/${v.resolutionId}`}
                  >
                    {v.subject}
                  </Link>
                </td>
                <td className="ecl-table__cell">
                  <ResolutionObject object={v.object} />
                </td>
                <td className="ecl-table__cell">{v.consortium}</td>
                <td className="ecl-table__cell">
                  <Instant iso={v.createdAt} />
                </td>
                <td className="ecl-table__cell">
                  {v.votingDeadline ? <Instant iso={v.votingDeadline} /> : t('consortia.noDeadline')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">{t('home.noVotes')}</p>
      )}
    </Section>
  );
}
