import type { EventData } from '@eventonight/contracts';
import type { PendingEvent } from '@eventonight/platform';
import { geoCellsOf } from './geo.js';
import { cityKeyOf, type EventDetails, type EventState, type TierInput } from './event.js';
import { illegalTransition, invalid } from './errors.js';
import { buildTiers, checkDates, normalizeDetails } from './rules.js';
import { placeOf, snapshotOf } from './snapshot.js';

/**
 * The event's lifecycle: draft → published → (cancelled | completed). Each decision
 * takes the current state and returns the change plus the events it raises, or throws
 * an EventRuleError; nothing here does I/O.
 */

export type EventChanges = Partial<Omit<EventState, '_id'>>;

export interface Decision {
  changes: EventChanges;
  next: EventState;
  events: PendingEvent[];
}

export interface CreateCommand {
  eventId: string;
  organizerId: string;
  details: EventDetails;
  tiers: readonly TierInput[];
  now: Date;
  newTierId: () => string;
}

export function decideCreate(command: CreateCommand): { state: EventState; events: PendingEvent[] } {
  const details = normalizeDetails(command.details);
  const issues = checkDates(details.startsAt, details.endsAt, command.now, { startMustBeFuture: true });
  if (issues.length > 0) throw invalid(issues);
  const tiers = buildTiers(command.tiers, [], command.newTierId);
  const state: EventState = {
    _id: command.eventId,
    organizerId: command.organizerId,
    ...details,
    cityKey: cityKeyOf(details.venue.city),
    geoCells: geoCellsOf(details.venue.location),
    status: 'draft',
    tiers,
    createdAt: command.now,
    updatedAt: command.now,
    publishedAt: null,
    cancelledAt: null,
    cancellationReason: null,
    completedAt: null,
  };
  return { state, events: [{ type: 'event.created', data: snapshotOf(state) }] };
}

export type EventPatch = Partial<EventDetails> & { tiers?: readonly TierInput[] };

/** Fields compared to tell a real edit from a repeated one (which then writes nothing). */
function comparable(state: EventState): string {
  return JSON.stringify([
    state.title,
    state.description,
    state.category,
    state.startsAt.toISOString(),
    state.endsAt.toISOString(),
    state.venue,
    state.coverMediaId,
    state.capacityHint,
    state.tiers,
    state.tags,
  ]);
}

function sameTiers(state: EventState, tiers: readonly TierInput[]): boolean {
  return (
    state.tiers.length === tiers.length &&
    state.tiers.every((tier, i) => {
      const input = tiers[i];
      return (
        input !== undefined &&
        (input.tierId === undefined || input.tierId === tier.tierId) &&
        input.name.trim() === tier.name &&
        input.priceMinor === tier.priceMinor &&
        input.currency === tier.currency &&
        input.quantity === tier.quantity
      );
    })
  );
}

