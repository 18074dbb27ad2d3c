import type { eventEvents, role as roleSchema } from '@eventonight/contracts';
import type { z } from 'zod';

export type Role = z.infer<typeof roleSchema>;
export type EventCategory = z.infer<typeof eventEvents.eventCategory>;

/** An address waiting to be confirmed through the link mailed to it (only the link's digest is kept). */
export interface EmailChallenge {
  email: string;
  /** sha256 of the link's secret, base64url. */
  tokenHash: string;
  reason: 'sign-up' | 'change';
  sentAt: string;
  expiresAt: string;
}

export interface Organization {
  name: string;
  description: string | null;
  website: string | null;
}

/**
 * The profile aggregate; `_id` is the Keycloak user id. A deleted profile stays as a
 * tombstone (state `deleted`, personal fields cleared) so its id is never reused and
 * reads answer 404 instead of recreating it.
 */
export interface Profile {
  _id: string;
  state: 'active' | 'deleted';
  role: Role;
  email: string | null;
  /**
   * The current address was confirmed. Absent on profiles made before confirmation existed
   * (2026-12): their accounts were created verified, so absent reads as confirmed.
   */
  emailVerified?: boolean;
  /** A confirmation in progress: of `email` after sign-up, or of a new address (absent = none). */
  emailChallenge?: EmailChallenge | null;
  displayName: string | null;
  bio: string | null;
  avatarMediaId: string | null;
  city: string | null;
  preferences: { categories: EventCategory[] };
  /** Going lists hidden from others (ADR 0040); absent = false. */
  privateProfile?: boolean;
  organization: Organization | null;
  /** Lower-cased organization name, only on active organizations: the search key. */
  searchName: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ActiveProfile extends Profile {
  state: 'active';
  displayName: string;
}

export function isActive(profile: Profile): profile is ActiveProfile {
  return profile.state === 'active' && profile.displayName !== null;
}

export interface NewProfile {
  id: string;
  role: Role;
  email: string | null;
  /** Whether the identity provider already holds the address as confirmed. */
  emailVerified: boolean;
  displayName: string;
  organization: Organization | null;
  now: Date;
}

export function searchNameOf(role: Role, organization: Organization | null): string | null {
  return role === 'organization' && organization !== null ? organization.name.toLowerCase() : null;
}

export function newProfile(input: NewProfile): ActiveProfile {
  const at = input.now.toISOString();
  const organization = input.role === 'organization' ? input.organization : null;
  return {
    _id: input.id,
    state: 'active',
    role: input.role,
    email: input.email,
    emailVerified: input.emailVerified,
    emailChallenge: null,
    displayName: input.displayName,
    bio: null,
    avatarMediaId: null,
    city: null,
    preferences: { categories: [] },
    organization,
    searchName: searchNameOf(input.role, organization),
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
}
