import { UnrecoverableError } from 'bullmq';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { storeDocument } from '../documents/documents.service.js';
import { domainEvent } from '../events.js';
import { contractSuspendedConflict } from '../review/suspension.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { Contract, type ContractRecord } from './contract.model.js';
import { contractData, renderContractPdf } from './contract-document.js';
import { recordContract } from './contracts.service.js';

export const contractDocumentKey = (contractId: string) => `contract:${contractId}`;

/** After the standstill: records the contract (once) and queues its PDF; `202 {jobId, contractId}`. */
export async function requestContract(actor: Actor, tenderId: string, lot: number) {
  const contract = await recordContract(actor, tenderId, lot);
  const id = String(contract._id);
  const c = await changeDocument<ContractRecord>(Contract, id, 'The contract', (current) =>
    current.status === 'recorded' || current.status === 'failed'
      ? { set: { status: 'generating', progress: 0 } }
      : { set: {} },
  );
  const jobId = `contract-${id}`;
  // Asking again for a contract stuck in `generating` (its job spent or lost) queues it afresh.
  if (c.status === 'generating')
    await context().queues.addAfterWrite(
      'generate-contract',
      { contractId: id },
      { jobId, replaceFailed: true },
    );
  return { jobId, contractId: id, status: c.status };
}

async function progress(contractId: string, value: number): Promise<void> {
  await changeDocument<ContractRecord>(Contract, contractId, 'The contract', () => ({
    set: { progress: value },
  }));
}

/** The worker's job: renders the contract PDF, stores it, and queues its delivery by e-mail. */
export async function generateContract(
  contractId: string,
  isLastAttempt: boolean,
): Promise<'ready' | 'skipped'> {
  const contract = await Contract.findById(contractId).lean<ContractRecord>();
  if (!contract) throw new UnrecoverableError(`No contract ${contractId}`);
  if (contract.status === 'ready') return 'skipped';
  const tender = await Tender.findById(contract.tenderId, { status: 1 }).lean<TenderRecord>();
  if (tender?.status === 'cancelled') {
    await changeDocument<ContractRecord>(Contract, contractId, 'The contract', () => ({
      set: { status: 'failed' },
    }));
    throw new UnrecoverableError('The tender is cancelled; no contract is made.');
  }
  // The worker asks the review stage too: a suspended lot's contract is never drawn up.
  const suspended = await contractSuspendedConflict(String(contract.tenderId), contract.lot);
  if (suspended) {
    await changeDocument<ContractRecord>(Contract, contractId, 'The contract', () => ({
      set: { status: 'failed' },
    }));
    await recordAudit({
      actor: null,
      action: 'contract.refused',
      object: { type: 'contract', id: contractId },
      detail: { reason: suspended.message },
    });
    throw new UnrecoverableError(suspended.message);
  }
  try {
    await progress(contractId, 10);
    const data = await contractData(contract);
    await progress(contractId, 30);
    const { bytes, dataSha256 } = await renderContractPdf(data, contractId);
    await progress(contractId, 80);
    const stored = await storeDocument({
      key: contractDocumentKey(contractId),
      kind: 'contract',
      filename: `contract-${contract.number}.pdf`,
      contentType: 'application/pdf',
      dataSha256,
      bytes,
    });
    await changeDocument<ContractRecord>(Contract, contractId, 'The contract', (c) =>
      c.status === 'ready'
        ? { set: {} }
        : {
            set: { status: 'ready', progress: 100, documentSha256: stored.sha256, dataSha256 },
            effects: [domainEvent('contract.ready')],
          },
    );
    await recordAudit({
      actor: null,
      action: 'contract.generated',
      object: { type: 'contract', id: contractId },
      detail: { sha256: stored.sha256 },
    });
    return 'ready';
  } catch (err) {
    if (isLastAttempt || err instanceof UnrecoverableError) {
      await changeDocument<ContractRecord>(Contract, contractId, 'The contract', () => ({
        set: { status: 'failed' },
      }));
    }
    throw err;
  }
}
