import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { EventTap, freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { S3, bytesOf, call, newMember, objectExists, presign, s3Client, sleep, startMediaService, uploadTo } from './helpers.js';

describe('media service: presigned uploads against the real S3 store', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let tap: EventTap;

  before(async () => {
    database = await freshDatabase('media_uploads');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['media.#']);
    service = await startMediaService({ database: database.name, issuer });
  });
  after(async () => {
    await service?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('presign → real POST to the S3 store → confirm: uploaded, media.asset.uploaded once, viewable', async () => {
    const owner = await newMember(issuer);
    const reply = await call(service.url, 'POST', '/media/uploads', {
      token: owner.token,
      body: { purpose: 'avatar', contentType: 'image/png', sizeBytes: 64 },
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const ticket = reply.body as unknown as { assetId: string; objectKey: string; uploadUrl: string; fields: Record<string, string>; expiresAt: string };
    assert.equal(reply.body['method'], 'POST');
    assert.equal(ticket.objectKey, `${owner.id}/avatar/${ticket.assetId}`);
    assert.equal(reply.headers.get('location'), `/media/${ticket.assetId}`);
    const ttl = Date.parse(ticket.expiresAt) - Date.now();
    assert.ok(ttl > 200_000 && ttl <= 300_000, `expires in ~5 min (${ttl} ms)`);

    const pending = await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: owner.token });
    assert.equal(pending.status, 200);
    assert.equal(pending.body['status'], 'pending');
    assert.equal(pending.body['url'], null);

    const upload = await uploadTo(ticket, bytesOf(64));
    assert.equal(upload.status, 204, upload.text);

    const confirmed = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body['status'], 'uploaded');
    assert.equal(confirmed.body['sizeBytes'], 64);
    assert.equal(typeof confirmed.body['url'], 'string');

    const event = await tap.waitFor('media.asset.uploaded', (e) => e.aggregateId === ticket.assetId);
    assert.equal(event.source, service.name);
    assert.deepEqual(event.data, { assetId: ticket.assetId, ownerId: owner.id, purpose: 'avatar', contentType: 'image/png', sizeBytes: 64 });

    const again = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(again.status, 200);
    assert.equal(again.body['status'], 'uploaded');
    assert.equal(again.body['uploadedAt'], confirmed.body['uploadedAt']);

    // A public purpose: anyone (even anonymous) reads it, and the URL serves the bytes.
    const anonymous = await call(service.url, 'GET', `/media/${ticket.assetId}`);
    assert.equal(anonymous.status, 200);
    const file = await fetch(anonymous.body['url'] as string);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.equal((await file.arrayBuffer()).byteLength, 64);

    await sleep(500);
    assert.equal(tap.ofType('media.asset.uploaded').filter((e) => e.aggregateId === ticket.assetId).length, 1, 'no second event');
  });

  it('bad declarations are 400 and create nothing', async () => {
    const owner = await newMember(issuer);
    const before = await service.db.collection('media_assets').countDocuments({ ownerId: owner.id });
    const bodies: Array<Record<string, unknown>> = [
      { purpose: 'avatar', contentType: 'image/png', sizeBytes: 2 * 1024 * 1024 + 1 },
      { purpose: 'chat_image', contentType: 'image/jpeg', sizeBytes: 5 * 1024 * 1024 + 1 },
      { purpose: 'avatar', contentType: 'image/svg+xml', sizeBytes: 10 },
      { purpose: 'banner', contentType: 'image/png', sizeBytes: 10 },
      { purpose: 'avatar', contentType: 'image/png', sizeBytes: 0 },
      { purpose: 'avatar', contentType: 'image/png', sizeBytes: 1.5 },
      { purpose: 'avatar', contentType: 'image/png', sizeBytes: 10, key: 'mine' },
    ];
    for (const body of bodies) {
      const reply = await call(service.url, 'POST', '/media/uploads', { token: owner.token, body });
      assert.equal(reply.status, 400, `${JSON.stringify(body)} → ${reply.status}`);
    }
    const tooBig = await call(service.url, 'POST', '/media/uploads', { token: owner.token, body: bodies[0] });
    assert.match(JSON.stringify(tooBig.body['errors']), /sizeBytes/);
    assert.equal(await service.db.collection('media_assets').countDocuments({ ownerId: owner.id }), before);
    const cover = await call(service.url, 'POST', '/media/uploads', {
      token: owner.token,
      body: { purpose: 'event_cover', contentType: 'image/webp', sizeBytes: 8 * 1024 * 1024 },
    });
    assert.equal(cover.status, 201, 'exactly the limit is fine');
    assert.equal((await call(service.url, 'POST', '/media/uploads', { body: bodies[0] })).status, 401);
  });

  it('/media/uploads serves POST only, as its document says: 405 with Allow to other methods, Allow: POST to OPTIONS', async () => {
    const owner = await newMember(issuer);
    for (const method of ['GET', 'DELETE', 'PUT', 'PATCH']) {
      const reply = await call(service.url, method, '/media/uploads', { token: owner.token });
      assert.equal(reply.status, 405, method);
      assert.equal(reply.headers.get('allow'), 'POST', method);
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/method-not-allowed', method);
    }
    const options = await call(service.url, 'OPTIONS', '/media/uploads');
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('allow'), 'POST');
    // The templated sibling still serves real asset ids.
    const other = await fetch(`${service.url}/media/some-asset`, { method: 'OPTIONS' });
    assert.match(other.headers.get('allow') ?? '', /GET/);
    await other.arrayBuffer();
  });

  it('the S3 store refuses another Content-Type (403) and another size (400); confirm then says nothing was uploaded', async () => {
    const owner = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'event_gallery', contentType: 'image/jpeg', sizeBytes: 32 });
    const wrongType = await uploadTo(ticket, bytesOf(32), 'image/gif');
    assert.equal(wrongType.status, 403, wrongType.text);
    const tooLarge = await uploadTo(ticket, bytesOf(33));
    assert.equal(tooLarge.status, 400, tooLarge.text);
    assert.match(tooLarge.text, /EntityTooLarge/);
    const tooSmall = await uploadTo(ticket, bytesOf(31));
    assert.equal(tooSmall.status, 400, tooSmall.text);
    assert.equal(await objectExists(ticket.objectKey), false);

    const confirm = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(confirm.status, 409, JSON.stringify(confirm.body));
    assert.match(String(confirm.body['detail']), /upload the file first/);
  });

  it('an object that does not match (written around the policy) is 422 at confirm and removed', async () => {
    const owner = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'avatar', contentType: 'image/png', sizeBytes: 16 });
    await s3Client().putObject(S3.bucket, ticket.objectKey, Buffer.from(bytesOf(20)), 20, { 'Content-Type': 'image/png' });
    const confirm = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(confirm.status, 422, JSON.stringify(confirm.body));
    assert.match(String(confirm.body['detail']), /20 bytes, but 16/);
    assert.equal(await objectExists(ticket.objectKey), false);

    await s3Client().putObject(S3.bucket, ticket.objectKey, Buffer.from(bytesOf(16)), 16, { 'Content-Type': 'image/gif' });
    const wrongType = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(wrongType.status, 422);
    assert.match(String(wrongType.body['detail']), /image\/gif/);
    assert.equal(await objectExists(ticket.objectKey), false);

    const state = await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: owner.token });
    assert.equal(state.body['status'], 'pending', 'still pending: a correct upload can follow');
  });

  it("someone else's asset is 404 for read (pending or private), confirm and delete; a missing id too", async () => {
    const owner = await newMember(issuer);
    const stranger = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'chat_image', contentType: 'image/webp', sizeBytes: 8 });
    assert.equal((await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: stranger.token })).status, 404);
    assert.equal((await uploadTo(ticket, bytesOf(8))).status, 204);
    assert.equal((await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: stranger.token })).status, 404);
    assert.equal((await call(service.url, 'DELETE', `/media/${ticket.assetId}`, { token: stranger.token })).status, 404);
    assert.equal((await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token })).status, 200);

    for (const reader of [stranger.token, undefined]) {
      const read = await call(service.url, 'GET', `/media/${ticket.assetId}`, reader === undefined ? {} : { token: reader });
      assert.equal(read.status, 404, 'a chat image is private');
    }
    const own = await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: owner.token });
    assert.equal(own.status, 200);
    assert.equal(typeof own.body['urlExpiresAt'], 'string', 'a presigned, expiring URL');
    assert.equal((await fetch(own.body['url'] as string)).status, 200);
    assert.equal((await call(service.url, 'GET', '/media/no-such-asset', { token: owner.token })).status, 404);
    assert.equal((await call(service.url, 'POST', '/media/no-such-asset/confirm', { token: owner.token })).status, 404);
  });

  it('a public-purpose asset is hidden from others (signed in or not) until its upload is confirmed', async () => {
    const owner = await newMember(issuer);
    const stranger = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'event_cover', contentType: 'image/png', sizeBytes: 16 });
    // Uploaded to the bucket but not confirmed: still pending, so still nobody else's business.
    assert.equal((await uploadTo(ticket, bytesOf(16))).status, 204);
    for (const reader of [stranger.token, undefined]) {
      const read = await call(service.url, 'GET', `/media/${ticket.assetId}`, reader === undefined ? {} : { token: reader });
      assert.equal(read.status, 404, `a pending cover is 404 for ${reader === undefined ? 'anonymous' : 'a stranger'}`);
    }
    const own = await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: owner.token });
    assert.equal(own.status, 200);
    assert.equal(own.body['status'], 'pending');

    assert.equal((await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token })).status, 200);
    for (const reader of [stranger.token, undefined]) {
      const read = await call(service.url, 'GET', `/media/${ticket.assetId}`, reader === undefined ? {} : { token: reader });
      assert.equal(read.status, 200, 'once confirmed, a cover is public');
      assert.equal(read.body['status'], 'uploaded');
    }
  });

  it('delete: tombstone, object removed, media.asset.deleted once; repeating it is harmless', async () => {
    const owner = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'event_cover', contentType: 'image/gif', sizeBytes: 12 });
    assert.equal((await uploadTo(ticket, bytesOf(12))).status, 204);
    assert.equal((await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token })).status, 200);

    const deleted = await call(service.url, 'DELETE', `/media/${ticket.assetId}`, { token: owner.token });
    assert.equal(deleted.status, 204);
    assert.equal(await objectExists(ticket.objectKey), false);
    const event = await tap.waitFor('media.asset.deleted', (e) => e.aggregateId === ticket.assetId);
    assert.deepEqual(event.data, { assetId: ticket.assetId, ownerId: owner.id, purpose: 'event_cover' });
    assert.equal((await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: owner.token })).status, 404);
    const record = await service.db.collection('media_assets').findOne({ _id: ticket.assetId as never });
    assert.equal(record?.['status'], 'deleted');
    assert.equal(record?.['objectPurgePending'], false);

    assert.equal((await call(service.url, 'DELETE', `/media/${ticket.assetId}`, { token: owner.token })).status, 204);
    const reconfirm = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(reconfirm.status, 409);
    await sleep(500);
    assert.equal(tap.ofType('media.asset.deleted').filter((e) => e.aggregateId === ticket.assetId).length, 1);
  });
});
