import type { ExportRow, ExportSections, ExportSource } from '@eventonight/contracts';
import type { EventCategory, Profile } from './profile.js';

/**
 * A member's data export (GDPR art. 15 and 20, ADR 0027). The user service asks every service
 * (`user.export.requested`), each answers with its part, and the export is ready once all seven
 * sources are in. Ready archives stay downloadable for AVAILABLE_MS, then they are deleted.
 */

export const EXPORT_SOURCES: readonly ExportSource[] = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'];

/** While an export younger than this is being prepared, asking again returns it (no flood). */
export const PREPARING_WINDOW_MS = 60 * 60_000;
/** How long a ready archive can be downloaded. */
export const AVAILABLE_MS = 7 * 24 * 60 * 60_000;
/** An export that never completed (a service never answered) is deleted after this. */
export const UNFINISHED_KEPT_MS = 24 * 60 * 60_000;

export interface DataExport {
  /** The export id (also the aggregate id of `user.export.requested`). */
  _id: string;
  userId: string;
  requestedAt: string;
  status: 'preparing' | 'ready';
  /** The sources whose part is stored, in the order they arrived. */
  received: ExportSource[];
  readyAt: string | null;
  /** readyAt + AVAILABLE_MS once ready. */
  expiresAt: string | null;
  /** When the sweep deletes the export and its parts (expiresAt, or UNFINISHED_KEPT_MS after the request). */
  purgeAt: Date;
  /**
   * Unique: the user id while this export is the one being prepared, its own id afterwards. A
   * second concurrent request cannot open another one (the unique index refuses it).
   */
  openSlot: string;
}

export type ExportStatusView = 'preparing' | 'ready' | 'expired' | 'incomplete';

export function newExport(exportId: string, userId: string, now: Date): DataExport {
  return {
    _id: exportId,
    userId,
    requestedAt: now.toISOString(),
    status: 'preparing',
    received: [],
    readyAt: null,
    expiresAt: null,
    purgeAt: new Date(now.getTime() + UNFINISHED_KEPT_MS),
    openSlot: userId,
  };
}

/** Still the one being prepared: a new request returns it instead of starting another. */
export function isStillPreparing(dataExport: DataExport, now: Date): boolean {
  return dataExport.status === 'preparing' && now.getTime() - Date.parse(dataExport.requestedAt) < PREPARING_WINDOW_MS;
}

export function isExpired(dataExport: DataExport, now: Date): boolean {
  return dataExport.expiresAt !== null && Date.parse(dataExport.expiresAt) <= now.getTime();
}

export function statusOf(dataExport: DataExport, now: Date): ExportStatusView {
  if (dataExport.status === 'ready') return isExpired(dataExport, now) ? 'expired' : 'ready';
  return isStillPreparing(dataExport, now) ? 'preparing' : 'incomplete';
}

export function missingSources(dataExport: DataExport): ExportSource[] {
  return EXPORT_SOURCES.filter((source) => !dataExport.received.includes(source));
}

/**
 * The change that records one more part: nothing when that source is already in; `ready` (with
 * its expiry and purge date) when it was the last one.
 */
export function withPart(dataExport: DataExport, source: ExportSource, now: Date): Partial<Omit<DataExport, '_id'>> | null {
  if (dataExport.received.includes(source)) return null;
  const received = [...dataExport.received, source];
  if (dataExport.status === 'ready' || !EXPORT_SOURCES.every((each) => received.includes(each))) return { received };
  const expiresAt = new Date(now.getTime() + AVAILABLE_MS);
  return {
    received,
    status: 'ready',
    readyAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    purgeAt: expiresAt,
    openSlot: dataExport._id,
  };
}

/** The names the web app shows for each category. */
const CATEGORY_NAMES: Record<EventCategory, string> = {
  music: 'Music',
  sport: 'Sport',
  art: 'Art',
  theatre: 'Theatre',
  food: 'Food & drink',
  tech: 'Tech',
  education: 'Learning',
  community: 'Community',
  nightlife: 'Nightlife',
  other: 'Other',
};

/** The user service's own part: the profile, the chosen categories and the organization details. */
export function userPart(profile: Profile): ExportSections {
  const account: ExportRow = {
    account_id: profile._id,
    account_type: profile.role,
    email: profile.email,
    display_name: profile.displayName,
    bio: profile.bio,
    city: profile.city,
    profile_picture_media_id: profile.avatarMediaId,
    account_created_at: profile.createdAt,
    profile_last_changed_at: profile.updatedAt,
  };
  const preferences: ExportRow[] = profile.preferences.categories.map((category) => ({
    preferred_category: CATEGORY_NAMES[category],
  }));
  const organization: ExportRow[] =
    profile.organization === null
      ? []
      : [
          {
            organization_name: profile.organization.name,
            description: profile.organization.description,
            website: profile.organization.website,
          },
        ];
  return { profile: [account], preferences, organization };
}
