import type { ReviewRequests } from '../review/review-statistics.js';
import { el } from '../xml.js';
import type { ContractNoticeFacts, NoticeLot } from './contract-notice.js';
import {
  code,
  eformsDate,
  extension,
  jointBuyers,
  lotKey,
  money,
  type NoticeHeader,
  type NoticeParty,
  noticeRoot,
  orgRef,
  text,
} from './eforms-parts.js';
import { awardingTerms, noAuctionNorSystems, place, reviewTerms } from './lot-parts.js';

// The contract award notice (subtype 29) of a tender once every lot is decided: for each lot its
// winner, the value of the winning tender, how many tenders came and when the decision and the
// contract were made; a lot that was not awarded says so (BT-142 `clos-nw`) and why (BT-144).

export type LotOutcome =
  | {
      lot: number;
      outcome: 'awarded';
      winner: NoticeParty;
      tenderValueCents: number;
      decidedAt: Date;
      contractId: string;
      contractedAt: Date;
    }
  | { lot: number; outcome: 'not-awarded'; reason: string };

/** Who tendered for a lot (BT-759, BT-760): in all, small and medium, large, from outside the EEA, from another EEA country. */
export interface SubmissionStatistics {
  tenders: number;
  sme: number;
  large: number;
  nonEea: number;
  otherEea: number;
}

export interface AwardNoticeFacts
  extends NoticeHeader,
    Pick<
      ContractNoticeFacts,
      | 'reference'
      | 'title'
      | 'description'
      | 'cpvCodes'
      | 'procedureType'
      | 'buyers'
      | 'reviewBody'
      | 'reviewDeadlines'
      | 'euProgramme'
    > {
  lots: (LotOutcome &
    Omit<NoticeLot, 'estimatedValueCents' | 'number'> & { statistics: SubmissionStatistics })[];
  placeOfPerformance: string | null;
  /** Review requests received per lot (BT-635 by BT-636 type; BT-712 complainants), when there were any. */
  reviewRequests: Map<number, ReviewRequests>;
}

const resultKey = (n: number) => `RES-${String(n).padStart(4, '0')}`;
const tenderKey = (n: number) => `TEN-${String(n).padStart(4, '0')}`;
const contractKey = (n: number) => `CON-${String(n).padStart(4, '0')}`;
const partyKey = (n: number) => `TPA-${String(n).padStart(4, '0')}`;

/** A lot's review requests: BT-635 per BT-636 irregularity type, and BT-712 the complainants. */
const reviewStatistics = (r: ReviewRequests | undefined) =>
  r && [
    ...[...r.byType].map(([type, count]) =>
      el(
        'efac:AppealRequestsStatistics',
        code('efbc:StatisticsCode', 'irregularity-type', type),
        el('efbc:StatisticsNumeric', String(count)),
      ),
    ),
    el(
      'efac:AppealRequestsStatistics',
      code('efbc:StatisticsCode', 'review-type', 'complainants'),
      el('efbc:StatisticsNumeric', String(r.complainants)),
    ),
  ];

