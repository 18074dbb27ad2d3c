import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { call, eventBody, HOUR, newMember, newOrganizer, startEventService } from './helpers.js';

type Item = Record<string, unknown>;

describe('event service: queries', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let org: { id: string; token: string };
  let other: { id: string; token: string };
  const base = Date.UTC(2030, 5, 1, 18);
  const ids: Record<string, string> = {};

  async function create(owner: { token: string }, name: string, overrides: Record<string, unknown>, dayOffset: number, publish: boolean) {
    const startsAt = new Date(base + dayOffset * 24 * HOUR);
    const body = eventBody({
      title: name,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      ...overrides,
    });
    const reply = await call(service.url, 'POST', '/events', { token: owner.token, body });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const eventId = reply.body['eventId'] as string;
    if (publish) assert.equal((await call(service.url, 'POST', `/events/${eventId}/publish`, { token: owner.token })).status, 200);
    ids[name] = eventId;
  }

  before(async () => {
    database = await freshDatabase('event_queries');
    issuer = await startTestIssuer();
    service = await startEventService({ database: database.name, issuer });
    org = await newOrganizer(issuer);
    other = await newOrganizer(issuer, 'other');
    const venue = (city: string) => ({ name: 'V', address: 'A', city });
    await create(org, 'Rock in Rome', { category: 'music', venue: venue('Rome') }, 3, true);
    await create(org, 'C++ (advanced) meetup', { category: 'tech', venue: venue('rome'), description: 'Templates.' }, 1, true);
    await create(org, 'Food fest', { category: 'food', venue: venue('Milan'), description: 'Street food and ROCK bands' }, 2, true);
    await create(org, 'Secret draft', { category: 'music', venue: venue('Rome') }, 0, false);
    await create(org, 'Cancelled gig', { category: 'music', venue: venue('Rome') }, 4, true);
    assert.equal((await call(service.url, 'POST', `/events/${ids['Cancelled gig']}/cancel`, { token: org.token })).status, 200);
    await create(org, 'Same time A', { category: 'art', venue: venue('Turin') }, 5, true);
    await create(org, 'Same time B', { category: 'art', venue: venue('Turin') }, 5, true);
    await create(other, 'Other org show', { category: 'music', venue: venue('Rome') }, 3, true);
  });
  after(async () => {
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function titles(query: string, token?: string): Promise<string[]> {
    const reply = await call(service.url, 'GET', `/events?${query}`, token === undefined ? {} : { token });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return (reply.body['items'] as Item[]).map((item) => item['title'] as string);
  }

  it('lists only published events, sorted by start then id; drafts and cancelled ones are hidden', async () => {
    const sameTime = [ids['Same time A'], ids['Same time B']].sort();
    const byId = (id: string | undefined) => Object.keys(ids).find((name) => ids[name] === id);
    assert.deepEqual(await titles(`organizerId=${org.id}`), [
      'C++ (advanced) meetup',
      'Food fest',
      'Rock in Rome',
      byId(sameTime[0]),
      byId(sameTime[1]),
    ]);
    assert.deepEqual(await titles(`organizerId=${org.id}`, org.token), await titles(`organizerId=${org.id}`), 'even its owner sees no draft here');
  });

  it('filters by category, by city ignoring case, and by organizer', async () => {
    assert.deepEqual(await titles(`organizerId=${org.id}&category=music`), ['Rock in Rome']);
    assert.deepEqual(await titles(`organizerId=${org.id}&city=ROME`), ['C++ (advanced) meetup', 'Rock in Rome']);
    assert.deepEqual(await titles(`organizerId=${org.id}&city=rom`), [], 'city is an exact match, not a prefix');
    assert.deepEqual(await titles(`city=rome&category=music`), ['Rock in Rome', 'Other org show'].sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1)));
  });

  it('filters by a date range on startsAt (from inclusive, to exclusive)', async () => {
    const day = (n: number) => new Date(base + n * 24 * HOUR).toISOString();
    assert.deepEqual(await titles(`organizerId=${org.id}&from=${day(2)}&to=${day(5)}`), ['Food fest', 'Rock in Rome']);
    assert.deepEqual(await titles(`organizerId=${org.id}&from=${encodeURIComponent(day(3))}`).then((t) => t.length), 3);
    // Each bound is schema-valid; their order is a rule between fields, so 422 (declared), not 400.
    for (const range of [`from=${day(3)}&to=${day(2)}`, `from=${day(3)}&to=${day(3)}`]) {
      const badRange = await call(service.url, 'GET', `/events?${range}`);
      assert.equal(badRange.status, 422, range);
      assert.equal(badRange.body['type'], 'https://eventonight.dev/problems/unprocessable');
      assert.deepEqual(badRange.body['errors'], [{ location: 'query', path: 'to', message: 'must be after from' }]);
    }
  });

  it('q searches title and description ignoring case, with regex characters taken literally', async () => {
    assert.deepEqual(await titles(`organizerId=${org.id}&q=rock`), ['Food fest', 'Rock in Rome']);
    assert.deepEqual(await titles(`organizerId=${org.id}&q=${encodeURIComponent('c++ (ADV')}`), ['C++ (advanced) meetup']);
    assert.deepEqual(await titles(`organizerId=${org.id}&q=${encodeURIComponent('.*')}`), []);
    assert.deepEqual(await titles(`organizerId=${org.id}&q=TEMPLATES`), ['C++ (advanced) meetup']);
  });

  it('pages with an opaque cursor: no gaps, no repeats, bounded limit', async () => {
    const all = await titles(`organizerId=${org.id}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `organizerId=${org.id}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
      const reply = await call(service.url, 'GET', `/events?${query}`);
      assert.equal(reply.status, 200);
      const items = reply.body['items'] as Item[];
      assert.ok(items.length <= 2);
      seen.push(...items.map((item) => item['title'] as string));
      cursor = reply.body['nextCursor'] as string | null;
      pages += 1;
    } while (cursor !== null && pages < 10);
    assert.deepEqual(seen, all);
    assert.equal(pages, 3);
    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'status=draft', 'category=rave', 'limit=1&limit=2', 'city=%20%20', 'organizerId=a%20b']) {
      const reply = await call(service.url, 'GET', `/events?${bad}`);
      assert.equal(reply.status, 400, bad);
    }
    // Any string is a schema-valid cursor; one this API did not issue is refused as 422.
    for (const unknown of ['cursor=not-a-cursor', 'cursor=%24%24']) {
      const reply = await call(service.url, 'GET', `/events?${unknown}`);
      assert.equal(reply.status, 422, unknown);
      assert.equal(reply.body['type'], 'https://eventonight.dev/problems/unprocessable');
    }
  });

  it("an organization lists its own events, drafts included, filtered by any status", async () => {
    const mine = async (query: string) => {
      const reply = await call(service.url, 'GET', `/organizers/me/events${query}`, { token: org.token });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return (reply.body['items'] as Item[]).map((item) => item['title'] as string);
    };
    assert.deepEqual(await mine(''), ['Secret draft', 'C++ (advanced) meetup', 'Food fest', 'Rock in Rome', 'Cancelled gig', ...(await titles(`organizerId=${org.id}&category=art`))]);
    assert.deepEqual(await mine('?status=draft'), ['Secret draft']);
    assert.deepEqual(await mine('?status=cancelled'), ['Cancelled gig']);
    assert.deepEqual(await mine('?status=completed'), []);
    const paged = await call(service.url, 'GET', '/organizers/me/events?limit=1', { token: org.token });
    assert.equal((paged.body['items'] as Item[]).length, 1);
    assert.equal(typeof paged.body['nextCursor'], 'string');
    const member = await newMember(issuer);
    assert.equal((await call(service.url, 'GET', '/organizers/me/events', { token: member.token })).status, 403);
    assert.equal((await call(service.url, 'GET', '/organizers/me/events')).status, 401);
  });

  it('the owner reads its draft by id; the ETag is the version', async () => {
    const reply = await call(service.url, 'GET', `/events/${ids['Secret draft']}`, { token: org.token });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('etag'), '"1"');
    assert.equal((await call(service.url, 'GET', `/events/${ids['Secret draft']}`, { token: other.token })).status, 404);
  });

  it('every query has an index, and the API is described in OpenAPI', async () => {
    const indexes = await database.db.collection('events').indexes();
    const names = indexes.map((index) => index.name);
    for (const name of ['status_startsAt', 'status_category_startsAt', 'status_city_startsAt', 'organizer_startsAt', 'status_endsAt', 'status_geoCells']) {
      assert.ok(names.includes(name), `index ${name}`);
    }
    const openapi = await call(service.url, 'GET', '/openapi.json');
    const paths = Object.keys(openapi.body['paths'] as Item);
    assert.deepEqual(paths.sort(), [
      '/discover/events/{eventId}/followed-going',
      '/discover/following',
      '/discover/for-you',
      '/discover/near',
      '/events',
      '/events/{eventId}',
      '/events/{eventId}/calendar.ics',
      '/events/{eventId}/cancel',
      '/events/{eventId}/publish',
      '/organizers/me/events',
    ]);
  });

  it('the document declares every problem each operation can answer, and the checks it applies', async () => {
    const openapi = await call(service.url, 'GET', '/openapi.json');
    /** The value at a path of keys (or undefined), read from untyped JSON. */
    const at = (value: unknown, ...keys: Array<string | number>): unknown =>
      keys.reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[key] : undefined), value);
    const operation = (path: string, method: string) => at(openapi.body, 'paths', path, method);
    const typesOf = (path: string, method: string, status: number): string[] => {
      const types = at(operation(path, method), 'responses', String(status), 'content', 'application/problem+json', 'schema', 'allOf', 1, 'properties', 'type', 'enum');
      return ((types ?? []) as string[]).map((uri) => uri.replace('https://eventonight.dev/problems/', ''));
    };
    assert.deepEqual(typesOf('/events', 'post', 422), ['unprocessable']);
    assert.deepEqual(typesOf('/events', 'get', 422), ['unprocessable']);
    assert.deepEqual(typesOf('/organizers/me/events', 'get', 422), ['unprocessable']);
    assert.deepEqual(typesOf('/events/{eventId}', 'get', 404), ['not-found']);
    for (const [path, method] of [['/events/{eventId}', 'patch'], ['/events/{eventId}/publish', 'post'], ['/events/{eventId}/cancel', 'post']] as const) {
      assert.deepEqual(typesOf(path, method, 404), ['not-found'], path);
      assert.deepEqual(typesOf(path, method, 409), ['conflict', 'version-conflict'], path);
      const parameters = (at(operation(path, method), 'parameters') ?? []) as unknown[];
      const ifMatch = parameters.find((parameter) => at(parameter, 'name') === 'if-match');
      assert.equal(at(ifMatch, 'in'), 'header', path);
      assert.equal(at(ifMatch, 'schema', 'pattern'), '^(?:\\*|(?:W\\/)?"[0-9]{1,15}")$', path);
    }
    assert.deepEqual(typesOf('/events/{eventId}/cancel', 'post', 422), [], 'cancelling breaks no rule of its own');
    assert.equal(at(operation('/events/{eventId}', 'patch'), 'requestBody', 'content', 'application/json', 'schema', 'minProperties'), 1);
  });
});
