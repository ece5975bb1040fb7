/**
 * The number and date formats of a language, for e-mails and PDFs. Intl formatters are costly to
 * make and free to reuse (making one per number was a tenth of a notice's CPU), so each language
 * gets its set once. Dates are shown in UTC, the time zone the platform records them in.
 */
export interface LocaleFormats {
  money: Intl.NumberFormat;
  twoDecimals: Intl.NumberFormat;
  /** Up to two decimals (e-mails); `percentTwoDecimals` always shows two (PDF tables). */
  percent: Intl.NumberFormat;
  percentTwoDecimals: Intl.NumberFormat;
  day: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  /** Date and time on the clock of a time zone, with its abbreviation (a buyer's time limit). */
  zoned: (timeZone: string) => Intl.DateTimeFormat;
}

const byTag = new Map<string, LocaleFormats>();

/** One formatter per time zone, made when first asked for. */
function zonedFormats(tag: string) {
  const byZone = new Map<string, Intl.DateTimeFormat>();
  return (timeZone: string) => {
    let format = byZone.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(tag, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZone,
        timeZoneName: 'short',
      });
      byZone.set(timeZone, format);
    }
    return format;
  };
}

/** The formats of a platform language: Dutch (`nl`) or, for every other, British English. */
export function localeFormats(language: string): LocaleFormats {
  const tag = language === 'nl' ? 'nl-NL' : 'en-GB';
  let formats = byTag.get(tag);
  if (!formats) {
    formats = {
      money: new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }),
      twoDecimals: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }),
      percentTwoDecimals: new Intl.NumberFormat(tag, {
        style: 'percent',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
      day: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
      zoned: zonedFormats(tag),
    };
    byTag.set(tag, formats);
  }
  return formats;
}
