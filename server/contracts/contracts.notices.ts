import { trusted } from 'mongoose';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { context } from '../context.js';
import { procedureOf, recordNotices } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { Contract, type ContractRecord } from './contract.model.js';
import { contractDocumentKey } from './contract-generation.js';

/** The contract PDF goes to the vendor and to every consortium member's representatives, once each. */
export async function deliverContract(contractId: string, eventId: string): Promise<void> {
  const c = await Contract.findById(contractId).lean<ContractRecord>();
  if (!c) return;
  const [tender, consortium] = await Promise.all([
    Tender.findById(c.tenderId).lean<TenderRecord>(),
    Consortium.findById(c.consortiumId).lean<ConsortiumRecord>(),
  ]);
  const memberIds = (consortium?.members ?? [])
    .filter((m) => m.status === 'member')
    .map((m) => String(m.organisationId));
  const people = [
    ...(await peopleOf([String(c.vendorId)], ['vendor'])),
    ...(await peopleOf(memberIds, ['entity-representative'])),
  ];
  await recordNotices(
    people.map((recipient) => ({
      key: `${eventId}:${recipient.userId}`,
      template: 'contract-ready',
      recipient,
      subject: String(c._id),
      ...(tender ? { procedure: procedureOf('tender', tender) } : {}),
      data: {
        number: c.number,
        reference: tender?.reference ?? '',
        title: tender?.title ?? '',
        lot: c.lot,
        valueCents: c.valueCents,
        euCents: c.split.euCents,
        contractId: String(c._id),
      },
      attachments: [{ kind: 'document', id: contractDocumentKey(String(c._id)) }],
    })),
  );
}

/** Contracts whose generation job was lost are queued again. */
export async function requeueStuckContracts(): Promise<number> {
  const stuck = await Contract.find(
    { status: 'generating', updatedAt: trusted({ $lt: new Date(Date.now() - 60_000) }) },
    { _id: 1 },
  ).lean();
  for (const c of stuck) {
    await context().queues.add(
      'generate-contract',
      { contractId: String(c._id) },
      { jobId: `contract-${c._id}`, replaceFailed: true },
    );
  }
  return stuck.length;
}
