import type { ExportSections, ExportSource } from '@eventonight/contracts';
import type { AggregateStore, BaseServiceConfig, ServiceContext } from '@eventonight/platform';
import type { Collection, Db } from 'mongodb';
import type { DataExport } from '../domain/data-export.js';

/** Exports: aggregates, since each carries its `user.export.requested` in its outbox. */
export const EXPORTS = 'exports';
/** The parts received for an export, one document per source (`<exportId>:<source>`). */
export const EXPORT_PARTS_RECEIVED = 'export_parts_received';

export type ExportStore = AggregateStore<DataExport>;

export interface ReceivedPart {
  /** `<exportId>:<source>`: a redelivered part is a duplicate key, stored once. */
  _id: string;
  exportId: string;
  userId: string;
  source: ExportSource;
  receivedAt: Date;
  /** The sections as JSON text: row keys are the services' column names, never field names here. */
  sectionsJson: string;
}

export function partId(exportId: string, source: ExportSource): string {
  return `${exportId}:${source}`;
}

export class ReceivedParts {
  readonly collection: Collection<ReceivedPart>;

  constructor(db: Db) {
    this.collection = db.collection<ReceivedPart>(EXPORT_PARTS_RECEIVED);
  }

  async ensureIndexes(): Promise<void> {
    // One index per call (FerretDB 1.24, see AggregateStore.ensureIndexes).
    await this.collection.createIndexes([{ key: { userId: 1 }, name: 'by_user' }]);
  }

  /** The parts of one export, by source; point reads by _id (the only lookup FerretDB indexes). */
  async sectionsOf(exportId: string, sources: readonly ExportSource[]): Promise<Partial<Record<ExportSource, ExportSections>>> {
    const out: Partial<Record<ExportSource, ExportSections>> = {};
    for (const source of sources) {
      const part = await this.collection.findOne({ _id: partId(exportId, source) });
      if (part !== null) out[source] = JSON.parse(part.sectionsJson) as ExportSections;
    }
    return out;
  }

  async deleteOfExport(exportId: string, sources: readonly ExportSource[]): Promise<void> {
    await this.collection.deleteMany({ _id: { $in: sources.map((source) => partId(exportId, source)) } });
  }

  async deleteOfUser(userId: string): Promise<void> {
    await this.collection.deleteMany({ userId });
  }
}

/** The export store with its indexes: one open export per user (unique), a member's list, the sweep. */
export async function openExportStore<C extends BaseServiceConfig>(context: ServiceContext<C>): Promise<ExportStore> {
  const store = context.store<DataExport>(EXPORTS);
  await store.ensureIndexes([
    { key: { openSlot: 1 }, name: 'open_slot_unique', unique: true },
    { key: { userId: 1, requestedAt: -1 }, name: 'by_user' },
    { key: { purgeAt: 1 }, name: 'purge_at' },
  ]);
  return store;
}
