import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { buildEvent } from '@eventonight/contracts';
import { messagePropertiesOf } from '@eventonight/platform';
import { freshDatabase, infra, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, checkoutCall, newUser, serviceToken, snapshot, startTicketing, tiersOf, type TestTicketing } from './helpers.js';

describe('ticketing: tiers from the event service (internal call and event.*)', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let model: ChannelModel;
  let channel: Channel;

  before(async () => {
    database = await freshDatabase('ticketing_tiers');
    issuer = await startTestIssuer();
    ticketing = await startTicketing({ database: database.name, issuer });
    model = await amqp.connect(infra.amqpUrl);
    channel = await model.createChannel();
  });
  after(async () => {
    await channel?.close().catch(() => undefined);
    await model?.close().catch(() => undefined);
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  function publishBus(type: 'event.published' | 'event.cancelled', eventId: string, organizerId: string, version: number, tiers = tiersOf('t1', 5)) {
    const event =
      type === 'event.published'
        ? buildEvent({ type, data: { ...snapshot(eventId, organizerId), tiers }, source: 'event', aggregateId: eventId, aggregateVersion: version, correlationId: randomUUID() })
        : buildEvent({ type, data: { ...snapshot(eventId, organizerId, 'cancelled'), reason: null }, source: 'event', aggregateId: eventId, aggregateVersion: version, correlationId: randomUUID() });
    channel.publish('eventonight', event.type, Buffer.from(JSON.stringify(event)), messagePropertiesOf(event));
  }

  const put = async (eventId: string, token: string | undefined, capacity = 5, version = 2) =>
    call(ticketing.service.url, 'PUT', `/internal/events/${eventId}/tiers`, {
      ...(token === undefined ? {} : { token }),
      body: { event: snapshot(eventId, 'org-1'), aggregateVersion: version, tiers: tiersOf('t1', capacity) },
    });

  it('accepts only service tokens of the event service', async () => {
    const eventId = `evt-${randomUUID()}`;
    assert.equal((await put(eventId, undefined)).status, 401);
    const member = await newUser(issuer, 'member');
    assert.equal((await put(eventId, member.token)).status, 403);
    assert.equal((await put(eventId, await serviceToken(issuer, 'other-service'))).status, 403);
    assert.equal(await ticketing.deps.inventories.load(eventId), null);
    const ok = await put(eventId, await serviceToken(issuer));
    assert.deepEqual([ok.status, ok.body['outcome']], [200, 'opened']);
  });

  it("refuses a wrong client before it reads the body: 403, not the schema's details", async () => {
    const member = await newUser(issuer, 'member');
    const reply = await call(ticketing.service.url, 'PUT', `/internal/events/evt-x/tiers`, {
      token: member.token,
      body: { nonsense: true },
    });
    assert.equal(reply.status, 403);
    assert.equal(reply.body['detail'], 'This endpoint is for internal services only.');
    assert.doesNotMatch(JSON.stringify(reply.body), /nonsense|aggregateVersion|invalidParams|errors|issues/);
  });

  it('refuses a body about another event and unknown fields', async () => {
    const token = await serviceToken(issuer);
    const mismatch = await call(ticketing.service.url, 'PUT', `/internal/events/evt-a/tiers`, {
      token,
      body: { event: snapshot('evt-b', 'org-1'), aggregateVersion: 2, tiers: [] },
    });
    // Both are well-formed; that they disagree is a rule the schema cannot state: 422.
    assert.deepEqual([mismatch.status, mismatch.body['type']], [422, 'https://eventonight.dev/problems/unprocessable']);
    const extra = await call(ticketing.service.url, 'PUT', `/internal/events/evt-a/tiers`, {
      token,
      body: { event: snapshot('evt-a', 'org-1'), aggregateVersion: 2, tiers: [], surprise: 1 },
    });
    assert.equal(extra.status, 400);
    assert.equal(await ticketing.deps.inventories.load('evt-a'), null);
  });

  it('internal call first, then event.published: the second changes nothing', async () => {
    const eventId = `evt-${randomUUID()}`;
    assert.equal((await put(eventId, await serviceToken(issuer), 5)).body['outcome'], 'opened');
    const again = await put(eventId, await serviceToken(issuer), 99, 3);
    assert.deepEqual([again.status, again.body['outcome']], [200, 'unchanged']);
    publishBus('event.published', eventId, 'org-1', 2, tiersOf('t1', 77));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const loaded = await ticketing.deps.inventories.load(eventId);
    assert.equal(loaded?.version, 1);
    assert.equal(loaded?.state.tiers[0]?.capacity, 5);
  });

  it('event.published first (consumer), then the internal call: unchanged', async () => {
    const eventId = `evt-${randomUUID()}`;
    publishBus('event.published', eventId, 'org-1', 2, tiersOf('t1', 7));
    const loaded = await waitFor(() => ticketing.deps.inventories.load(eventId).then((l) => l ?? undefined), { what: 'inventory from bus' });
    assert.equal(loaded.state.tiers[0]?.capacity, 7);
    const second = await put(eventId, await serviceToken(issuer), 50);
    assert.equal(second.body['outcome'], 'unchanged');
    assert.equal((await ticketing.deps.inventories.load(eventId))?.state.tiers[0]?.capacity, 7);
  });

  it('event.cancelled stops sales; a cancel before the publish keeps them closed', async () => {
    const eventId = `evt-${randomUUID()}`;
    await put(eventId, await serviceToken(issuer), 5);
    publishBus('event.cancelled', eventId, 'org-1', 3);
    await waitFor(() => ticketing.deps.inventories.load(eventId).then((l) => (l?.state.status === 'closed' ? true : undefined)), { what: 'closed' });
    const member = await newUser(issuer, 'member');
    const refused = await checkoutCall(ticketing.service.url, member.token, { eventId, tierId: 't1', organizerId: 'org-1' }, 1);
    assert.equal(refused.status, 409);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/not-on-sale');

    const early = `evt-${randomUUID()}`;
    publishBus('event.cancelled', early, 'org-1', 3);
    await waitFor(() => ticketing.deps.inventories.load(early).then((l) => l ?? undefined), { what: 'closed placeholder' });
    assert.equal((await put(early, await serviceToken(issuer), 5)).body['outcome'], 'unchanged');
    assert.equal((await ticketing.deps.inventories.load(early))?.state.status, 'closed');
  });
});
