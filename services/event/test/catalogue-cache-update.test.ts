import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, infra, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, newOrganizer, startEventService, type Reply } from './helpers.js';

type Item = Record<string, unknown>;

/**
 * An edit of a published event reaches every cached read at once (docs/adr/0016): the public
 * list, the organization's own list and the event's page, on the replica that did not take the
 * edit. Lists were checked after create, publish and cancel only; an update that forgot to move
 * the catalogue on would have left a stale title and time in every list (issue 25).
 */
describe('event service: catalogue cache after an update', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let writer: RunningService;
  let reader: RunningService;
  let org: { id: string; token: string };
  const city = `Edittown-${Date.now()}`;
  const publicList = `/events?city=${encodeURIComponent(city)}`;
  const ownList = '/organizers/me/events';

  const itemOf = (reply: Reply, eventId: string): Item | undefined =>
    (reply.body['items'] as Item[]).find((item) => item['eventId'] === eventId);

  /** Reads `path` until the reader answers it from the cache: the stale answer a bug would serve. */
  async function warm(path: string, token?: string): Promise<void> {
    const options = token === undefined ? {} : { token };
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await call(reader.url, 'GET', path, options)).headers.get('x-cache') === 'hit') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`${path} never came from the cache: the test could not tell a stale answer from a fresh one`);
  }

  before(async () => {
    database = await freshDatabase('event_cache_update');
    issuer = await startTestIssuer();
    const extra = { REDIS_URL: infra.redisUrl };
    writer = await startEventService({ database: database.name, issuer, extra });
    reader = await startEventService({ database: database.name, issuer, extra });
    org = await newOrganizer(issuer);
  });

  after(async () => {
    await writer?.close();
    await reader?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('the next public list, organizer list and page after an edit show the new title and time, none from the cache', async () => {
    const created = await call(writer.url, 'POST', '/events', {
      token: org.token,
      body: eventBody({ title: 'Before the edit', venue: { name: 'V', address: 'A', city } }),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const eventId = created.body['eventId'] as string;
    assert.equal((await call(writer.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
    const page = `/events/${eventId}`;
    await warm(publicList);
    await warm(ownList, org.token);
    await warm(page);

    const startsAt = new Date(Date.now() + 96 * 3_600_000).toISOString();
    const endsAt = new Date(Date.now() + 99 * 3_600_000).toISOString();
    const edited = await call(writer.url, 'PATCH', page, { token: org.token, body: { title: 'After the edit', startsAt, endsAt } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));

    const listed = await call(reader.url, 'GET', publicList);
    assert.equal(listed.headers.get('x-cache'), 'miss');
    assert.equal(itemOf(listed, eventId)?.['title'], 'After the edit');
    assert.equal(new Date(String(itemOf(listed, eventId)?.['startsAt'])).toISOString(), startsAt);

    const mine = await call(reader.url, 'GET', ownList, { token: org.token });
    assert.equal(mine.headers.get('x-cache'), 'miss');
    assert.equal(itemOf(mine, eventId)?.['title'], 'After the edit');
    assert.equal(new Date(String(itemOf(mine, eventId)?.['startsAt'])).toISOString(), startsAt);

    const shown = await call(reader.url, 'GET', page);
    assert.equal(shown.body['title'], 'After the edit');
    assert.equal(new Date(String(shown.body['startsAt'])).toISOString(), startsAt);
  });
});
