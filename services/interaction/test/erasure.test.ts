import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { erasureDigest } from '@eventonight/platform';
import { EventTap, waitFor } from '@eventonight/testing';
import { call, Harness, HOUR, type Person } from './helpers.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

interface Member extends Person {
  displayName: string;
  avatarMediaId: string;
}

describe('interaction service: erasure of a deleted user (ADR 0027)', () => {
  let h: Harness;
  let tap: EventTap;

  before(async () => {
    tap = await EventTap.open(['interaction.#']);
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
    await tap?.close();
  });

  async function member(role: 'member' | 'organization' = 'member'): Promise<Member> {
    const displayName = `Name ${randomUUID()}`;
    const avatarMediaId = `media-${randomUUID()}`;
    const person = await h.knownUser(role, displayName, avatarMediaId);
    return { ...person, displayName, avatarMediaId };
  }

  const needles = (person: Member) => [person.id, person.displayName, person.avatarMediaId];

  async function deleteUser(userId: string, version = 2): Promise<void> {
    h.upstream.publish(h.upstream.event('user.deleted', { userId }, userId, version));
    // The handler's last steps: the copy, then the export parts. Counts are read right after, never awaited.
    await waitFor(
      async () => {
        const db = h.service.db;
        const recorded = await db.collection<{ _id: string }>('erasures').countDocuments({ _id: erasureDigest(userId) });
        const copy = await db.collection<{ _id: string }>('user_copies').countDocuments({ _id: userId });
        const parts = await db.collection('export_parts').countDocuments({ userId });
        return recorded === 1 && copy === 0 && parts === 0 ? true : undefined;
      },
      { timeoutMs: 10_000, what: `erasure of ${userId}` },
    );
  }

  async function put(path: string, person: Person, body?: unknown): Promise<void> {
    const reply = await call(h.url, 'PUT', path, { token: person.token, ...(body === undefined ? {} : { body }) });
    assert.ok(reply.status === 200 || reply.status === 201, `${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  it('deletes the copy and every like, participation, review and follow of the user; counts drop at once; no trace is left', async () => {
    const erased = await member();
    const other = await member();
    const organization = await member('organization');
    const { eventId } = await h.publishedEvent(new Date(Date.now() - HOUR));
    for (const [person, rating] of [
      [erased, 1],
      [other, 5],
    ] as const) {
      await put(`/events/${eventId}/like`, person);
      await put(`/events/${eventId}/participation`, person);
      await put(`/events/${eventId}/review`, person, { rating, text: `Review by ${person.displayName}` });
      await put(`/users/${organization.id}/follow`, person);
    }
    // An export answered earlier: its record names the user and must go too.
    h.upstream.publish(h.upstream.event('user.export.requested', { exportId: `export-${randomUUID()}`, userId: erased.id }));
    await waitFor(async () => ((await h.service.db.collection('export_parts').countDocuments({ userId: erased.id })) === 1 ? true : undefined));
    const before = await call(h.url, 'GET', `/events/${eventId}/stats`);
    assert.deepEqual(before.body, { eventId, likes: 2, participants: 2, reviewCount: 2, averageRating: 3 });
    assert.equal((await call(h.url, 'GET', `/users/${organization.id}/stats`)).body['followers'], 2);

    await deleteUser(erased.id);

    // Read at once: no count is cached on this path (only event copies are, ADR 0023), so none is stale.
    const stats = await call(h.url, 'GET', `/events/${eventId}/stats`);
    assert.deepEqual(stats.body, { eventId, likes: 1, participants: 1, reviewCount: 1, averageRating: 5 });
    assert.equal((await call(h.url, 'GET', `/users/${organization.id}/stats`)).body['followers'], 1);
    const reviews = await call(h.url, 'GET', `/events/${eventId}/reviews`);
    assert.deepEqual(
      (reviews.body['items'] as Array<{ userId: string }>).map((review) => review.userId),
      [other.id],
    );
    assert.equal((await call(h.url, 'GET', `/users/${erased.id}/stats`)).status, 404);
    assert.deepEqual(await h.traces(needles(erased)), []);
    // The other member's data is all there (the scan is not blind).
    assert.ok((await h.traces(needles(other))).length >= 5);

    // A replayed user.deleted changes nothing more and does not fail.
    h.upstream.publish(h.upstream.event('user.deleted', { userId: erased.id }, erased.id, 2));
    await settle();
    assert.deepEqual((await call(h.url, 'GET', `/events/${eventId}/stats`)).body, stats.body);
    assert.equal(await h.service.db.collection<{ _id: string }>('erasures').countDocuments({ _id: erasureDigest(erased.id) }), 1);
    assert.deepEqual(await h.traces(needles(erased)), []);
  });

  it('an erased organization loses its followers (follows of it go, the followers count the rest); its event copies stay', async () => {
    const organization = await member('organization');
    const otherOrganization = await member('organization');
    const follower = await member();
    const eventId = `event-${randomUUID()}`;
    await h.eventFact(eventId, 2, 'published', { organizerId: organization.id });
    await put(`/users/${organization.id}/follow`, follower);
    await put(`/users/${otherOrganization.id}/follow`, follower);
    assert.equal((await call(h.url, 'GET', `/users/${follower.id}/stats`)).body['following'], 2);

    await deleteUser(organization.id);

    assert.deepEqual((await call(h.url, 'GET', `/users/${follower.id}/stats`)).body, { userId: follower.id, followers: 0, following: 1 });
    const following = await call(h.url, 'GET', `/users/${follower.id}/following`);
    assert.deepEqual(
      (following.body['items'] as Array<{ userId: string }>).map((user) => user.userId),
      [otherOrganization.id],
    );
    assert.equal(await h.service.db.collection('follows').countDocuments({ followeeId: organization.id }), 0);
    // Out of scope here (ADR 0027): the organization's events, and so their copies, stay.
    assert.deepEqual(await h.traces(needles(organization)), [`event_copies/${eventId} holds ${organization.id}`]);
  });

  it('late events about the erased user write nothing: user.created/updated, a ticket purchase', async () => {
    const erased = await member();
    const { eventId, organizerId } = await h.publishedEvent();
    await deleteUser(erased.id, 3);

    const snapshot = { userId: erased.id, role: 'member' as const, displayName: erased.displayName, avatarMediaId: erased.avatarMediaId };
    h.upstream.publish(h.upstream.event('user.updated', snapshot, erased.id, 5));
    h.upstream.publish(h.upstream.event('user.created', snapshot, erased.id, 1));
    const orderId = `order-${randomUUID()}`;
    h.upstream.publish(
      h.upstream.event(
        'ticketing.ticket.purchased',
        {
          orderId,
          eventId,
          tierId: 'tier-1',
          buyerId: erased.id,
          quantity: 1,
          organizerId,
          ticketIds: ['t-1'],
          total: { amountMinor: 1500, currency: 'eur' },
        },
        orderId,
        1,
      ),
    );
    // A sentinel published after them: once it is applied, the messages before it were taken too.
    const sentinel = await member();
    await settle();
    assert.ok((await h.traces([sentinel.id])).length > 0);
    assert.deepEqual(await h.traces(needles(erased)), []);
    assert.equal((await call(h.url, 'GET', `/events/${eventId}/stats`)).body['participants'], 0);
    assert.equal(tap.received.filter((event) => JSON.stringify(event.data).includes(erased.id)).length, 0);
  });

  it("a deleted account's still-valid token gets 401 account-deleted on every command and own read; following it is a 404", async () => {
    const erased = await member();
    const organization = await member('organization');
    const { eventId } = await h.publishedEvent(new Date(Date.now() - HOUR));
    await deleteUser(erased.id);

    const token = erased.token;
    const attempts: Array<[string, string, unknown?]> = [
      ['PUT', `/events/${eventId}/like`],
      ['DELETE', `/events/${eventId}/like`],
      ['PUT', `/events/${eventId}/participation`],
      ['DELETE', `/events/${eventId}/participation`],
      ['PUT', `/events/${eventId}/review`, { rating: 4, text: 'Still here' }],
      ['GET', `/events/${eventId}/me`],
      ['PUT', `/users/${organization.id}/follow`],
      ['DELETE', `/users/${organization.id}/follow`],
      ['GET', `/users/${organization.id}/me`],
      ['GET', `/users/${erased.id}/participations`],
      // Also on an event that does not exist: the account's refusal comes first.
      ['PUT', `/events/event-${randomUUID()}/like`],
    ];
    for (const [method, path, body] of attempts) {
      const reply = await call(h.url, method, path, { token, ...(body === undefined ? {} : { body }) });
      assert.equal(reply.status, 401, `${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      assert.match(String(reply.body['type']), /account-deleted$/, `${method} ${path}`);
    }
    await settle();
    assert.deepEqual(await h.traces(needles(erased)), []);
    assert.equal(tap.received.filter((event) => JSON.stringify(event.data).includes(erased.id)).length, 0);

    // Someone else following the erased user: as for any unknown user.
    const someone = await member();
    assert.equal((await call(h.url, 'PUT', `/users/${erased.id}/follow`, { token: someone.token })).status, 404);
    // A live account is not refused (the check is by account, not a blanket 401).
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/like`, { token: someone.token })).status, 201);
  });
});

describe('interaction service: users tombstoned by the earlier code are erased at start-up', () => {
  let h: Harness;
  const userId = `member-${randomUUID()}`;
  const displayName = `Tombstoned ${randomUUID()}`;
  const eventId = `event-${randomUUID()}`;

  before(async () => {
    h = await Harness.start(
      {},
      {
        seed: async (db) => {
          const now = new Date();
          // What the code before ADR 0027 left: a tombstone keeping name and avatar, and the user's relations.
          await db.collection<{ _id: string; [field: string]: unknown }>('user_copies').insertOne({
            _id: userId,
            sourceVersion: 4,
            deleted: true,
            role: 'member',
            displayName,
            avatarMediaId: 'media-of-tombstone',
          });
          await db.collection<{ _id: string; [field: string]: unknown }>('likes').insertOne({
            _id: `like:${eventId}:${userId}`,
            eventId,
            userId,
            active: true,
            activatedAt: now,
            updatedAt: now,
            version: 1,
            outbox: [],
            outboxPending: false,
          });
        },
      },
    );
  });
  after(async () => {
    await h?.close();
  });

  it('leaves no copy, no relation, and records the erasure', async () => {
    assert.deepEqual(await h.traces([userId, displayName, 'media-of-tombstone']), []);
    assert.equal(await h.service.db.collection<{ _id: string }>('erasures').countDocuments({ _id: erasureDigest(userId) }), 1);
  });
});
