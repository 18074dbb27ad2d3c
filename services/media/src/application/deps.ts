import type { AggregateStore, ErasureLedger, ExportPartState, Logger } from '@eventonight/platform';
import type { AssetState } from '../domain/asset.js';
import type { AssetReads } from '../persistence/asset-reads.js';
import type { RecentErasures } from '../persistence/recent-erasures.js';
import type { Clock, ObjectStorage } from './ports.js';

export interface MediaSettings {
  uploadTtlSeconds: number;
  uploadGraceSeconds: number;
  viewTtlSeconds: number;
  /** Null: every view URL is presigned. */
  publicBaseUrl: string | null;
  /**
   * How long after an erasure an upload URL handed out before it may still put an object in the
   * bucket (the upload TTL, a sweep interval and a margin for clock skew): the sweeper looks for
   * such late objects of erased owners during this time.
   */
  lateUploadWindowMs: number;
}

/** Everything the commands and queries use, built once in service.ts. */
export interface MediaAppDeps {
  store: AggregateStore<AssetState>;
  reads: AssetReads;
  storage: ObjectStorage;
  clock: Clock;
  newId: () => string;
  settings: MediaSettings;
  /** Who was erased (digests only): their uploads and late messages are refused (ADR 0027). */
  ledger: ErasureLedger;
  recentErasures: RecentErasures;
  /** This service's answers to data exports, published through their outbox. */
  exportParts: AggregateStore<ExportPartState>;
  logger: Logger;
}

export interface VersionedAsset {
  state: AssetState;
  version: number;
}
