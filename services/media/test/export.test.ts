import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { EventTap, freshDatabase, startTestIssuer, Upstream, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, exportRequested, newMember, presign, startMediaService, tracesOf, uploadedAsset, userDeleted } from './helpers.js';

const PUBLIC_BASE = 'https://media.eventonight.test/eventonight-media';

describe("media: a member's data export (user.export.requested → media.export.part)", { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let tap: EventTap;
  let upstream: Upstream;

  before(async () => {
    database = await freshDatabase('media_export');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['media.export.part']);
    upstream = await Upstream.open();
    service = await startMediaService({ database: database.name, issuer, extra: { MEDIA_PUBLIC_BASE_URL: PUBLIC_BASE } });
  });
  after(async () => {
    await service?.close();
    await upstream?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('lists every asset of the member, whatever its state, with the public URL where there is one; once per export', async () => {
    const [member, other] = await Promise.all([newMember(issuer), newMember(issuer)]);
    const avatar = await uploadedAsset(service.url, member.token, 'avatar', 40);
    const chatImage = await uploadedAsset(service.url, member.token, 'chat_image', 50);
    const pending = await presign(service.url, member.token, { purpose: 'event_cover', contentType: 'image/png', sizeBytes: 60 });
    const removed = await uploadedAsset(service.url, member.token, 'event_gallery', 70);
    assert.equal((await call(service.url, 'DELETE', `/media/${removed.assetId}`, { token: member.token })).status, 204);
    const othersAsset = await uploadedAsset(service.url, other.token, 'avatar');

    const request = exportRequested(member.id);
    upstream.publish(request);
    const part = await tap.waitFor('media.export.part', (e) => e.data.exportId === request.data.exportId);
    assert.equal(part.source, service.name);
    assert.equal(part.data.userId, member.id);
    const rows = part.data.sections['assets'] ?? [];
    const byId = new Map(rows.map((row) => [row['asset_id'], row]));
    assert.deepEqual([...byId.keys()].sort(), [avatar.assetId, chatImage.assetId, pending.assetId, removed.assetId].sort());
    assert.ok(!byId.has(othersAsset.assetId));
    const expect = (assetId: string, purpose: string, size: number, state: string, url: string | null): void => {
      const row = byId.get(assetId);
      assert.ok(row, assetId);
      assert.deepEqual(
        { purpose: row['purpose'], content_type: row['content_type'], size_bytes: row['size_bytes'], state: row['state'], public_url: row['public_url'] },
        { purpose, content_type: 'image/png', size_bytes: size, state, public_url: url },
      );
      assert.match(String(row['created_at']), /^\d{4}-\d\d-\d\dT.*Z$/);
      assert.deepEqual(Object.keys(row).sort(), ['asset_id', 'content_type', 'created_at', 'deleted_at', 'expired_at', 'public_url', 'purpose', 'size_bytes', 'state', 'uploaded_at']);
    };
    expect(avatar.assetId, 'avatar', 40, 'uploaded', `${PUBLIC_BASE}/${avatar.objectKey}`);
    expect(chatImage.assetId, 'chat_image', 50, 'uploaded', null); // private to the conversation: no public URL
    expect(pending.assetId, 'event_cover', 60, 'pending', null);
    expect(removed.assetId, 'event_gallery', 70, 'deleted', null);
    assert.match(String(byId.get(avatar.assetId)?.['uploaded_at']), /^\d{4}-/);
    assert.match(String(byId.get(removed.assetId)?.['deleted_at']), /^\d{4}-/);
    assert.equal(byId.get(pending.assetId)?.['uploaded_at'], null);

    // A redelivered request publishes nothing more.
    upstream.publish(request);
    const control = exportRequested(other.id);
    upstream.publish(control);
    await tap.waitFor('media.export.part', (e) => e.data.exportId === control.data.exportId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(tap.ofType('media.export.part').filter((e) => e.data.exportId === request.data.exportId).length, 1);

    // When the member is erased, the record of their exports goes with them.
    await waitFor(async () => ((await service.db.collection('export_parts').findOne({ _id: request.data.exportId as never }))?.['outboxPending'] === false ? true : undefined), {
      what: 'part published',
    });
    upstream.publish(userDeleted(member.id));
    await waitFor(async () => ((await tracesOf(service.db, [member.id])).length === 0 ? true : undefined), { timeoutMs: 20_000, what: 'erasure' });
  });

  it('an export request for an erased member gets no answer', async () => {
    const gone = await newMember(issuer);
    await uploadedAsset(service.url, gone.token, 'avatar');
    upstream.publish(userDeleted(gone.id));
    await waitFor(async () => ((await tracesOf(service.db, [gone.id])).length === 0 ? true : undefined), { timeoutMs: 20_000, what: 'erasure' });
    const request = exportRequested(gone.id);
    upstream.publish(request);
    const control = exportRequested((await newMember(issuer)).id);
    upstream.publish(control);
    await tap.waitFor('media.export.part', (e) => e.data.exportId === control.data.exportId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(tap.ofType('media.export.part').filter((e) => e.data.exportId === request.data.exportId).length, 0);
    assert.deepEqual(await tracesOf(service.db, [gone.id]), []);
  });
});
