import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DomainEvent } from '@eventonight/contracts';
import { EventTap, uniqueName } from '@eventonight/testing';
import { call, KEYCLOAK_ISSUER, KEYCLOAK_JWKS, keycloakAdmin, passwordGrant, startUserService, type StartedService } from './helpers.js';

/**
 * Confirming an address (ADR 0033) against the real Keycloak, RabbitMQ and FerretDB: the link's
 * secret travels only in `user.email.verification.requested` (the notification service mails it),
 * so these tests read it from the bus as the mail sender would.
 */

const PASSWORD = 'correct-horse-42';
const HOUR = 60 * 60 * 1000;
const emails: string[] = [];

function address(): string {
  const made = `${uniqueName('v')}@example.test`.toLowerCase();
  emails.push(made);
  return made;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('confirming an email address', () => {
  let started: StartedService;
  let base: string;
  let tap: EventTap;
  /** The service's clock runs this far ahead of the real one (links expire after 24 hours). */
  let skewMs = 0;

  before(async () => {
    started = await startUserService({ jwksUrl: KEYCLOAK_JWKS, issuer: KEYCLOAK_ISSUER, overrides: { clock: () => new Date(Date.now() + skewMs) } });
    base = started.service.url;
    tap = await EventTap.open(['user.contact.changed', 'user.email.verification.requested'], started.amqpUrl);
  });

  after(async () => {
    await tap.close();
    await started.close();
    const admin = await keycloakAdmin();
    for (const email of emails) {
      for (const user of await admin.users.find({ email, exact: true })) {
        if (user.id !== undefined) await admin.users.del({ id: user.id });
      }
    }
  });

  async function register(email: string): Promise<{ id: string; token: string }> {
    const created = await call(base, 'POST', '/users', { body: { email, password: PASSWORD, displayName: 'Vera', role: 'member' } });
    assert.equal(created.status, 201);
    return { id: String(created.body['id']), token: await passwordGrant(email, PASSWORD) };
  }

  type LinkRequest = DomainEvent<'user.email.verification.requested'>;
  function linkFor(userId: string, email: string, after: LinkRequest[] = []): Promise<LinkRequest> {
    return tap.waitFor('user.email.verification.requested', (e) => e.aggregateId === userId && e.data.email === email && !after.includes(e));
  }

  it('a new member is unconfirmed, gets one link, and opening it confirms the address in Keycloak too', async () => {
    const email = address();
    const { id, token } = await register(email);
    assert.equal(claimsOf(token)['email_verified'], false, 'Keycloak holds the address as not confirmed yet');
    const me = await call(base, 'GET', '/users/me', { token });
    assert.equal(me.body['emailVerified'], false);
    const pending = me.body['pendingEmail'] as Record<string, unknown>;
    assert.equal(pending['email'], email);
    assert.equal(pending['reason'], 'sign-up');

    const requested = await linkFor(id, email);
    assert.equal(requested.data.reason, 'sign-up');
    assert.match(String(requested.data.token), /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Date.parse(String(requested.data.expiresAt)) - Date.parse(String(pending['sentAt'])), 24 * HOUR);
    // The profile keeps only a digest: the secret is nowhere in what the service answers.
    assert.ok(!JSON.stringify(me.body).includes(String(requested.data.token)));

    const confirmed = await call(base, 'POST', '/email-verifications', { body: { token: requested.data.token } });
    assert.equal(confirmed.status, 200);
    assert.deepEqual(confirmed.body, { email, emailVerified: true });

    const fresh = await passwordGrant(email, PASSWORD);
    assert.equal(claimsOf(fresh)['email_verified'], true, 'the next token says the address is confirmed');
    const after = await call(base, 'GET', '/users/me', { token: fresh });
    assert.equal(after.body['emailVerified'], true);
    assert.equal(after.body['pendingEmail'], null);

    const again = await call(base, 'POST', '/email-verifications', { body: { token: requested.data.token } });
    assert.equal(again.status, 404, 'a used link does nothing');
    const resend = await call(base, 'POST', '/users/me/email-verification', { token: fresh });
    assert.equal(resend.status, 409);
    assert.equal(resend.body['type'], 'https://eventonight.dev/problems/email-already-verified');
  });

  it('a new link replaces the last one, not more than once a minute', async () => {
    const email = address();
    const { id, token } = await register(email);
    const first = await linkFor(id, email);
    const tooSoon = await call(base, 'POST', '/users/me/email-verification', { token });
    assert.equal(tooSoon.status, 409);
    assert.equal(tooSoon.body['type'], 'https://eventonight.dev/problems/verification-recently-sent');
    assert.equal(typeof tooSoon.body['retryAt'], 'string');

    skewMs = 61_000;
    try {
      const resent = await call(base, 'POST', '/users/me/email-verification', { token });
      assert.equal(resent.status, 202);
      const second = await linkFor(id, email, [first]);
      assert.notEqual(second.data.token, first.data.token);
      const old = await call(base, 'POST', '/email-verifications', { body: { token: first.data.token } });
      assert.equal(old.status, 404, 'the replaced link no longer works');
      const current = await call(base, 'POST', '/email-verifications', { body: { token: second.data.token } });
      assert.equal(current.status, 200);
    } finally {
      skewMs = 0;
    }
  });

  it('a link opened after 24 hours is refused with 410 and confirms nothing', async () => {
    const email = address();
    const { id, token } = await register(email);
    const requested = await linkFor(id, email);
    skewMs = 24 * HOUR + 1000;
    try {
      const late = await call(base, 'POST', '/email-verifications', { body: { token: requested.data.token } });
      assert.equal(late.status, 410);
      assert.equal(late.body['type'], 'https://eventonight.dev/problems/verification-link-expired');
    } finally {
      skewMs = 0;
    }
    const me = await call(base, 'GET', '/users/me', { token });
    assert.equal(me.body['emailVerified'], false);
    const admin = await keycloakAdmin();
    assert.equal((await admin.users.findOne({ id }))?.emailVerified, false);
  });

  it('moving to a new address: the old one stays in use until the new one is confirmed, then only the new one signs in', async () => {
    const oldEmail = address();
    const { id, token } = await register(oldEmail);
    await call(base, 'POST', '/email-verifications', { body: { token: (await linkFor(id, oldEmail)).data['token'] } });

    const newEmail = address();
    const asked = await call(base, 'PUT', '/users/me/email', { token, body: { email: newEmail.toUpperCase() } });
    assert.equal(asked.status, 202);
    assert.equal(asked.body['email'], oldEmail, 'the current address stays until the new one is confirmed');
    assert.equal((asked.body['pendingEmail'] as Record<string, unknown>)['email'], newEmail, 'stored in lower case');
    await assert.rejects(passwordGrant(newEmail, PASSWORD), 'the new address does not sign in yet');

    const link = await linkFor(id, newEmail);
    assert.equal(link.data.reason, 'change');
    const confirmed = await call(base, 'POST', '/email-verifications', { body: { token: link.data.token } });
    assert.equal(confirmed.status, 200);
    const contact = await tap.waitFor('user.contact.changed', (e) => e.aggregateId === id && e.data.email === newEmail);
    assert.deepEqual(contact.data, { userId: id, email: newEmail });

    const signedIn = await passwordGrant(newEmail, PASSWORD);
    assert.equal(claimsOf(signedIn)['email'], newEmail);
    assert.equal(claimsOf(signedIn)['email_verified'], true);
    await assert.rejects(passwordGrant(oldEmail, PASSWORD), 'the old address no longer signs in');
    const me = await call(base, 'GET', '/users/me', { token: signedIn });
    assert.equal(me.body['email'], newEmail);
  });

  it('refuses an address another account uses, and the current address, and changes nothing', async () => {
    const taken = address();
    await register(taken);
    const email = address();
    const { token } = await register(email);
    const before = await call(base, 'GET', '/users/me', { token });

    const clash = await call(base, 'PUT', '/users/me/email', { token, body: { email: taken } });
    assert.equal(clash.status, 409);
    assert.equal(clash.body['type'], 'https://eventonight.dev/problems/conflict');
    const same = await call(base, 'PUT', '/users/me/email', { token, body: { email } });
    assert.equal(same.status, 422);
    const malformed = await call(base, 'PUT', '/users/me/email', { token, body: { email: 'not an address' } });
    assert.equal(malformed.status, 400);

    const after = await call(base, 'GET', '/users/me', { token });
    assert.equal(after.body['version'], before.body['version']);
    assert.deepEqual(after.body['pendingEmail'], before.body['pendingEmail']);
  });

  it('an address an operator confirmed in Keycloak reads as confirmed, with no sign-up link waiting', async () => {
    const email = address();
    const { id } = await register(email);
    const admin = await keycloakAdmin();
    await admin.users.update({ id }, { emailVerified: true });
    const token = await passwordGrant(email, PASSWORD);
    const me = await call(base, 'GET', '/users/me', { token });
    assert.deepEqual([me.body['emailVerified'], me.body['pendingEmail']], [true, null]);
    const resend = await call(base, 'POST', '/users/me/email-verification', { token });
    assert.equal(resend.status, 409, 'nothing waits to be confirmed');
  });

  it('answers 400 to a malformed code and 404 to an unknown one', async () => {
    const malformed = await call(base, 'POST', '/email-verifications', { body: { token: 'short' } });
    assert.equal(malformed.status, 400);
    const unknown = await call(base, 'POST', '/email-verifications', { body: { token: 'A'.repeat(43) } });
    assert.equal(unknown.status, 404);
  });
});
