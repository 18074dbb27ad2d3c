import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import amqp from 'amqplib';
import { createClient } from 'redis';
import { buildEvent } from '@eventonight/contracts';
import { EXCHANGE, messagePropertiesOf, type RunningService } from '@eventonight/platform';
import { freshDatabase, infra, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, newMember, newOrganizer, startEventService, type Reply } from './helpers.js';

/** Publishes a moderation.item.visibility.changed as the user service would (ADR 0041), with a broker confirm. */
async function publishVisibility(eventId: string, hidden: boolean, version: number): Promise<void> {
  const event = buildEvent({
    type: 'moderation.item.visibility.changed',
    source: 'user',
    aggregateId: `event:${eventId}`,
    aggregateVersion: version,
    correlationId: `corr-${randomUUID()}`,
    data: { kind: 'event', itemId: eventId, hidden },
  });
  const model = await amqp.connect(infra.amqpUrl);
  try {
    const channel = await model.createConfirmChannel();
    channel.publish(EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), messagePropertiesOf(event));
    await channel.waitForConfirms();
  } finally {
    await model.close();
  }
}

describe('event service: a hidden event leaves the cached catalogue at once (ADR 0016, 0041)', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  const city = `Hidetown-${Date.now()}`;
  const listQuery = `/events?city=${encodeURIComponent(city)}`;
  const ids = (reply: Reply): string[] => (reply.body['items'] as Array<Record<string, unknown>>).map((item) => item['eventId'] as string);

  before(async () => {
    database = await freshDatabase('event_hide');
    issuer = await startTestIssuer();
    service = await startEventService({ database: database.name, issuer, extra: { REDIS_URL: infra.redisUrl }, consume: true });
  });
  after(async () => {
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('the cached list and page stop showing it to everyone but moderators; a restore brings it back', async () => {
    const org = await newOrganizer(issuer);
    const member = await newMember(issuer);
    const moderator = { token: await issuer.mint({ sub: `mod-${randomUUID()}`, roles: ['member', 'moderator'] }) };
    const created = await call(service.url, 'POST', '/events', { token: org.token, body: eventBody({ title: 'Too good to be true', venue: { name: 'V', address: 'A', city } }) });
    const eventId = created.body['eventId'] as string;
    assert.equal((await call(service.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
    const kept = await call(service.url, 'POST', '/events', { token: org.token, body: eventBody({ title: 'Honest gig', venue: { name: 'V', address: 'A', city } }) });
    await call(service.url, 'POST', `/events/${kept.body['eventId'] as string}/publish`, { token: org.token });

    // Warm the cache until the list is a hit (Redis connects in the background).
    await waitFor(
      async () => {
        await call(service.url, 'GET', listQuery);
        await call(service.url, 'GET', `/events/${eventId}`);
        const again = await call(service.url, 'GET', listQuery);
        return again.headers.get('x-cache') === 'hit' && ids(again).includes(eventId) ? true : undefined;
      },
      { timeoutMs: 15_000, what: 'a cached list' },
    );

    await publishVisibility(eventId, true, 1);
    await waitFor(async () => (ids(await call(service.url, 'GET', listQuery)).includes(eventId) ? undefined : true), { timeoutMs: 15_000, what: 'hidden from the list' });
    assert.deepEqual(ids(await call(service.url, 'GET', listQuery)), [kept.body['eventId']]);
    assert.equal((await call(service.url, 'GET', `/events/${eventId}`)).status, 404);
    assert.equal((await call(service.url, 'GET', `/events/${eventId}`, { token: member.token })).status, 404);
    assert.equal((await call(service.url, 'GET', `/events/${eventId}/calendar.ics`)).status, 404);
    assert.equal((await call(service.url, 'GET', `/events/${eventId}`, { token: moderator.token })).status, 200);
    // The moderator's read was not shared through the cache.
    assert.equal((await call(service.url, 'GET', `/events/${eventId}`)).status, 404);

    await publishVisibility(eventId, false, 2);
    await waitFor(async () => (ids(await call(service.url, 'GET', listQuery)).includes(eventId) ? true : undefined), { timeoutMs: 15_000, what: 'restored' });
    assert.equal((await call(service.url, 'GET', `/events/${eventId}`)).status, 200);
  });

  it('near me keeps each cell in the cache: a new event shows at once, a hidden one leaves at once (ADR 0040)', async () => {
    const org = await newOrganizer(issuer);
    // Somewhere no other test places anything (the database is this file's own anyway).
    const at = { lat: -33.9 + Math.random() / 10, lng: 151.2 + Math.random() / 10 };
    const near = async (): Promise<string[]> => {
      const reply = await call(service.url, 'GET', `/discover/near?lat=${at.lat}&lng=${at.lng}&radiusKm=5`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return (reply.body['items'] as Array<{ event: { eventId: string } }>).map((item) => item.event.eventId);
    };
    const publishAt = async (title: string, location: { lat: number; lng: number }): Promise<string> => {
      const created = await call(service.url, 'POST', '/events', { token: org.token, body: eventBody({ title, venue: { name: 'V', address: 'A', city: 'Sydney', location } }) });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const eventId = created.body['eventId'] as string;
      assert.equal((await call(service.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
      return eventId;
    };
    const first = await publishAt('Harbour night', at);
    // Until Redis is connected the service reads the database: wait for the cells to be kept.
    const redis = createClient({ url: infra.redisUrl });
    await redis.connect();
    try {
      await waitFor(
        async () => {
          assert.deepEqual(await near(), [first]);
          return (await redis.keys('*near-cell:*')).length > 0 ? true : undefined;
        },
        { timeoutMs: 15_000, what: 'the cells kept in the cache' },
      );
    } finally {
      await redis.close();
    }
    const second = await publishAt('Quay night', { lat: at.lat + 0.01, lng: at.lng });
    // No wait: the publish moved the catalogue on before it answered.
    assert.deepEqual((await near()).sort(), [first, second].sort());

    await publishVisibility(first, true, 1);
    await waitFor(async () => ((await near()).includes(first) ? undefined : true), { timeoutMs: 15_000, what: 'the hidden event gone from near me' });
    assert.deepEqual(await near(), [second]);
  });
});
