import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, Upstream, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, newOrganizer, startEventService } from './helpers.js';

/** ADR 0039: the event follows its tiers as ticketing sells them after publication (ticketing.tier.changed). */
describe('event: tiers changed in ticketing after publication', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let upstream: Upstream;
  let service: RunningService;
  before(async () => {
    database = await freshDatabase('event_tier_changes');
    issuer = await startTestIssuer();
    upstream = await Upstream.open();
    service = await startEventService({ database: database.name, issuer, consume: true });
  });
  after(async () => {
    await service?.close();
    await upstream?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('a newer change is applied once, an older or replayed one changes nothing, an added tier appears', async () => {
    const organizer = await newOrganizer(issuer);
    const created = await call(service.url, 'POST', '/events', { token: organizer.token, body: eventBody() });
    assert.equal(created.status, 201);
    const eventId = String(created.body['eventId']);
    const tierId = String((created.body['tiers'] as Array<{ tierId: string }>)[0]?.tierId);
    assert.equal((await call(service.url, 'POST', `/events/${eventId}/publish`, { token: organizer.token })).status, 200);
    const tiersOf = async () => (await call(service.url, 'GET', `/events/${eventId}`)).body['tiers'] as Array<{ tierId: string; name: string; quantity: number }>;
    const change = (capacity: number, version: number) =>
      upstream.event('ticketing.tier.changed', { eventId, tierId, name: 'Standard', capacity, salesClosed: false, added: false }, eventId, version);

    upstream.publish(change(250, 5));
    await waitFor(async () => ((await tiersOf())[0]?.quantity === 250 ? true : undefined), { what: 'capacity followed' });
    // Late (older) and replayed messages: nothing moves back.
    upstream.publish(change(120, 3));
    const replay = change(999, 5);
    upstream.publish(replay);
    upstream.publish(
      upstream.event(
        'ticketing.tier.changed',
        { eventId, tierId: 'tier-late-bird', name: 'Late bird', capacity: 20, salesClosed: false, added: true, priceMinor: 2500, currency: 'eur' },
        eventId,
        6,
      ),
    );
    const tiers = await waitFor(async () => {
      const now = await tiersOf();
      return now.length === 3 ? now : undefined;
    }, { what: 'added tier followed' });
    assert.equal(tiers[0]?.quantity, 250);
    assert.deepEqual(tiers[2], { tierId: 'tier-late-bird', name: 'Late bird', priceMinor: 2500, currency: 'eur', quantity: 20 });
  });
});
