import type { IndexDescription } from 'mongodb';

export const ASSETS_COLLECTION = 'media_assets';

/** The sweeper's two queries: overdue pending uploads, objects still to purge. */
export const assetIndexes: IndexDescription[] = [
  { key: { status: 1, uploadExpiresAt: 1 }, name: 'status_uploadExpiresAt' },
  { key: { objectPurgePending: 1 }, name: 'objectPurgePending' },
];
