import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { JobOutcome } from '../metrics/service-metrics.js';

/**
 * Which replica runs a periodic job. Every job is safe to run on several replicas at once
 * (each step is version-checked or idempotent); the lease only keeps N replicas from doing the
 * same sweep N times, and keeps one worker applying Stripe events in arrival order. If the
 * holder dies, another replica takes over when the lease expires.
 */
export interface JobLease {
  /** True when this replica holds the lease now (taken or renewed for another term). */
  acquire(): Promise<boolean>;
  /** Gives the lease up (graceful stop), so another replica takes over at its next run. */
  release(): Promise<void>;
  /**
   * Counts one run of the job this lease is for (the service's metrics, ADR 0035): a lease from
   * the service context carries it, so every leased job is counted without wiring of its own.
   */
  countRun?(outcome: JobOutcome): void;
}

export const JOB_LEASES_COLLECTION = 'job_leases';

interface LeaseDocument {
  _id: string;
  owner: string;
  until: Date;
}

export function mongoJobLease(db: Db, job: string, termMs: number, owner: string = randomUUID()): JobLease {
  const leases = db.collection<LeaseDocument>(JOB_LEASES_COLLECTION);
  let created = false;
  return {
    async acquire() {
      if (!created) {
        // The document exists once, unowned; afterwards every take-over is one conditional update.
        await leases.insertOne({ _id: job, owner: '', until: new Date(0) }).catch((error: unknown) => {
          if ((error as { code?: unknown }).code !== 11000) throw error;
        });
        created = true;
      }
      const now = new Date();
      const taken = await leases.updateOne(
        { _id: job, $or: [{ owner }, { until: { $lte: now } }] },
        { $set: { owner, until: new Date(now.getTime() + termMs) } },
      );
      return taken.matchedCount === 1;
    },
    async release() {
      await leases.updateOne({ _id: job, owner }, { $set: { owner: '', until: new Date(0) } });
    },
  };
}
