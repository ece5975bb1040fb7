import { localeFormats } from '../locale-format.js';

/**
 * Why a bid was eliminated, flagged or not awarded, as data: the evaluation records these, the
 * award letter and the console put them into the reader's language. The officer's own reason for
 * a failed check is quoted as written.
 */
export type Ground =
  | { code: 'excluded'; reason: string | null }
  | { code: 'not-selected'; reason: string | null }
  | { code: 'criterion-not-scored'; criterion: string }
  | { code: 'criterion-below-threshold'; criterion: string; mean: number; threshold: number }
  | { code: 'quality-below-threshold'; quality: number; threshold: number }
  | { code: 'abnormally-low-mean' }
  | { code: 'abnormally-low-next' }
  | { code: 'outranked' }
  /** A reason recorded in words only (evaluations computed before grounds were data). */
  | { code: 'recorded'; reason: string };

export const groundLanguages = ['en', 'nl'] as const;
type Language = (typeof groundLanguages)[number];

const wording: Record<Language, (g: Ground, n: (x: number) => string) => string> = {
  en: (g, n) => {
    switch (g.code) {
      case 'excluded':
        return `Exclusion grounds apply: ${g.reason ?? 'no reason recorded'}.`;
      case 'not-selected':
        return `Selection criteria are not met: ${g.reason ?? 'no reason recorded'}.`;
      case 'criterion-not-scored':
        return `${g.criterion} is not scored.`;
      case 'criterion-below-threshold':
        return `${g.criterion}: ${n(g.mean)} is below the threshold of ${g.threshold}.`;
      case 'quality-below-threshold':
        return `Quality ${n(g.quality)} is below the threshold of ${n(g.threshold)} points.`;
      case 'abnormally-low-mean':
        return 'The price is at least 40 % below the mean of the other admissible bids.';
      case 'abnormally-low-next':
        return 'The price is at least 30 % below the next-ranked bid.';
      case 'outranked':
        return 'Another bid obtained a higher total score.';
      case 'recorded':
        return g.reason;
    }
  },
  nl: (g, n) => {
    switch (g.code) {
      case 'excluded':
        return `Er zijn uitsluitingsgronden van toepassing: ${g.reason ?? 'geen reden vastgelegd'}.`;
      case 'not-selected':
        return `Niet voldaan aan de selectiecriteria: ${g.reason ?? 'geen reden vastgelegd'}.`;
      case 'criterion-not-scored':
        return `${g.criterion} is niet gescoord.`;
      case 'criterion-below-threshold':
        return `${g.criterion}: ${n(g.mean)} ligt onder de drempel van ${g.threshold}.`;
      case 'quality-below-threshold':
        return `Kwaliteit ${n(g.quality)} ligt onder de drempel van ${n(g.threshold)} punten.`;
      case 'abnormally-low-mean':
        return 'De prijs ligt ten minste 40 % onder het gemiddelde van de andere aanvaardbare inschrijvingen.';
      case 'abnormally-low-next':
        return 'De prijs ligt ten minste 30 % onder die van de volgende in de rangschikking.';
      case 'outranked':
        return 'Een andere inschrijving behaalde een hogere totaalscore.';
      case 'recorded':
        return g.reason;
    }
  },
};

/** One ground in words, in Dutch or (for every other language) English; numbers to two decimals. */
export function groundText(g: Ground, language: string): string {
  const lang: Language = language === 'nl' ? 'nl' : 'en';
  // English keeps the point as the decimal mark in every case, as the recorded reasons always had.
  const n =
    lang === 'en' ? (x: number) => x.toFixed(2) : (x: number) => localeFormats(lang).twoDecimals.format(x);
  return wording[lang](g, n);
}

/** The grounds in each platform language, for a notice rendered in its recipient's. */
export function groundsInWords(grounds: Ground[]): Record<Language, string[]> {
  return {
    en: grounds.map((g) => groundText(g, 'en')),
    nl: grounds.map((g) => groundText(g, 'nl')),
  };
}

/** Why a bid did not win: its own grounds, or (recorded before grounds were data) its reasons, or its rank. */
export function rejectionGrounds(own: { grounds?: Ground[]; reasons: string[] } | undefined): Ground[] {
  if (own?.grounds?.length) return own.grounds;
  if (own?.reasons.length) return own.reasons.map((reason) => ({ code: 'recorded', reason }));
  return [{ code: 'outranked' }];
}
