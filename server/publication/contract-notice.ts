import { el } from '../xml.js';
import {
  code,
  eformsDate,
  eformsTime,
  extension,
  jointBuyers,
  LANGUAGE,
  lotKey,
  money,
  type NoticeHeader,
  type NoticeParty,
  noticeRoot,
  orgRef,
  text,
} from './eforms-parts.js';
import {
  awardingTerms,
  classification,
  documentsAt,
  duration,
  fundingAndSelection,
  noAuctionNorSystems,
  place,
  requirement,
  reviewTerms,
} from './lot-parts.js';

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

function lot(f: ContractNoticeFacts, l: NoticeLot) {
  const lead = f.buyers[0]?.key ?? '';
  return el(
    'cac:ProcurementProjectLot',
    el('cbc:ID', { schemeName: 'Lot' }, lotKey(l.number)),
    el(
      'cac:TenderingTerms',
      fundingAndSelection(f.euProgramme, f.selectionCriteria),
      code('cbc:VariantConstraintCode', 'permission', 'not-allowed'),
      code('cbc:FundingProgramCode', 'eu-funded', 'eu-funds'),
      documentsAt(f.reference, f.documentsUrl),
      requirement('reserved-procurement', 'none'),
      // Criteria listed in the tender are in the notice; without any, the documents say how
      // capacity is judged (the evaluation's selection check).
      requirement(
        'selection-criteria-source',
        f.selectionCriteria.length ? 'epo-notice' : 'epo-procurement-document',
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
      reviewTerms(f.reviewDeadlines, f.reviewBody),
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
      noAuctionNorSystems(),
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
  const countries = new Set(f.buyers.map((b) => b.country));
  const buyers = jointBuyers(f.buyers, f.reviewBody ? [f.reviewBody] : []);
  return noticeRoot(
    'ContractNotice',
    f,
    extension(
      f.change && changes(f.change),
      el('efac:NoticeSubType', code('cbc:SubTypeCode', 'notice-subtype', '16')),
      buyers.organizations,
    ),
    '32014L0024',
    { listName: 'competition', code: 'cn-standard' },
    [
      buyers.contractingParties,
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
        requirement('exclusion-grounds-source', 'epo-procurement-document'),
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
