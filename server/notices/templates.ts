import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { localeFormats } from '../locale-format.js';
import { projectRoot } from '../paths.js';

/** The languages with their own templates; every other one falls back to English. */
export const noticeLocales = ['en', 'nl'] as const;
export type NoticeLocale = (typeof noticeLocales)[number];
const dir = path.join(projectRoot, 'templates', 'email');

/** The template language for a person's preferred language. */
export function localeFor(language: string | undefined): NoticeLocale {
  return (noticeLocales as readonly string[]).includes(language ?? '') ? (language as NoticeLocale) : 'en';
}

/** Formatting helpers every template may use; each takes the locale from the root data. */
function helpers(locale: string) {
  const f = localeFormats(locale);
  return {
    money: (cents: unknown) => f.money.format(Number(cents) / 100),
    date: (iso: unknown) => `${f.dateTime.format(new Date(String(iso)))} UTC`,
    day: (iso: unknown) => f.day.format(new Date(String(iso))),
    /** An instant as the clock of a time zone shows it, with the zone: `{{zoned standstillEndsAt timeZone}}`. */
    zoned: (iso: unknown, zone: unknown) =>
      `${f.zoned(String(zone)).format(new Date(String(iso)))} (${zone})`,
    percent: (rate: unknown) => f.percent.format(Number(rate)),
    fixed: (n: unknown) => f.twoDecimals.format(Number(n)),
    eq: (a: unknown, b: unknown) => a === b,
    known: (v: unknown) => v !== null && v !== undefined,
    /** A value recorded in each language (`{en, nl}`): the one of this locale, else English. */
    local: (v: unknown) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
      const byLocale = v as Record<string, unknown>;
      return byLocale[locale] ?? byLocale.en;
    },
  };
}

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
  html: Handlebars.TemplateDelegate;
}
const compiled = new Map<string, Compiled>();
let layout: Handlebars.TemplateDelegate | undefined;

/** Reads `<name>.<locale>.txt`: the first line is `Subject: …`, the rest after a blank line is the body. */
function load(name: string, locale: NoticeLocale): Compiled {
  const id = `${name}.${locale}`;
  const cached = compiled.get(id);
  if (cached) return cached;
  const source = readFileSync(path.join(dir, `${id}.txt`), 'utf8');
  const match = /^Subject: (.*)\r?\n\r?\n([\s\S]*)$/.exec(source);
  if (!match?.[1] || match[2] === undefined)
    throw new Error(`templates/email/${id}.txt must start with "Subject: "`);
  const result = {
    subject: Handlebars.compile(match[1], { noEscape: true, strict: true }),
    text: Handlebars.compile(match[2], { noEscape: true, strict: true }),
    // The HTML body is the same text with every value escaped, laid out in paragraphs.
    html: Handlebars.compile(match[2], { strict: true }),
  };
  compiled.set(id, result);
  return result;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Renders a notice in a locale, with English where that locale has no template. */
export function renderEmail(name: string, language: string, data: Record<string, unknown>): RenderedEmail {
  let locale = localeFor(language);
  let template: Compiled;
  try {
    template = load(name, locale);
  } catch {
    locale = 'en';
    template = load(name, locale);
  }
  const options = { helpers: helpers(locale) };
  const subject = template.subject(data, options).trim();
  const text = template.text(data, options).trim();
  layout ??= Handlebars.compile(readFileSync(path.join(dir, 'layout.html'), 'utf8'));
  const paragraphs = template
    .html(data, options)
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${p.replace(/\r?\n/g, '<br>\n')}</p>`)
    .join('\n');
  return { subject, text: `${text}\n`, html: layout({ subject, body: paragraphs, lang: locale }) };
}
