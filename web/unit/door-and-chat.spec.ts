import { describe, expect, it } from 'vitest';
import { mergeMessages } from '../src/chat/thread';
import { answerOfFailure, normalizeCode } from '../src/door/door-api';
import { refusalOf } from '../src/media/upload';
import { profileChanges, type OwnProfile } from '../src/profile/profile-api';
import { ApiError } from '../src/ui/problem';

const base = 'https://eventonight.dev/problems/';

describe('door answers', () => {
  it('a second scan is "used" with when, tier and holder', () => {
    const failure = new ApiError({ type: `${base}already-used`, title: 'Ticket already used', status: 409, detail: '', ...{ tierName: 'VIP', holderName: 'Ada', usedAt: '2026-12-05T20:01:00.000Z' } });
    expect(answerOfFailure(failure)).toEqual({
      kind: 'used',
      tierName: 'VIP',
      holderName: 'Ada',
      usedAt: '2026-12-05T20:01:00.000Z',
      checkedInByName: null,
      deviceName: null,
    });
  });

  it('a refunded ticket is "invalidated"; an unknown code is "not for this event"; the rest a sentence', () => {
    expect(answerOfFailure(new ApiError({ type: `${base}ticket-invalidated`, title: '', status: 409, detail: '', ...{ tierName: 'VIP', holderName: null } }))).toEqual({
      kind: 'invalidated',
      tierName: 'VIP',
      holderName: null,
    });
    expect(answerOfFailure(new ApiError({ type: `${base}not-found`, title: 'Not found', status: 404, detail: '' }))).toEqual({ kind: 'not-for-event' });
    expect(answerOfFailure(new ApiError({ type: 'network', title: '', status: 0, detail: '' }))).toEqual({
      kind: 'failed',
      message: 'We could not reach EventoNight. Check your connection and try again.',
      noAnswer: true,
    });
    expect(answerOfFailure(new ApiError({ type: `${base}forbidden`, title: '', status: 403, detail: '' })).kind).toBe('failed');
  });

  it('a ticket outside the door hours is "not now", with when the doors open and close', () => {
    const hours = { tierName: 'VIP', holderName: 'Ada', ticketId: 't', startsAt: '2026-12-12T20:00:00.000Z', opensAt: '2026-12-12T14:00:00.000Z', closesAt: '2026-12-12T23:00:00.000Z' };
    expect(answerOfFailure(new ApiError({ type: `${base}door-closed`, title: '', status: 409, detail: '', ...hours }))).toEqual({
      kind: 'not-now',
      tierName: 'VIP',
      holderName: 'Ada',
      opensAt: hours.opensAt,
      closesAt: hours.closesAt,
    });
  });

  it('a typed code loses its spaces and line breaks', () => {
    expect(normalizeCode(' abc-DEF_12 \n 34 ')).toBe('abc-DEF_1234');
  });
});

describe('chat thread', () => {
  it('merges pages and pushes: oldest first, each message once', () => {
    const a = { messageId: 'a', sentAt: '2026-01-01T10:00:00.000Z', text: 'a' };
    const b = { messageId: 'b', sentAt: '2026-01-01T10:01:00.000Z', text: 'b' };
    const c = { messageId: 'c', sentAt: '2026-01-01T10:02:00.000Z', text: 'c' };
    expect(mergeMessages([c, b], [b, a, c]).map((m) => m.messageId)).toEqual(['a', 'b', 'c']);
  });
});

describe('uploads refused before sending', () => {
  it('refuses other types and oversized images with a sentence', () => {
    expect(refusalOf({ type: 'application/pdf', size: 10 }, 'avatar')).toBe('Choose a JPEG, PNG, WebP or GIF image.');
    expect(refusalOf({ type: 'image/png', size: 3 * 1024 * 1024 }, 'avatar')).toBe('This image is 3.0 MB; the limit is 2 MB.');
    expect(refusalOf({ type: 'image/png', size: 3 * 1024 * 1024 }, 'event_cover')).toBeNull();
    expect(refusalOf({ type: 'image/webp', size: 0 }, 'event_cover')).toBe('This file is empty.');
  });
});

describe('profile changes', () => {
  const before: OwnProfile = {
    id: 'u1', role: 'organization', displayName: 'Mara', avatarMediaId: null, bio: null, city: 'Lisbon', email: 'm@x.test', emailVerified: true, pendingEmail: null,
    organization: { name: 'Quay', description: null, website: null }, preferences: { categories: ['music'] }, privateProfile: false, version: 2, createdAt: '', updatedAt: '',
  };

  it('sends only what changed; emptied text becomes null', () => {
    const after = { ...before, city: '  ', bio: 'Hi', organization: { name: 'Quay', description: null, website: 'https://q.example' }, preferences: { categories: ['music' as const] } };
    expect(profileChanges(before, after)).toEqual({ city: null, bio: 'Hi', organization: { website: 'https://q.example' } });
  });

  it('nothing changed is null; the same categories in another order are no change', () => {
    expect(profileChanges(before, { ...before })).toBeNull();
    const two = { ...before, preferences: { categories: ['music' as const, 'art' as const] } };
    expect(profileChanges(two, { ...two, preferences: { categories: ['art', 'music'] } })).toBeNull();
  });
});
