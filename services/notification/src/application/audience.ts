import { audienceId, type AudienceRepository } from '../persistence/audience.js';
import type { DeliveryDeps } from './deliver.js';

/**
 * A follow or participation change into the audience copy, unless it names someone erased (a late
 * or replayed event must not bring them back, ADR 0027). The ledger is asked before the write and
 * once more after it: an erasure that ran in between (it records, then deletes) may have missed
 * this entry, which then goes.
 */
export async function recordAudience(
  deps: Pick<DeliveryDeps, 'ledger'>,
  audience: AudienceRepository,
  change: { memberId: string; targetId: string; active: boolean; version: number; people: readonly string[] },
): Promise<'applied' | 'stale' | 'erased'> {
  if ((await deps.ledger.erasedAmong(change.people)).size > 0) return 'erased';
  const outcome = await audience.record(change.memberId, change.targetId, change.active, change.version);
  if ((await deps.ledger.erasedAmong(change.people)).size > 0) {
    await audience.collection.deleteOne({ _id: audienceId(change.memberId, change.targetId) });
    return 'erased';
  }
  return outcome;
}
