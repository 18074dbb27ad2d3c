import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EventTap, startTestIssuer, uniqueName, type TestIssuer } from '@eventonight/testing';
import { call, startUserService, type StartedService } from './helpers.js';

/** Profiles, concurrency and organization search, with tokens from a local test issuer. */

describe('user profiles', () => {
  let issuer: TestIssuer;
  let started: StartedService;
  let base: string;
  let tap: EventTap;

  before(async () => {
    issuer = await startTestIssuer();
    started = await startUserService({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer });
    base = started.service.url;
    tap = await EventTap.open(['user.*'], started.amqpUrl);
  });

  after(async () => {
    await tap.close();
    await started.close();
    await issuer.close();
  });

  async function member(name = 'Mia Member'): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles: ['member'], name, email: `${id}@example.test` });
    return { id, token };
  }

  it('answers 401 without a valid token', async () => {
    assert.equal((await call(base, 'GET', '/users/me')).status, 401);
    assert.equal((await call(base, 'PATCH', '/users/me', { body: { bio: 'x' } })).status, 401);
    assert.equal((await call(base, 'DELETE', '/users/me')).status, 401);
    const forged = await issuer.mintWithOtherKey({ sub: randomUUID() });
    assert.equal((await call(base, 'GET', '/users/me', { token: forged })).status, 401);
  });

  it('updates the own profile and publishes user.updated with the snapshot', async () => {
    const { id, token } = await member();
    const me = await call(base, 'GET', '/users/me', { token });
    assert.equal(me.status, 200);
    assert.equal(me.headers.get('etag'), '"1"');

    const patched = await call(base, 'PATCH', '/users/me', {
      token,
      body: {
        displayName: 'Mia M.',
        bio: 'Loves jazz',
        avatarMediaId: 'media-1',
        city: 'Bologna',
        preferences: { categories: ['music', 'art', 'music'] },
      },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.headers.get('etag'), '"2"');
    assert.equal(patched.body['displayName'], 'Mia M.');
    assert.deepEqual(patched.body['preferences'], { categories: ['music', 'art'] });
    assert.equal(patched.body['version'], 2);

    const updated = await tap.waitFor('user.updated', (e) => e.aggregateId === id);
    assert.deepEqual(updated.data, { userId: id, role: 'member', displayName: 'Mia M.', avatarMediaId: 'media-1' });
    assert.equal(updated.aggregateVersion, 2);

    const cleared = await call(base, 'PATCH', '/users/me', { token, body: { avatarMediaId: null } });
    assert.equal(cleared.status, 200);
    const second = await tap.waitFor('user.updated', (e) => e.aggregateId === id && e.aggregateVersion === 3);
    assert.equal(second.data.avatarMediaId, null);
    const order = tap.received.filter((e) => e.aggregateId === id).map((e) => e.aggregateVersion);
    assert.deepEqual(order, [1, 2, 3]);
  });

  it('honours If-Match: a stale version is a 409 and changes nothing', async () => {
    const { id, token } = await member();
    assert.equal((await call(base, 'GET', '/users/me', { token })).status, 200);
    const ok = await call(base, 'PATCH', '/users/me', { token, headers: { 'if-match': '"1"' }, body: { city: 'Milano' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('etag'), '"2"');

    const stale = await call(base, 'PATCH', '/users/me', { token, headers: { 'if-match': '"1"' }, body: { city: 'Roma' } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body['type'], 'https://eventonight.dev/problems/version-conflict');
    const after = await call(base, 'GET', '/users/me', { token });
    assert.equal(after.body['city'], 'Milano');
    assert.equal(after.body['version'], 2);

    const weak = await call(base, 'PATCH', '/users/me', { token, headers: { 'if-match': 'W/"2"' }, body: { city: 'Roma' } });
    assert.equal(weak.status, 200);
    const garbage = await call(base, 'PATCH', '/users/me', { token, headers: { 'if-match': 'yesterday' }, body: { city: 'Pisa' } });
    assert.equal(garbage.status, 400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      tap.received.filter((e) => e.aggregateId === id).map((e) => e.aggregateVersion),
      [1, 2, 3],
    );
  });

  it('refuses invalid patches and organization fields for members', async () => {
    const { token } = await member();
    const bodies = [
      {},
      { nickname: 'x' },
      { preferences: { categories: ['opera'] } },
      { displayName: '' },
      { displayName: '\u00a0\t' },
      { displayName: '\u{1F600}'.repeat(121) },
      { city: 7 },
      { avatarMediaId: 'média' },
    ];
    for (const body of bodies) {
      const answer = await call(base, 'PATCH', '/users/me', { token, body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body['type'], 'https://eventonight.dev/problems/validation', JSON.stringify(body));
    }
    const forbidden = await call(base, 'PATCH', '/users/me', { token, body: { organization: { name: 'Mine' } } });
    assert.equal(forbidden.status, 403);
    const me = await call(base, 'GET', '/users/me', { token });
    assert.equal(me.body['version'], 1);
    assert.equal(me.body['organization'], null);
    const emoji = await call(base, 'PATCH', '/users/me', { token, body: { displayName: '\u{1F600}'.repeat(120) } });
    assert.equal(emoji.status, 200, '120 characters, though 240 UTF-16 units');
  });

  it('shows the public view of a profile and 404 for unknown ids', async () => {
    const { id, token } = await member('Public Person');
    await call(base, 'PATCH', '/users/me', { token, body: { bio: 'Hello', preferences: { categories: ['tech'] } } });
    const view = await call(base, 'GET', `/users/${id}`);
    assert.equal(view.status, 200);
    assert.deepEqual(view.body, {
      id,
      role: 'member',
      displayName: 'Public Person',
      avatarMediaId: null,
      bio: 'Hello',
      city: null,
      organization: null,
      privateProfile: false,
    });
    assert.equal((await call(base, 'GET', `/users/${randomUUID()}`)).status, 404);
  });

  it('lets an organization edit its organization fields', async () => {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles: ['organization'], name: 'Club' });
    const patched = await call(base, 'PATCH', '/users/me', {
      token,
      body: { organization: { description: 'Live music', website: 'https://club.example' } },
    });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.body['organization'], { name: 'Club', description: 'Live music', website: 'https://club.example' });
    const bad = await call(base, 'PATCH', '/users/me', { token, body: { organization: { website: 'javascript:alert(1)' } } });
    assert.equal(bad.status, 400);
    for (const website of ['http://localhost:8080/', 'https://xn--caf-dma.example/menu?day=1#top', 'https://Club.Example']) {
      const answer = await call(base, 'PATCH', '/users/me', { token, body: { organization: { website } } });
      assert.equal(answer.status, 200, website);
    }
    for (const website of ['https://café.example', 'https://club.example/a b', 'https://club.example:99999', 'https://1.2.3.4/', 'https://-club.example']) {
      const answer = await call(base, 'PATCH', '/users/me', { token, body: { organization: { website } } });
      assert.equal(answer.status, 400, website);
    }
  });

  it('documents exactly the problems each operation answers, and its constraints (issue 26)', async () => {
    const document = (await call(base, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }>; requestBody?: unknown }>>;
    };
    const typesOf = (path: string, method: string, status: string): string[] => {
      const content = document.paths[path]?.[method]?.responses[status]?.content?.['application/problem+json'];
      const schema = content?.schema as { allOf: Array<{ properties?: { type?: { enum: string[] } } }> } | undefined;
      return (schema?.allOf[1]?.properties?.type?.enum ?? []).map((uri) => uri.replace('https://eventonight.dev/problems/', ''));
    };
    assert.deepEqual(typesOf('/users', 'post', '409'), ['conflict']);
    assert.deepEqual(typesOf('/users', 'post', '422'), ['unprocessable']);
    assert.deepEqual(typesOf('/users/me', 'patch', '403'), ['forbidden']);
    assert.deepEqual(typesOf('/users/me', 'patch', '409'), ['version-conflict']);
    assert.deepEqual(typesOf('/users/me', 'get', '404'), [], 'a deleted account is 401 account-deleted, never 404');
    assert.deepEqual(typesOf('/users/{id}', 'get', '404'), ['not-found']);
    assert.deepEqual(typesOf('/organizations', 'get', '422'), ['unprocessable']);
    assert.deepEqual(typesOf('/users/me/exports/{exportId}/archive', 'get', '410'), ['export-expired']);
    assert.deepEqual(typesOf('/users/me/exports/{exportId}/archive', 'get', '409'), ['conflict']);
    const patch = JSON.stringify(document.paths['/users/me']?.['patch']?.requestBody);
    assert.match(patch, /"minProperties":1/);
  });

  it('searches organizations by name prefix, sorted, case-insensitive, cursor-paginated', async () => {
    const prefix = uniqueName('Org').replace(/_/g, '');
    const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'].map((suffix) => `${prefix} ${suffix}`);
    for (const name of names) {
      const token = await issuer.mint({ sub: randomUUID(), roles: ['organization'], name });
      assert.equal((await call(base, 'GET', '/users/me', { token })).status, 200);
    }
    // A member with a matching display name is not an organization.
    const { token } = await member(`${prefix} Zulu`);
    await call(base, 'GET', '/users/me', { token });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/organizations?search=${encodeURIComponent(prefix.toUpperCase())}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = await call(base, 'GET', query);
      assert.equal(page.status, 200);
      const items = page.body['items'] as Array<{ displayName: string; organization: { name: string } }>;
      assert.ok(items.length <= 2);
      seen.push(...items.map((item) => item.organization.name));
      cursor = page.body['nextCursor'] as string | null;
      pages += 1;
    } while (cursor !== null && pages < 10);
    assert.deepEqual(seen, [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    assert.equal(pages, 3);

    const regex = await call(base, 'GET', `/organizations?search=${encodeURIComponent('.*')}`);
    assert.equal(regex.status, 200);
    assert.deepEqual(regex.body['items'], []);
    assert.equal((await call(base, 'GET', '/organizations?limit=101')).status, 400);
    const unknownCursor = await call(base, 'GET', '/organizations?cursor=bm9wZQ');
    assert.equal(unknownCursor.status, 422, 'a well-formed cursor this API did not issue');
    assert.equal(unknownCursor.body['type'], 'https://eventonight.dev/problems/unprocessable');
    assert.equal((await call(base, 'GET', '/organizations?limit=1e1')).status, 400);
    assert.equal((await call(base, 'GET', `/organizations?search=${'x'.repeat(101)}`)).status, 400);
    assert.equal((await call(base, 'GET', '/organizations?sort=name')).status, 400);
  });
});
