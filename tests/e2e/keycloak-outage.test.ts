import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, infraCtl, startSystem, waitFor, type Account, type Reply, type RunningSystem, type ServiceName } from '@eventonight/testing';
import { api, openInbox, setUpSmallScene, tearDownAccounts } from './support/clients.js';

/**
 * Keycloak stopped under a running platform. Services validate tokens locally with the realm's
 * keys they already fetched, so requests with valid tokens keep working everywhere, the
 * notification socket included. What needs Keycloak itself (registration) answers 503, and a
 * service started during the outage, which holds no keys yet, answers 503 — not 401: the token
 * may well be valid.
 */

describe('fault: Keycloak goes away', { timeout: 480_000 }, () => {
  let system: RunningSystem;
  let organizer: Account;
  let member: Account;
  let eventId: string;

  const authenticatedCalls: Array<{ service: ServiceName; what: string; send: () => Promise<Reply> }> = [
    { service: 'user', what: 'GET /users/me', send: () => api(system, 'user', member, 'GET', '/users/me') },
    { service: 'event', what: 'GET /organizers/me/events', send: () => api(system, 'event', organizer, 'GET', '/organizers/me/events') },
    { service: 'interaction', what: 'PUT like', send: () => api(system, 'interaction', member, 'PUT', `/events/${eventId}/like`) },
    { service: 'chat', what: 'POST /conversations', send: () => api(system, 'chat', member, 'POST', '/conversations', { body: { withUserId: organizer.id } }) },
    { service: 'ticketing', what: 'GET /tickets', send: () => api(system, 'ticketing', member, 'GET', '/tickets') },
    { service: 'notification', what: 'GET /notifications', send: () => api(system, 'notification', organizer, 'GET', '/notifications') },
    {
      service: 'media',
      what: 'POST /media/uploads',
      send: () => api(system, 'media', member, 'POST', '/media/uploads', { body: { purpose: 'avatar', contentType: 'image/png', sizeBytes: 100 } }),
    },
  ];

  const allSucceed = async (phase: string): Promise<void> => {
    for (const request of authenticatedCalls) {
      const reply = await request.send();
      assert.ok(reply.status >= 200 && reply.status < 300, `${request.what} ${phase}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
  };

  before(async () => {
    system = await startSystem();
    const scene = await setUpSmallScene(system, 'Dock Hall');
    ({ organizer, member, eventId } = scene);
  });

  after(async () => {
    await infraCtl('start', 'keycloak').catch(() => undefined);
    await tearDownAccounts(system, [organizer, member]);
    await system?.stop();
  });

  it('valid tokens keep working on every service and on the socket; registration and a keyless newcomer answer 503', async () => {
    // Every service has verified a token of this realm, so it holds the realm's keys.
    await allSucceed('before the outage');
    // Tokens are taken now: nobody can sign in while Keycloak is down.
    await organizer.token();
    await member.token();
    await infraCtl('stop', 'keycloak');
    try {
      await allSucceed('while Keycloak is stopped');
      const inbox = await openInbox(system, organizer);
      inbox.close();

      const registration = await call(system.url('user'), 'POST', '/users', {
        body: { email: `late-${Date.now()}@journey.eventonight.test`, password: 'Journey-night-2026!', displayName: 'Late', role: 'member' },
      });
      assert.equal(registration.status, 503, `registration: ${JSON.stringify(registration.body)}`);
      assert.equal(registration.body['status'], 503);

      await system.kill('interaction', 'SIGTERM');
      await system.restart('interaction');
      const keyless = await api(system, 'interaction', member, 'GET', `/events/${eventId}/me`);
      assert.equal(keyless.status, 503, `a service with no keys yet: ${JSON.stringify(keyless.body)}`);
    } finally {
      await infraCtl('start', 'keycloak');
    }
    // The newcomer fetches the keys once Keycloak is back; nothing needs restarting.
    await waitFor(
      async () => ((await api(system, 'interaction', member, 'GET', `/events/${eventId}/me`)).status === 200 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 500, what: 'interaction to verify tokens again' },
    );
    await allSucceed('after the outage');
  });
});
