import { randomUUID } from 'node:crypto';
import { EXPORT_PARTS_COLLECTION, ErasureLedger, type ExportPartState, type ServiceDefinition } from '@eventonight/platform';
import type { MediaAppDeps } from './application/deps.js';
import type { Clock, ObjectStorage } from './application/ports.js';
import type { MediaServiceConfig } from './config.js';
import type { AssetState } from './domain/asset.js';
import { mediaRoutes } from './http/routes.js';
import { sweepJob } from './jobs/sweep-job.js';
import { userHandlers } from './messaging/user-handlers.js';
import { ASSETS_COLLECTION, assetIndexes, exportPartIndexes } from './persistence/asset-collection.js';
import { AssetReads } from './persistence/asset-reads.js';
import { RecentErasures } from './persistence/recent-erasures.js';
import { minioStorage } from './storage/minio-storage.js';

/** Seams for tests; production uses none of them (config decides). */
export interface MediaServiceOverrides {
  clock?: Clock;
  storage?: ObjectStorage;
}

export function mediaService(overrides: MediaServiceOverrides = {}): ServiceDefinition<MediaServiceConfig> {
  return {
    name: 'media',
    aggregateCollections: [ASSETS_COLLECTION, EXPORT_PARTS_COLLECTION],
    async setup({ config, db, logger, store: storeOf, jobLease }) {
      const store = storeOf<AssetState>(ASSETS_COLLECTION);
      await store.ensureIndexes(assetIndexes);
      const exportParts = storeOf<ExportPartState>(EXPORT_PARTS_COLLECTION);
      await exportParts.ensureIndexes(exportPartIndexes);
      const recentErasures = new RecentErasures(db);
      await recentErasures.ensureIndexes();
      const deps: MediaAppDeps = {
        store,
        reads: new AssetReads(store.collection),
        storage:
          overrides.storage ??
          minioStorage({
            endpoint: new URL(config.S3_ENDPOINT),
            publicEndpoint: new URL(config.S3_PUBLIC_URL ?? config.S3_ENDPOINT),
            accessKey: config.S3_ACCESS_KEY,
            secretKey: config.S3_SECRET_KEY,
            region: config.S3_REGION,
            bucket: config.S3_BUCKET,
          }),
        clock: overrides.clock ?? (() => new Date()),
        newId: randomUUID,
        settings: {
          uploadTtlSeconds: config.MEDIA_UPLOAD_TTL_SECONDS,
          uploadGraceSeconds: config.MEDIA_UPLOAD_GRACE_SECONDS,
          viewTtlSeconds: config.MEDIA_VIEW_TTL_SECONDS,
          publicBaseUrl: config.MEDIA_PUBLIC_BASE_URL ?? null,
          // An upload URL lives MEDIA_UPLOAD_TTL_SECONDS; one more sweep and a minute of clock skew.
          lateUploadWindowMs: config.MEDIA_UPLOAD_TTL_SECONDS * 1000 + config.MEDIA_SWEEP_INTERVAL_MS + 60_000,
        },
        ledger: new ErasureLedger(db),
        recentErasures,
        exportParts,
        logger,
      };
      logger.info(
        { bucket: config.S3_BUCKET, endpoint: config.S3_ENDPOINT, publicEndpoint: config.S3_PUBLIC_URL ?? config.S3_ENDPOINT },
        'media service wired',
      );
      return {
        routes: (host) => mediaRoutes(host, deps),
        handlers: userHandlers(deps),
        jobs: [sweepJob(deps, config.MEDIA_SWEEP_INTERVAL_MS, jobLease('sweep-uploads', config.MEDIA_SWEEP_INTERVAL_MS))],
      };
    },
  };
}
