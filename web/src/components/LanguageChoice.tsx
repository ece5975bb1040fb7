import { useEffect, useRef, useState } from 'react';
import { LOCALES, setLanguage, useLocale } from '../i18n.js';
import { Icon } from './ui.js';

const NAMES: Record<string, string> = { en: 'English', nl: 'Nederlands' };

/**
 * The site header's language: its short code beside the language icon, opening the list of
 * languages (each named in itself); Escape or a choice closes it and gives the focus back.
 */
export function LanguageChoice() {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (open) list.current?.querySelector<HTMLButtonElement>('[aria-current="true"]')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="ecl-site-header__language site-language">
      <button
        ref={button}
        type="button"
        className="ecl-button ecl-button--tertiary site-language__toggle"
        aria-label={`${t('nav.language')}: ${NAMES[locale]}`}
        aria-expanded={open}
        aria-controls="language-list"
        onClick={() => setOpen(!open)}
      >
        <Icon name="global" size="m" />
        <span className="site-language__code">{locale.toUpperCase()}</span>
      </button>
      {open ? (
        <ul
          ref={list}
          id="language-list"
          className="site-language__list"
          aria-label={t('nav.language')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          {LOCALES.map((l) => (
            <li key={l}>
              <button
                type="button"
                lang={l}
                className={`ecl-button ecl-button--tertiary site-language__item${l === locale ? ' site-language__item--active' : ''}`}
                aria-current={l === locale}
                onClick={() => {
                  setLanguage(l);
                  close();
                }}
              >
                <span className="site-language__code">{l.toUpperCase()}</span> {NAMES[l]}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
