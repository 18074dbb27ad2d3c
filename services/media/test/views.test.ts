import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { bytesOf, call, newMember, presign, startMediaService, uploadTo } from './helpers.js';

describe('media service: view URLs of many public assets in one call', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;

  before(async () => {
    database = await freshDatabase('media_views');
    issuer = await startTestIssuer();
    service = await startMediaService({ database: database.name, issuer });
  });
  after(async () => {
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function uploaded(token: string, purpose: string): Promise<string> {
    const ticket = await presign(service.url, token, { purpose, contentType: 'image/png', sizeBytes: 32 });
    assert.equal((await uploadTo(ticket, bytesOf(32))).status, 204);
    const confirmed = await call(service.url, 'POST', `/media/${ticket.assetId}/confirm`, { token });
    assert.equal(confirmed.status, 200);
    return ticket.assetId;
  }

  it('answers the uploaded public assets and leaves out private, pending and unknown ones', async () => {
    const owner = await newMember(issuer);
    const cover = await uploaded(owner.token, 'event_cover');
    const avatar = await uploaded(owner.token, 'avatar');
    const chat = await uploaded(owner.token, 'chat_image');
    const pending = (await presign(service.url, owner.token, { purpose: 'event_cover', contentType: 'image/png', sizeBytes: 32 })).assetId;

    const reply = await call(service.url, 'GET', `/media?ids=${[cover, avatar, chat, pending, 'unknown-asset', cover].join(',')}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const items = reply.body['items'] as Array<{ assetId: string; url: string }>;
    assert.deepEqual(items.map((item) => item.assetId).sort(), [avatar, cover].sort());
    for (const item of items) {
      const image = await fetch(item.url);
      assert.equal(image.status, 200, `the URL of ${item.assetId} serves the object`);
      assert.equal((await image.arrayBuffer()).byteLength, 32);
    }
  });

  it('refuses an empty or oversized list with a 400 problem', async () => {
    const empty = await call(service.url, 'GET', '/media?ids=,,');
    assert.equal(empty.status, 400);
    const many = Array.from({ length: 51 }, (_, i) => `asset-${i}`).join(',');
    const tooMany = await call(service.url, 'GET', `/media?ids=${many}`);
    assert.equal(tooMany.status, 400);
    assert.match(JSON.stringify(tooMany.body), /at most 50/);
  });
});
