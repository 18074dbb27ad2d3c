import type { ActiveProfile, EventCategory, Organization, Profile } from './profile.js';
import { searchNameOf } from './profile.js';

/** What a user may change about their own profile; absent = unchanged, null = cleared. */
export interface ProfilePatch {
  displayName?: string;
  bio?: string | null;
  avatarMediaId?: string | null;
  city?: string | null;
  preferences?: { categories: EventCategory[] };
  privateProfile?: boolean;
  organization?: { name?: string; description?: string | null; website?: string | null };
}

export type PatchDecision =
  | { ok: true; changes: Partial<Omit<Profile, '_id'>>; next: ActiveProfile }
  | { ok: false; reason: 'not-an-organization' };

/** Applies a patch by the rules: organization fields belong to organizations only. */
export function decidePatch(current: ActiveProfile, patch: ProfilePatch, now: Date): PatchDecision {
  if (patch.organization !== undefined && current.role !== 'organization') return { ok: false, reason: 'not-an-organization' };
  const changes: Partial<Omit<Profile, '_id'>> = {};
  if (patch.displayName !== undefined) changes.displayName = patch.displayName;
  if (patch.bio !== undefined) changes.bio = patch.bio;
  if (patch.avatarMediaId !== undefined) changes.avatarMediaId = patch.avatarMediaId;
  if (patch.city !== undefined) changes.city = patch.city;
  if (patch.preferences !== undefined) changes.preferences = { categories: [...new Set(patch.preferences.categories)] };
  if (patch.privateProfile !== undefined) changes.privateProfile = patch.privateProfile;
  if (patch.organization !== undefined) {
    const base: Organization = current.organization ?? { name: current.displayName, description: null, website: null };
    const organization: Organization = {
      name: patch.organization.name ?? base.name,
      description: patch.organization.description === undefined ? base.description : patch.organization.description,
      website: patch.organization.website === undefined ? base.website : patch.organization.website,
    };
    changes.organization = organization;
    changes.searchName = searchNameOf(current.role, organization);
  }
  changes.updatedAt = now.toISOString();
  return { ok: true, changes, next: { ...current, ...changes } as ActiveProfile };
}

/** The tombstone: identity and history stay, personal data goes. */
export function tombstone(now: Date): Partial<Omit<Profile, '_id'>> {
  const at = now.toISOString();
  return {
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
    updatedAt: at,
    deletedAt: at,
  };
}
