import type { VersionedEvent } from '../application/deps.js';
import type { EventDetails, TierInput } from '../domain/event.js';
import type { EventPatch } from '../domain/lifecycle.js';
import { encodeCursor } from '../persistence/cursor.js';
import type { EventPage } from '../persistence/event-reads.js';
import type { createEventBody, EventView, updateEventBody } from './schemas.js';
import type { z } from 'zod';

/** HTTP <-> application translation: ISO strings to Dates on the way in, back on the way out. */

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function toView({ state, version }: VersionedEvent): EventView {
  return {
    eventId: state._id,
    organizerId: state.organizerId,
    title: state.title,
    description: state.description,
    category: state.category,
    status: state.status,
    startsAt: state.startsAt.toISOString(),
    endsAt: state.endsAt.toISOString(),
    venue: state.venue,
    coverMediaId: state.coverMediaId,
    capacityHint: state.capacityHint,
    tiers: state.tiers,
    tags: state.tags,
    version,
    createdAt: state.createdAt.toISOString(),
    updatedAt: state.updatedAt.toISOString(),
    publishedAt: iso(state.publishedAt),
    cancelledAt: iso(state.cancelledAt),
    cancellationReason: state.cancellationReason,
    completedAt: iso(state.completedAt),
  };
}

export function toListView(page: EventPage): { items: EventView[]; nextCursor: string | null } {
  return { items: page.items.map(toView), nextCursor: page.next === null ? null : encodeCursor(page.next) };
}

/** Strong ETag = the aggregate version. */
export function etagOf(version: number): Record<string, string> {
  return { etag: `"${version}"` };
}

export function toCreateInput(body: z.output<typeof createEventBody>): { details: EventDetails; tiers: TierInput[] } {
  return {
    details: {
      title: body.title,
      description: body.description,
      category: body.category,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      venue: { ...body.venue, location: body.venue.location ?? null },
      coverMediaId: body.coverMediaId ?? null,
      capacityHint: body.capacityHint ?? null,
      tags: body.tags,
    },
    tiers: body.tiers,
  };
}

export function toPatch(body: z.output<typeof updateEventBody>): EventPatch {
  const { startsAt, endsAt, venue, ...rest } = body;
  return {
    ...rest,
    ...(startsAt === undefined ? {} : { startsAt: new Date(startsAt) }),
    ...(endsAt === undefined ? {} : { endsAt: new Date(endsAt) }),
    ...(venue === undefined ? {} : { venue: { ...venue, location: venue.location ?? null } }),
  };
}
