import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventTap, uniqueName, waitFor } from '@eventonight/testing';
import { call, KEYCLOAK_ISSUER, KEYCLOAK_JWKS, keycloakAdmin, passwordGrant, startUserService, type StartedService } from './helpers.js';

/** Registration, first-login recovery and deletion against the real Keycloak, RabbitMQ and FerretDB. */

const PASSWORD = 'correct-horse-42';

/** Every address a test registers, so `after` can remove the Keycloak accounts left behind. */
const emails: string[] = [];

/** An access token straight from a Keycloak realm's token endpoint. */
async function tokenFrom(realm: string, form: Record<string, string>): Promise<string> {
  const response = await fetch(`${KEYCLOAK_ISSUER.replace(/\/realms\/[^/]+$/, '')}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  assert.equal(response.status, 200, `token from realm ${realm}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** A user service that expects another audience: the same Keycloak tokens must not open it. */
function startedForAudience(audience: string): Promise<StartedService> {
  return startUserService({ jwksUrl: KEYCLOAK_JWKS, issuer: KEYCLOAK_ISSUER, audience });
}

function email(): string {
  const address = `${uniqueName('u')}@example.test`.toLowerCase();
  emails.push(address);
  return address;
}

describe('user service with the real Keycloak', () => {
  let started: StartedService;
  let base: string;
  let tap: EventTap;

  before(async () => {
    started = await startUserService({ jwksUrl: KEYCLOAK_JWKS, issuer: KEYCLOAK_ISSUER });
    base = started.service.url;
    tap = await EventTap.open(['user.*', 'user.contact.changed'], started.amqpUrl);
  });

  after(async () => {
    await tap.close();
    await started.close();
    const admin = await keycloakAdmin();
    for (const address of emails) {
      for (const user of await admin.users.find({ username: address, exact: true })) {
        if (user.id !== undefined) await admin.users.del({ id: user.id });
      }
    }
  });

  it('registers a member whose Keycloak token the service accepts', async () => {
    const address = email();
    const created = await call(base, 'POST', '/users', {
      body: { email: address, password: PASSWORD, displayName: 'Ada Member', role: 'member' },
    });
    assert.equal(created.status, 201);
    const id = created.body['id'];
    assert.equal(typeof id, 'string');
    assert.equal(created.headers.get('location'), `/users/${String(id)}`);
    assert.equal(created.headers.get('etag'), '"1"');
    assert.equal(created.body['role'], 'member');
    assert.equal(created.body['organization'], null);

    const token = await passwordGrant(address, PASSWORD);
    const me = await call(base, 'GET', '/users/me', { token });
    assert.equal(me.status, 200);
    assert.equal(me.body['id'], id);
    assert.equal(me.body['email'], address);
    assert.equal(me.body['displayName'], 'Ada Member');
    assert.equal(me.body['version'], 1);

    const event = await tap.waitFor('user.created', (e) => e.aggregateId === id);
    assert.deepEqual(event.data, { userId: id, role: 'member', displayName: 'Ada Member', avatarMediaId: null });
    assert.equal(event.aggregateVersion, 1);
    assert.equal(event.source, 'user');
    // The address goes to the mail sender in an event of its own, never in the display snapshot.
    const contact = await tap.waitFor('user.contact.changed', (e) => e.aggregateId === id);
    assert.deepEqual(contact.data, { userId: id, email: address });
  });

  it('refuses real Keycloak tokens meant for someone else: another realm, another audience', async () => {
    // The master realm's admin token: signed by Keycloak, but by another realm's key and issuer.
    const masterToken = await tokenFrom('master', { grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' });
    const fromMaster = await call(base, 'GET', '/users/me', { token: masterToken });
    assert.equal(fromMaster.status, 401);
    assert.equal(fromMaster.headers.get('content-type'), 'application/problem+json; charset=utf-8');

    // A token of this realm that does not carry the API audience (the audience scope removed
    // from the request) is refused too, while the same client with the audience is accepted.
    const grant = { grant_type: 'client_credentials', client_id: 'user-service', client_secret: 'user-service-secret' };
    const withAudience = await tokenFrom('eventonight', grant);
    const audiences = (JSON.parse(Buffer.from(withAudience.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: unknown }).aud;
    assert.ok(([] as unknown[]).concat(audiences).includes('eventonight-api'), 'the realm maps the API audience');
    const foreign = await startedForAudience('some-other-api');
    try {
      const refused = await call(foreign.service.url, 'GET', '/users/me', { token: withAudience });
      assert.equal(refused.status, 401, 'a token for another audience is refused');
    } finally {
      await foreign.close();
    }
  });

  it('registers an organization with its realm role and organization fields', async () => {
    const address = email();
    const created = await call(base, 'POST', '/users', {
      body: {
        email: address,
        password: PASSWORD,
        displayName: 'Night Club',
        role: 'organization',
        organization: { name: 'Night Club Srl', website: 'https://club.example' },
      },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body['organization'], { name: 'Night Club Srl', description: null, website: 'https://club.example' });
    const token = await passwordGrant(address, PASSWORD);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      realm_access?: { roles?: string[] };
    };
    assert.ok(claims.realm_access?.roles?.includes('organization'));
    const me = await call(base, 'GET', '/users/me', { token });
    assert.equal(me.status, 200);
    assert.equal(me.body['role'], 'organization');
    const event = await tap.waitFor('user.created', (e) => e.aggregateId === created.body['id']);
    assert.equal(event.data.role, 'organization');
  });

  it('refuses a duplicate email with 409 and changes nothing', async () => {
    const address = email();
    const first = await call(base, 'POST', '/users', {
      body: { email: address, password: PASSWORD, displayName: 'First', role: 'member' },
    });
    assert.equal(first.status, 201);
    const profilesBefore = await started.database.db.collection('profiles').countDocuments();
    const again = await call(base, 'POST', '/users', {
      body: { email: address.toUpperCase(), password: 'another-pass-9', displayName: 'Second', role: 'organization', organization: { name: 'X' } },
    });
    assert.equal(again.status, 409);
    assert.equal(again.headers.get('content-type')?.startsWith('application/problem+json'), true);
    assert.equal(await started.database.db.collection('profiles').countDocuments(), profilesBefore);
    // The original password still works and the profile is unchanged.
    const me = await call(base, 'GET', '/users/me', { token: await passwordGrant(address, PASSWORD) });
    assert.equal(me.body['displayName'], 'First');
    assert.equal(me.body['version'], 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(tap.ofType('user.created').filter((e) => e.data.displayName === 'Second').length, 0);
  });

  it('answers 400 to invalid registrations and creates nothing', async () => {
    const address = email();
    const valid = { email: address, password: PASSWORD, displayName: 'Valid', role: 'member' };
    const organization = { ...valid, role: 'organization', organization: { name: 'Club' } };
    const bodies = [
      { ...valid, isAdmin: true },
      { ...valid, email: 'not-an-email' },
      { ...valid, password: 'short' },
      { ...valid, password: '\u{1F600}'.repeat(7) },
      { ...valid, password: '\u{1F600}'.repeat(129) },
      { ...valid, role: 'organization' },
      { ...valid, role: 'admin' },
      { ...valid, organization: { name: 'Members have none' } },
      { ...valid, displayName: ' \u3000 ' },
      { ...organization, organization: { name: 'Club', website: 'ftp://club.example' } },
      { ...organization, organization: { name: 'Club', website: 'http://192.168.1.1/' } },
      { ...organization, organization: { name: 'Club', website: 'https://club.example:65536/' } },
    ];
    for (const body of bodies) {
      const answer = await call(base, 'POST', '/users', { body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body['type'], 'https://eventonight.dev/problems/validation');
    }
    const admin = await keycloakAdmin();
    assert.deepEqual(await admin.users.find({ username: address, exact: true }), []);
  });

  it('refuses, as 400 before asking Keycloak, the addresses Keycloak would refuse (its email and username rules)', async () => {
    const valid = { password: PASSWORD, displayName: 'Valid', role: 'member' };
    const local = uniqueName('k').replace(/[^a-z0-9]/gi, '').toLowerCase();
    const refused = [
      `${local}'x@example.test`, // an apostrophe: not a valid Keycloak username
      `${local}${'x'.repeat(65 - local.length)}@example.test`, // 65 characters before the @
      `${local}..x@example.test`,
      `${local}@club-.example.test`, // a DNS label ending with "-"
      `${local}@${'d'.repeat(64)}.test`, // a DNS label of 64
      `${local}@example.test.`,
    ];
    for (const address of refused) {
      const answer = await call(base, 'POST', '/users', { body: { ...valid, email: address } });
      assert.equal(answer.status, 400, address);
      assert.equal(answer.body['type'], 'https://eventonight.dev/problems/validation');
    }
    const accepted = email().replace('@', '+tag_x-y.z@');
    emails.push(accepted);
    assert.equal((await call(base, 'POST', '/users', { body: { ...valid, email: accepted } })).status, 201);
  });

  it('answers 422 to a password equal to the email (a rule the schema cannot state), before Keycloak', async () => {
    const address = email();
    const answer = await call(base, 'POST', '/users', {
      body: { email: address, password: address.toUpperCase(), displayName: 'Same', role: 'member' },
    });
    assert.equal(answer.status, 422);
    assert.equal(answer.body['type'], 'https://eventonight.dev/problems/unprocessable');
    const admin = await keycloakAdmin();
    assert.deepEqual(await admin.users.find({ username: address, exact: true }), []);
  });

  it('recovers the profile on first login when registration crashed after Keycloak', async () => {
    const admin = await keycloakAdmin();
    const address = email();
    const { id } = await admin.users.create({
      username: address,
      email: address,
      emailVerified: true,
      enabled: true,
      credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
    });
    const role = await admin.roles.findOneByName({ name: 'member' });
    assert.ok(role?.id);
    await admin.users.addRealmRoleMappings({ id, roles: [{ id: role.id, name: 'member' }] });
    assert.equal(await started.database.db.collection('profiles').countDocuments({ _id: id } as never), 0);

    const token = await passwordGrant(address, PASSWORD);
    const [first, second] = await Promise.all([
      call(base, 'GET', '/users/me', { token }),
      call(base, 'GET', '/users/me', { token }),
    ]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(first.body['id'], id);
    assert.equal(first.body['role'], 'member');
    assert.equal(first.body['email'], address);
    assert.equal(first.body['displayName'], address.split('@')[0]);
    const third = await call(base, 'GET', '/users/me', { token });
    assert.equal(third.body['version'], 1);

    await tap.waitFor('user.created', (e) => e.aggregateId === id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tap.ofType('user.created').filter((e) => e.aggregateId === id).length, 1);
  });

  it('deletes the account: Keycloak user gone, user.deleted, tombstone then nothing, the token refused', async () => {
    const address = email();
    const created = await call(base, 'POST', '/users', {
      body: { email: address, password: PASSWORD, displayName: 'Leaving Soon', role: 'member' },
    });
    assert.equal(created.status, 201);
    const id = String(created.body['id']);
    const token = await passwordGrant(address, PASSWORD);
    const patched = await call(base, 'PATCH', '/users/me', { token, body: { bio: 'bye' } });
    assert.equal(patched.status, 200);

    const deleted = await call(base, 'DELETE', '/users/me', { token });
    assert.equal(deleted.status, 204);
    await assert.rejects(passwordGrant(address, PASSWORD), /refused/);

    const event = await tap.waitFor('user.deleted', (e) => e.aggregateId === id);
    assert.deepEqual(event.data, { userId: id });
    const versions = tap.received.filter((e) => e.aggregateId === id).map((e) => [e.type, e.aggregateVersion]);
    assert.deepEqual(versions, [
      ['user.created', 1],
      ['user.contact.changed', 1],
      ['user.updated', 2],
      ['user.deleted', 3],
    ]);

    // The service consumes its own user.deleted: the tombstone goes entirely.
    const profiles = started.database.db.collection('profiles');
    await waitFor(async () => ((await profiles.countDocuments({ _id: id } as never)) === 0 ? true : undefined), {
      what: 'the tombstone deleted',
    });

    // The token lives on until it expires; the account does not.
    for (const [method, body] of [['GET'], ['PATCH', { bio: 'back?' }], ['DELETE']] as const) {
      const refused = await call(base, method, '/users/me', { token, ...(body === undefined ? {} : { body }) });
      assert.equal(refused.status, 401, method);
      assert.equal(refused.body['type'], 'https://eventonight.dev/problems/account-deleted');
    }
    assert.equal((await call(base, 'GET', `/users/${id}`)).status, 404);
    assert.equal(await profiles.countDocuments({ _id: id } as never), 0, 'nothing recreated');
  });

  it('answers 503 and makes nothing when Keycloak is unreachable', async () => {
    const down = await startUserService({
      jwksUrl: KEYCLOAK_JWKS,
      issuer: KEYCLOAK_ISSUER,
      keycloakUrl: 'http://127.0.0.1:9',
      database: started.database,
    });
    try {
      const before = await started.database.db.collection('profiles').countDocuments();
      const address = email();
      const answer = await call(down.service.url, 'POST', '/users', {
        body: { email: address, password: PASSWORD, displayName: 'Nobody', role: 'member' },
      });
      assert.equal(answer.status, 503);
      assert.equal(answer.body['type'], 'https://eventonight.dev/problems/service-unavailable');
      assert.equal(await started.database.db.collection('profiles').countDocuments(), before);
      const admin = await keycloakAdmin();
      assert.deepEqual(await admin.users.find({ username: address, exact: true }), []);
    } finally {
      await down.close();
    }
  });
});
