import type { Collection, Db, Filter } from 'mongodb';
import { insertManyOnce } from '@eventonight/platform';
import type { NotificationDocument } from '../domain/notification.js';
import type { NotificationCursor } from './cursor.js';

export const NOTIFICATIONS_COLLECTION = 'notifications';

export interface NotificationPage {
  items: NotificationDocument[];
  next: NotificationCursor | null;
}

/** The notifications collection: one document per (recipient, source event). */
export class NotificationRepository {
  readonly collection: Collection<NotificationDocument>;

  constructor(db: Db) {
    this.collection = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // One index per call: FerretDB handles a single createIndexes spec most reliably.
    await this.collection.createIndex({ recipientId: 1, createdAt: -1, _id: -1 }, { name: 'recipient_newest' });
    await this.collection.createIndex({ recipientId: 1, read: 1, createdAt: -1, _id: -1 }, { name: 'recipient_unread_newest' });
  }

  /**
   * Stores the ones whose deterministic _id is new, in one unordered command, and returns their
   * ids: on a redelivery the others exist already and are left as they are (read state included).
   */
  insertNew(notifications: readonly NotificationDocument[]): Promise<Set<string>> {
    return insertManyOnce(this.collection, notifications);
  }

  async list(recipientId: string, options: { unreadOnly: boolean; limit: number; after?: NotificationCursor }): Promise<NotificationPage> {
    const filter: Filter<NotificationDocument> = { recipientId };
    if (options.unreadOnly) filter.read = false;
    if (options.after !== undefined) {
      const { createdAt, id } = options.after;
      filter.$or = [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: id } }];
    }
    const rows = await this.collection
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(options.limit + 1)
      .toArray();
    const items = rows.slice(0, options.limit);
    const last = items[items.length - 1];
    return { items, next: rows.length > options.limit && last !== undefined ? { createdAt: last.createdAt, id: last._id } : null };
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.collection.countDocuments({ recipientId, read: false });
  }

  /** False when the notification is not the recipient's (or does not exist): the caller answers 404. */
  async markRead(recipientId: string, id: string, at: Date): Promise<boolean> {
    const existing = await this.collection.findOne({ _id: id, recipientId }, { projection: { read: 1 } });
    if (existing === null) return false;
    if (!existing.read) await this.collection.updateOne({ _id: id, recipientId, read: false }, { $set: { read: true, readAt: at } });
    return true;
  }

  async markAllRead(recipientId: string, at: Date): Promise<number> {
    const result = await this.collection.updateMany({ recipientId, read: false }, { $set: { read: true, readAt: at } });
    return result.modifiedCount;
  }

  async delete(recipientId: string, id: string): Promise<boolean> {
    const result = await this.collection.deleteOne({ _id: id, recipientId });
    return result.deletedCount === 1;
  }
}
