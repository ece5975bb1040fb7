import { linkAuditChain } from '../audit/audit.service.js';
import { requeueStaleEffects } from '../effects/effects.js';
import { logger } from '../logger.js';
import { requeueStaleNotices } from '../notices/outbox.js';

type Repair = () => Promise<number>;
const repairs = new Map<string, Repair>();

/** Registers a repair the periodic reconciler runs (e.g. a deadline whose delayed job was lost); returns its removal. */
export function onReconcile(name: string, repair: Repair): () => void {
  repairs.set(name, repair);
  return () => repairs.delete(name);
}

/** Work left behind by lost jobs is at least this old before the reconciler queues it again. */
const GRACE_MS = 30_000;

/** Queues again whatever a lost job or a crash left undone; returns counts per repair. A repair that throws does not stop the others. */
export async function reconcile(): Promise<Record<string, number>> {
  const all: [string, Repair][] = [
    ['effects', () => requeueStaleEffects(GRACE_MS)],
    ['notices', () => requeueStaleNotices(GRACE_MS)],
    ['audit-chain', () => linkAuditChain()],
    ...repairs,
  ];
  const counts: Record<string, number> = {};
  const failed: string[] = [];
  for (const [name, repair] of all) {
    try {
      counts[name] = await repair();
    } catch (err) {
      failed.push(name);
      logger.error({ err, repair: name }, 'a reconciler repair failed; the others ran');
    }
  }
  if (Object.values(counts).some((n) => n > 0)) logger.info({ counts }, 'reconciler queued left-over work');
  if (failed.length) throw new Error(`Reconciler repairs failed: ${failed.join(', ')}`);
  return counts;
}
