import logoEn from '@ecl/preset-ec/dist/images/logo/positive/logo-ec--en.svg?url';
import logoNl from '@ecl/preset-ec/dist/images/logo/positive/logo-ec--nl.svg?url';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLocale } from '../i18n.js';
import { LanguageChoice } from './LanguageChoice.js';
import { SiteMenu } from './SiteMenu.js';
import { useStackedTableLabels } from './stacked-tables.js';

/** Every page: the skip link, the Commission's site header with language and the person's menu, the footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, locale } = useLocale();
  useStackedTableLabels('main');
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
                <LanguageChoice />
                <SiteMenu />
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
