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
    const filter = { participantIds: userId, ...afterTimeCursor('lastActivityAt', after) } as Filter<ConversationDocument>;
    const documents = await this.collection
      .find(filter, { projection: metadataOnly })
      .sort({ lastActivityAt: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    const items = documents.slice(0, limit) as unknown as ConversationState[];
    const last = items.at(-1);
    return { items, next: documents.length > limit && last !== undefined ? { at: last.lastActivityAt, id: last._id } : null };
  }
}
