import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IMAGE_CONTENT_TYPES, MAX_BYTES, isPublicPurpose, objectKeyOf, type AssetState } from '../src/domain/asset.js';
import { MediaRuleError } from '../src/domain/errors.js';
import { decideConfirm, decideDelete, decideExpire, decideRequestUpload, type UploadRequest } from '../src/domain/lifecycle.js';

/** Pure rules of the media asset: no bucket, no database. */

const t = (seconds: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, seconds));
const MiB = 1024 * 1024;

function request(overrides: Partial<UploadRequest> = {}): UploadRequest {
  return { assetId: 'a1', ownerId: 'u1', purpose: 'event_cover', contentType: 'image/png', sizeBytes: 100, now: t(0), uploadTtlSeconds: 300, ...overrides };
}

function asset(overrides: Partial<AssetState> = {}): AssetState {
  return { ...decideRequestUpload(request()), ...overrides };
}

function ruleError(kind: MediaRuleError['kind'], pattern: RegExp) {
  return (error: unknown) => error instanceof MediaRuleError && error.kind === kind && error.name === 'MediaRuleError' && pattern.test(error.message);
}

describe('media asset: purposes and keys', () => {
  it('only chat images are private', () => {
    assert.equal(isPublicPurpose('chat_image'), false);
    for (const purpose of ['avatar', 'event_cover', 'event_gallery'] as const) assert.equal(isPublicPurpose(purpose), true);
  });

  it('size limits per purpose and the accepted image types', () => {
    assert.deepEqual(MAX_BYTES, { avatar: 2 * MiB, event_cover: 8 * MiB, event_gallery: 8 * MiB, chat_image: 5 * MiB });
    assert.deepEqual([...IMAGE_CONTENT_TYPES], ['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
  });

  it('the object key is owner/purpose/asset', () => {
    assert.equal(objectKeyOf('u1', 'avatar', 'a1'), 'u1/avatar/a1');
  });
});

describe('media asset: decideRequestUpload', () => {
  it('a new pending asset whose upload expires after the TTL', () => {
    assert.deepEqual(decideRequestUpload(request()), {
      _id: 'a1',
      ownerId: 'u1',
      purpose: 'event_cover',
      contentType: 'image/png',
      sizeBytes: 100,
      objectKey: 'u1/event_cover/a1',
      status: 'pending',
      createdAt: t(0),
      updatedAt: t(0),
      uploadExpiresAt: t(300),
      uploadedAt: null,
      expiredAt: null,
      deletedAt: null,
      objectPurgePending: false,
    });
  });

  it('accepts 1 byte and exactly the limit; refuses 0 and one byte more (invalid)', () => {
    assert.equal(decideRequestUpload(request({ sizeBytes: 1 })).sizeBytes, 1);
    assert.equal(decideRequestUpload(request({ purpose: 'avatar', sizeBytes: 2 * MiB })).sizeBytes, 2 * MiB);
    assert.throws(() => decideRequestUpload(request({ sizeBytes: 0 })), ruleError('invalid', /between 1 and 8388608 for event_cover/));
    assert.throws(() => decideRequestUpload(request({ purpose: 'avatar', sizeBytes: 2 * MiB + 1 })), ruleError('invalid', /between 1 and 2097152 for avatar\./));
  });
});

describe('media asset: decideConfirm', () => {
  const matching = { sizeBytes: 100, contentType: 'image/png' };

  it('a pending asset whose object matches is uploaded, with one media.asset.uploaded event', () => {
    assert.deepEqual(decideConfirm(asset(), matching, t(10)), {
      kind: 'confirm',
      decision: {
        changes: { status: 'uploaded', uploadedAt: t(10), updatedAt: t(10) },
        events: [
          {
            type: 'media.asset.uploaded',
            data: { assetId: 'a1', ownerId: 'u1', purpose: 'event_cover', contentType: 'image/png', sizeBytes: 100 },
          },
        ],
      },
    });
  });

  it('the stored type may differ in case and parameters only', () => {
    assert.equal(decideConfirm(asset(), { sizeBytes: 100, contentType: ' Image/PNG; charset=binary' }, t(10)).kind, 'confirm');
  });

  it('a second confirm of an uploaded asset is a no-op, whatever the bucket says', () => {
    assert.deepEqual(decideConfirm(asset({ status: 'uploaded' }), null, t(10)), { kind: 'already-uploaded' });
  });

  it('an expired or deleted asset cannot be confirmed (state)', () => {
    assert.throws(() => decideConfirm(asset({ status: 'expired' }), matching, t(10)), ruleError('state', /^This upload is expired; request a new one\.$/));
    assert.throws(() => decideConfirm(asset({ status: 'deleted' }), matching, t(10)), ruleError('state', /is deleted/));
  });

  it('nothing uploaded yet is a state error', () => {
    assert.throws(() => decideConfirm(asset(), null, t(10)), ruleError('state', /Nothing has been uploaded/));
  });

  it('another size or another type is a mismatch that says what differs', () => {
    assert.deepEqual(decideConfirm(asset(), { sizeBytes: 99, contentType: 'image/png' }, t(10)), {
      kind: 'mismatch',
      message: 'The uploaded file has 99 bytes, but 100 were declared.',
    });
    assert.deepEqual(decideConfirm(asset(), { sizeBytes: 100, contentType: 'image/jpeg' }, t(10)), {
      kind: 'mismatch',
      message: 'The uploaded file is image/jpeg, but image/png was declared.',
    });
    assert.deepEqual(decideConfirm(asset(), { sizeBytes: 100, contentType: '' }, t(10)), {
      kind: 'mismatch',
      message: 'The uploaded file is untyped, but image/png was declared.',
    });
  });
});

describe('media asset: decideExpire', () => {
  const grace = 60_000;

  it('a pending asset expires only once its URL has been dead for the grace period', () => {
    const pending = asset(); // upload URL dies at t(300)
    assert.equal(decideExpire(pending, t(359), grace), null);
    assert.equal(decideExpire(pending, t(360), grace)?.changes.status, 'expired', 'exactly at the end of the grace');
    assert.deepEqual(decideExpire(pending, t(400), grace), {
      changes: { status: 'expired', expiredAt: t(400), updatedAt: t(400), objectPurgePending: true },
      events: [],
    });
  });

  it('anything not pending is left alone', () => {
    for (const status of ['uploaded', 'expired', 'deleted'] as const) assert.equal(decideExpire(asset({ status }), t(10_000), grace), null);
  });
});

describe('media asset: decideDelete', () => {
  it('an uploaded asset becomes a tombstone and announces its deletion', () => {
    assert.deepEqual(decideDelete(asset({ status: 'uploaded' }), t(20)), {
      changes: { status: 'deleted', deletedAt: t(20), updatedAt: t(20), objectPurgePending: true },
      events: [{ type: 'media.asset.deleted', data: { assetId: 'a1', ownerId: 'u1', purpose: 'event_cover' } }],
    });
  });

  it('a pending asset is deleted silently (nobody could reference it)', () => {
    const decision = decideDelete(asset(), t(20));
    assert.equal(decision?.changes.status, 'deleted');
    assert.equal(decision?.changes.objectPurgePending, true);
    assert.deepEqual(decision?.events, []);
  });

  it('deleting what is already gone is a no-op', () => {
    assert.equal(decideDelete(asset({ status: 'deleted' }), t(20)), null);
    assert.equal(decideDelete(asset({ status: 'expired' }), t(20)), null);
  });
});
