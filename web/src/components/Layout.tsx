import logoEn from '@ecl/preset-ec/dist/images/logo/positive/logo-ec--en.svg?url';
import logoNl from '@ecl/preset-ec/dist/images/logo/positive/logo-ec--nl.svg?url';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LOCALES, setLanguage, useLocale } from '../i18n.js';
import { useSession } from '../session.js';
import { Icon } from './ui.js';

/** Every page: the skip link, the Commission's site header with language and sign-in, the footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, locale } = useLocale();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <a className="ecl-skip-link" href="#main">
        {t('site.skip')}
      </a>
      <header className="ecl-site-header">
        <div className="ecl-site-header__header">
          <div className="ecl-site-header__container ecl-container">
            <div className="ecl-site-header__top">
              <Link
                className="ecl-link ecl-link--standalone ecl-site-header__logo-link"
                to="/"
                aria-label={t('nav.board')}
              >
                <img
                  className="ecl-site-header__logo-image"
                  src={locale === 'nl' ? logoNl : logoEn}
                  alt={t('site.owner')}
                />
              </Link>
              <div className="ecl-site-header__action">
                <div className="ecl-site-header__language">
                  <label className="ecl-form-label ecl-u-sr-only" htmlFor="language">
                    {t('nav.language')}
                  </label>
                  <div className="ecl-select__container ecl-select__container--s">
                    <select
                      id="language"
                      className="ecl-select"
                      value={locale}
                      onChange={(e) => setLanguage(e.target.value)}
                    >
                      {LOCALES.map((l) => (
                        <option key={l} value={l}>
                          {l === 'nl' ? 'Nederlands (nl)' : 'English (en)'}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <div className="ecl-site-header__login-container">
                  {user ? (
                    <span className="ecl-u-d-inline-flex ecl-u-align-items-center">
                      <span className="ecl-u-mr-s ecl-u-type-paragraph-s">
                        {t('nav.account', { name: user.name })}
                      </span>
                      {user.role === 'vendor' ? (
                        <Link
                          className="ecl-link ecl-link--standalone ecl-u-mr-s"
                          to="/account/subscriptions"
                        >
                          {t('subscriptions.nav')}
                        </Link>
                      ) : null}
                      {user.role === 'entity-representative' ? (
                        <Link className="ecl-link ecl-link--standalone ecl-u-mr-s" to="/consortia">
                          {t('consortia.nav')}
                        </Link>
                      ) : null}
                      {user.role === 'review-body' || user.role === 'vendor' ? (
                        <Link className="ecl-link ecl-link--standalone ecl-u-mr-s" to="/review">
                          {t('review.nav')}
                        </Link>
                      ) : null}
                      {user.role === 'procurement-officer' || user.role === 'admin' ? (
                        <Link className="ecl-link ecl-link--standalone ecl-u-mr-s" to="/desk">
                          {t('desk.nav')}
                        </Link>
                      ) : null}
                      {user.role === 'admin' ? (
                        <Link className="ecl-link ecl-link--standalone ecl-u-mr-s" to="/admin">
                          {t('admin.nav')}
                        </Link>
                      ) : null}
                      <Link className="ecl-link ecl-link--standalone ecl-u-mr-s" to="/notices">
                        {t('notices.nav')}
                      </Link>
                      <Link className="ecl-link ecl-link--standalone ecl-u-mr-s" to="/account">
                        {t('account.nav')}
                      </Link>
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
                    </span>
                  ) : (
                    <Link className="ecl-button ecl-button--secondary" to="/sign-in">
                      <Icon name="log-in" /> {t('nav.signIn')}
                    </Link>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="ecl-site-header__banner">
          <div className="ecl-container">
            <div className="ecl-site-header__site-name">{t('site.name')}</div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="ecl-site-footer ecl-u-mt-2xl">
        <div className="ecl-container ecl-site-footer__container">
          <div className="ecl-site-footer__row">
            <div className="ecl-site-footer__column">
              <div className="ecl-site-footer__section">
                <p className="ecl-site-footer__description">{t('footer.about')}</p>
                <a
                  className="ecl-link ecl-link--standalone ecl-link--inverted ecl-site-footer__link"
                  href="/docs"
                >
                  {t('footer.api')}
                </a>
              </div>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
