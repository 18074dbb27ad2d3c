import { Client } from 'minio';
import { Problem } from '@eventonight/platform';
import type { ObjectStorage, PresignedUpload } from '../application/ports.js';
import type { StoredObject } from '../domain/lifecycle.js';

export interface MinioStorageOptions {
  /** Where this service reaches the store itself (stat, remove): the private network in production. */
  endpoint: URL;
  /** The host browsers use, signed into upload and view URLs. Only signing uses it: no call goes there. */
  publicEndpoint: URL;
  accessKey: string;
  secretKey: string;
  region: string;
  bucket: string;
}

/** S3 error codes that mean "no such object". */
const MISSING = new Set(['NotFound', 'NoSuchKey']);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A storage failure reaches the client as 503 (retry later), with the cause kept for the log. */
function unavailable(error: unknown): Problem {
  return new Problem('service-unavailable', 'The object store is unavailable; retry later.', { cause: error });
}

/** Runs a storage call, turning its failures into 503. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw unavailable(error);
  }
}

/**
 * ObjectStorage on MinIO (any S3 server). Uploads are presigned POST policies rather than
 * presigned PUTs: a PUT URL can sign the Content-Type but not the length, while a POST policy
 * carries `content-length-range` and a Content-Type condition that the server itself enforces.
 * Two endpoints: the service's own calls go to `endpoint` (private network), while URLs handed to
 * browsers are signed for `publicEndpoint`. Signing is computed locally (the region is given, so
 * the client never asks the server for it), hence the public host is never contacted from here.
 */
export function minioStorage(options: MinioStorageOptions): ObjectStorage {
  const clientFor = (endpoint: URL): Client => {
    const useSSL = endpoint.protocol === 'https:';
    return new Client({
      endPoint: endpoint.hostname,
      port: endpoint.port === '' ? (useSSL ? 443 : 80) : Number(endpoint.port),
      useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
    });
  };
  const client = clientFor(options.endpoint);
  const signer = clientFor(options.publicEndpoint);
  const bucket = options.bucket;

  return {
    async presignUpload({ key, contentType, sizeBytes, expiresAt }): Promise<PresignedUpload> {
      const policy = signer.newPostPolicy();
      policy.setBucket(bucket);
      policy.setKey(key);
      policy.setContentType(contentType);
      policy.setContentLengthRange(sizeBytes, sizeBytes);
      policy.setExpires(expiresAt);
      const { postURL, formData } = await guarded(() => signer.presignedPostPolicy(policy));
      return { url: postURL, fields: { ...formData } };
    },

    async stat(key: string): Promise<StoredObject | null> {
      try {
        const stat = await client.statObject(bucket, key);
        const metaType: unknown = stat.metaData['content-type'];
        return { sizeBytes: stat.size, contentType: typeof metaType === 'string' ? metaType : '' };
      } catch (error) {
        if (MISSING.has(codeOf(error) ?? '')) return null;
        throw unavailable(error);
      }
    },

    async remove(key: string): Promise<void> {
      try {
        await client.removeObject(bucket, key);
      } catch (error) {
        if (!MISSING.has(codeOf(error) ?? '')) throw unavailable(error);
      }
    },

    presignView(key: string, ttlSeconds: number): Promise<string> {
      return guarded(() => signer.presignedGetObject(bucket, key, ttlSeconds));
    },

    listKeys(prefix: string): Promise<string[]> {
      return guarded(async () => {
        const keys: string[] = [];
        for await (const item of client.listObjectsV2(bucket, prefix, true)) if (item.name !== undefined) keys.push(item.name);
        return keys;
      });
    },

    listOwners(): Promise<string[]> {
      return guarded(async () => {
        const owners: string[] = [];
        for await (const item of client.listObjectsV2(bucket, '', false)) {
          if (item.prefix !== undefined) owners.push(item.prefix.replace(/\/$/, ''));
        }
        return owners;
      });
    },

    async removeMany(keys: readonly string[]): Promise<void> {
      if (keys.length === 0) return;
      const results = await guarded(() => client.removeObjects(bucket, [...keys]));
      const failed = results.filter((result) => result?.Error !== undefined && !MISSING.has(result.Error.Code ?? ''));
      if (failed.length > 0) throw unavailable(new Error(`could not remove ${failed.length} of ${keys.length} objects: ${failed[0]?.Error?.Code ?? '?'}`));
    },
  };
}
