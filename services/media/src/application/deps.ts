import type { AggregateStore, Logger } from '@eventonight/platform';
import type { AssetState } from '../domain/asset.js';
import type { AssetReads } from '../persistence/asset-reads.js';
import type { Clock, ObjectStorage } from './ports.js';

export interface MediaSettings {
  uploadTtlSeconds: number;
  uploadGraceSeconds: number;
  viewTtlSeconds: number;
  /** Null: every view URL is presigned. */
  publicBaseUrl: string | null;
}

/** Everything the commands and queries use, built once in service.ts. */
export interface MediaAppDeps {
  store: AggregateStore<AssetState>;
  reads: AssetReads;
  storage: ObjectStorage;
  clock: Clock;
  newId: () => string;
  settings: MediaSettings;
  logger: Logger;
}

export interface VersionedAsset {
  state: AssetState;
  version: number;
}
