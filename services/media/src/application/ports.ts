import type { StoredObject } from '../domain/lifecycle.js';

/** The current time; tests may shift it. */
export type Clock = () => Date;

/** A browser-ready upload: an HTML-form style POST whose policy the storage server enforces. */
export interface PresignedUpload {
  url: string;
  /** Form fields to send, in this order, before the `file` field. */
  fields: Record<string, string>;
}

/**
 * What the service needs from the object store. The binary never passes through the service:
 * it only signs URLs, inspects objects and removes them.
 */
export interface ObjectStorage {
  /** An upload that only accepts exactly `sizeBytes` bytes of `contentType` at `key` until `expiresAt`. */
  presignUpload(input: { key: string; contentType: string; sizeBytes: number; expiresAt: Date }): Promise<PresignedUpload>;
  /** The object's size and type, or null when there is none. */
  stat(key: string): Promise<StoredObject | null>;
  /** Idempotent: removing a missing object succeeds. */
  remove(key: string): Promise<void>;
  /** A time-limited GET URL. */
  presignView(key: string, ttlSeconds: number): Promise<string>;
  /** Every key under `prefix` (recursively). */
  listKeys(prefix: string): Promise<string[]>;
  /** The first segments of all keys (`<ownerId>` of `<ownerId>/<purpose>/<assetId>`). */
  listOwners(): Promise<string[]>;
  /** Removes these keys in batched calls (up to 1,000 a call); missing ones are no error. */
  removeMany(keys: readonly string[]): Promise<void>;
}
