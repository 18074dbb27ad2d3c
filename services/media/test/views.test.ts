import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { bytesOf, call, newMember, presign, startMediaService, uploadTo } from './helpers.js';

/** Every `pattern` in a JSON Schema, however nested. */
function patternsOf(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const own = (schema as { pattern?: unknown }).pattern;
  return [...(typeof own === 'string' ? [own] : []), ...Object.values(schema).flatMap(patternsOf)];
}

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

  it('reads `ids` exactly as its documented pattern says: 1 to 50 ids of A-Z a-z 0-9 _ -, commas only between them', async () => {
    const openapi = await call(service.url, 'GET', '/openapi.json');
    const parameters = (openapi.body['paths'] as Record<string, Record<string, { parameters: Array<{ name: string; schema: Record<string, unknown> }> }>>)[
      '/media'
    ]?.['get']?.parameters;
    const ids = parameters?.find((parameter) => parameter.name === 'ids')?.schema;
    assert.ok(ids !== undefined, 'ids is documented');
    const patterns = patternsOf(ids).map((source) => new RegExp(source, 'u'));
    assert.ok(patterns.length > 0, 'ids has a pattern');
    const longest = Array.from({ length: 50 }, (_, i) => `${i}`.padStart(128, 'x')).join(',');
    const cases: Array<[string, number]> = [
      [longest, 200], // the most the schema allows: 50 ids of 128 characters
      [`${longest},y`, 400], // a 51st
      [Array.from({ length: 51 }, () => 'same').join(','), 400], // 51 entries, even if one id
      ['a,a', 200],
      ['a, b', 400], // no white space
      ['a,', 400], // no empty entry
      [',a', 400],
      ['x'.repeat(129), 400],
      ['caf\u00e9', 400], // ASCII only
      ['', 400],
    ];
    for (const [value, status] of cases) {
      assert.equal(patterns.every((pattern) => pattern.test(value)), status === 200, `the documented pattern on ${value.slice(0, 20)}`);
      const reply = await call(service.url, 'GET', `/media?ids=${encodeURIComponent(value)}`);
      assert.equal(reply.status, status, `${value.slice(0, 20)} (${value.length}) → ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
    }
  });
});
