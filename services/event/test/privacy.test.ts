import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { erasureDigest, type RunningService } from '@eventonight/platform';
import { EventTap, freshDatabase, startTestIssuer, Upstream, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, newMember, newOrganizer, startEventService } from './helpers.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('event service: data export and erasure (ADR 0027)', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let upstream: Upstream;
  let tap: EventTap;

  before(async () => {
    database = await freshDatabase('event_privacy');
    issuer = await startTestIssuer();
    tap = await EventTap.open(['event.export.part']);
    upstream = await Upstream.open();
    service = await startEventService({ database: database.name, issuer, consume: true });
  });
  after(async () => {
    await service?.close();
    await upstream?.close();
    await tap?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function requestExport(userId: string, exportId = `export-${randomUUID()}`) {
    upstream.publish(upstream.event('user.export.requested', { exportId, userId }));
    return tap.waitFor('event.export.part', (event) => event.data.exportId === exportId);
  }

  async function create(token: string, body = eventBody()): Promise<string> {
    const reply = await call(service.url, 'POST', '/events', { token, body });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    return reply.body['eventId'] as string;
  }

  /** Every document of this service's database that holds one of `needles`, read whole as JSON. */
  async function traces(needles: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const { name } of await service.db.listCollections({}, { nameOnly: true }).toArray()) {
      if (name.startsWith('system.')) continue;
      for (const document of await service.db.collection(name).find({}).toArray()) {
        const json = JSON.stringify(document);
        for (const needle of needles) if (json.includes(needle)) found.push(`${name}/${String(document['_id'])} holds ${needle}`);
      }
    }
    return found;
  }

  async function deleteUser(userId: string): Promise<void> {
    upstream.publish(upstream.event('user.deleted', { userId }, userId, 2));
    await waitFor(
      async () => {
        const recorded = await service.db.collection<{ _id: string }>('erasures').countDocuments({ _id: erasureDigest(userId) });
        const parts = await service.db.collection('export_parts').countDocuments({ userId });
        return recorded === 1 && parts === 0 ? true : undefined;
      },
      { timeoutMs: 10_000, what: `erasure of ${userId}` },
    );
  }

  it('an organization’s export lists every event it organized (drafts too) and their ticket tiers', async () => {
    const organization = await newOrganizer(issuer);
    const published = await create(organization.token, eventBody({ title: 'Published one', tags: ['jazz', 'live'] }));
    assert.equal((await call(service.url, 'POST', `/events/${published}/publish`, { token: organization.token })).status, 200);
    const draft = await create(organization.token, eventBody({ title: 'Draft one', tiers: [] }, Date.now(), 72 * 3_600_000));
    // Someone else's event is not in it.
    await create((await newOrganizer(issuer)).token);

    const part = await requestExport(organization.id);
    assert.deepEqual(Object.keys(part.data.sections).sort(), ['events_organized', 'ticket_tiers']);
    const events = part.data.sections['events_organized'] ?? [];
    assert.deepEqual(
      events.map((row) => [row['event_id'], row['title'], row['status']]),
      [
        [published, 'Published one', 'published'],
        [draft, 'Draft one', 'draft'],
      ],
    );
    const first = events[0] ?? {};
    assert.equal(first['venue_name'], 'Blue Note');
    assert.equal(first['city'], 'Bologna');
    assert.equal(first['latitude'], 44.49);
    assert.equal(first['tags'], 'jazz, live');
    assert.equal(first['cancellation_reason'], null);
    for (const column of ['starts_at', 'ends_at', 'created_at', 'updated_at', 'published_at']) assert.match(String(first[column]), ISO, column);
    for (const row of events) for (const value of Object.values(row)) assert.ok(value === null || typeof value !== 'object', 'flat rows');
    assert.deepEqual(
      (part.data.sections['ticket_tiers'] ?? []).map(({ tier_id: _tierId, ...row }) => row),
      [
        { event_id: published, event_title: 'Published one', tier_name: 'Standard', price_minor_units: 1500, currency: 'eur', tickets_offered: 100 },
        { event_id: published, event_title: 'Published one', tier_name: 'VIP', price_minor_units: 4000, currency: 'eur', tickets_offered: 10 },
      ],
    );
  });

  it('a member’s export is answered with empty sections, once per export id', async () => {
    const member = await newMember(issuer);
    const exportId = `export-${randomUUID()}`;
    const part = await requestExport(member.id, exportId);
    assert.deepEqual(part.data, { exportId, userId: member.id, sections: { events_organized: [], ticket_tiers: [] } });
    upstream.publish(upstream.event('user.export.requested', { exportId, userId: member.id }));
    await settle();
    assert.equal(tap.ofType('event.export.part').filter((event) => event.data.exportId === exportId).length, 1);
  });

  it('a deleted member leaves no trace in the event database; a later export request gets no answer', async () => {
    const member = await newMember(issuer);
    await requestExport(member.id);
    assert.equal((await traces([member.id])).length, 1, 'the answered export names the member until the erasure');
    await deleteUser(member.id);
    assert.deepEqual(await traces([member.id]), []);

    // Replayed: nothing changes, nothing fails.
    upstream.publish(upstream.event('user.deleted', { userId: member.id }, member.id, 2));
    const exportId = `export-${randomUUID()}`;
    upstream.publish(upstream.event('user.export.requested', { exportId, userId: member.id }));
    await requestExport((await newMember(issuer)).id);
    await settle();
    assert.equal(tap.ofType('event.export.part').filter((event) => event.data.exportId === exportId).length, 0);
    assert.deepEqual(await traces([member.id]), []);
    assert.equal(await service.db.collection<{ _id: string }>('erasures').countDocuments({ _id: erasureDigest(member.id) }), 1);
  });

  it('a deleted organization’s still-valid token gets 401 account-deleted; its events stay (out of scope)', async () => {
    const organization = await newOrganizer(issuer);
    const draft = await create(organization.token);
    const published = await create(organization.token);
    assert.equal((await call(service.url, 'POST', `/events/${published}/publish`, { token: organization.token })).status, 200);
    await requestExport(organization.id);
    await deleteUser(organization.id);

    const token = organization.token;
    const attempts: Array<[string, string, unknown?]> = [
      ['POST', '/events', eventBody()],
      ['PATCH', `/events/${draft}`, { title: 'Renamed after deletion' }],
      ['POST', `/events/${draft}/publish`],
      ['POST', `/events/${published}/cancel`, { reason: 'gone' }],
      ['GET', '/organizers/me/events'],
    ];
    for (const [method, path, body] of attempts) {
      const reply = await call(service.url, method, path, { token, ...(body === undefined ? {} : { body }) });
      assert.equal(reply.status, 401, `${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      assert.match(String(reply.body['type']), /account-deleted$/, `${method} ${path}`);
    }
    const stored = await service.db.collection<{ _id: string; [field: string]: unknown }>('events').find({ organizerId: organization.id }).toArray();
    assert.deepEqual(stored.map((event) => [event._id, event['status'], event['title']]).sort(), [
      [draft, 'draft', 'Jazz night'],
      [published, 'published', 'Jazz night'],
    ].sort());
    assert.equal(await service.db.collection('export_parts').countDocuments({ userId: organization.id }), 0);
    // Another organization is not refused.
    await create((await newOrganizer(issuer)).token);
  });
});
