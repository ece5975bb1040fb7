import { el } from '../xml.js';
import {
  code,
  contractingParty,
  country3,
  eformsDate,
  eformsTime,
  extension,
  LANGUAGE,
  lotKey,
  type NoticeHeader,
  type NoticeParty,
  noticeRoot,
  organizations,
  orgRef,
  text,
} from './eforms-parts.js';
import { documentsAt, fundingAndSelection, requirement, reviewTerms } from './lot-parts.js';

// The call for expressions of interest (subtype CEI) of a call: the Centre, an EU body, invites
// hosting consortia under Regulation (EU, Euratom) 2024/2509, until the call's closing time.

export interface CeiFacts extends NoticeHeader {
  reference: string;
  title: string;
  description: string;
  closesAt: Date;
  criteria: { title: string }[];
  /** The call's page, where expressions of interest are submitted. */
  callUrl: string;
  centre: NoticeParty;
  reviewBody: NoticeParty | null;
  reviewDeadlines: string;
  euProgramme: string;
  /** The CPV code of what the hosted platforms will be (SOC tooling). */
  cpvCode: string;
}

export function ceiNotice(f: CeiFacts) {
  const parties = [f.centre, ...(f.reviewBody ? [f.reviewBody] : [])];
  const project = (id: string) => [
    el('cbc:ID', { schemeName: 'InternalID' }, id),
    text('cbc:Name', f.title),
    text('cbc:Description', f.description),
    code('cbc:ProcurementTypeCode', 'contract-nature', 'supplies'),
    el('cac:MainCommodityClassification', code('cbc:ItemClassificationCode', 'cpv', f.cpvCode)),
    el(
      'cac:RealizedLocation',
      el(
        'cac:Address',
        f.centre.nuts && code('cbc:CountrySubentityCode', 'nuts', f.centre.nuts),
        el('cac:Country', code('cbc:IdentificationCode', 'country', country3(f.centre.country))),
      ),
    ),
  ];
  return noticeRoot(
    'PriorInformationNotice',
    f,
    extension(
      el('efac:NoticeSubType', code('cbc:SubTypeCode', 'notice-subtype', 'CEI')),
      organizations(parties),
    ),
    '32024R2509',
    { listName: 'competition', code: 'pin-cfc-standard' },
    [
      contractingParty(
        f.centre.key,
        'eu-ins-bod-ag',
        el('cac:ContractingPartyType', code('cbc:PartyTypeCode', 'buyer-contracting-type', 'not-cont-ent')),
      ),
      el('cac:TenderingTerms', requirement('exclusion-grounds-source', 'epo-procurement-document')),
      el('cac:ProcurementProject', project(f.reference)),
      el(
        'cac:ProcurementProjectLot',
        el('cbc:ID', { schemeName: 'Lot' }, lotKey(0)),
        el(
          'cac:TenderingTerms',
          fundingAndSelection(f.euProgramme, f.criteria),
          code('cbc:FundingProgramCode', 'eu-funded', 'eu-funds'),
          documentsAt(f.reference, f.callUrl),
          requirement('selection-criteria-source', 'epo-notice'),
          el(
            'cac:ContractExecutionRequirement',
            code('cbc:ExecutionRequirementCode', 'reserved-execution', 'no'),
          ),
          el('cac:AdditionalInformationParty', orgRef(f.centre.key)),
          el('cac:DocumentProviderParty', orgRef(f.centre.key)),
          el('cac:TenderRecipientParty', el('cbc:EndpointID', f.callUrl)),
          reviewTerms(f.reviewDeadlines, f.reviewBody),
          el('cac:Language', el('cbc:ID', LANGUAGE)),
        ),
        el(
          'cac:TenderingProcess',
          extension(
            el(
              'efac:InterestExpressionReceptionPeriod',
              el('cbc:EndDate', eformsDate(f.closesAt)),
              el('cbc:EndTime', eformsTime(f.closesAt)),
            ),
          ),
          code('cbc:SubmissionMethodCode', 'esubmission', 'required'),
        ),
        el('cac:ProcurementProject', project(`${f.reference}/1`)),
      ),
    ],
  );
}
