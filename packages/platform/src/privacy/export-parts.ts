import { exportPartEvents, type ExportPartSource, type ExportSections } from '@eventonight/contracts';
import type { Collection, Filter } from 'mongodb';
import type { AggregateStore, PendingEvent, StoredAggregate } from '../persistence/aggregate-store.js';
import { AggregateAlreadyExistsError } from '../persistence/errors.js';

/**
 * Each service's answer to `user.export.requested` (ADR 0027) is an aggregate of its own, so the
 * part leaves through the outbox like every other fact. Once the relay has published it, the
 * document keeps only which export it answered: the copied rows were in the outbox, which the
 * relay empties. List EXPORT_PARTS_COLLECTION in the service's aggregateCollections.
 */
export const EXPORT_PARTS_COLLECTION = 'export_parts';

export interface ExportPartState {
  /** The export id: one part per export per service. */
  _id: string;
  userId: string;
  answeredAt: Date;
}

export interface ExportAnswer {
  exportId: string;
  userId: string;
  sections: ExportSections;
}

/** Publishes this service's part of an export once; a redelivered request changes nothing. */
export async function answerExportRequest(
  store: AggregateStore<ExportPartState>,
  source: ExportPartSource,
  answer: ExportAnswer,
  now: Date = new Date(),
): Promise<'answered' | 'already-answered'> {
  const event = { type: exportPartEvents[source].type, data: answer } as PendingEvent;
  try {
    await store.create({ _id: answer.exportId, userId: answer.userId, answeredAt: now }, [event]);
    return 'answered';
  } catch (error) {
    if (error instanceof AggregateAlreadyExistsError) return 'already-answered';
    throw error;
  }
}

/** Erasure: the record of which exports a user asked for goes with the user. */
export async function forgetExportParts(collection: Collection<StoredAggregate<ExportPartState>>, userId: string): Promise<void> {
  await collection.deleteMany({ userId } as Filter<StoredAggregate<ExportPartState>>);
}
