import type { Collection, Filter } from 'mongodb';
import type { StoredAggregate } from '@eventonight/platform';
import type { ConversationState } from '../domain/conversation.js';
import { afterTimeCursor, type TimeCursor } from '@eventonight/platform';

type ConversationDocument = StoredAggregate<ConversationState>;

const metadataOnly = { outbox: 0, outboxPending: 0, outboxTicket: 0, appliedMessageIds: 0 } as const;

export interface ConversationPage {
  items: ConversationState[];
  next: TimeCursor | null;
}

/** The list query: conversation metadata only, never a message. */
export class ConversationReads {
  constructor(private readonly collection: Collection<ConversationDocument>) {}

  async listFor(userId: string, after: TimeCursor | undefined, limit: number): Promise<ConversationPage> {
    // A document being moved by an erasure (rekeyedTo) is listed under its new id only.
    const filter = {
      participantIds: userId,
      rekeyedTo: { $exists: false },
      ...afterTimeCursor('lastActivityAt', after),
    } as Filter<ConversationDocument>;
    const documents = await this.collection
      .find(filter, { projection: metadataOnly })
      .sort({ lastActivityAt: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    const items = documents.slice(0, limit) as unknown as ConversationState[];
    const last = items.at(-1);
    return { items, next: documents.length > limit && last !== undefined ? { at: last.lastActivityAt, id: last._id } : null };
  }

  /** Every conversation `userId` takes part in (a member's export; erasure pages through it itself). */
  async allOf(userId: string): Promise<ConversationState[]> {
    const filter = { participantIds: userId, rekeyedTo: { $exists: false } } as Filter<ConversationDocument>;
    const documents = await this.collection.find(filter, { projection: metadataOnly }).sort({ lastActivityAt: -1, _id: -1 }).toArray();
    return documents as unknown as ConversationState[];
  }
}
