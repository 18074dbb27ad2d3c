import { randomUUID } from 'node:crypto';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import { Client } from 'minio';
import { parseConfig, startService, type RunningService } from '@eventonight/platform';
import { deleteServiceQueues, serviceTestEnv, uniqueName, type TestIssuer } from '@eventonight/testing';
import { mediaServiceConfig } from '../src/config.js';
import type { Db } from 'mongodb';
import { mediaService, type MediaServiceOverrides } from '../src/service.js';
import { call, type Reply } from '@eventonight/testing';
export { call, type Reply };

export const S3 = {
  endpoint: process.env['S3_ENDPOINT'] ?? 'http://127.0.0.1:9000',
  accessKey: process.env['S3_ACCESS_KEY'] ?? 'eventonight',
  secretKey: process.env['S3_SECRET_KEY'] ?? 'eventonight-secret',
  bucket: process.env['S3_BUCKET'] ?? 'eventonight-media',
};

/**
 * A real media service on an ephemeral port against the real S3 store (SeaweedFS); `extra` overrides env.
 * It consumes user events, so it runs under a name of its own (its queue; the `source` of what it
 * publishes), never the shared `media` queue of a development service; closing it deletes its queues.
 */
export async function startMediaService(options: {
  database: string;
  issuer: TestIssuer;
  extra?: Record<string, string>;
  overrides?: MediaServiceOverrides;
}): Promise<RunningService> {
  const env = serviceTestEnv({
    database: options.database,
    jwksUrl: options.issuer.jwksUrl,
    issuer: options.issuer.issuer,
    extra: {
      S3_ENDPOINT: S3.endpoint,
      S3_ACCESS_KEY: S3.accessKey,
      S3_SECRET_KEY: S3.secretKey,
      S3_BUCKET: S3.bucket,
      // Keeps the sweeper out of tests that are not about it.
      MEDIA_SWEEP_INTERVAL_MS: '3600000',
      ...options.extra,
    },
  });
  const parsed = parseConfig(mediaServiceConfig, env);
  if (!parsed.ok) throw new Error(parsed.message);
  const name = uniqueName('media');
  const service = await startService({ ...mediaService(options.overrides), name }, parsed.config);
  return {
    ...service,
    async close() {
      await service.close();
      await deleteServiceQueues(name);
    },
  };
}

/** A direct S3 client (the minio package), to look behind the service's back. */
export function s3Client(): Client {
  const url = new URL(S3.endpoint);
  return new Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: S3.accessKey,
    secretKey: S3.secretKey,
    region: 'us-east-1',
  });
}

export async function objectExists(key: string): Promise<boolean> {
  try {
    await s3Client().statObject(S3.bucket, key);
    return true;
  } catch {
    return false;
  }
}

export async function newMember(issuer: TestIssuer): Promise<{ id: string; token: string }> {
  const id = `member-${randomUUID()}`;
  return { id, token: await issuer.mint({ sub: id, roles: ['member'] }) };
}

export interface Ticket {
  assetId: string;
  objectKey: string;
  uploadUrl: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/** Asks the service for an upload; fails the test unless it answers 201. */
export async function presign(baseUrl: string, token: string, body: Record<string, unknown>): Promise<Ticket> {
  const reply = await call(baseUrl, 'POST', '/media/uploads', { token, body });
  if (reply.status !== 201) throw new Error(`presign answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as unknown as Ticket;
}

/** What a browser does with the ticket: a real multipart POST straight to the S3 store. */
export async function uploadTo(ticket: Ticket, bytes: Uint8Array, contentTypeOverride?: string): Promise<{ status: number; text: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  if (contentTypeOverride !== undefined) form.set('Content-Type', contentTypeOverride);
  form.append('file', new Blob([bytes], { type: contentTypeOverride ?? ticket.fields['Content-Type'] ?? '' }));
  const response = await fetch(ticket.uploadUrl, { method: 'POST', body: form });
  return { status: response.status, text: await response.text() };
}

/** A tiny file of `size` bytes (content is irrelevant: the service never inspects it). */
export function bytesOf(size: number): Uint8Array {
  return new Uint8Array(size).fill(7);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every key in the bucket under `prefix` (the whole bucket with ''), listed straight from the store. */
export async function bucketKeys(prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of s3Client().listObjectsV2(S3.bucket, prefix, true)) if (item.name !== undefined) keys.push(item.name);
  return keys;
}

/** Every document of every collection of `db` that mentions one of `needles` (a JSON scan). */
export async function tracesOf(db: Db, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for (const document of await db.collection(name).find({}).toArray()) {
      const text = JSON.stringify(document);
      for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle} in ${text.slice(0, 300)}`);
    }
  }
  return found;
}

/** A real user.deleted as the user service publishes it. */
export function userDeleted(userId: string): DomainEvent<'user.deleted'> {
  return buildEvent({ type: 'user.deleted', source: 'user', aggregateId: userId, aggregateVersion: 9, correlationId: `corr-${randomUUID()}`, data: { userId } });
}

export function exportRequested(userId: string, exportId: string = randomUUID()): DomainEvent<'user.export.requested'> {
  return buildEvent({
    type: 'user.export.requested',
    source: 'user',
    aggregateId: userId,
    aggregateVersion: 1,
    correlationId: `corr-${randomUUID()}`,
    data: { exportId, userId },
  });
}

/** Uploads `sizeBytes` for a new asset of `purpose` and confirms it; returns the asset id and key. */
export async function uploadedAsset(baseUrl: string, token: string, purpose: string, sizeBytes = 32): Promise<Ticket> {
  const ticket = await presign(baseUrl, token, { purpose, contentType: 'image/png', sizeBytes });
  const upload = await uploadTo(ticket, bytesOf(sizeBytes));
  if (upload.status !== 204) throw new Error(`upload answered ${upload.status}: ${upload.text}`);
  const confirmed = await call(baseUrl, 'POST', `/media/${ticket.assetId}/confirm`, { token });
  if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  return ticket;
}
