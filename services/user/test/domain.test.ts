import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profileCreated, userCreated, userDeleted, userUpdated } from '../src/domain/events.js';
import {
  challengeFor,
  decideConfirm,
  decideEmailChange,
  decideResend,
  isEmailVerified,
  pendingChallenge,
  RESEND_INTERVAL_MS,
  VERIFICATION_TTL_MS,
} from '../src/domain/email-verification.js';
import { decidePatch, tombstone } from '../src/domain/profile-changes.js';
import { isActive, newProfile, searchNameOf, type ActiveProfile } from '../src/domain/profile.js';

/** Pure rules of the user profile: creation, patches, deletion, published snapshots. */

const NOW = new Date('2026-07-01T10:00:00.000Z');
const LATER = new Date('2026-07-02T10:00:00.000Z');

const member = (): ActiveProfile => newProfile({ id: 'u1', role: 'member', email: 'a@example.test', emailVerified: true, displayName: 'Ann', organization: null, now: NOW });
const organization = (): ActiveProfile =>
  newProfile({ id: 'o1', role: 'organization', email: 'o@example.test', emailVerified: true, displayName: 'Club', organization: { name: 'The Club', description: 'Jazz', website: null }, now: NOW });

function patched(current: ActiveProfile, patch: Parameters<typeof decidePatch>[1]) {
  const decision = decidePatch(current, patch, LATER);
  if (!decision.ok) assert.fail(`patch refused: ${decision.reason}`);
  return decision;
}

describe('user profile: creation', () => {
  it('a member starts active with empty optional fields and no search name', () => {
    assert.deepEqual(member(), {
      _id: 'u1',
      state: 'active',
      role: 'member',
      email: 'a@example.test',
      emailVerified: true,
      emailChallenge: null,
      displayName: 'Ann',
      bio: null,
      avatarMediaId: null,
      city: null,
      preferences: { categories: [] },
      organization: null,
      searchName: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deletedAt: null,
    });
  });

  it('an organization keeps its organization and is searchable by its lower-cased name', () => {
    const profile = organization();
    assert.deepEqual(profile.organization, { name: 'The Club', description: 'Jazz', website: null });
    assert.equal(profile.searchName, 'the club');
  });

  it('a member never keeps organization data', () => {
    const profile = newProfile({ id: 'u2', role: 'member', email: null, emailVerified: true, displayName: 'B', organization: { name: 'X', description: null, website: null }, now: NOW });
    assert.equal(profile.organization, null);
    assert.equal(profile.searchName, null);
  });

  it('search names exist only for organizations with an organization', () => {
    assert.equal(searchNameOf('organization', { name: 'ABC', description: null, website: null }), 'abc');
    assert.equal(searchNameOf('organization', null), null);
    assert.equal(searchNameOf('member', { name: 'ABC', description: null, website: null }), null);
  });

  it('active means not deleted and named', () => {
    assert.equal(isActive(member()), true);
    assert.equal(isActive({ ...member(), state: 'deleted' }), false);
    assert.equal(isActive({ ...member(), displayName: null }), false);
  });
});

describe('user profile: patches', () => {
  it('changes only what is given, and always the update time', () => {
    const decision = patched(member(), { displayName: 'Anna' });
    assert.deepEqual(decision.changes, { displayName: 'Anna', updatedAt: LATER.toISOString() });
    assert.deepEqual(decision.next, { ...member(), displayName: 'Anna', updatedAt: LATER.toISOString() });
  });

  it('null clears bio, avatar and city; preferences lose duplicates', () => {
    const base = { ...member(), bio: 'b', avatarMediaId: 'm', city: 'Lyon' };
    assert.deepEqual(patched(base, { bio: null, avatarMediaId: null, city: null, preferences: { categories: ['music', 'art', 'music'] } }).changes, {
      bio: null,
      avatarMediaId: null,
      city: null,
      preferences: { categories: ['music', 'art'] },
      updatedAt: LATER.toISOString(),
    });
    assert.deepEqual(patched(member(), { bio: 'hi', avatarMediaId: 'm2', city: 'Paris' }).changes, {
      bio: 'hi',
      avatarMediaId: 'm2',
      city: 'Paris',
      updatedAt: LATER.toISOString(),
    });
  });

  it('a member may not set organization fields', () => {
    assert.deepEqual(decidePatch(member(), { organization: { name: 'X' } }, LATER), { ok: false, reason: 'not-an-organization' });
  });

  it('an organization patch merges with the current organization and renews the search name', () => {
    const decision = patched(organization(), { organization: { name: 'New Club' } });
    assert.deepEqual(decision.changes.organization, { name: 'New Club', description: 'Jazz', website: null });
    assert.equal(decision.changes.searchName, 'new club');
    const cleared = patched(organization(), { organization: { description: null, website: 'https://club.example' } });
    assert.deepEqual(cleared.changes.organization, { name: 'The Club', description: null, website: 'https://club.example' });
  });

  it('an organization without organization data starts from its display name', () => {
    const bare = { ...organization(), organization: null };
    assert.deepEqual(patched(bare, { organization: { website: 'https://w.example' } }).changes.organization, {
      name: 'Club',
      description: null,
      website: 'https://w.example',
    });
  });
});

