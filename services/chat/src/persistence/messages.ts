import type { Collection, Db, Filter } from 'mongodb';
import { insertOnce } from '@eventonight/platform';
import type { MessageDocument } from '../domain/message.js';
import { MESSAGES } from './collections.js';
import { afterTimeCursor, type TimeCursor } from '@eventonight/platform';

export interface MessagePage {
  items: MessageDocument[];
  next: TimeCursor | null;
}

/** The messages collection: one document per message, never embedded in the conversation. */
export class Messages {
  readonly collection: Collection<MessageDocument>;

  constructor(db: Db) {
    this.collection = db.collection<MessageDocument>(MESSAGES);
  }

  /** The idempotency point of a send: the unique _id lets exactly one insert of a (conversation, messageId) win. */
  insertOnce(message: MessageDocument): Promise<'inserted' | 'duplicate'> {
    return insertOnce(this.collection, message);
  }

  find(key: string): Promise<MessageDocument | null> {
    return this.collection.findOne({ _id: key });
  }

  async markApplied(key: string): Promise<void> {
    await this.collection.updateOne({ _id: key }, { $set: { applied: true } });
  }

  /** Newest first, strictly before `before` when given. */
  async pageBefore(conversationId: string, before: TimeCursor | undefined, limit: number): Promise<MessagePage> {
    const filter = { conversationId, ...afterTimeCursor('sentAt', before) } as Filter<MessageDocument>;
    const documents = await this.collection.find(filter).sort({ sentAt: -1, _id: -1 }).limit(limit + 1).toArray();
    const items = documents.slice(0, limit);
    const last = items.at(-1);
    return { items, next: documents.length > limit && last !== undefined ? { at: last.sentAt, id: last._id } : null };
  }

  /** Messages a crash left uncounted (plain equality, so it uses the index on FerretDB too). */
  unapplied(limit: number): Promise<MessageDocument[]> {
    return this.collection.find({ applied: false }).limit(limit).toArray();
  }
}
