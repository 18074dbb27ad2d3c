import type { z } from 'zod';
import type { ActiveProfile } from '../domain/profile.js';
import type { ownProfileSchema, publicProfileSchema } from './schemas.js';

export function publicView(profile: ActiveProfile): z.input<typeof publicProfileSchema> {
  return {
    id: profile._id,
    role: profile.role,
    displayName: profile.displayName,
    avatarMediaId: profile.avatarMediaId,
    bio: profile.bio,
    city: profile.city,
    organization: profile.organization,
  };
}

export function ownView(profile: ActiveProfile, version: number): z.input<typeof ownProfileSchema> {
  return {
    ...publicView(profile),
    email: profile.email,
    preferences: profile.preferences,
    version,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}

/** The profile's version as a strong ETag; If-Match sends it back. */
export function etagOf(version: number): Record<string, string> {
  return { etag: `"${version}"` };
}
