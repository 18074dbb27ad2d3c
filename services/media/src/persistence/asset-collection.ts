import type { IndexDescription } from 'mongodb';

export const ASSETS_COLLECTION = 'media_assets';

/** The sweeper's two queries: overdue pending uploads, objects still to purge; an owner's assets (erasure, export). */
export const assetIndexes: IndexDescription[] = [
  { key: { status: 1, uploadExpiresAt: 1 }, name: 'status_uploadExpiresAt' },
  { key: { objectPurgePending: 1 }, name: 'objectPurgePending' },
  { key: { ownerId: 1 }, name: 'ownerId' },
];

/** An erasure forgets the exports a user asked for, by user. */
export const exportPartIndexes: IndexDescription[] = [{ key: { userId: 1 }, name: 'by_user' }];
