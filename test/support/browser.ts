import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

// Headless Chromium (Debian's package) driving the console of the test run's platform, and the
// accessibility check every page a journey visits must pass (axe-core, WCAG 2.1 A and AA).

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when the browser is here; without it the console's journeys are pending, except in CI, where they fail. */
export const browserAvailable = () => existsSync(CHROMIUM) || process.env.CI === 'true';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(bad, `accessibility of ${what}`).to.deep.equal([]);
}

/**
 * A full-page screenshot, or of one part of a page: into `SCREENSHOTS_DIR` when it is set (the
 * README's pictures are made so: `SCREENSHOTS_DIR=docs/screenshots npm test`), else nowhere.
 */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await ('goto' in target
    ? target.screenshot({ path: file, fullPage: true })
    : target.screenshot({ path: file }));
}

/** A fresh page of its own (its own session and language), for one person of a journey. */
export async function pageFor(browser: Browser, locale: 'en-GB' | 'nl-NL', errors: string[]): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Brussels', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** Signs a person in through the console's form, in the page's language; waits for the greeting. */
export async function signIn(
  page: Page,
  baseUrl: string,
  person: { email: string; password: string; name: string },
  language: 'en' | 'nl' = 'en',
): Promise<void> {
  const words =
    language === 'nl'
      ? { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen', greeting: 'Ingelogd als' }
      : { email: 'E-mail address', password: 'Password', submit: 'Log in', greeting: 'Signed in as' };
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(words.email).fill(person.email);
  await page.getByLabel(words.password).fill(person.password);
  await page.getByRole('button', { name: words.submit }).click();
  await page.getByText(`${words.greeting} ${person.name}`).waitFor();
}

/** The page's own DataTransfer and File (the tests compile without the DOM's types). */
interface PageFiles {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
}

/** Drops files on an element, as files dragged from the desktop would be. */
export async function dropFiles(
  page: Page,
  testId: string,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  const transfer = await page.evaluateHandle(
    (list) => {
      const { DataTransfer, File } = globalThis as unknown as PageFiles;
      const t = new DataTransfer();
      for (const f of list) t.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      return t;
    },
    files.map((f) => ({ name: f.name, type: f.mimeType, bytes: Array.from(f.buffer) })),
  );
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}

/** Presses Tab until the element has the focus, as a keyboard user moves through a page; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === (globalThis as unknown as PageDocument).document.activeElement))
      return;
  }
  throw new Error(`${String(target)} was not reached by ${max} presses of Tab`);
}

interface PageDocument {
  document: { activeElement: unknown };
}

/** An instant as a `datetime-local` field takes it in the test pages' zone (Europe/Brussels), to the second. */
export function localTime(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(ms))
    .replace(' ', 'T');
}

/** Chooses the console's language in the site header: its code opens the list of languages. */
export async function chooseLanguage(page: Page, language: 'en' | 'nl'): Promise<void> {
  await page.getByRole('button', { name: /^(Language|Taal): / }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'NL Nederlands' : 'EN English' }).click();
}

/** The page in Dutch (checked with axe and pictured), then back in English. */
export async function inDutch(page: Page, heading: string, picture: string): Promise<void> {
  await chooseLanguage(page, 'nl');
  await page.getByRole('heading', { name: heading }).first().waitFor();
  await expectAccessible(page, picture);
  await screenshot(page, picture);
  await chooseLanguage(page, 'en');
}

/**
 * What a phone shows wrongly, measured in the page: how wide the page is against the screen (and
 * the deepest elements reaching past it), and the stacked table cells that do not name their column.
 */
const PHONE_FACTS = `(() => {
  const width = document.documentElement.clientWidth;
  const scrolled = document.documentElement.scrollWidth;
  const name = (e) => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' «' + (e.textContent || '').trim().slice(0, 40) + '»';
  const past = scrolled > width
    ? [...document.querySelectorAll('body *')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1);
      }).slice(0, 5).map(name)
    : [];
  const unlabelled = [...document.querySelectorAll('table.ecl-table:not(.ecl-table--simple) > tbody > tr > td')]
    .filter((td) => td.offsetParent !== null && !(td.getAttribute('data-ecl-table-header') || '').trim())
    .slice(0, 5)
    .map((td) => '«' + (td.textContent || '').trim().slice(0, 40) + '» under «' + (td.closest('table').tHead?.textContent || '').trim().slice(0, 60) + '»');
  return { width, scrolled, past, unlabelled };
})()`;

/**
 * Fails when the page, on a 360 px phone, is wider than the screen or shows a stacked table cell
 * without its column's name; the page is left at the width it had.
 */
export async function expectFitsPhone(page: Page, what: string, width = 360): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 780 });
  // What the page still loads is measured too; the cells' labels follow a change within a frame.
  await page.waitForLoadState('networkidle');
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  const facts = (await page.evaluate(PHONE_FACTS)) as {
    width: number;
    scrolled: number;
    past: string[];
    unlabelled: string[];
  };
  if (before) await page.setViewportSize(before);
  expect(
    { scrolled: facts.scrolled, past: facts.past, unlabelled: facts.unlabelled },
    `${what} on a ${width} px phone`,
  ).to.deep.equal({ scrolled: facts.width, past: [], unlabelled: [] });
}

/** The page on a phone: it fits 360 px with every stacked cell named, passes axe at 390 px and is pictured there. */
export async function onPhone(page: Page, what: string, picture: string): Promise<void> {
  await expectFitsPhone(page, what);
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `${what} on a phone`);
  await screenshot(page, picture);
  await page.setViewportSize(before);
}

/**
 * Finds a person by e-mail in the console's person picker (`choice` names its drop-down) and
 * presses its button once the drop-down holds exactly that person, never an earlier list's first.
 */
export async function pick(
  page: Page,
  person: { id: string; email: string },
  choice: string,
  action: string,
): Promise<void> {
  await page.getByLabel('Find by name or e-mail').fill(person.email);
  const chosen = page.getByLabel(choice, { exact: true });
  for (const end = Date.now() + 30_000; (await chosen.inputValue()) !== person.id; ) {
    if (Date.now() > end) throw new Error(`${person.email} is not offered in ${choice}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.getByRole('button', { name: action, exact: true }).click();
}
