import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { User } from '../api/types.js';
import { useLocale } from '../i18n.js';
import { useSession } from '../session.js';
import { Icon } from './ui.js';

/**
 * The places each role goes to besides its home (an officer's home is the desk, a representative's
 * its consortia, a review body's its queue: they are not named twice).
 */
const PLACES: { to: string; label: string; roles: User['role'][] }[] = [
  { to: '/account/subscriptions', label: 'subscriptions.nav', roles: ['vendor'] },
  { to: '/review', label: 'review.nav', roles: ['vendor'] },
  { to: '/admin', label: 'admin.nav', roles: ['admin'] },
];

/**
 * The signed-in person's menu: their home, the board, their role's places, notices, account and
 * logging out. On a desktop it sits in the header; on a phone it folds behind a Menu button.
 */
export function SiteMenu() {
  const { t } = useLocale();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setOpen(false), [pathname]);
  if (!user) {
    return (
      <Link className="ecl-button ecl-button--secondary" to="/sign-in">
        <Icon name="log-in" /> {t('nav.signIn')}
      </Link>
    );
  }
  const link = (to: string, label: string) => (
    <li key={to}>
      <Link
        className="ecl-link ecl-link--standalone"
        to={to}
        aria-current={pathname === to ? 'page' : undefined}
      >
        {label}
      </Link>
    </li>
  );
  return (
    <div className="site-menu">
      <button
        type="button"
        className="ecl-button ecl-button--tertiary site-menu__toggle"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen(!open)}
      >
        <Icon name={open ? 'close' : 'hamburger'} size="m" /> {t('nav.menu')}
      </button>
      <nav
        id="site-menu"
        aria-label={t('nav.menu')}
        className={`site-menu__panel${open ? ' site-menu__panel--open' : ''}`}
      >
        <p className="ecl-u-type-paragraph-s site-menu__who">{t('nav.account', { name: user.name })}</p>
        <ul className="site-menu__links">
          {link('/home', t('nav.home'))}
          {link('/', t('nav.board'))}
          {PLACES.filter((p) => p.roles.includes(user.role)).map((p) => link(p.to, t(p.label)))}
          {link('/notices', t('notices.nav'))}
          {link('/account', t('account.nav'))}
          <li>
            <button
              type="button"
              className="ecl-button ecl-button--secondary"
              onClick={() => {
                signOut();
                navigate('/');
              }}
            >
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
      </nav>
    </div>
  );
}