export function awardNotice(f: AwardNoticeFacts) {
  const awarded = f.lots.filter((l) => l.outcome === 'awarded');
  const winners = [...new Map(awarded.map((l) => [l.winner.key, l.winner])).values()];
  const buyers = jointBuyers(f.buyers, [...(f.reviewBody ? [f.reviewBody] : []), ...winners]);
  const index = (l: (typeof f.lots)[number]) => f.lots.indexOf(l) + 1;
  const statistic = (type: string, count: number) =>
    el(
      'efac:ReceivedSubmissionsStatistics',
      code('efbc:StatisticsCode', 'received-submission-type', type),
      el('efbc:StatisticsNumeric', String(count)),
    );
  // None when nobody tendered (BT-760 with `no-rece`); every bid here is electronic.
  const statistics = (s: SubmissionStatistics) =>
    s.tenders > 0 && [
      statistic('tenders', s.tenders),
      statistic('t-sme', s.sme),
      statistic('t-large', s.large),
      statistic('t-no-eea', s.nonEea),
      statistic('t-oth-eea', s.otherEea),
      statistic('t-esubm', s.tenders),
    ];
  const result = el(
    'efac:NoticeResult',
    money(
      'cbc:TotalAmount',
      awarded.reduce((s, l) => s + l.tenderValueCents, 0),
    ),
    f.lots.map((l) =>
      el(
        'efac:LotResult',
        el('cbc:ID', { schemeName: 'result' }, resultKey(index(l))),
        code(
          'cbc:TenderResultCode',
          'winner-selection-status',
          l.outcome === 'awarded' ? 'selec-w' : 'clos-nw',
        ),
        reviewStatistics(f.reviewRequests.get(l.lot)),
        l.outcome === 'not-awarded' &&
          el('efac:DecisionReason', code('efbc:DecisionReasonCode', 'non-award-justification', l.reason)),
        l.outcome === 'awarded' &&
          el('efac:LotTender', el('cbc:ID', { schemeName: 'tender' }, tenderKey(index(l)))),
        statistics(l.statistics),
        l.outcome === 'awarded' &&
          el('efac:SettledContract', el('cbc:ID', { schemeName: 'contract' }, contractKey(index(l)))),
        el('efac:TenderLot', el('cbc:ID', { schemeName: 'Lot' }, lotKey(l.lot))),
      ),
    ),
    awarded.map((l) =>
      el(
        'efac:LotTender',
        el('cbc:ID', { schemeName: 'tender' }, tenderKey(index(l))),
        el('cbc:RankCode', '1'),
        el('efbc:TenderRankedIndicator', 'true'),
        el('cac:LegalMonetaryTotal', money('cbc:PayableAmount', l.tenderValueCents)),
        el('efac:SubcontractingTerm', code('efbc:TermCode', 'applicability', 'no')),
        el(
          'efac:TenderingParty',
          el(
            'cbc:ID',
            { schemeName: 'tendering-party' },
            partyKey(winners.findIndex((w) => w.key === l.winner.key) + 1),
          ),
        ),
        el('efac:TenderLot', el('cbc:ID', { schemeName: 'Lot' }, lotKey(l.lot))),
        el('efac:TenderReference', el('cbc:ID', `${f.reference}/${l.lot}/${l.winner.key}`)),
      ),
    ),
    awarded.map((l) =>
      el(
        'efac:SettledContract',
        el('cbc:ID', { schemeName: 'contract' }, contractKey(index(l))),
        el('cbc:AwardDate', eformsDate(l.decidedAt)),
        el('cbc:IssueDate', eformsDate(l.contractedAt)),
        el('cac:SignatoryParty', orgRef(f.buyers[0]?.key ?? '')),
        el('efac:ContractReference', el('cbc:ID', l.contractId)),
        el('efac:LotTender', el('cbc:ID', { schemeName: 'tender' }, tenderKey(index(l)))),
      ),
    ),
    winners.map((w, i) =>
      el(
        'efac:TenderingParty',
        el('cbc:ID', { schemeName: 'tendering-party' }, partyKey(i + 1)),
        el('efac:Tenderer', el('cbc:ID', { schemeName: 'organization' }, w.key)),
      ),
    ),
  );
  return noticeRoot(
    'ContractAwardNotice',
    f,
    extension(
      result,
      el('efac:NoticeSubType', code('cbc:SubTypeCode', 'notice-subtype', '29')),
      buyers.organizations,
    ),
    '32014L0024',
    { listName: 'result', code: 'can-standard' },
    [
      buyers.contractingParties,
      el('cac:TenderingProcess', code('cbc:ProcedureCode', 'procurement-procedure-type', f.procedureType)),
      el(
        'cac:ProcurementProject',
        el('cbc:ID', { schemeName: 'InternalID' }, f.reference),
        text('cbc:Name', f.title),
        text('cbc:Description', f.description),
        code('cbc:ProcurementTypeCode', 'contract-nature', 'supplies'),
        el('cac:MainCommodityClassification', code('cbc:ItemClassificationCode', 'cpv', f.cpvCodes[0] ?? '')),
        place(f.placeOfPerformance),
      ),
      f.lots.map((l) =>
        el(
          'cac:ProcurementProjectLot',
          el('cbc:ID', { schemeName: 'Lot' }, lotKey(l.lot)),
          el(
            'cac:TenderingTerms',
            code('cbc:FundingProgramCode', 'eu-funded', 'eu-funds'),
            awardingTerms(l.award),
            reviewTerms(f.reviewDeadlines, f.reviewBody),
          ),
          el(
            'cac:TenderingProcess',
            el('cbc:GovernmentAgreementConstraintIndicator', 'true'),
            noAuctionNorSystems(),
          ),
          el(
            'cac:ProcurementProject',
            el('cbc:ID', { schemeName: 'InternalID' }, `${f.reference}/${l.lot}`),
            text('cbc:Name', l.title),
            text('cbc:Description', l.description),
            code('cbc:ProcurementTypeCode', 'contract-nature', 'supplies'),
            el(
              'cac:MainCommodityClassification',
              code('cbc:ItemClassificationCode', 'cpv', l.cpvCodes[0] ?? ''),
            ),
            place(f.placeOfPerformance),
          ),
        ),
      ),
      el(
        'cac:TenderResult',
        el(
          'cbc:AwardDate',
          eformsDate(new Date(Math.max(...awarded.map((l) => l.decidedAt.getTime()), f.issuedAt.getTime()))),
        ),
      ),
    ],
  );
}
