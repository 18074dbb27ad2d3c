import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { EventTap, freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, HOUR, newMember, newOrganizer, startEventService } from './helpers.js';

describe('event service: creating drafts', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let tap: EventTap;

  before(async () => {
    database = await freshDatabase('event_create');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['event.*']);
    service = await startEventService({ database: database.name, issuer });
  });
  after(async () => {
    await service?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('an organization creates a draft: 201, Location, ETag, generated tier ids, event.created on the broker', async () => {
    const org = await newOrganizer(issuer);
    const body = eventBody({ tags: ['jazz', 'Jazz', ' live '] });
    const reply = await call(service.url, 'POST', '/events', { token: org.token, body });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const eventId = reply.body['eventId'] as string;
    assert.equal(reply.headers.get('location'), `/events/${eventId}`);
    assert.equal(reply.headers.get('etag'), '"1"');
    assert.equal(reply.body['status'], 'draft');
    assert.equal(reply.body['organizerId'], org.id);
    assert.equal(reply.body['version'], 1);
    assert.deepEqual(reply.body['tags'], ['jazz', 'live'], 'tags are trimmed and deduplicated ignoring case');
    const tiers = reply.body['tiers'] as Array<Record<string, unknown>>;
    assert.equal(tiers.length, 2);
    assert.ok(tiers.every((tier) => typeof tier['tierId'] === 'string' && tier['tierId'] !== ''));
    assert.notEqual(tiers[0]?.['tierId'], tiers[1]?.['tierId']);
    assert.equal(reply.body['startsAt'], new Date(body['startsAt'] as string).toISOString());
    assert.equal('outbox' in reply.body, false);

    const created = await tap.waitFor('event.created', (e) => e.aggregateId === eventId);
    assert.equal(created.aggregateVersion, 1);
    assert.equal(created.source, 'event');
    assert.deepEqual(created.data, {
      eventId,
      organizerId: org.id,
      title: 'Jazz night',
      category: 'music',
      startsAt: reply.body['startsAt'],
      endsAt: reply.body['endsAt'],
      city: 'Bologna',
      coverMediaId: null,
      status: 'draft',
      venue: { name: 'Blue Note', address: 'Via Roma 1', city: 'Bologna' },
    });
  });

  it('a minimal body (no tiers, tags, location, cover) is accepted with empty defaults', async () => {
    const org = await newOrganizer(issuer);
    const { tiers: _t, tags: _g, ...rest } = eventBody();
    const reply = await call(service.url, 'POST', '/events', {
      token: org.token,
      body: { ...rest, venue: { name: 'Hall', address: 'Street 2', city: 'Rome' } },
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.deepEqual(reply.body['tiers'], []);
    assert.deepEqual(reply.body['tags'], []);
    assert.equal((reply.body['venue'] as Record<string, unknown>)['location'], null);
    assert.equal(reply.body['coverMediaId'], null);
    assert.equal(reply.body['capacityHint'], null);
  });

  const now = Date.now();
  const invalidBodies: Array<[string, Record<string, unknown>, number, string]> = [
    ['end before start', eventBody({ endsAt: new Date(now + 47 * HOUR).toISOString() }), 422, 'endsAt'],
    ['end equal to start', eventBody({ endsAt: new Date(now + 48 * HOUR).toISOString() }), 422, 'endsAt'],
    [
      'start in the past',
      eventBody({ startsAt: new Date(now - HOUR).toISOString(), endsAt: new Date(now + HOUR).toISOString() }),
      422,
      'startsAt',
    ],
    ['duplicate tier names', eventBody({ tiers: [{ name: 'A', priceMinor: 0, currency: 'eur', quantity: 1 }, { name: 'a', priceMinor: 1, currency: 'eur', quantity: 1 }] }), 422, 'tiers.1.name'],
    ['unknown field', eventBody({ hacker: true }), 400, 'hacker'],
    ['unknown category', eventBody({ category: 'rave' }), 400, 'category'],
    ['date without time zone', eventBody({ startsAt: '2030-01-01T10:00:00' }), 400, 'startsAt'],
    ['empty title', eventBody({ title: '   ' }), 400, 'title'],
    ['upper-case currency', eventBody({ tiers: [{ name: 'A', priceMinor: 100, currency: 'EUR', quantity: 1 }] }), 400, 'tiers.0.currency'],
    ['fractional price', eventBody({ tiers: [{ name: 'A', priceMinor: 10.5, currency: 'eur', quantity: 1 }] }), 400, 'tiers.0.priceMinor'],
    ['negative price', eventBody({ tiers: [{ name: 'A', priceMinor: -1, currency: 'eur', quantity: 1 }] }), 400, 'tiers.0.priceMinor'],
    ['zero quantity', eventBody({ tiers: [{ name: 'A', priceMinor: 1, currency: 'eur', quantity: 0 }] }), 400, 'tiers.0.quantity'],
    ['client-chosen tier id', eventBody({ tiers: [{ tierId: 'x', name: 'A', priceMinor: 1, currency: 'eur', quantity: 1 }] }), 400, 'tiers.0.tierId'],
    [
      '21 tiers',
      eventBody({ tiers: Array.from({ length: 21 }, (_, i) => ({ name: `T${i}`, priceMinor: 1, currency: 'eur', quantity: 1 })) }),
      400,
      'tiers',
    ],
    ['11 tags', eventBody({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }), 400, 'tags'],
    ['a long tag', eventBody({ tags: ['x'.repeat(33)] }), 400, 'tags.0'],
    ['latitude out of range', eventBody({ venue: { name: 'a', address: 'b', city: 'c', location: { lat: 91, lng: 0 } } }), 400, 'venue.location.lat'],
    ['missing venue', eventBody({ venue: undefined }), 400, 'venue'],
  ];

  for (const [name, body, status, path] of invalidBodies) {
    it(`refuses ${name} with ${status} naming ${path}, and writes nothing`, async () => {
      const org = await newOrganizer(issuer);
      const reply = await call(service.url, 'POST', '/events', { token: org.token, body });
      assert.equal(reply.status, status, JSON.stringify(reply.body));
      assert.match(reply.headers.get('content-type') ?? '', /application\/problem\+json/);
      const errors = reply.body['errors'] as Array<{ path: string }>;
      assert.ok(errors.some((e) => e.path === path), JSON.stringify(errors));
      const mine = await call(service.url, 'GET', '/organizers/me/events', { token: org.token });
      assert.deepEqual(mine.body['items'], []);
    });
  }

  it('a body that is not JSON is a 400 or 415 problem', async () => {
    const org = await newOrganizer(issuer);
    const malformed = await fetch(`${service.url}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' },
      body: '{"title":',
    });
    assert.equal(malformed.status, 400);
    const wrongType = await fetch(`${service.url}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.token}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    assert.equal(wrongType.status, 415);
  });

  it('a member may not create events (403); an anonymous caller gets 401', async () => {
    const member = await newMember(issuer);
    const forbidden = await call(service.url, 'POST', '/events', { token: member.token, body: eventBody() });
    assert.equal(forbidden.status, 403);
    const anonymous = await call(service.url, 'POST', '/events', { body: eventBody() });
    assert.equal(anonymous.status, 401);
  });
});
