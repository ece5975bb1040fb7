import { type ContractData, contractStrings, drawContract } from '../../templates/pdf/contract.js';
import { contractingAuthority } from '../accounts/accounts.service.js';
import { Organisation } from '../accounts/organisation.model.js';
import { memberFacts } from '../consortia/consortia.service.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { dataDigest } from '../digest.js';
import { renderPdf } from '../documents/pdf.js';
import { Expression, type ExpressionRecord } from '../expressions/expression.model.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import type { ContractRecord } from './contract.model.js';

/** Gathers what the contract shows, in the language of the contracting authority. */
export async function contractData(c: ContractRecord): Promise<ContractData> {
  const [tender, consortium, vendor, authority, expression] = await Promise.all([
    Tender.findById(c.tenderId).lean<TenderRecord>(),
    Consortium.findById(c.consortiumId).lean<ConsortiumRecord>(),
    Organisation.findById(c.vendorId).lean(),
    contractingAuthority(),
    Expression.findById(c.expressionId).lean<ExpressionRecord>(),
  ]);
  const members = await memberFacts(consortium as ConsortiumRecord);
  const share = new Map(c.split.members.map((m) => [m.organisationId, m.cents]));
  return {
    number: c.number,
    date: new Date(c.createdAt).toISOString(),
    language: authority?.language ?? 'en',
    authority: { name: authority?.name ?? '', country: authority?.country ?? '' },
    members: members
      .filter((m) => m.status === 'member')
      .map((m) => ({ name: m.name, country: m.country, cents: share.get(m.organisationId) ?? 0 })),
    vendor: { name: vendor?.name ?? '', country: vendor?.country ?? '' },
    tender: {
      reference: tender?.reference ?? '',
      title: tender?.title ?? '',
      cpvCodes: tender?.cpvCodes ?? [],
    },
    lot: { number: c.lot, title: tender?.lots.find((l) => l.number === c.lot)?.title ?? '' },
    valueCents: c.valueCents,
    euCents: c.split.euCents,
    cofundingRate: c.cofundingRate,
    durationYears: expression?.hostingYears ?? 1,
  };
}

/** Renders the contract PDF: the same contract data always gives the same bytes. */
export async function renderContractPdf(
  data: ContractData,
  contractId: string,
): Promise<{ bytes: Buffer; dataSha256: string }> {
  const dataSha256 = dataDigest(data);
  const t = contractStrings(data.language);
  const bytes = await renderPdf(
    {
      title: `${t.title} ${data.number}`,
      author: data.authority.name,
      documentId: `contract ${data.number} (${contractId})`,
      date: new Date(data.date),
      language: data.language,
      dataSha256,
      pageLabel: t.page,
    },
    (doc) => drawContract(doc, data),
  );
  return { bytes, dataSha256 };
}
