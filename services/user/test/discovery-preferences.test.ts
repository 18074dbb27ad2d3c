import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EventTap, startTestIssuer, type TestIssuer } from '@eventonight/testing';
import { call, startUserService, type StartedService } from './helpers.js';

/** ADR 0040: preferences, city and the private-profile option reach discovery as user.preferences.changed. */
describe('user profiles: what discovery is told', () => {
  let issuer: TestIssuer;
  let started: StartedService;
  let base: string;
  let tap: EventTap;

  before(async () => {
    issuer = await startTestIssuer();
    started = await startUserService({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer });
    base = started.service.url;
    tap = await EventTap.open(['user.preferences.changed', 'user.updated'], started.amqpUrl);
  });
  after(async () => {
    await tap.close();
    await started.close();
    await issuer.close();
  });

  it('a change of preferences, city or privacy publishes user.preferences.changed; a name change does not', async () => {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles: ['member'], name: 'Pia', email: `${id}@example.test` });
    const patched = await call(base, 'PATCH', '/users/me', { token, body: { preferences: { categories: ['music'] }, city: 'Berlin', privateProfile: true } });
    assert.equal(patched.status, 200);
    assert.equal(patched.body['privateProfile'], true);
    const told = await tap.waitFor('user.preferences.changed', (e) => e.aggregateId === id);
    assert.deepEqual(told.data, { userId: id, categories: ['music'], city: 'Berlin', privateProfile: true });
    assert.equal((await call(base, 'GET', `/users/${id}`)).body['privateProfile'], true, 'others see that it is private');

    assert.equal((await call(base, 'PATCH', '/users/me', { token, body: { displayName: 'Pia P.' } })).status, 200);
    await tap.waitFor('user.updated', (e) => e.aggregateId === id && e.data.displayName === 'Pia P.');
    assert.equal(tap.received.filter((e) => e.type === 'user.preferences.changed' && e.aggregateId === id).length, 1);
  });

  it('privateProfile must be a boolean (400)', async () => {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles: ['member'], name: 'Pia', email: `${id}@example.test` });
    assert.equal((await call(base, 'PATCH', '/users/me', { token, body: { privateProfile: 'yes' } })).status, 400);
  });
});
