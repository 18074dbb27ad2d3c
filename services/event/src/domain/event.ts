import type { eventEvents } from '@eventonight/contracts';
import type { z } from 'zod';

/** The event aggregate as this service stores it (one document per event). */

export type EventCategory = z.infer<typeof eventEvents.eventCategory>;
export type EventStatus = z.infer<typeof eventEvents.eventStatus>;
export type TicketTier = z.infer<typeof eventEvents.ticketTier>;

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Venue {
  name: string;
  address: string;
  city: string;
  location: GeoPoint | null;
}

export interface EventState {
  _id: string;
  organizerId: string;
  title: string;
  description: string;
  category: EventCategory;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  venue: Venue;
  /** venue.city lower-cased: the city filter is a case-insensitive exact match, and equality is indexable. */
  cityKey: string;
  /** The venue's geohash cells, precision 1..6 (ADR 0040); empty without a location. */
  geoCells?: string[];
  coverMediaId: string | null;
  capacityHint: number | null;
  tiers: TicketTier[];
  /** Per tier, the ticketing version its copy was last changed from after publication (ADR 0039). */
  tierVersions?: Record<string, number>;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  completedAt: Date | null;
}

/** What an organizer may set (create) or change (update). Dates are already parsed. */
export interface EventDetails {
  title: string;
  description: string;
  category: EventCategory;
  startsAt: Date;
  endsAt: Date;
  venue: Venue;
  coverMediaId: string | null;
  capacityHint: number | null;
  tags: string[];
}

/** A tier as the organizer writes it; `tierId` only to keep an existing tier's id on update. */
export interface TierInput {
  tierId?: string;
  name: string;
  priceMinor: number;
  currency: string;
  quantity: number;
}

export function cityKeyOf(city: string): string {
  return city.trim().toLowerCase();
}
