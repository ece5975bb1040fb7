import {
  code,
  contractingParty,
  country3,
  eformsDate,
  eformsTime,
  extension,
  LANGUAGE,
  lotKey,
  money,
  type NoticeHeader,
  type NoticeParty,
  noticeRoot,
  organizations,
  orgRef,
  text,
} from './eforms-parts.js';
import { el } from './xml.js';

// The contract notice (subtype 16: open procedure, Directive 2014/24) of a tender, and the change
// notice that corrects or cancels it: the same notice, under a notice id of its own, with the
// section that says which notice it changes, why and which lots.

export interface NoticeLot {
  number: number;
  title: string;
  description: string;
  cpvCodes: string[];
  estimatedValueCents: number;
  award: {
    qualityWeight: number;
    priceWeight: number;
    criteria: { key: string; title: string; weight: number }[];
  };
}

export interface ContractNoticeFacts extends NoticeHeader {
  reference: string;
  title: string;
  description: string;
  cpvCodes: string[];
  procedureType: string;
  /** ISO 8601 duration of the contract (`P36M`, `P2Y`, `P90D`). */
  contractDuration: string | null;
  /** NUTS code of the place of performance. */
  placeOfPerformance: string | null;
  lots: NoticeLot[];
  selectionCriteria: { key: string; title: string }[];
  questionsDeadline: Date;
  submissionDeadline: Date;
  openingAt: Date;
  /** The tender's page, where bids are submitted and its documents are read. */
  tenderUrl: string;
  documentsUrl: string;
  /** Every buyer, the lead buyer (the Centre) first. */
  buyers: NoticeParty[];
  reviewBody: NoticeParty | null;
  reviewDeadlines: string;
  /** The eu-programme code of the EU funds (Digital Europe). */
  euProgramme: string;
  /** For a change notice: the notice it changes (`<noticeId>-<version>`), why, and the lots touched. */
  change?: {
    changes: string;
    reason: string;
    description: string;
    lots: number[];
    documentsChangedAt?: Date;
  };
}

