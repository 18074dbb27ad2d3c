import type { Collection, Db, Filter } from 'mongodb';
import type { DomainEvent } from '@eventonight/contracts';
import { problemOf, problemSubtype } from '../http/problem.js';
import { upsertIfNewer } from '../persistence/idempotent-writes.js';

/** 409 with its own type: one of the two members blocks the other (ADR 0041). */
export const blockedProblem = problemSubtype('conflict', 'blocked', 'Blocked');
/** 403 with its own type: a moderator suspended the caller's account; its still-valid token may not write. */
export const accountSuspendedProblem = problemSubtype('forbidden', 'account-suspended', 'Account suspended');

export interface SafetyHooks {
  onHiddenChanged?: (kind: string, itemId: string, hidden: boolean) => Promise<void>;
  onBlocked?: (blockerId: string, blockedId: string) => Promise<void>;
}

interface BlockCopy {
  _id: string;
  sourceVersion: number;
  blockerId: string;
  blockedId: string;
  blocked: boolean;
}

interface RestrictionCopy {
  _id: string;
  sourceVersion: number;
  restricted: boolean;
}

/**
 * A consuming service's copies of the safety facts the user service owns (ADR 0041): who blocks
 * whom, which accounts are suspended, which items a moderator hid. Written only by the handlers
 * below (the newest aggregateVersion wins, so redeliveries and reordering are harmless); read by the
 * service's commands and lists. One class for chat, interaction and event, so the rules are the same.
 */
export class SafetyCopies {
  readonly blocks: Collection<BlockCopy>;
  readonly restrictions: Collection<RestrictionCopy>;

  /**
   * `kinds`: the moderated kinds this service owns (the others' visibility events are ignored);
   * `hooks`: what the service does when a copy changed (e.g. end follows on a block, move the cache on).
   */
  constructor(
    db: Db,
    private readonly kinds: ReadonlyArray<'message' | 'review' | 'event' | 'profile'>,
    private readonly hooks: SafetyHooks = {},
  ) {
    this.blocks = db.collection<BlockCopy>('safety_blocks');
    this.restrictions = db.collection<RestrictionCopy>('safety_restrictions');
  }

  async ensureIndexes(): Promise<void> {
    await this.blocks.createIndexes([{ key: { blockerId: 1 }, name: 'by_blocker' }]);
    await this.blocks.createIndexes([{ key: { blockedId: 1 }, name: 'by_blocked' }]);
  }

  /** `user.block.changed`: the newest version of the pair wins (each service lists this key in its own handlers). */
  async applyBlock(event: DomainEvent<'user.block.changed'>): Promise<void> {
    const { blockerId, blockedId, blocked } = event.data;
    const applied = await upsertIfNewer(this.blocks, pairKey(blockerId, blockedId), event.aggregateVersion, { blockerId, blockedId, blocked });
    // Also on a redelivery of the newest version ('stale'): the hook is idempotent and may not have run.
    if (blocked && (applied === 'applied' || (await this.eitherBlocks(blockerId, blockedId)))) await this.hooks.onBlocked?.(blockerId, blockedId);
  }

  async applySuspension(event: DomainEvent<'user.suspension.changed'>): Promise<void> {
    const { userId, suspended } = event.data;
    await upsertIfNewer(this.restrictions, `account:${userId}`, event.aggregateVersion, { restricted: suspended });
  }

  async applyVisibility(event: DomainEvent<'moderation.item.visibility.changed'>): Promise<void> {
    const { kind, itemId, hidden } = event.data;
    if (!this.kinds.includes(kind)) return;
    const applied = await upsertIfNewer(this.restrictions, `${kind}:${itemId}`, event.aggregateVersion, { restricted: hidden });
    if (applied === 'applied') await this.hooks.onHiddenChanged?.(kind, itemId, hidden);
  }

  /** Whether either of the two blocks the other. */
  async eitherBlocks(a: string, b: string): Promise<boolean> {
    const found = await this.blocks.find({ _id: { $in: [pairKey(a, b), pairKey(b, a)] } } as Filter<BlockCopy>).toArray();
    return found.some((copy) => copy.blocked);
  }

  /** Everyone `me` blocks or is blocked by: two equality queries, bounded by the member's own blocks. */
  async blockedWith(me: string): Promise<Set<string>> {
    const [mine, theirs] = await Promise.all([
      this.blocks.find({ blockerId: me } as Filter<BlockCopy>).toArray(),
      this.blocks.find({ blockedId: me } as Filter<BlockCopy>).toArray(),
    ]);
    const out = new Set<string>();
    for (const copy of mine) if (copy.blocked) out.add(copy.blockedId);
    for (const copy of theirs) if (copy.blocked) out.add(copy.blockerId);
    return out;
  }

  async refuseBlocked(a: string, b: string, detail: string): Promise<void> {
    if (await this.eitherBlocks(a, b)) throw problemOf(blockedProblem, detail);
  }

  async isSuspended(userId: string): Promise<boolean> {
    const found = await this.restrictions.findOne({ _id: `account:${userId}` } as Filter<RestrictionCopy>);
    return found?.restricted === true;
  }

  async refuseSuspended(userId: string): Promise<void> {
    if (await this.isSuspended(userId)) {
      throw problemOf(accountSuspendedProblem, 'Your account is suspended: you cannot do this. Write to support if you think this is a mistake.');
    }
  }

  async isHidden(kind: string, itemId: string): Promise<boolean> {
    const found = await this.restrictions.findOne({ _id: `${kind}:${itemId}` } as Filter<RestrictionCopy>);
    return found?.restricted === true;
  }

  /** Which of `itemIds` (one page) are hidden. */
  async hiddenAmong(kind: string, itemIds: readonly string[]): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const keys = [...new Set(itemIds)].map((id) => `${kind}:${id}`);
    const found = await this.restrictions.find({ _id: { $in: keys } } as Filter<RestrictionCopy>).toArray();
    return new Set(found.filter((copy) => copy.restricted).map((copy) => copy._id.slice(kind.length + 1)));
  }
}

function pairKey(blockerId: string, blockedId: string): string {
  // Not NUL: FerretDB keeps documents in PostgreSQL jsonb, which refuses it. Ids never hold ":".
  return `${blockerId}:${blockedId}`;
}
