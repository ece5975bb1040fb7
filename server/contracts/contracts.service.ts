import { Types } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { Call, type CallRecord } from '../calls/call.model.js';
import { isMember } from '../consortia/consortia.service.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { isDuplicateKey } from '../db.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { Expression, type ExpressionRecord } from '../expressions/expression.model.js';
import { withDocumentLock } from '../locks.js';
import { contractSuspendedConflict } from '../review/suspension.js';
import { changeDocument } from '../revision.js';
import { lotCancelledConflict } from '../tenders/lot-cancellation.js';
import { isLotCancelled, Tender, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import { Contract, type ContractRecord } from './contract.model.js';
import { splitCostShares } from './cost-sharing.js';

/** A contract as its parties and officers see it. */
export function contractView(c: ContractRecord) {
  return {
    id: String(c._id),
    number: c.number,
    tenderId: String(c.tenderId),
    lot: c.lot,
    vendorId: String(c.vendorId),
    consortiumId: String(c.consortiumId),
    valueCents: c.valueCents,
    cofundingRate: c.cofundingRate,
    split: c.split,
    status: c.status,
    progress: c.progress,
    documentSha256: c.documentSha256 ?? null,
    createdAt: c.createdAt,
  };
}

/** True when the actor is an officer or belongs to one of the contract's parties. */
export async function isContractParty(actor: Actor, c: ContractRecord): Promise<boolean> {
  if (isOfficer(actor)) return true;
  if (actor.role === 'vendor') return String(c.vendorId) === actor.organisationId;
  if (actor.role !== 'entity-representative') return false;
  const consortium = await Consortium.findById(c.consortiumId).lean<ConsortiumRecord>();
  return Boolean(consortium && isMember(consortium, actor.organisationId));
}

/**
 * After the standstill, an officer records the contract of an awarded lot with its cost split. The
 * EU share is capped by what is left of the grant, so contracts of one grant are made one at a time.
 */
export async function recordContract(actor: Actor, tenderId: string, lot: number): Promise<ContractRecord> {
  if (!isOfficer(actor)) throw forbidden();
  const t = await loadTender(actor, tenderId);
  const award = t.awards.find((a) => a.lot === lot);
  if (!t.lots.some((l) => l.number === lot))
    throw badRequest('No such lot.', [{ path: '/lot', message: 'names no lot of this tender' }]);
  if (t.status === 'cancelled') throw conflict('cancelled', 'The tender is cancelled; no contract is made.');
  if (isLotCancelled(t, lot)) throw lotCancelledConflict(lot);
  if (!award) throw conflict('not-awarded', `Lot ${lot} is not awarded.`);
  if (new Date() < new Date(award.standstillEndsAt)) {
    throw conflict(
      'standstill',
      `The standstill period runs until ${new Date(award.standstillEndsAt).toISOString()}; no contract before it ends.`,
    );
  }
  // A complaint against the lot's award (or an exclusion) holds it until decided (art. 2(3)).
  const suspended = await contractSuspendedConflict(tenderId, lot);
  if (suspended) throw suspended;
  const existing = await Contract.findOne({ tenderId: t._id, lot }).lean<ContractRecord>();
  if (existing) return existing;
  const contract = await withDocumentLock('Expression', String(t.expressionId), async () => {
    const expression = (await Expression.findById(
      t.expressionId,
    ).lean<ExpressionRecord>()) as ExpressionRecord;
    const call = (await Call.findById(expression.callId).lean<CallRecord>()) as CallRecord;
    const consortium = (await Consortium.findById(
      t.consortiumId,
    ).lean<ConsortiumRecord>()) as ConsortiumRecord;
    const bid = (await Bid.findById(award.bidId).lean<BidRecord>()) as BidRecord;
    const earlier = await Contract.find({ expressionId: expression._id }, { split: 1 }).lean<
      ContractRecord[]
    >();
    const granted = expression.result?.euAmountGrantedCents ?? 0;
    const left = granted - earlier.reduce((s, c) => s + c.split.euCents, 0);
    const valueCents = bid.opened?.priceCents as number;
    const split = splitCostShares(
      valueCents,
      call.cofundingRate,
      left,
      consortium.members
        .filter((m) => m.status === 'member')
        .map((m) => ({ organisationId: String(m.organisationId), contributionCents: m.contributionCents })),
    );
    try {
      const created = await Contract.create({
        number: `${t.reference}-L${lot}`,
        tenderId: t._id,
        lot,
        expressionId: expression._id,
        consortiumId: consortium._id,
        bidId: bid._id,
        vendorId: bid.vendorId,
        valueCents,
        cofundingRate: call.cofundingRate,
        split,
        createdBy: new Types.ObjectId(actor.id),
      });
      return created.toObject() as unknown as ContractRecord;
    } catch (err) {
      if (isDuplicateKey(err))
        return (await Contract.findOne({ tenderId: t._id, lot }).lean<ContractRecord>()) as ContractRecord;
      throw err;
    }
  });
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    const contracts = tender.contracts ?? [];
    if (contracts.some((c) => c.lot === lot)) return { set: {} };
    if (tender.status === 'cancelled')
      throw conflict('cancelled', 'The tender is cancelled; no contract is made.');
    // Once every lot is decided, the contract award notice is due (art. 50).
    return {
      set: { contracts: [...contracts, { lot, contractId: String(contract._id) }] },
      effects: [domainEvent('tender.contract-recorded')],
    };
  });
  await recordAudit({
    actor,
    action: 'contract.recorded',
    object: { type: 'contract', id: String(contract._id) },
    detail: { tenderId, lot, split: contract.split },
  });
  return contract;
}

/** The contracts of a tender that the actor is a party to (officers: all). */
export async function listContracts(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  const all = await Contract.find({ tenderId: t._id }).sort({ lot: 1 }).lean<ContractRecord[]>();
  const visible: ContractRecord[] = [];
  for (const c of all) if (await isContractParty(actor, c)) visible.push(c);
  return { items: visible.map(contractView), total: visible.length };
}

export async function getContract(actor: Actor, id: string): Promise<ContractRecord> {
  const c = await Contract.findById(id).lean<ContractRecord>();
  if (!c || !(await isContractParty(actor, c))) throw notFound('The contract');
  return c;
}
