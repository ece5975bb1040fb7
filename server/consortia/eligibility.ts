import { memberStates } from './member-states.js';

/** A consortium member as the eligibility rule sees it. */
export interface MemberFacts {
  organisationId: string;
  name: string;
  country: string;
  publicBody: boolean;
  contributionCents: number;
  status: 'invited' | 'member' | 'declined';
}

/** Why a consortium (or its expression of interest) is not eligible, as data for the reader's language. */
export type EligibilityGround =
  | { code: 'member-states'; count: number; required: number }
  | { code: 'outside-eu'; name: string; country: string }
  | { code: 'not-public-body'; name: string }
  | { code: 'no-contribution'; name: string }
  | { code: 'invitation-pending'; name: string }
  | { code: 'submitted-late' }
  | { code: 'agreement-not-sealed' }
  | { code: 'over-cofunding-cap'; requestedCents: number; rate: number; capCents: number };

const euro = (language: 'en' | 'nl', cents: number) =>
  new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
const rate = (r: number) => `${Math.round(r * 10000) / 100} %`;

/** One ground in words, in Dutch or (every other language) English. */
export function eligibilityText(g: EligibilityGround, language: string): string {
  const nl = language === 'nl';
  switch (g.code) {
    case 'member-states':
      return nl
        ? `De leden komen uit ${g.count} lidstaat/lidstaten; er zijn er ten minste ${g.required} nodig.`
        : `Members come from ${g.count} Member State(s); at least ${g.required} are required.`;
    case 'outside-eu':
      return nl
        ? `${g.name} is niet gevestigd in een EU-lidstaat (${g.country}).`
        : `${g.name} is not in an EU Member State (${g.country}).`;
    case 'not-public-body':
      return nl ? `${g.name} is geen overheidsinstantie.` : `${g.name} is not a public body.`;
    case 'no-contribution':
      return nl
        ? `${g.name} draagt niets bij; elk lid moet bijdragen.`
        : `${g.name} contributes nothing; every member must contribute.`;
    case 'invitation-pending':
      return nl
        ? `De uitnodiging aan ${g.name} is nog niet beantwoord.`
        : `The invitation to ${g.name} is still pending.`;
    case 'submitted-late':
      return nl
        ? 'Het is na de sluiting van de oproep ingediend.'
        : 'It was submitted after the call closed.';
    case 'agreement-not-sealed':
      return nl
        ? 'De consortiumovereenkomst is niet van kracht.'
        : 'The consortium agreement is not in force.';
    case 'over-cofunding-cap':
      return nl
        ? `De gevraagde EU-bijdrage (${euro('nl', g.requestedCents)}) is meer dan ${rate(g.rate)} van de geraamde kosten (${euro('nl', g.capCents)}).`
        : `The EU contribution requested (${euro('en', g.requestedCents)}) exceeds ${rate(g.rate)} of the estimated cost (${euro('en', g.capCents)}).`;
  }
}

/** The grounds in each platform language, for a notice rendered in its recipient's. */
export const eligibilityInWords = (grounds: EligibilityGround[]) => ({
  en: grounds.map((g) => eligibilityText(g, 'en')),
  nl: grounds.map((g) => eligibilityText(g, 'nl')),
});

export interface ConsortiumEligibility {
  eligible: boolean;
  /** The number of distinct Member States among the members. */
  memberStates: number;
  /** The grounds in English. */
  reasons: string[];
  grounds: EligibilityGround[];
}

/**
 * A consortium is eligible with members from at least `minMemberStates` Member States, all of them
 * public bodies with a contribution above zero, and no invitation left unanswered.
 */
export function consortiumEligibility(members: MemberFacts[], minMemberStates = 3): ConsortiumEligibility {
  const joined = members.filter((m) => m.status === 'member');
  const states = new Set(joined.filter((m) => memberStates.has(m.country)).map((m) => m.country));
  const grounds: EligibilityGround[] = [];
  if (states.size < minMemberStates)
    grounds.push({ code: 'member-states', count: states.size, required: minMemberStates });
  for (const m of joined) {
    if (!memberStates.has(m.country)) grounds.push({ code: 'outside-eu', name: m.name, country: m.country });
    if (!m.publicBody) grounds.push({ code: 'not-public-body', name: m.name });
    if (m.contributionCents <= 0) grounds.push({ code: 'no-contribution', name: m.name });
  }
  for (const m of members.filter((x) => x.status === 'invited'))
    grounds.push({ code: 'invitation-pending', name: m.name });
  const reasons = grounds.map((g) => eligibilityText(g, 'en'));
  return { eligible: grounds.length === 0, memberStates: states.size, reasons, grounds };
}