/** eForms durations: a whole number of days, months or years. */
function duration(iso: string | null) {
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

const classification = (cpvCodes: string[]) => [
  el('cac:MainCommodityClassification', code('cbc:ItemClassificationCode', 'cpv', cpvCodes[0] ?? '')),
  cpvCodes
    .slice(1)
    .map((c) => el('cac:AdditionalCommodityClassification', code('cbc:ItemClassificationCode', 'cpv', c))),
];

/** Quality criteria with their share of the quality weight, then price (BT-539, BT-734, BT-5421, BT-541). */
export function awardingTerms(award: NoticeLot['award']) {
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

function lot(f: ContractNoticeFacts, l: NoticeLot) {
  const lead = f.buyers[0]?.key ?? '';
  return el(
    'cac:ProcurementProjectLot',
    el('cbc:ID', { schemeName: 'Lot' }, lotKey(l.number)),
    el(
      'cac:TenderingTerms',
      extension(
        el('efac:Funding', code('cbc:FundingProgramCode', 'eu-programme', f.euProgramme)),
        f.selectionCriteria.map((s) =>
          el(
            'efac:SelectionCriteria',
            code('cbc:TendererRequirementTypeCode', 'selection-criterion', 'slc-abil-staff-tech-work'),
            text('cbc:Description', s.title),
          ),
        ),
      ),
      code('cbc:VariantConstraintCode', 'permission', 'not-allowed'),
      code('cbc:FundingProgramCode', 'eu-funded', 'eu-funds'),
      el(
        'cac:CallForTendersDocumentReference',
        el('cbc:ID', `${f.reference}-documents`),
        el('cbc:DocumentType', 'non-restricted-document'),
        el('cac:Attachment', el('cac:ExternalReference', el('cbc:URI', f.documentsUrl))),
      ),
      el(
        'cac:TendererQualificationRequest',
        el(
          'cac:SpecificTendererRequirement',
          code('cbc:TendererRequirementTypeCode', 'reserved-procurement', 'none'),
        ),
      ),
      el(
        'cac:TendererQualificationRequest',
        el(
          'cac:SpecificTendererRequirement',
          code('cbc:TendererRequirementTypeCode', 'selection-criteria-source', 'epo-notice'),
        ),
      ),
      el(
        'cac:ContractExecutionRequirement',
        code('cbc:ExecutionRequirementCode', 'reserved-execution', 'no'),
      ),
      el('cac:ContractExecutionRequirement', code('cbc:ExecutionRequirementCode', 'einvoicing', 'allowed')),
      el(
        'cac:ContractExecutionRequirement',
        code('cbc:ExecutionRequirementCode', 'ecatalog-submission', 'not-allowed'),
      ),
      awardingTerms(l.award),
      el('cac:TenderRecipientParty', el('cbc:EndpointID', f.tenderUrl), orgRef(lead)),
      el('cac:TenderValidityPeriod', el('cbc:DurationMeasure', { unitCode: 'MONTH' }, '6')),
      el(
        'cac:AppealTerms',
        el('cac:PresentationPeriod', text('cbc:Description', f.reviewDeadlines)),
        f.reviewBody && el('cac:AppealReceiverParty', orgRef(f.reviewBody.key)),
      ),
      el('cac:Language', el('cbc:ID', LANGUAGE)),
      el(
        'cac:PostAwardProcess',
        el('cbc:ElectronicOrderUsageIndicator', 'false'),
        el('cbc:ElectronicPaymentUsageIndicator', 'true'),
      ),
    ),
    el(
      'cac:TenderingProcess',
      code('cbc:SubmissionMethodCode', 'esubmission', 'required'),
      el('cbc:GovernmentAgreementConstraintIndicator', 'true'),
      el(
        'cac:TenderSubmissionDeadlinePeriod',
        el('cbc:EndDate', eformsDate(f.submissionDeadline)),
        el('cbc:EndTime', eformsTime(f.submissionDeadline)),
      ),
      el(
        'cac:AdditionalInformationRequestPeriod',
        el('cbc:EndDate', eformsDate(f.questionsDeadline)),
        el('cbc:EndTime', eformsTime(f.questionsDeadline)),
      ),
      el(
        'cac:OpenTenderEvent',
        el('cbc:OccurrenceDate', eformsDate(f.openingAt)),
        el('cbc:OccurrenceTime', eformsTime(f.openingAt)),
        el('cac:OccurenceLocation', text('cbc:Description', 'Online, by the opening committee')),
      ),
      el('cac:AuctionTerms', el('cbc:AuctionConstraintIndicator', 'false')),
      el('cac:ContractingSystem', code('cbc:ContractingSystemTypeCode', 'framework-agreement', 'none')),
      el('cac:ContractingSystem', code('cbc:ContractingSystemTypeCode', 'dps-usage', 'none')),
    ),
    el(
      'cac:ProcurementProject',
      el('cbc:ID', { schemeName: 'InternalID' }, `${f.reference}/${l.number}`),
      text('cbc:Name', l.title),
      text('cbc:Description', l.description),
      code('cbc:ProcurementTypeCode', 'contract-nature', 'supplies'),
      el('cac:RequestedTenderTotal', money('cbc:EstimatedOverallContractAmount', l.estimatedValueCents)),
      classification(l.cpvCodes),
      place(f.placeOfPerformance),
      duration(f.contractDuration),
    ),
  );
}

/** The change section (BT-758, BT-140, BT-762, BT-13716, BT-718, BT-719). */
const changes = (c: NonNullable<ContractNoticeFacts['change']>) =>
  el(
    'efac:Changes',
    el('efbc:ChangedNoticeIdentifier', c.changes),
    c.lots.map((n) =>
      el(
        'efac:Change',
        c.documentsChangedAt && el('efbc:ProcurementDocumentsChangeDate', eformsDate(c.documentsChangedAt)),
        c.documentsChangedAt && el('efbc:ProcurementDocumentsChangeIndicator', 'true'),
        el('efac:ChangedSection', el('efbc:ChangedSectionIdentifier', lotKey(n))),
      ),
    ),
    el(
      'efac:ChangeReason',
      code('cbc:ReasonCode', 'change-corrig-justification', c.reason),
      text('efbc:ReasonDescription', c.description),
    ),
  );

/** The contract notice, or — with `change` — the change notice of the one it names. */
export function contractNotice(f: ContractNoticeFacts) {
  const parties = [...f.buyers, ...(f.reviewBody ? [f.reviewBody] : [])];
  const buyerKeys = f.buyers.map((b) => b.key);
  const countries = new Set(f.buyers.map((b) => b.country));
  const [centre, ...members] = f.buyers;
  return noticeRoot(
    'ContractNotice',
    f,
    extension(
      f.change && changes(f.change),
      el('efac:NoticeSubType', code('cbc:SubTypeCode', 'notice-subtype', '16')),
      organizations(
        parties,
        f.buyers.length > 1 ? { leadKey: buyerKeys[0] as string, buyerKeys } : undefined,
      ),
    ),
    '32014L0024',
    { listName: 'competition', code: 'cn-standard' },
    [
      centre && contractingParty(centre.key, 'eu-ins-bod-ag'),
      members.map((m) => contractingParty(m.key, 'body-pl')),
      el(
        'cac:TenderingTerms',
        countries.size > 1 &&
          el(
            'cac:ProcurementLegislationDocumentReference',
            el('cbc:ID', 'CrossBorderLaw'),
            text(
              'cbc:DocumentDescription',
              'Joint procurement by the European Cybersecurity Competence Centre and the hosting consortium (Regulation (EU) 2025/38); the law applicable is that of the lead buyer.',
            ),
          ),
        el(
          'cac:TendererQualificationRequest',
          el(
            'cac:SpecificTendererRequirement',
            code('cbc:TendererRequirementTypeCode', 'exclusion-grounds-source', 'epo-procurement-document'),
          ),
        ),
        f.lots.length > 1 &&
          el('cac:LotDistribution', el('cbc:MaximumLotsSubmittedNumeric', String(f.lots.length))),
      ),
      el(
        'cac:TenderingProcess',
        code('cbc:ProcedureCode', 'procurement-procedure-type', f.procedureType),
        el('cac:ProcessJustification', code('cbc:ProcessReasonCode', 'accelerated-procedure', 'false')),
      ),
      el(
        'cac:ProcurementProject',
        el('cbc:ID', { schemeName: 'InternalID' }, f.reference),
        text('cbc:Name', f.title),
        text('cbc:Description', f.description),
        code('cbc:ProcurementTypeCode', 'contract-nature', 'supplies'),
        el(
          'cac:RequestedTenderTotal',
          money(
            'cbc:EstimatedOverallContractAmount',
            f.lots.reduce((s, l) => s + l.estimatedValueCents, 0),
          ),
        ),
        classification(f.cpvCodes),
        place(f.placeOfPerformance),
      ),
      f.lots.map((l) => lot(f, l)),
    ],
  );
}
