import { describe, expect, it } from 'vitest';
import type { EventView } from '../src/events/event-api';
import { draftIssues, draftOf, emptyDraft, fromLocalInput, groupOf, parseTags, priceToMinor, toCreateBody, toUpdateBody, zoneLabel, type EventDraft } from '../src/organizer/event-form';

function filled(): EventDraft {
  return {
    ...emptyDraft(),
    title: ' Harbour Concert ',
    description: 'Brass by the sea.',
    tags: 'live, harbour, live',
    startsAt: '2099-06-01T20:00',
    endsAt: '2099-06-01T23:00',
    venueName: 'Pier 7',
    address: '7 Quay Road',
    city: 'Lisbon',
    tiers: [
      { name: 'Standard', price: '12.50', currency: 'eur', quantity: '50' },
      { name: 'Guest list', price: '', currency: 'eur', quantity: '20' },
    ],
  };
}

describe('event editor form', () => {
  it('prices in major units become minor units per currency; empty is free; nonsense is refused', () => {
    expect(priceToMinor('12.50', 'eur')).toBe(1250);
    expect(priceToMinor('12,5', 'eur')).toBe(1250);
    expect(priceToMinor('', 'eur')).toBe(0);
    expect(priceToMinor('1500', 'jpy')).toBe(1500);
    expect(priceToMinor('15.5', 'jpy')).toBeNull();
    expect(priceToMinor('1.234', 'eur')).toBeNull();
    expect(priceToMinor('-3', 'eur')).toBeNull();
    expect(priceToMinor('abc', 'usd')).toBeNull();
  });

  it('a complete draft has no issues and becomes the API body, tags deduplicated', () => {
    const draft = filled();
    expect(draftIssues(draft, new Date('2026-01-01T00:00:00Z'))).toEqual([]);
    const body = toCreateBody(draft);
    expect(body.title).toBe('Harbour Concert');
    expect(body.tags).toEqual(['live', 'harbour']);
    expect(body.tiers).toEqual([
      { name: 'Standard', priceMinor: 1250, currency: 'eur', quantity: 50 },
      { name: 'Guest list', priceMinor: 0, currency: 'eur', quantity: 20 },
    ]);
    expect(body.startsAt).toBe(new Date('2099-06-01T20:00').toISOString());
  });

  it('names each field to fix: missing title, end before start, past start, a tier without tickets', () => {
    const draft = { ...filled(), title: ' ', endsAt: '2099-06-01T19:00', tiers: [{ name: 'A', price: '5', currency: 'eur', quantity: '0' }] };
    const fields = draftIssues(draft, new Date('2026-01-01T00:00:00Z')).map((issue) => issue.field);
    expect(fields).toEqual(['title', 'endsAt', 'tiers.0.quantity']);
    const past = draftIssues({ ...filled(), startsAt: '2020-01-01T20:00', endsAt: '2020-01-01T21:00' }, new Date('2026-01-01T00:00:00Z'));
    expect(past.map((issue) => issue.field)).toEqual(['startsAt']);
  });

  it('a published event’s update leaves the frozen tiers out', () => {
    expect('tiers' in toUpdateBody(filled(), 'published')).toBe(false);
    expect(toUpdateBody(filled(), 'draft').tiers).toHaveLength(2);
  });

  it('an event read back fills the form with the same values', () => {
    const event = {
      eventId: 'e1', organizerId: 'o1', title: 'T', description: 'D', category: 'art', status: 'draft',
      startsAt: new Date('2099-06-01T20:00').toISOString(), endsAt: new Date('2099-06-01T23:00').toISOString(),
      venue: { name: 'V', address: 'A', city: 'C', location: null }, coverMediaId: 'm1', capacityHint: null,
      tiers: [{ tierId: 't1', name: 'VIP', priceMinor: 4000, currency: 'eur', quantity: 10 }], tags: ['x', 'y'], version: 3,
      createdAt: '', updatedAt: '', publishedAt: null, cancelledAt: null, cancellationReason: null, completedAt: null,
    } as EventView;
    const draft = draftOf(event);
    expect(draft.startsAt).toBe('2099-06-01T20:00');
    expect(draft.tags).toBe('x, y');
    expect(draft.tiers).toEqual([{ tierId: 't1', name: 'VIP', price: '40.00', currency: 'eur', quantity: '10' }]);
    expect(toUpdateBody(draft, 'draft').tiers).toEqual([{ tierId: 't1', name: 'VIP', priceMinor: 4000, currency: 'eur', quantity: 10 }]);
  });

  it('dates: a bad input is null; the zone label names zone and offset', () => {
    expect(fromLocalInput('2099-13-45T99:99')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(zoneLabel(new Date('2026-07-01T12:00:00Z'), 'Europe/Lisbon')).toBe('Europe/Lisbon (GMT+1)');
    expect(zoneLabel(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe('America/New_York (GMT-5)');
  });

  it('tags: trimmed, empty dropped, each once', () => {
    expect(parseTags(' a , ,b,a ')).toEqual(['a', 'b']);
  });

  it('workspace groups: a published event that has ended is past before the service completes it', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(groupOf({ status: 'draft', endsAt: '2020-01-01T00:00:00Z' }, now)).toBe('drafts');
    expect(groupOf({ status: 'published', endsAt: '2026-06-02T00:00:00Z' }, now)).toBe('published');
    expect(groupOf({ status: 'published', endsAt: '2026-05-31T00:00:00Z' }, now)).toBe('past');
    expect(groupOf({ status: 'completed', endsAt: '2026-05-31T00:00:00Z' }, now)).toBe('past');
    expect(groupOf({ status: 'cancelled', endsAt: '2026-06-02T00:00:00Z' }, now)).toBe('cancelled');
  });
});
