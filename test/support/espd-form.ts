import type { Page } from 'playwright-core';
import { MANDATORY_GROUNDS } from '../../server/espd/taxonomy.js';
import { onPhone, screenshot } from './browser.js';

// The ESPD as the console's journeys answer it: the form filled in as a clean vendor would, and
// the bid of a vendor that declares a ground and a turnover below the minimum.

/** A criterion's part of the form (its fieldset, named by the criterion). */
export const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** The vendor's answers in the form: no ground (but `skip`), each selection criterion met with its amount. */
export async function answerClean(page: Page, turnover: string, skip?: string) {
  for (const ground of await page.locator('.espd-criterion').all()) {
    const no = ground.getByLabel('No, it does not apply');
    if ((await no.count()) && (await ground.locator('legend').textContent()) !== skip)
      await no.check({ force: true });
  }
  const yes = async (name: string) => group(page, name).getByLabel('Yes, we meet it').check({ force: true });
  await yes('General yearly turnover');
  await group(page, 'General yearly turnover').getByLabel('Amount in euros').fill(turnover);
  await yes('Professional risk indemnity insurance');
  await group(page, 'Professional risk indemnity insurance').getByLabel('Amount in euros').fill('1,500,000');
  await yes('Certificates by independent bodies about quality assurance standards');
}

const NO_GROUND = Object.fromEntries(MANDATORY_GROUNDS.map((c) => [c, { answer: false }]));

/** A bid for lot 1 that declares grave misconduct (with its self-cleaning) and a turnover below a 2 M minimum. */
export const DECLARES_A_GROUND = {
  lot: 1,
  priceCents: 190_000_000,
  technicalOffer: 'SOC',
  espd: {
    size: 'medium',
    answers: {
      ...NO_GROUND,
      'prof-misconduct': {
        answer: true,
        description: 'A fine in 2023 for a late report.',
        selfCleaning: 'A new compliance officer.',
      },
      'gen-year-to': { answer: true, amountCents: 150_000_000 },
      'indem-insu': { answer: true, amountCents: 150_000_000 },
      'qu-certif-indep': { answer: true },
    },
  },
};

/** The page pictured at desktop width, then on a phone (see `onPhone`), then back. */
export async function pictured(page: Page, name: string) {
  await screenshot(page, `${name}-en`);
  await onPhone(page, name, `${name}-phone`);
}