describe('user profile: deletion and snapshots', () => {
  it('the tombstone clears every personal field and keeps the identity', () => {
    assert.deepEqual(tombstone(LATER), {
      state: 'deleted',
      email: null,
      emailChallenge: null,
      displayName: null,
      bio: null,
      avatarMediaId: null,
      city: null,
      preferences: { categories: [] },
      organization: null,
      searchName: null,
      updatedAt: LATER.toISOString(),
      deletedAt: LATER.toISOString(),
    });
  });

  it('created and updated events carry the display snapshot; deleted only the id', () => {
    const profile = { ...organization(), avatarMediaId: 'm1' };
    const data = { userId: 'o1', role: 'organization', displayName: 'Club', avatarMediaId: 'm1' };
    assert.deepEqual(userCreated(profile), { type: 'user.created', data });
    assert.deepEqual(userUpdated(profile), { type: 'user.updated', data });
    assert.deepEqual(userDeleted('o1'), { type: 'user.deleted', data: { userId: 'o1' } });
  });

  it('a new profile with an address also tells the mail sender where to write; one without does not', () => {
    const profile = { ...organization(), email: 'club@example.test' };
    assert.deepEqual(profileCreated(profile), [userCreated(profile), { type: 'user.contact.changed', data: { userId: 'o1', email: 'club@example.test' } }]);
    assert.deepEqual(profileCreated({ ...profile, email: null }), [userCreated({ ...profile, email: null })]);
  });
});

describe('user profile: confirming an address', () => {
  const unconfirmed = (): ActiveProfile => ({
    ...member(),
    emailVerified: false,
    emailChallenge: challengeFor('a@example.test', 'sign-up', 'digest-1', NOW),
  });

  it('a link is valid for 24 hours; a new one may be mailed after a minute', () => {
    const challenge = challengeFor('a@example.test', 'sign-up', 'digest-1', NOW);
    assert.equal(Date.parse(challenge.expiresAt) - NOW.getTime(), VERIFICATION_TTL_MS);
    assert.deepEqual(decideResend(unconfirmed(), new Date(NOW.getTime() + RESEND_INTERVAL_MS - 1)), {
      ok: false,
      why: 'too-soon',
      retryAt: new Date(NOW.getTime() + RESEND_INTERVAL_MS),
    });
    assert.deepEqual(decideResend(unconfirmed(), new Date(NOW.getTime() + RESEND_INTERVAL_MS)), { ok: true, email: 'a@example.test', reason: 'sign-up' });
  });

  it('nothing to resend for a confirmed address with no change pending; an unconfirmed one without a link gets one', () => {
    assert.deepEqual(decideResend(member(), NOW), { ok: false, why: 'already-verified' });
    assert.deepEqual(decideResend({ ...member(), emailVerified: false }, NOW), { ok: true, email: 'a@example.test', reason: 'sign-up' });
  });

  it('profiles from before confirmation existed read as confirmed', () => {
    const legacy: ActiveProfile = { ...member() };
    delete legacy.emailVerified;
    delete legacy.emailChallenge;
    assert.equal(isEmailVerified(legacy), true);
    assert.equal(pendingChallenge(legacy), null);
  });

  it('a change to the current address is refused; the same new address not twice within a minute', () => {
    assert.deepEqual(decideEmailChange(member(), 'a@example.test', NOW), { ok: false, why: 'same-address' });
    assert.deepEqual(decideEmailChange(member(), 'b@example.test', NOW), { ok: true });
    const changing = { ...member(), emailChallenge: challengeFor('b@example.test', 'change', 'd', NOW) };
    assert.equal(decideEmailChange(changing, 'b@example.test', new Date(NOW.getTime() + 1000)).ok, false);
    assert.deepEqual(decideEmailChange(changing, 'c@example.test', new Date(NOW.getTime() + 1000)), { ok: true });
  });

  it('confirming makes the mailed address the confirmed one; a change also moves the address; an expired link nothing', () => {
    const SOON = new Date(NOW.getTime() + 60 * 60 * 1000);
    const signUp = decideConfirm(unconfirmed(), challengeFor('a@example.test', 'sign-up', 'd', NOW), SOON);
    assert.deepEqual(signUp, {
      ok: true,
      email: 'a@example.test',
      addressChanged: false,
      changes: { email: 'a@example.test', emailVerified: true, emailChallenge: null, updatedAt: SOON.toISOString() },
    });
    const change = decideConfirm(member(), challengeFor('b@example.test', 'change', 'd', NOW), SOON);
    assert.equal(change.ok && change.addressChanged, true);
    const expired = decideConfirm(unconfirmed(), challengeFor('a@example.test', 'sign-up', 'd', NOW), new Date(NOW.getTime() + VERIFICATION_TTL_MS));
    assert.deepEqual(expired, { ok: false, why: 'expired' });
  });
});
