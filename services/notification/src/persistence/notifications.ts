import type { Collection, Db, Filter } from 'mongodb';
import { insertManyOnce } from '@eventonight/platform';
import { ACTOR_FIELDS, ACTOR_NAME_FIELD, DELETED_MEMBER, DERIVED_FROM_ACTOR } from '../domain/erasure.js';
import type { NotificationDocument, NotificationType } from '../domain/notification.js';
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

  /** Erasure: every notification addressed to the user. */
  async deleteAllOf(recipientId: string): Promise<number> {
    return (await this.collection.deleteMany({ recipientId })).deletedCount;
  }

  /**
   * Erasure: in other people's notifications the user, where named as the one who did it, becomes
   * "Deleted member" — the id and what is derived from it set to null. One updateMany per field
   * (a second run matches nothing); the recipients keep their history.
   */
  async anonymiseActor(userId: string): Promise<number> {
    let changed = 0;
    // First the types with fields derived from the actor's id, which go with it.
    for (const [type, { actor, fields }] of Object.entries(DERIVED_FROM_ACTOR) as Array<[NotificationType, { actor: string; fields: readonly string[] }]>) {
      const derived = Object.fromEntries(fields.map((field) => [`data.${field}`, null]));
      const filter = { type, [`data.${actor}`]: userId } as Filter<NotificationDocument>;
      const update = { $set: { [`data.${actor}`]: null, [`data.${ACTOR_NAME_FIELD}`]: DELETED_MEMBER, ...derived } };
      changed += (await this.collection.updateMany(filter, update)).modifiedCount;
    }
    for (const actor of ACTOR_FIELDS) {
      const filter = { [`data.${actor}`]: userId } as Filter<NotificationDocument>;
      const update = { $set: { [`data.${actor}`]: null, [`data.${ACTOR_NAME_FIELD}`]: DELETED_MEMBER } };
      changed += (await this.collection.updateMany(filter, update)).modifiedCount;
    }
    return changed;
  }

  /** Every notification of the user, oldest first, for their data export. */
  allOf(recipientId: string): Promise<NotificationDocument[]> {
    return this.collection.find({ recipientId }).sort({ createdAt: 1, _id: 1 }).toArray();
  }
}
