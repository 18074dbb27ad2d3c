import { AggregateAlreadyExistsError, problems, VersionConflictError, type AggregateStore, type Principal } from '@eventonight/platform';
import { isActive } from '../domain/profile.js';
import { blockId, type BlockState } from '../domain/safety.js';
import type { ProfileStore } from '../persistence/profiles.js';

export interface BlockDeps {
  store: ProfileStore;
  blocks: AggregateStore<BlockState>;
  clock: () => Date;
}

const ATTEMPTS = 5;

/**
 * Blocks (or unblocks) a member. Idempotent: blocking twice changes nothing and publishes nothing.
 * `user.block.changed` carries the pair; chat and interaction keep the newest copy (ADR 0041).
 */
export async function setBlock(deps: BlockDeps, principal: Principal, otherId: string, blocked: boolean): Promise<void> {
  const me = principal.userId;
  if (otherId === me) {
    throw problems.unprocessable('You cannot block yourself.', { errors: [{ location: 'params', path: 'userId', message: 'must not be yourself' }] });
  }
  if (blocked) {
    const other = await deps.store.load(otherId);
    if (other === null || !isActive(other.state)) throw problems.notFound('No such member.');
  }
  const id = blockId(me, otherId);
  const now = deps.clock().toISOString();
  const event = { type: 'user.block.changed' as const, data: { blockerId: me, blockedId: otherId, blocked } };
  for (let attempt = 1; ; attempt += 1) {
    try {
      const current = await deps.blocks.load(id);
      if (current === null) {
        if (blocked) await deps.blocks.create({ _id: id, blockerId: me, blockedId: otherId, blocked: true, updatedAt: now }, [event]);
        return;
      }
      if (current.state.blocked === blocked) return;
      await deps.blocks.update(id, current.version, { blocked, updatedAt: now }, [event]);
      return;
    } catch (error) {
      // A concurrent block or unblock of the same pair won: decide again on its state.
      const raced = error instanceof VersionConflictError || error instanceof AggregateAlreadyExistsError;
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The members I block, newest first (bounded). */
export async function listBlocked(deps: BlockDeps, me: string, limit: number): Promise<Array<{ userId: string; displayName: string | null; since: string }>> {
  const found = await deps.blocks.collection
    .find({ blockerId: me, blocked: true } as never, { projection: { blockedId: 1, updatedAt: 1 } })
    .toArray();
  const rows = (found as unknown as BlockState[]).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
  const out = [];
  for (const row of rows) {
    const profile = await deps.store.load(row.blockedId);
    out.push({ userId: row.blockedId, displayName: profile?.state.displayName ?? null, since: row.updatedAt });
  }
  return out;
}

/** Whether either of the two blocks the other. */
export async function eitherBlocks(deps: BlockDeps, a: string, b: string): Promise<boolean> {
  const [ab, ba] = await Promise.all([deps.blocks.load(blockId(a, b)), deps.blocks.load(blockId(b, a))]);
  return ab?.state.blocked === true || ba?.state.blocked === true;
}
