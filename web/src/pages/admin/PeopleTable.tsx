import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { User } from '../../api/types.js';
import { Notice, ProblemNotice } from '../../components/feedback.js';
import { TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { dateTime } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';

// An organisation's people as the administrator sees them: each account's state and what may be
// done with it, which is never to set a password nor an address.

type AccountAction = 'invitation' | 'force-reset' | 'disable' | 'enable';
const LABEL = {
  invitation: 'people.resend',
  'force-reset': 'people.forceReset',
  disable: 'people.disable',
  enable: 'people.enable',
} as const;
const DONE = {
  invitation: 'people.resent',
  'force-reset': 'people.reset',
  disable: 'people.disabled',
  enable: 'people.enabled',
} as const;

/** What an administrator may do with an account: never set its password nor its address. */
function actionsFor(u: User): AccountAction[] {
  if (u.status === 'disabled') return ['enable'];
  if (u.status === 'invited') return ['invitation', 'disable'];
  return ['force-reset', 'disable'];
}

/** Whether a person has chosen their password, and until when an invitation waits. */
function AccountStatus({ user }: { user: User }) {
  const { t, locale } = useLocale();
  if (user.status === 'invited') {
    const until = user.invitation?.expiresAt;
    if (!until || new Date(until).getTime() < Date.now()) return <>{t('people.statuses.invitedExpired')}</>;
    return <>{t('people.statuses.invited', { until: dateTime(until, locale) })}</>;
  }
  return <>{user.status === 'disabled' ? t('people.statuses.disabled') : t('people.statuses.active')}</>;
}

/** The people of an organisation, with their accounts' states and the administrator's actions. */
export function PeopleTable({ people }: { people: User[] }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const act = useMutation({
    mutationFn: ({ user, action }: { user: User; action: AccountAction }) =>
      must(
        api.POST(`/api/v1/users/{userId}/${action}`, { params: { path: { userId: user.id } } }),
      ) as Promise<User>,
    onSuccess: () => queries.invalidateQueries({ queryKey: ['users'] }),
  });
  const done = act.data && act.variables;
  return (
    <>
      {act.error instanceof ProblemError ? <ProblemNotice problem={act.error} /> : null}
      {done ? <Notice variant="success" title={t(DONE[done.action], { name: done.user.name })} /> : null}
      <table className="ecl-table ecl-table--zebra ecl-u-mb-m">
        <TableHead
          columns={[
            t('admin.name'),
            t('admin.email'),
            t('admin.role'),
            t('admin.language'),
            t('people.status'),
            t('people.actions'),
          ]}
        />
        <tbody className="ecl-table__body">
          {people.map((u) => (
            <tr className="ecl-table__row" key={u.id}>
              <td className="ecl-table__cell">{u.name}</td>
              <td className="ecl-table__cell">{u.email}</td>
              <td className="ecl-table__cell">{t(`admin.roles.${u.role}`)}</td>
              <td className="ecl-table__cell">{u.language}</td>
              <td className="ecl-table__cell">
                <AccountStatus user={u} />
              </td>
              <td className="ecl-table__cell">
                {actionsFor(u).map((action) => (
                  <button
                    key={action}
                    type="button"
                    className="ecl-button ecl-button--secondary ecl-u-mr-xs ecl-u-mb-xs"
                    disabled={act.isPending}
                    aria-label={`${t(LABEL[action])}: ${u.name}`}
                    onClick={() => act.mutate({ user: u, action })}
                  >
                    {t(LABEL[action])}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
