import { insertManyOnce } from '@eventonight/platform';
import type { Collection, Db } from 'mongodb';
import type { AfterFailure, MailDocument } from '../domain/mail.js';

export const MAILS_COLLECTION = 'mails';

/** How long one sender may take over a claimed mail before another takes it (it died mid-send). */
export const MAIL_CLAIM_MS = 120_000;

/** The mail queue: one document per mail, claimed by one sender at a time. */
export class MailRepository {
  readonly collection: Collection<MailDocument>;

  constructor(db: Db) {
    this.collection = db.collection<MailDocument>(MAILS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1, nextAttemptAt: 1 }, { name: 'due' });
    await this.collection.createIndex({ recipientId: 1 }, { name: 'recipient' });
  }

  /** Stores the mails not stored yet (a redelivered event adds nothing); returns how many were new. */
  async insertOnce(mails: readonly MailDocument[]): Promise<number> {
    return (await insertManyOnce(this.collection, mails)).size;
  }

  /**
   * Takes the oldest due mail for this sender: pending and due, or claimed by a sender whose claim
   * lapsed. One conditional update, so two senders never hold the same mail.
   */
  async claimNext(now: Date): Promise<MailDocument | null> {
    return this.collection.findOneAndUpdate(
      { $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'sending', claimedUntil: { $lte: now } }] },
      { $set: { status: 'sending', claimedUntil: new Date(now.getTime() + MAIL_CLAIM_MS) } },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
    );
  }

  /** Sent: the address, body and attachments go; what remains says that it was sent. */
  async markSent(mailId: string, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: mailId, status: 'sending' },
      { $set: { status: 'sent', finishedAt: now, claimedUntil: null, to: null, text: null, html: null, attachments: [], listUnsubscribe: null, lastError: null } },
    );
  }

  /** The server was away: back in the queue as it was, no attempt counted. */
  async release(mailId: string): Promise<void> {
    await this.collection.updateOne({ _id: mailId, status: 'sending' }, { $set: { status: 'pending', claimedUntil: null } });
  }

  async markRefused(mailId: string, next: AfterFailure, error: string, now: Date): Promise<void> {
    const change =
      next.status === 'pending'
        ? { status: 'pending' as const, nextAttemptAt: next.nextAttemptAt, claimedUntil: null, lastError: error }
        : { status: 'dead' as const, finishedAt: now, claimedUntil: null, lastError: error, to: null, text: null, html: null, attachments: [], listUnsubscribe: null };
    await this.collection.updateOne({ _id: mailId, status: 'sending' }, { $set: change, $inc: { attempts: 1 } });
  }

  /** How many wait to be sent: the sender's backlog (ops stats). */
  pendingCount(): Promise<number> {
    return this.collection.countDocuments({ status: { $in: ['pending', 'sending'] } });
  }

  /** Erasure: every mail to the user, sent or not. */
  async forget(userId: string): Promise<number> {
    return (await this.collection.deleteMany({ recipientId: userId })).deletedCount;
  }
}
