import type { z } from 'zod';
import { missingSources, statusOf, type DataExport } from '../domain/data-export.js';
import { isEmailVerified, pendingChallenge } from '../domain/email-verification.js';
import type { ActiveProfile } from '../domain/profile.js';
import type { dataExportSchema, ownProfileSchema, publicProfileSchema } from './schemas.js';

export function publicView(profile: ActiveProfile): z.input<typeof publicProfileSchema> {
  return {
    id: profile._id,
    role: profile.role,
    displayName: profile.displayName,
    avatarMediaId: profile.avatarMediaId,
    bio: profile.bio,
    city: profile.city,
    organization: profile.organization,
    privateProfile: profile.privateProfile === true,
  };
}

export function ownView(profile: ActiveProfile, version: number): z.input<typeof ownProfileSchema> {
  const pending = pendingChallenge(profile);
  return {
    ...publicView(profile),
    email: profile.email,
    emailVerified: isEmailVerified(profile),
    pendingEmail: pending === null ? null : { email: pending.email, reason: pending.reason, sentAt: pending.sentAt, expiresAt: pending.expiresAt },
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

export function exportView(dataExport: DataExport, now: Date): z.input<typeof dataExportSchema> {
  return {
    exportId: dataExport._id,
    status: statusOf(dataExport, now),
    requestedAt: dataExport.requestedAt,
    readyAt: dataExport.readyAt,
    expiresAt: dataExport.expiresAt,
    receivedParts: [...dataExport.received],
    missingParts: missingSources(dataExport),
  };
}
