import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EventTap, waitFor } from '@eventonight/testing';
import { call, Harness, HOUR, type Person } from './helpers.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('interaction service: a member’s data export (user.export.requested → interaction.export.part)', () => {
  let h: Harness;
  let tap: EventTap;

  before(async () => {
    tap = await EventTap.open(['interaction.export.part']);
    h = await Harness.start();
  });
  after(async () => {
    await h?.close();
    await tap?.close();
  });

  async function put(path: string, person: Person, body?: unknown): Promise<void> {
    const reply = await call(h.url, 'PUT', path, { token: person.token, ...(body === undefined ? {} : { body }) });
    assert.ok(reply.status === 200 || reply.status === 201, `${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  async function requestExport(userId: string, exportId = `export-${randomUUID()}`) {
    h.upstream.publish(h.upstream.event('user.export.requested', { exportId, userId }));
    return tap.waitFor('interaction.export.part', (event) => event.data.exportId === exportId);
  }

  /** Dates are checked for shape, then left out so rows compare exactly. */
  function withoutDates(rows: ReadonlyArray<Record<string, unknown>>, dateColumns: readonly string[]) {
    return rows.map((row) => {
      const rest = { ...row };
      for (const column of dateColumns) {
        assert.match(String(row[column]), ISO, `${column} of ${JSON.stringify(row)}`);
        delete rest[column];
      }
      return rest;
    });
  }

  it('answers with likes, participations, follows both ways (other party by display name) and reviews', async () => {
    const me = await h.knownUser('member', 'Maria Export');
    const organization = await h.knownUser('organization', 'Teatro Export');
    const suffix = randomUUID();
    const liked = `event-${randomUUID()}`;
    const unliked = `event-${randomUUID()}`;
    const started = `event-${randomUUID()}`;
    await h.eventFact(liked, 2, 'published', { organizerId: organization.id, title: `Liked ${suffix}` });
    await h.eventFact(unliked, 2, 'published', { organizerId: organization.id, title: `Unliked ${suffix}` });
    await h.eventFact(started, 2, 'published', { organizerId: organization.id, title: `Started ${suffix}`, startsAt: new Date(Date.now() - HOUR) });
    await put(`/events/${liked}/like`, me);
    await put(`/events/${unliked}/like`, me);
    assert.equal((await call(h.url, 'DELETE', `/events/${unliked}/like`, { token: me.token })).status, 204);
    await put(`/events/${started}/participation`, me);
    await put(`/events/${started}/review`, me, { rating: 4, text: 'Great acoustics, long queue.' });
    await put(`/users/${organization.id}/follow`, me);

    const part = await requestExport(me.id);
    assert.equal(part.data.userId, me.id);
    const { likes, participations, follows, reviews, ...others } = part.data.sections;
    assert.deepEqual(others, {});
    assert.deepEqual(
      withoutDates(likes ?? [], ['liked_at', 'last_changed_at']).sort((a, b) => String(a['event_title']).localeCompare(String(b['event_title']))),
      [
        { event_id: liked, event_title: `Liked ${suffix}`, liked_now: true },
        { event_id: unliked, event_title: `Unliked ${suffix}`, liked_now: false },
      ],
    );
    assert.deepEqual(withoutDates(participations ?? [], ['event_starts_at', 'going_since', 'last_changed_at']), [
      { event_id: started, event_title: `Started ${suffix}`, going_now: true, ticket_order_ids: '' },
    ]);
    assert.deepEqual(withoutDates(follows ?? [], ['since', 'last_changed_at']), [
      { direction: 'you follow', user_id: organization.id, display_name: 'Teatro Export', following_now: true },
    ]);
    assert.deepEqual(withoutDates(reviews ?? [], ['written_at', 'last_edited_at']), [
      { event_id: started, event_title: `Started ${suffix}`, rating: 4, text: 'Great acoustics, long queue.' },
    ]);

    // The organization's own export lists its follower by display name.
    const organizationPart = await requestExport(organization.id);
    assert.deepEqual(withoutDates(organizationPart.data.sections['follows'] ?? [], ['since', 'last_changed_at']), [
      { direction: 'follows you', user_id: me.id, display_name: 'Maria Export', following_now: true },
    ]);
  });

  it('answers once per export id; the stored answer keeps no rows once published; a user with nothing gets empty sections', async () => {
    const nobody = `member-${randomUUID()}`;
    const exportId = `export-${randomUUID()}`;
    const part = await requestExport(nobody, exportId);
    assert.deepEqual(part.data.sections, { likes: [], participations: [], follows: [], reviews: [] });
    h.upstream.publish(h.upstream.event('user.export.requested', { exportId, userId: nobody }));
    await settle();
    assert.equal(tap.ofType('interaction.export.part').filter((event) => event.data.exportId === exportId).length, 1);
    await waitFor(async () => {
      const stored = await h.service.db.collection<{ _id: string; [field: string]: unknown }>('export_parts').findOne({ _id: exportId });
      return stored !== null && stored['outboxPending'] === false ? stored : undefined;
    });
    const stored = await h.service.db.collection<{ _id: string; [field: string]: unknown }>('export_parts').findOne({ _id: exportId });
    assert.deepEqual(stored?.['outbox'], []);
    assert.equal(JSON.stringify(stored).includes('sections'), false);
  });

  it('an erased user’s request gets no answer', async () => {
    const erased = await h.knownUser('member', 'Gone Before Export');
    h.upstream.publish(h.upstream.event('user.deleted', { userId: erased.id }, erased.id, 2));
    await waitFor(async () => ((await h.service.db.collection<{ _id: string }>('user_copies').countDocuments({ _id: erased.id })) === 0 ? true : undefined));
    const exportId = `export-${randomUUID()}`;
    h.upstream.publish(h.upstream.event('user.export.requested', { exportId, userId: erased.id }));
    // A later request for someone else is answered: the erased one had its turn before it.
    await requestExport(`member-${randomUUID()}`);
    await settle();
    assert.equal(tap.ofType('interaction.export.part').filter((event) => event.data.exportId === exportId).length, 0);
    assert.equal(await h.service.db.collection('export_parts').countDocuments({ userId: erased.id }), 0);
  });
});
