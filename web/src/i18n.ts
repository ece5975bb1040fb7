import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from './lib/format.js';
import { en } from './locales/en.js';

// English and Dutch; the language is the signed-in user's (from their profile), else the one
// chosen here before, else the browser's; English where a language has no translation. English
// comes with the first load (it is the fallback); another language's words when it is first shown.

const CHOSEN = 'procurement.language';
export const LOCALES: Locale[] = ['en', 'nl'];

const initial = (): Locale => {
  const chosen = localStorage.getItem(CHOSEN);
  if (chosen === 'en' || chosen === 'nl') return chosen;
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
};

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

/** Loads a language's words once, before it is shown. */
async function withWords(locale: Locale): Promise<void> {
  if (locale === 'nl' && !i18n.hasResourceBundle('nl', 'translation')) {
    const { nl } = await import('./locales/nl.js');
    i18n.addResourceBundle('nl', 'translation', nl);
  }
}

async function show(locale: Locale): Promise<void> {
  await withWords(locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

/** The first language shown, its words loaded: the console renders once it is. */
export const languageReady: Promise<void> = show(initial());

/** Switches the console's language (and remembers it for the next visit). */
export function setLanguage(locale: string): void {
  const next: Locale = locale === 'nl' ? 'nl' : 'en';
  localStorage.setItem(CHOSEN, next);
  void show(next);
}

export type TFunction = ReturnType<typeof useTranslation>['t'];

/** The translation function and the current locale, for formatting. */
export function useLocale(): { t: TFunction; locale: Locale } {
  const { t, i18n: instance } = useTranslation();
  return { t, locale: instance.language === 'nl' ? 'nl' : 'en' };
}

export default i18n;
