import { domainEvent, type PendingEffect } from './events.js';
import { logger } from './logger.js';

// A procedure step that publishes a notice (publishing a call or a tender, cancelling one) asks for
// it here before the step is stored: the notice is made and validated first — a notice that breaks
// a rule stops the step — and the step's write carries the notice's release. The notices are a
// later stage's (`server/publication/`), which answers through this port; the composition roots
// (the app, the worker's follow-ups) wire it in, so no stage imports a later one.

/** A notice made and validated for a step, waiting for the step to be stored. */
export interface StepNotice {
  key: string;
}

/** What a step's record is, as far as this port is concerned: publication reads the rest. */
type StepRecord = { _id: unknown };

export interface Publishing {
  /** The call for expressions of interest of a call about to be published. */
  callNotice(call: StepRecord): Promise<StepNotice | undefined>;
  /** The contract notice of a tender about to be published, under its procedure id. */
  tenderNotice(tender: StepRecord, procedureId: string): Promise<StepNotice | undefined>;
  /** The change notice of a change to a published tender (a cancellation, an amendment). */
  changeNotice(
    tender: StepRecord,
    change: { reason: string; description: string; lots: number[]; documentsChangedAt?: Date },
  ): Promise<StepNotice | undefined>;
  /** Once a tender is decided (every lot contracted, without tenders, or cancelled after its deadline). */
  tenderDecided(tenderId: string): Promise<unknown>;
  release(key: string): Promise<void>;
  discard(key: string): Promise<unknown>;
}

let publishing: Publishing | undefined;

/** Wires the notices in, once per process (see the app and the worker's follow-ups). */
export function usePublishing(p: Publishing): void {
  publishing = p;
}

/** The notices of the procedure's steps; a process that publishes without them is a wiring mistake. */
export function notices(): Publishing {
  if (!publishing) throw new Error('Publishing is not wired in: call usePublishing at start-up');
  return publishing;
}

/** Runs a procedure step with the notice it publishes (if any): the step's write carries its release. */
export async function withNotice<T>(
  notice: StepNotice | undefined,
  step: (effects: PendingEffect[]) => Promise<T>,
): Promise<T> {
  const effects = notice ? [domainEvent('eforms.notice-released', { noticeKey: notice.key })] : [];
  let result: T;
  try {
    result = await step(effects);
  } catch (err) {
    if (notice) await notices().discard(notice.key);
    throw err;
  }
  // At once for the board; the step's event does it again (idempotently) should this be lost.
  if (notice)
    await notices()
      .release(notice.key)
      .catch((err) => logger.warn({ err, notice: notice.key }, 'release deferred to the event'));
  return result;
}
