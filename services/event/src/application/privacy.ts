import type { ExportRow, ExportSections } from '@eventonight/contracts';
import { answerExportRequest, forgetExportParts } from '@eventonight/platform';
import type { EventState } from '../domain/event.js';
import type { EventAppDeps } from './deps.js';

/**
 * What this service holds about a person (ADR 0027): the events an organization created, and
 * nothing about members. A member never writes here (only organizations create events; likes,
 * participations and tickets live in interaction and ticketing), no event names a member, and
 * the only per-person records are the erasure ledger (a digest) and the record of answered exports.
 */

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

function eventRow(event: EventState): ExportRow {
  return {
    event_id: event._id,
    title: event.title,
    description: event.description,
    category: event.category,
    status: event.status,
    starts_at: iso(event.startsAt),
    ends_at: iso(event.endsAt),
    venue_name: event.venue.name,
    venue_address: event.venue.address,
    city: event.venue.city,
    latitude: event.venue.location?.lat ?? null,
    longitude: event.venue.location?.lng ?? null,
    cover_media_id: event.coverMediaId,
    capacity_hint: event.capacityHint,
    tags: event.tags.join(', '),
    created_at: iso(event.createdAt),
    updated_at: iso(event.updatedAt),
    published_at: iso(event.publishedAt),
    cancelled_at: iso(event.cancelledAt),
    cancellation_reason: event.cancellationReason,
    completed_at: iso(event.completedAt),
  };
}

function tierRows(event: EventState): ExportRow[] {
  return event.tiers.map((tier) => ({
    event_id: event._id,
    event_title: event.title,
    tier_id: tier.tierId,
    tier_name: tier.name,
    price_minor_units: tier.priceMinor,
    currency: tier.currency,
    tickets_offered: tier.quantity,
  }));
}

/** The export's sections: empty for a member (an organization's events otherwise). */
export async function exportSectionsOf(deps: EventAppDeps, userId: string): Promise<ExportSections> {
  const events = await deps.reads.allOfOrganizer(userId);
  return { events_organized: events.map(eventRow), ticket_tiers: events.flatMap(tierRows) };
}

/** `user.export.requested`: answered once per export id; an erased user's request gets no answer. */
export async function answerExport(
  deps: EventAppDeps,
  request: { exportId: string; userId: string },
): Promise<'answered' | 'already-answered' | 'erased'> {
  if (await deps.ledger.isErased(request.userId)) return 'erased';
  const sections = await exportSectionsOf(deps, request.userId);
  return answerExportRequest(deps.exportParts, 'event', { ...request, sections }, deps.clock());
}

/**
 * `user.deleted`: recorded first (a deleted organization's token is refused from then on), then
 * the record of the user's exports goes. An organization's events are NOT deleted or cancelled
 * here: tickets were sold for them and what happens to them is a decision of its own (ADR 0027).
 * Idempotent: a redelivery keeps the first date and finds nothing left to forget.
 */
export async function eraseUser(deps: EventAppDeps, userId: string): Promise<void> {
  await deps.ledger.record(userId, deps.clock());
  await forgetExportParts(deps.exportParts.collection, userId);
}
