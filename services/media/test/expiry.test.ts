import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { bytesOf, call, newMember, objectExists, presign, sleep, startMediaService, uploadTo } from './helpers.js';

/** One-second upload URLs, no grace and a fast sweeper: expiry as the S3 store and the job see it. */
describe('media service: expired uploads', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;

  before(async () => {
    database = await freshDatabase('media_expiry');
    issuer = await startTestIssuer();
    service = await startMediaService({
      database: database.name,
      issuer,
      extra: { MEDIA_UPLOAD_TTL_SECONDS: '1', MEDIA_UPLOAD_GRACE_SECONDS: '0', MEDIA_SWEEP_INTERVAL_MS: '300' },
    });
  });
  after(async () => {
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('the S3 store refuses an upload after the URL expired (403)', async () => {
    const owner = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'avatar', contentType: 'image/jpeg', sizeBytes: 10 });
    await sleep(2_100);
    const upload = await uploadTo(ticket, bytesOf(10));
    assert.equal(upload.status, 403, upload.text);
    assert.equal(await objectExists(ticket.objectKey), false);
  });

  it('the sweeper expires an unconfirmed upload and removes its object; confirm is then 409', async () => {
    const owner = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'event_gallery', contentType: 'image/png', sizeBytes: 10 });
    assert.equal((await uploadTo(ticket, bytesOf(10))).status, 204, 'uploaded in time, never confirmed');
    const assets = service.db.collection('media_assets');
    await waitFor(
      async () => {
        const record = await assets.findOne({ _id: ticket.assetId as never });
        return record?.['status'] === 'expired' && record['objectPurgePending'] === false ? record : undefined;
      },
      { timeoutMs: 10_000, what: 'the sweeper to expire the upload' },
    );
    assert.equal(await objectExists(ticket.objectKey), false);
    const confirm = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(confirm.status, 409);
    assert.match(String(confirm.body['detail']), /expired/);
    assert.equal((await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: owner.token })).status, 404);
    assert.equal((await call(service.url, 'DELETE', `/media/${ticket.assetId}`, { token: owner.token })).status, 204);
  });

  it('a confirmed upload is never swept', async () => {
    const owner = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'avatar', contentType: 'image/png', sizeBytes: 10 });
    assert.equal((await uploadTo(ticket, bytesOf(10))).status, 204);
    const confirm = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    // The 1 s URL may already be swept under load; when confirm won, the sweeper must leave it alone.
    if (confirm.status !== 200) return;
    await sleep(1_500);
    const read = await call(service.url, 'GET', `/media/${ticket.assetId}`, { token: owner.token });
    assert.equal(read.body['status'], 'uploaded');
    assert.equal(await objectExists(ticket.objectKey), true);
  });
});
