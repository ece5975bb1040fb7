import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from './lib/format.js';
import { en } from './locales/en.js';
import { nl } from './locales/nl.js';

// English and Dutch; the language is the signed-in user's (from their profile), else the one
// chosen here before, else the browser's; English where a language has no translation.

const CHOSEN = 'procurement.language';
export const LOCALES: Locale[] = ['en', 'nl'];

const initial = (): Locale => {
  const chosen = localStorage.getItem(CHOSEN);
  if (chosen === 'en' || chosen === 'nl') return chosen;
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
};

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: initial(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** Switches the console's language (and remembers it for the next visit). */
export function setLanguage(locale: string): void {
  const next: Locale = locale === 'nl' ? 'nl' : 'en';
  localStorage.setItem(CHOSEN, next);
  document.documentElement.lang = next;
  void i18n.changeLanguage(next);
}

export type TFunction = ReturnType<typeof useTranslation>['t'];

/** The translation function and the current locale, for formatting. */
export function useLocale(): { t: TFunction; locale: Locale } {
  const { t, i18n: instance } = useTranslation();
  return { t, locale: instance.language === 'nl' ? 'nl' : 'en' };
}

export default i18n;
