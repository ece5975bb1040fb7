import { el } from '../xml.js';
import { code, country3, extension, type NoticeParty, orgRef, text } from './eforms-parts.js';

// The parts of a lot that several notices share: where and how long it is performed, what it is
// (CPV), how its tenders are judged, its EU funding and selection criteria, its documents.

/** How a lot's tenders are judged: its quality criteria and price, with their weights. */
export interface LotAward {
  qualityWeight: number;
  priceWeight: number;
  criteria: { key: string; title: string; weight: number }[];
}

/** eForms durations: a whole number of days, months or years. */
export function duration(iso: string | null) {
  const m = iso && /^P(?:(\d+)Y|(\d+)M|(\d+)D)$/.exec(iso);
  if (!m) return undefined;
  const [value, unit] = m[1] ? [m[1], 'YEAR'] : m[2] ? [m[2], 'MONTH'] : [m[3], 'DAY'];
  return el('cac:PlannedPeriod', el('cbc:DurationMeasure', { unitCode: unit }, value as string));
}

export const place = (nuts: string | null) =>
  nuts &&
  el(
    'cac:RealizedLocation',
    el(
      'cac:Address',
      code('cbc:CountrySubentityCode', 'nuts', nuts),
      el('cac:Country', code('cbc:IdentificationCode', 'country', countryOfNuts(nuts))),
    ),
  );

/** A NUTS code starts with the country's alpha-2 code (Greece's is EL). */
const countryOfNuts = (nuts: string) => country3(nuts.slice(0, 2) === 'EL' ? 'GR' : nuts.slice(0, 2));

export const classification = (cpvCodes: string[]) => [
  el('cac:MainCommodityClassification', code('cbc:ItemClassificationCode', 'cpv', cpvCodes[0] ?? '')),
  cpvCodes
    .slice(1)
    .map((c) => el('cac:AdditionalCommodityClassification', code('cbc:ItemClassificationCode', 'cpv', c))),
];

/** Quality criteria with their share of the quality weight, then price (BT-539, BT-734, BT-5421, BT-541). */
export function awardingTerms(award: LotAward) {
  const totalWeight = award.criteria.reduce((s, c) => s + c.weight, 0) || 1;
  const criterion = (type: string, name: string, weight: number) =>
    el(
      'cac:SubordinateAwardingCriterion',
      extension(
        el(
          'efac:AwardCriterionParameter',
          code('efbc:ParameterCode', 'number-weight', 'per-exa'),
          el('efbc:ParameterNumeric', String(Math.round(weight * 10000) / 100)),
        ),
      ),
      code('cbc:AwardingCriterionTypeCode', 'award-criterion-type', type),
      text('cbc:Name', name),
      text('cbc:Description', name),
    );
  return el(
    'cac:AwardingTerms',
    el(
      'cac:AwardingCriterion',
      award.criteria.map((c) =>
        criterion('quality', c.title, (award.qualityWeight * c.weight) / totalWeight),
      ),
      criterion('price', 'Price', award.priceWeight),
    ),
  );
}

/** The EU funds' programme (BT-7220) and the selection criteria (BT-750) of a lot. */
export const fundingAndSelection = (euProgramme: string, criteria: { title: string }[]) =>
  extension(
    el('efac:Funding', code('cbc:FundingProgramCode', 'eu-programme', euProgramme)),
    criteria.map((c) =>
      el(
        'efac:SelectionCriteria',
        code('cbc:TendererRequirementTypeCode', 'selection-criterion', 'slc-abil-staff-tech-work'),
        text('cbc:Description', c.title),
      ),
    ),
  );

/** Where the procurement documents are, free and in full (BT-15). */
export const documentsAt = (reference: string, url: string) =>
  el(
    'cac:CallForTendersDocumentReference',
    el('cbc:ID', `${reference}-documents`),
    el('cbc:DocumentType', 'non-restricted-document'),
    el('cac:Attachment', el('cac:ExternalReference', el('cbc:URI', url))),
  );

/** A tenderer requirement of a list (`reserved-procurement`, `selection-criteria-source`…). */
export const requirement = (listName: string, value: string) =>
  el(
    'cac:TendererQualificationRequest',
    el('cac:SpecificTendererRequirement', code('cbc:TendererRequirementTypeCode', listName, value)),
  );

/** No electronic auction, no framework agreement, no dynamic purchasing system (BT-767, BT-765, BT-766). */
export const noAuctionNorSystems = () => [
  el('cac:AuctionTerms', el('cbc:AuctionConstraintIndicator', 'false')),
  el('cac:ContractingSystem', code('cbc:ContractingSystemTypeCode', 'framework-agreement', 'none')),
  el('cac:ContractingSystem', code('cbc:ContractingSystemTypeCode', 'dps-usage', 'none')),
];

/** Review: the deadlines for asking for one (BT-99) and the body that hears it. */
export const reviewTerms = (deadlines: string, body: NoticeParty | null) =>
  el(
    'cac:AppealTerms',
    el('cac:PresentationPeriod', text('cbc:Description', deadlines)),
    body && el('cac:AppealReceiverParty', orgRef(body.key)),
  );