/** Returns null when the patch changes nothing, so a retried PATCH raises no second event. */
export function decideUpdate(state: EventState, patch: EventPatch, now: Date, newTierId: () => string): Decision | null {
  if (state.status === 'cancelled' || state.status === 'completed') {
    throw illegalTransition(`A ${state.status} event can no longer be edited.`);
  }
  const { tiers: tierInputs, ...detailPatch } = patch;
  if (tierInputs !== undefined && state.status !== 'draft' && !sameTiers(state, tierInputs)) {
    throw illegalTransition('Ticket tiers can only be changed while the event is a draft.');
  }
  const details = normalizeDetails({
    title: detailPatch.title ?? state.title,
    description: detailPatch.description ?? state.description,
    category: detailPatch.category ?? state.category,
    startsAt: detailPatch.startsAt ?? state.startsAt,
    endsAt: detailPatch.endsAt ?? state.endsAt,
    venue: detailPatch.venue ?? state.venue,
    coverMediaId: detailPatch.coverMediaId === undefined ? state.coverMediaId : detailPatch.coverMediaId,
    capacityHint: detailPatch.capacityHint === undefined ? state.capacityHint : detailPatch.capacityHint,
    tags: detailPatch.tags ?? state.tags,
  });
  const startChanged = details.startsAt.getTime() !== state.startsAt.getTime();
  const endChanged = details.endsAt.getTime() !== state.endsAt.getTime();
  const issues = checkDates(details.startsAt, details.endsAt, now, { startMustBeFuture: startChanged });
  if (endChanged && details.endsAt.getTime() <= now.getTime()) issues.push({ path: 'endsAt', message: 'must be in the future' });
  if (issues.length > 0) throw invalid(issues);
  const tiers = tierInputs !== undefined && state.status === 'draft' ? buildTiers(tierInputs, state.tiers, newTierId) : state.tiers;

  const next: EventState = { ...state, ...details, cityKey: cityKeyOf(details.venue.city), geoCells: geoCellsOf(details.venue.location), tiers, updatedAt: now };
  if (comparable(next) === comparable(state)) return null;
  const { _id: _ignored, ...changes } = next;
  return { changes, next, events: [{ type: 'event.updated', data: { ...snapshotOf(next), ...whatHoldersMustHear(state, next) } }] };
}

/**
 * A new time or a new place is news for everyone holding a ticket (ticketing moves its sales window
 * and door, notification tells them); any other edit is not. A draft has no holders yet.
 */
function whatHoldersMustHear(before: EventState, after: EventState): Pick<EventData<'event.updated'>, 'rescheduled' | 'relocated'> {
  if (before.status !== 'published') return {};
  const timeMoved = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
  const previous = placeOf(before.venue);
  const current = placeOf(after.venue);
  const placeMoved = previous.name !== current.name || previous.address !== current.address || previous.city !== current.city;
  return {
    ...(timeMoved ? { rescheduled: { previousStartsAt: before.startsAt.toISOString(), previousEndsAt: before.endsAt.toISOString() } } : {}),
    ...(placeMoved ? { relocated: { previous, current } } : {}),
  };
}

export function decidePublish(state: EventState, now: Date): Decision {
  if (state.status !== 'draft') throw illegalTransition(`Only a draft can be published; this event is ${state.status}.`);
  if (state.startsAt.getTime() <= now.getTime()) {
    throw invalid([{ path: 'startsAt', message: 'is in the past; move the event to a future date before publishing' }]);
  }
  const changes: EventChanges = { status: 'published', publishedAt: now, updatedAt: now };
  const next: EventState = { ...state, ...changes };
  return { changes, next, events: [{ type: 'event.published', data: { ...snapshotOf(next), tiers: next.tiers } }] };
}

export function decideCancel(state: EventState, reason: string | null, now: Date): Decision {
  if (state.status !== 'published') {
    throw illegalTransition(
      state.status === 'draft'
        ? 'A draft cannot be cancelled; only a published event can.'
        : `A ${state.status} event cannot be cancelled.`,
    );
  }
  if (state.endsAt.getTime() <= now.getTime()) throw illegalTransition('The event has already ended; it cannot be cancelled.');
  const changes: EventChanges = { status: 'cancelled', cancelledAt: now, cancellationReason: reason, updatedAt: now };
  const next: EventState = { ...state, ...changes };
  return { changes, next, events: [{ type: 'event.cancelled', data: { ...snapshotOf(next), reason } }] };
}

/** Null when the event is not (or no longer) due: another replica completed it, or it was cancelled meanwhile. */
export function decideComplete(state: EventState, now: Date): Decision | null {
  if (state.status !== 'published' || state.endsAt.getTime() > now.getTime()) return null;
  const changes: EventChanges = { status: 'completed', completedAt: now, updatedAt: now };
  const next: EventState = { ...state, ...changes };
  return { changes, next, events: [{ type: 'event.completed', data: snapshotOf(next) }] };
}
