import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, type BucketItem } from 'minio';
import type { ObjectStoreTarget } from './targets.js';

/**
 * The object store bucket as files: each object's bytes in `objects/<n>.bin`, and in
 * `objects/index.json` its key, content type and size (keys may hold any character, file names not).
 */

export interface StoredObjectEntry {
  key: string;
  contentType: string;
  size: number;
  file: string;
}

export function objectClient(target: ObjectStoreTarget): Client {
  const useSSL = target.endpoint.protocol === 'https:';
  return new Client({
    endPoint: target.endpoint.hostname,
    port: target.endpoint.port === '' ? (useSSL ? 443 : 80) : Number(target.endpoint.port),
    useSSL,
    accessKey: target.accessKey,
    secretKey: target.secretKey,
    region: target.region,
  });
}

async function listKeys(client: Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  const stream = client.listObjectsV2(bucket, '', true);
  for await (const item of stream as AsyncIterable<BucketItem>) if (item.name !== undefined) keys.push(item.name);
  return keys.sort();
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export async function dumpObjects(target: ObjectStoreTarget, dir: string): Promise<StoredObjectEntry[]> {
  const client = objectClient(target);
  await mkdir(dir, { recursive: true });
  const entries: StoredObjectEntry[] = [];
  for (const [index, key] of (await listKeys(client, target.bucket)).entries()) {
    const stat = await client.statObject(target.bucket, key);
    const bytes = await readAll(await client.getObject(target.bucket, key));
    const file = `${index}.bin`;
    await writeFile(join(dir, file), bytes);
    const contentType: unknown = stat.metaData['content-type'];
    entries.push({ key, contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream', size: bytes.length, file });
  }
  await writeFile(join(dir, 'index.json'), `${JSON.stringify(entries, null, 2)}\n`);
  return entries;
}

/** Empties the bucket and puts back every object listed in `dir/index.json`. */
export async function restoreObjects(target: ObjectStoreTarget, dir: string): Promise<StoredObjectEntry[]> {
  const client = objectClient(target);
  const existing = await listKeys(client, target.bucket);
  if (existing.length > 0) await client.removeObjects(target.bucket, existing);
  const entries = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as StoredObjectEntry[];
  for (const entry of entries) {
    const bytes = await readFile(join(dir, entry.file));
    await client.putObject(target.bucket, entry.key, bytes, bytes.length, { 'Content-Type': entry.contentType });
  }
  return entries;
}

export async function countObjects(target: ObjectStoreTarget): Promise<number> {
  return (await listKeys(objectClient(target), target.bucket)).length;
}
