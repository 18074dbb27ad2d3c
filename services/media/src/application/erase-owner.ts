import { forgetExportParts, retryOnVersionConflict, type StoredAggregate } from '@eventonight/platform';
import type { Filter } from 'mongodb';
import type { AssetState } from '../domain/asset.js';
import { decideDelete } from '../domain/lifecycle.js';
import type { MediaAppDeps } from './deps.js';

type AssetDocument = StoredAggregate<AssetState>;

/**
 * Raised when the erasure cannot finish now (object store down, outbox not yet published): it is
 * marked `unavailable`, so the consumer retries the message at its longest delay for as long as
 * needed instead of dead-lettering it. Nothing is lost: every step is repeated idempotently.
 */
export class ErasureNotFinished extends Error {
  readonly unavailable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ErasureNotFinished';
  }
}

export interface ErasureSummary {
  assets: number;
  objects: number;
}

/** How long the erasure waits for the relay to publish the deletions before retrying later. */
const OUTBOX_WAIT_MS = 10_000;

/**
 * `user.deleted` (ADR 0027): every asset the user owns goes, whatever its purpose and state,
 * pending uploads included: object AND document.
 *
 * 1. the erasure is recorded first, and the record of the user's exports forgotten;
 * 2. each live asset is deleted exactly as its owner's DELETE does (tombstone with
 *    `media.asset.deleted` for uploaded ones, in the same write), so user and event drop it;
 * 3. every object under the owner's prefix `<ownerId>/` is removed (one listing, batched
 *    removals): whatever the documents say, nothing of theirs stays in the bucket;
 * 4. the documents are deleted once the relay has published their outbox (the event leaves,
 *    then nothing of the owner stays in the database).
 *
 * A store outage, or an outbox not yet published, throws ErasureNotFinished: the message is
 * retried, and the next delivery repeats what is left (every step is idempotent).
 */
export async function eraseOwner(deps: MediaAppDeps, ownerId: string, outboxWaitMs = OUTBOX_WAIT_MS): Promise<ErasureSummary> {
  await deps.ledger.record(ownerId, deps.clock());
  await forgetExportParts(deps.exportParts.collection, ownerId);
  const assets = await deps.reads.ownedBy(ownerId);
  for (const asset of assets) await tombstone(deps, asset._id);
  const objects = await removeObjectsOf(deps, ownerId);
  await deleteDocumentsOf(deps, ownerId, outboxWaitMs);
  return { assets: assets.length, objects };
}

async function tombstone(deps: MediaAppDeps, assetId: string): Promise<void> {
  await retryOnVersionConflict(10, async () => {
    const loaded = await deps.store.load(assetId);
    const decision = loaded === null ? null : decideDelete(loaded.state, deps.clock());
    if (loaded === null || decision === null) return;
    await deps.store.update(assetId, loaded.version, decision.changes, decision.events);
  });
}

async function removeObjectsOf(deps: MediaAppDeps, ownerId: string): Promise<number> {
  try {
    const keys = await deps.storage.listKeys(`${ownerId}/`);
    await deps.storage.removeMany(keys);
    return keys.length;
  } catch (error) {
    throw new ErasureNotFinished('the object store is unavailable; the erasure is retried', { cause: error });
  }
}

async function deleteDocumentsOf(deps: MediaAppDeps, ownerId: string, outboxWaitMs: number): Promise<void> {
  const collection = deps.store.collection;
  const deadline = Date.now() + outboxWaitMs;
  for (;;) {
    // Only documents whose outbox is empty: a media.asset.deleted not yet published must leave first.
    await collection.deleteMany({ ownerId, outboxPending: false } as Filter<AssetDocument>);
    if ((await collection.countDocuments({ ownerId } as Filter<AssetDocument>, { limit: 1 })) === 0) return;
    if (Date.now() > deadline) throw new ErasureNotFinished('deletions not yet published; the erasure is retried');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * An upload URL handed out before the erasure works until it expires, so an object may still
 * land under an erased owner's prefix afterwards; a request for an upload that raced the erasure
 * may have left a pending document. While that can happen (`lateUploadWindowMs` after any
 * erasure) the sweeper erases both again: the owners are found from the bucket's prefixes and the
 * open uploads, matched against the ledger's digests (the ledger keeps no id to look them up by).
 */
export async function eraseLateUploads(deps: MediaAppDeps): Promise<number> {
  const since = new Date(deps.clock().getTime() - deps.settings.lateUploadWindowMs);
  if (!(await deps.recentErasures.anySince(since))) return 0;
  const candidates = new Set([...(await deps.storage.listOwners()), ...(await deps.reads.ownersOfOpenUploads(since))]);
  const erased = await deps.ledger.erasedAmong([...candidates]);
  for (const ownerId of erased) await eraseOwner(deps, ownerId);
  return erased.size;
}
