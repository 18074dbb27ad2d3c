import { randomUUID } from 'node:crypto';
import type { ExportSections, ExportSource } from '@eventonight/contracts';
import { AggregateAlreadyExistsError, insertOnce, problems, retryOnVersionConflict, VersionConflictError, type Principal } from '@eventonight/platform';
import type { Filter } from 'mongodb';
import { archiveFileName, buildArchive } from '../domain/archive.js';
import { EXPORT_SOURCES, isExpired, isStillPreparing, newExport, userPart, withPart, type DataExport } from '../domain/data-export.js';
import { isActive } from '../domain/profile.js';
import type { StoredAggregate } from '@eventonight/platform';
import { partId } from '../persistence/exports.js';
import type { ExportDeps } from './deps.js';
import { ensureProfile } from './ensure-profile.js';

/** How many exports the member's list shows (the latest first). */
export const LISTED_EXPORTS = 10;

const exportRequested = (dataExport: DataExport) =>
  ({ type: 'user.export.requested', data: { exportId: dataExport._id, userId: dataExport.userId } }) as const;

type ExportFilter = Filter<StoredAggregate<DataExport>>;

async function openExportOf(deps: ExportDeps, userId: string): Promise<{ state: DataExport; version: number } | null> {
  const found = await deps.exports.collection.findOne({ openSlot: userId } as ExportFilter, { projection: { _id: 1 } });
  return found === null ? null : deps.exports.load(found._id);
}

/**
 * Starts an export (202): stores it with `user.export.requested` in its outbox, so every service
 * is asked through the bus. While one younger than an hour is still being prepared, that one is
 * returned instead; an older unfinished one is closed (it stays listed as incomplete) and a new
 * one starts. The unique `openSlot` makes two simultaneous requests open one export.
 */
export async function requestExport(deps: ExportDeps, principal: Principal): Promise<{ dataExport: DataExport; created: boolean }> {
  const profile = await ensureProfile(deps, principal);
  if (!isActive(profile.profile)) throw problems.accountDeleted();
  const userId = principal.userId;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const now = deps.clock();
    const open = await openExportOf(deps, userId);
    if (open !== null) {
      if (isStillPreparing(open.state, now)) return { dataExport: open.state, created: false };
      try {
        await deps.exports.update(open.state._id, open.version, { openSlot: open.state._id }, []);
      } catch (error) {
        if (error instanceof VersionConflictError) continue;
        throw error;
      }
    }
    const dataExport = newExport(randomUUID(), userId, now);
    try {
      await deps.exports.create(dataExport, [exportRequested(dataExport)]);
      return { dataExport, created: true };
    } catch (error) {
      // Another request opened one meanwhile: the next round returns it.
      if (error instanceof AggregateAlreadyExistsError) continue;
      throw error;
    }
  }
  throw problems.conflict('Several export requests raced; try again.');
}

/** The member's exports, latest first. */
export async function listExports(deps: ExportDeps, principal: Principal): Promise<DataExport[]> {
  await deps.ledger.refuseErased(principal.userId);
  const found = await deps.exports.collection
    .find({ userId: principal.userId } as ExportFilter, { projection: { outbox: 0, outboxPending: 0, outboxTicket: 0, version: 0 } })
    .sort({ requestedAt: -1 })
    .limit(LISTED_EXPORTS)
    .toArray();
  return found as unknown as DataExport[];
}

/** The archive of a ready export of the caller's: 404 for anyone else's, 409 before ready, 410 once expired. */
export async function exportArchive(
  deps: ExportDeps,
  principal: Principal,
  exportId: string,
): Promise<{ fileName: string; bytes: Uint8Array } | { expired: DataExport }> {
  await deps.ledger.refuseErased(principal.userId);
  const loaded = await deps.exports.load(exportId);
  if (loaded === null || loaded.state.userId !== principal.userId) throw problems.notFound('This export does not exist.');
  const dataExport = loaded.state;
  const now = deps.clock();
  if (dataExport.status !== 'ready') {
    throw problems.conflict(
      isStillPreparing(dataExport, now)
        ? 'This export is still being prepared.'
        : 'This export could not be completed: part of EventoNight did not answer. Ask for a new one.',
    );
  }
  if (isExpired(dataExport, now)) return { expired: dataExport };
  const parts = await deps.parts.sectionsOf(exportId, EXPORT_SOURCES);
  return { fileName: archiveFileName(dataExport), bytes: buildArchive({ dataExport, parts }) };
}

export type PartOutcome = 'stored' | 'duplicate' | 'unknown-export' | 'erased';

/**
 * Stores one service's part (the document `<exportId>:<source>`, once) and records it on the
 * export, which becomes ready with the seventh. A part for an export this service does not hold
 * (or for another user) is ignored; so is one about an erased user. If the export is deleted
 * meanwhile (expired, or its user erased), the part just stored goes too.
 */
export async function storePart(
  deps: ExportDeps,
  source: ExportSource,
  part: { exportId: string; userId: string; sections: ExportSections },
): Promise<PartOutcome> {
  if (await deps.ledger.isErased(part.userId)) return 'erased';
  const known = await deps.exports.load(part.exportId);
  if (known === null || known.state.userId !== part.userId) return 'unknown-export';
  const inserted = await insertOnce(deps.parts.collection, {
    _id: partId(part.exportId, source),
    exportId: part.exportId,
    userId: part.userId,
    source,
    receivedAt: deps.clock(),
    sectionsJson: JSON.stringify(part.sections),
  });
  // Always (also on a duplicate): a crash after the insert left the export without this source.
  const recorded = await retryOnVersionConflict(10, async () => {
    const current = await deps.exports.load(part.exportId);
    if (current === null) return false;
    const changes = withPart(current.state, source, deps.clock());
    if (changes !== null) await deps.exports.update(part.exportId, current.version, changes, []);
    return true;
  });
  if (!recorded) {
    await deps.parts.collection.deleteOne({ _id: partId(part.exportId, source) });
    return 'unknown-export';
  }
  return inserted === 'inserted' ? 'stored' : 'duplicate';
}

/** The user service's own part, written when its own `user.export.requested` comes back. */
export async function storeOwnPart(deps: ExportDeps, request: { exportId: string; userId: string }): Promise<PartOutcome> {
  const loaded = await deps.store.load(request.userId);
  if (loaded === null || !isActive(loaded.state)) return 'unknown-export';
  return storePart(deps, 'user', { ...request, sections: userPart(loaded.state) });
}

/** The periodic sweep: exports past their purge date go, with their parts. */
export async function purgeExpiredExports(deps: ExportDeps): Promise<number> {
  const due = await deps.exports.collection
    .find({ purgeAt: { $lte: deps.clock() } } as ExportFilter, { projection: { _id: 1 } })
    .limit(500)
    .toArray();
  for (const { _id } of due) {
    // The export first: a part arriving meanwhile finds it gone and removes itself (storePart).
    await deps.exports.collection.deleteOne({ _id } as ExportFilter);
    await deps.parts.deleteOfExport(_id, EXPORT_SOURCES);
  }
  return due.length;
}

/** Erasure: every export of the user and every part received for them. */
export async function forgetExports(deps: ExportDeps, userId: string): Promise<void> {
  await deps.exports.collection.deleteMany({ userId } as ExportFilter);
  await deps.parts.deleteOfUser(userId);
}
