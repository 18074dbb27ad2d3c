import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { S3, bytesOf, call, newMember, objectExists, presign, startMediaService, uploadTo } from './helpers.js';

/**
 * Production splits the object store's addresses: the service's own calls use the private network
 * (S3_ENDPOINT), and only the URLs handed to browsers carry the public host (S3_PUBLIC_URL). Here the
 * public host is a name that cannot resolve (.invalid), so any server call sent there would fail
 * and surface as 503 or as an object left behind.
 */
const PUBLIC_URL = 'http://files.eventonight.invalid:9000';

describe('media service: server calls go to S3_ENDPOINT, only signing uses S3_PUBLIC_URL', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;

  before(async () => {
    database = await freshDatabase('media_endpoints');
    issuer = await startTestIssuer();
    service = await startMediaService({ database: database.name, issuer, extra: { S3_PUBLIC_URL: PUBLIC_URL } });
  });
  after(async () => {
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('signs upload and view URLs for the public host, confirms and deletes over the private endpoint', async () => {
    const owner = await newMember(issuer);
    const ticket = await presign(service.url, owner.token, { purpose: 'event_cover', contentType: 'image/jpeg', sizeBytes: 32 });
    const signedUrl = new URL(ticket.uploadUrl);
    assert.equal(signedUrl.origin, PUBLIC_URL, 'the upload URL names the public host');

    // The public host is, in production, a route to the same server; a POST policy's signature does
    // not cover the host, so the browser's upload is replayed against the real server here.
    const reachable = new URL(signedUrl.pathname + signedUrl.search, S3.endpoint).toString();
    const upload = await uploadTo({ ...ticket, uploadUrl: reachable }, bytesOf(32));
    assert.equal(upload.status, 204, upload.text);

    // confirm stats the object: only possible through the private endpoint.
    const confirmed = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token: owner.token });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body['status'], 'uploaded');
    assert.equal(new URL(String(confirmed.body['url'])).origin, PUBLIC_URL, 'the view URL names the public host');

    // delete removes the object: gone from the real server means the private endpoint was used.
    assert.equal(await objectExists(ticket.objectKey), true);
    const deleted = await call(service.url, 'DELETE', `/media/${ticket.assetId}`, { token: owner.token });
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    assert.equal(await objectExists(ticket.objectKey), false, 'the object was removed through S3_ENDPOINT');
  });
});
