import { describe, expect, it } from 'vitest';
import { distanceLabel } from '../src/discovery/discovery-api';
import { profileChanges, type OwnProfile } from '../src/profile/profile-api';

describe('discovery: distances', () => {
  it('metres under a kilometre, one decimal under ten, whole kilometres beyond', () => {
    expect(distanceLabel(null)).toBeNull();
    expect(distanceLabel(0.8504)).toBe('850 m');
    expect(distanceLabel(2.449)).toBe('2.4 km');
    expect(distanceLabel(12.6)).toBe('13 km');
  });
});

describe('discovery: the private-profile option', () => {
  const before: OwnProfile = {
    id: 'u1', role: 'member', displayName: 'Pia', avatarMediaId: null, bio: null, city: null, email: 'p@x.test', emailVerified: true, pendingEmail: null,
    organization: null, preferences: { categories: [] }, privateProfile: false, version: 2, createdAt: '', updatedAt: '',
  };

  it('is sent when toggled, and only then', () => {
    expect(profileChanges(before, { ...before, privateProfile: true })).toEqual({ privateProfile: true });
    expect(profileChanges(before, { ...before })).toBeNull();
  });
});
