import type { Collection, Db, Filter } from 'mongodb';
import { insertManyOnce, insertOnce } from '@eventonight/platform';
import { DELETED_MEMBER } from '../domain/conversation.js';
import { messageKey, type MessageDocument } from '../domain/message.js';
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

  /**
   * Erasure: moves up to `batch` messages of conversation `fromId` to `toId` (new key, erased
   * senders replaced by DELETED_MEMBER) with one insertMany and one deleteMany, whatever the
   * conversation's size. Safe to repeat after a crash between the two: what was inserted
   * already is skipped. Returns how many it found (0 = done).
   */
  async moveBatch(fromId: string, toId: string, erased: ReadonlySet<string>, batch: number): Promise<number> {
    const found = await this.collection.find({ conversationId: fromId }).limit(batch).toArray();
    if (found.length === 0) return 0;
    await insertManyOnce(
      this.collection,
      found.map((message) => ({
        ...message,
        _id: messageKey(toId, message.messageId),
        conversationId: toId,
        senderId: erased.has(message.senderId) ? DELETED_MEMBER : message.senderId,
      })),
    );
    await this.collection.deleteMany({ _id: { $in: found.map((message) => message._id) } });
    return found.length;
  }

  /** Every message of a conversation nobody is left to read (one command). */
  async deleteConversation(conversationId: string): Promise<number> {
    return (await this.collection.deleteMany({ conversationId })).deletedCount;
  }

  /** A member's export: the messages of their conversations, oldest first within each. */
  ofConversations(conversationIds: readonly string[]): Promise<MessageDocument[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.collection
      .find({ conversationId: { $in: [...conversationIds] } })
      .sort({ conversationId: 1, sentAt: 1, _id: 1 })
      .toArray();
  }
}
