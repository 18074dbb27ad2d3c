import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  AggregateStore,
  createLogger,
  ErasureLedger,
  EXPORT_PARTS_COLLECTION,
  Problem,
  type ExportPartState,
  type RunningService,
} from '@eventonight/platform';
import { EventTap, freshDatabase, readyMessages, startTestIssuer, Upstream, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { MediaAppDeps } from '../src/application/deps.js';
import { eraseOwner, ErasureNotFinished } from '../src/application/erase-owner.js';
import type { ObjectStorage } from '../src/application/ports.js';
import type { AssetState } from '../src/domain/asset.js';
import { decideRequestUpload } from '../src/domain/lifecycle.js';
import { ASSETS_COLLECTION } from '../src/persistence/asset-collection.js';
import { AssetReads } from '../src/persistence/asset-reads.js';
import { RecentErasures } from '../src/persistence/recent-erasures.js';
import { minioStorage } from '../src/storage/minio-storage.js';
import {
  S3,
  bucketKeys,
  bytesOf,
  call,
  newMember,
  objectExists,
  presign,
  s3Client,
  startMediaService,
  tracesOf,
  uploadTo,
  uploadedAsset,
  userDeleted,
} from './helpers.js';

describe('media: erasure of a deleted account (user.deleted)', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let tap: EventTap;
  let upstream: Upstream;

  before(async () => {
    database = await freshDatabase('media_erasure');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['media.#']);
    upstream = await Upstream.open();
    // A fast sweeper, for the late upload through a URL handed out before the erasure.
    service = await startMediaService({ database: database.name, issuer, extra: { MEDIA_SWEEP_INTERVAL_MS: '300' } });
  });
  after(async () => {
    await service?.close();
    await upstream?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('deletes every asset of the user, object and document, all purposes and states, announcing the uploaded ones', async () => {
    const [owner, other] = await Promise.all([newMember(issuer), newMember(issuer)]);
    const avatar = await uploadedAsset(service.url, owner.token, 'avatar');
    const chatImage = await uploadedAsset(service.url, owner.token, 'chat_image');
    const cover = await presign(service.url, owner.token, { purpose: 'event_cover', contentType: 'image/png', sizeBytes: 16 });
    assert.equal((await uploadTo(cover, bytesOf(16))).status, 204); // uploaded, never confirmed: still pending
    const gallery = await presign(service.url, owner.token, { purpose: 'event_gallery', contentType: 'image/png', sizeBytes: 16 }); // no object
    const removedBefore = await uploadedAsset(service.url, owner.token, 'event_gallery');
    assert.equal((await call(service.url, 'DELETE', `/media/${removedBefore.assetId}`, { token: owner.token })).status, 204);
    const othersAvatar = await uploadedAsset(service.url, other.token, 'avatar');
    const ownerAssets = [avatar, chatImage, cover, gallery, removedBefore].map((t) => t.assetId);
    assert.deepEqual((await bucketKeys(`${owner.id}/`)).sort(), [avatar.objectKey, chatImage.objectKey, cover.objectKey].sort());
    await tap.waitFor('media.asset.deleted', (e) => e.aggregateId === removedBefore.assetId);

    upstream.publish(userDeleted(owner.id));
    await waitFor(
      async () => ((await tracesOf(service.db, [owner.id, ...ownerAssets])).length === 0 ? true : undefined),
      { timeoutMs: 20_000, what: 'no document naming the owner or their assets' },
    );
    assert.equal(await new ErasureLedger(service.db).isErased(owner.id), true);
    // The bucket, listed whole: no key of the owner's is left; the other member's avatar stays.
    const everything = await bucketKeys();
    assert.deepEqual(everything.filter((key) => key.includes(owner.id) || ownerAssets.some((id) => key.includes(id))), []);
    assert.ok(everything.includes(othersAvatar.objectKey));
    assert.equal((await call(service.url, 'GET', `/media/${othersAvatar.assetId}`)).status, 200);

    // user and event may drop their references: one media.asset.deleted per asset that was announced as uploaded.
    await tap.waitFor('media.asset.deleted', (e) => e.aggregateId === avatar.assetId);
    await tap.waitFor('media.asset.deleted', (e) => e.aggregateId === chatImage.assetId);
    const deletions = () => tap.ofType('media.asset.deleted').filter((e) => ownerAssets.includes(e.aggregateId));
    assert.deepEqual(deletions().map((e) => e.aggregateId).sort(), [avatar.assetId, chatImage.assetId, removedBefore.assetId].sort());
    for (const event of deletions()) assert.equal(event.source, service.name);

    // A redelivery changes nothing and announces nothing again.
    upstream.publish(userDeleted(owner.id));
    upstream.publish(userDeleted(`marker-${owner.id}`));
    await waitFor(async () => ((await new ErasureLedger(service.db).isErased(`marker-${owner.id}`)) ? true : undefined), { what: 'marker' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(deletions().length, 3);
    assert.ok(await objectExists(othersAvatar.objectKey));
    assert.equal(await readyMessages(`${service.name}.dlq`), 0);
  });

  it("the deleted account's still-valid token gets 401 account-deleted for uploads, confirms and deletes, and nothing is stored", async () => {
    const gone = await newMember(issuer);
    const asset = await uploadedAsset(service.url, gone.token, 'avatar');
    upstream.publish(userDeleted(gone.id));
    await waitFor(async () => ((await bucketKeys(`${gone.id}/`)).length === 0 && (await tracesOf(service.db, [gone.id])).length === 0 ? true : undefined), {
      timeoutMs: 20_000,
      what: 'erasure',
    });
    const replies = await Promise.all([
      call(service.url, 'POST', '/media/uploads', { token: gone.token, body: { purpose: 'avatar', contentType: 'image/png', sizeBytes: 10 } }),
      call(service.url, 'POST', `/media/${asset.assetId}/confirm`, { token: gone.token }),
      call(service.url, 'DELETE', `/media/${asset.assetId}`, { token: gone.token }),
    ]);
    for (const reply of replies) {
      assert.equal(reply.status, 401, JSON.stringify(reply.body));
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/account-deleted');
    }
    assert.deepEqual(await tracesOf(service.db, [gone.id]), []);
    assert.deepEqual(await bucketKeys(`${gone.id}/`), []);
  });

  it('an object uploaded after the erasure through an upload URL handed out before it is removed by the sweeper', async () => {
    const late = await newMember(issuer);
    const ticket = await presign(service.url, late.token, { purpose: 'avatar', contentType: 'image/png', sizeBytes: 24 });
    upstream.publish(userDeleted(late.id));
    await waitFor(async () => ((await tracesOf(service.db, [late.id])).length === 0 ? true : undefined), { timeoutMs: 20_000, what: 'erasure' });
    // The policy is still valid (five minutes): the store takes the file.
    assert.equal((await uploadTo(ticket, bytesOf(24))).status, 204);
    assert.ok(await objectExists(ticket.objectKey) || (await bucketKeys(`${late.id}/`)).length === 0, 'the object landed (or was already swept)');
    await waitFor(async () => ((await bucketKeys(`${late.id}/`)).length === 0 ? true : undefined), { timeoutMs: 15_000, what: 'the late object swept' });
    assert.deepEqual(await tracesOf(service.db, [late.id, ticket.assetId]), []);
  });
});

describe('media: an object store outage during an erasure retries the message, losing nothing', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let upstream: Upstream;
  let storeDown = false;

  before(async () => {
    database = await freshDatabase('media_erasure_outage');
    issuer = await startTestIssuer();
    upstream = await Upstream.open();
    const real = minioStorage({
      endpoint: new URL(S3.endpoint),
      publicEndpoint: new URL(S3.endpoint),
      accessKey: S3.accessKey,
      secretKey: S3.secretKey,
      region: 'us-east-1',
      bucket: S3.bucket,
    });
    const down = (): Promise<never> => Promise.reject(new Problem('service-unavailable', 'The object store is unavailable; retry later.'));
    const flaky: ObjectStorage = {
      ...real,
      remove: (key) => (storeDown ? down() : real.remove(key)),
      listKeys: (prefix) => (storeDown ? down() : real.listKeys(prefix)),
      listOwners: () => (storeDown ? down() : real.listOwners()),
      removeMany: (keys) => (storeDown ? down() : real.removeMany(keys)),
    };
    service = await startMediaService({ database: database.name, issuer, overrides: { storage: flaky } });
  });
  after(async () => {
    await service?.close();
    await upstream?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('keeps the message (never the DLQ) until the store is back, then erases everything', async () => {
    const owner = await newMember(issuer);
    const avatar = await uploadedAsset(service.url, owner.token, 'avatar');
    storeDown = true;
    upstream.publish(userDeleted(owner.id));
    await waitFor(async () => ((await new ErasureLedger(service.db).isErased(owner.id)) ? true : undefined), { what: 'erasure recorded' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Not lost: the object is still there to be removed, the message waits in a delay queue, not in the DLQ.
    assert.ok(await objectExists(avatar.objectKey));
    assert.equal(await readyMessages(`${service.name}.dlq`), 0);
    // Retried as an unavailable dependency: straight to the longest delay, and so on until it succeeds.
    assert.equal(await readyMessages(`${service.name}.delay.3`), 1);
    assert.equal((await call(service.url, 'GET', `/media/${avatar.assetId}`)).status, 404, 'already tombstoned: nobody is served it');

    storeDown = false;
    // The consumer retries an unavailable dependency at its longest delay (30 s).
    await waitFor(
      async () => ((await bucketKeys(`${owner.id}/`)).length === 0 && (await tracesOf(service.db, [owner.id, avatar.assetId])).length === 0 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 500, what: 'erasure finished after the outage' },
    );
    assert.equal(await readyMessages(`${service.name}.dlq`), 0);
  });
});

describe('media: the erasure deletes a document only once its media.asset.deleted has left the outbox', { timeout: 60_000 }, () => {
  let database: TestDatabase;

  before(async () => {
    database = await freshDatabase('media_erasure_outbox');
  });
  after(async () => {
    await database?.dispose();
  });

  it('with no relay running, the erasure stops short (to be retried) and keeps the event; once published, it finishes', async () => {
    const db = database.db;
    // No relay: nothing publishes what the erasure writes into the outbox.
    const store = new AggregateStore<AssetState>(db, ASSETS_COLLECTION, { source: 'media' });
    const deps: MediaAppDeps = {
      store,
      reads: new AssetReads(store.collection),
      storage: minioStorage({
        endpoint: new URL(S3.endpoint),
        publicEndpoint: new URL(S3.endpoint),
        accessKey: S3.accessKey,
        secretKey: S3.secretKey,
        region: 'us-east-1',
        bucket: S3.bucket,
      }),
      clock: () => new Date(),
      newId: randomUUID,
      settings: { uploadTtlSeconds: 300, uploadGraceSeconds: 300, viewTtlSeconds: 900, publicBaseUrl: null, lateUploadWindowMs: 400_000 },
      ledger: new ErasureLedger(db),
      recentErasures: new RecentErasures(db),
      exportParts: new AggregateStore<ExportPartState>(db, EXPORT_PARTS_COLLECTION, { source: 'media' }),
      logger: createLogger({ service: 'media-test', level: 'silent' }),
    };
    const ownerId = `member-${randomUUID()}`;
    const now = new Date();
    const state = { ...decideRequestUpload({ assetId: randomUUID(), ownerId, purpose: 'avatar', contentType: 'image/png', sizeBytes: 5, now, uploadTtlSeconds: 300 }), status: 'uploaded' as const, uploadedAt: now };
    await store.create(state, []);
    await s3Client().putObject(S3.bucket, state.objectKey, Buffer.from('12345'), 5, { 'Content-Type': 'image/png' });

    await assert.rejects(eraseOwner(deps, ownerId, 500), (error: unknown) => error instanceof ErasureNotFinished && error.unavailable);
    const kept = await store.collection.findOne({ _id: state._id });
    assert.equal(kept?.status, 'deleted');
    assert.deepEqual(kept?.outbox.map((event) => [event.type, event.data]), [['media.asset.deleted', { assetId: state._id, ownerId, purpose: 'avatar' }]]);
    assert.equal(await objectExists(state.objectKey), false, 'the object goes at once');

    // The relay publishes and empties the outbox; the redelivered message then finishes.
    await store.collection.updateOne({ _id: state._id }, { $set: { outbox: [], outboxPending: false, outboxTicket: '~' } });
    assert.deepEqual(await eraseOwner(deps, ownerId, 500), { assets: 1, objects: 0 });
    assert.deepEqual(await tracesOf(db, [ownerId, state._id]), []);
  });
});
