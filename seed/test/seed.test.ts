import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import type { z } from 'zod';
import { parseConfig, startService, type BaseServiceConfig, type RunningService, type ServiceDefinition } from '@eventonight/platform';
import { deleteServiceQueues, freshDatabase, serviceTestEnv, uniqueName, type TestDatabase } from '@eventonight/testing';
import { userServiceConfig } from '../../services/user/src/config.js';
import { userService } from '../../services/user/src/service.js';
import { eventServiceConfig } from '../../services/event/src/config.js';
import { eventService } from '../../services/event/src/service.js';
import { interactionServiceConfig } from '../../services/interaction/src/config.js';
import { interactionService } from '../../services/interaction/src/service.js';
import { seedConfig, type SeedConfig } from '../src/config.js';
import { demoFixture, type Fixture } from '../src/fixture.js';
import { KINDS, runSeed, type SeedResult, type Summary } from '../src/seed.js';
import { request } from '../src/http.js';

/**
 * The seed against user, event and interaction services started in-process on fresh databases,
 * with the real Keycloak (accounts, password grant, JWKS), RabbitMQ and FerretDB.
 */

const KEYCLOAK_URL = process.env['KEYCLOAK_URL'] ?? 'http://localhost:8080';
const REALM = 'eventonight';
const ISSUER = `${KEYCLOAK_URL}/realms/${REALM}`;
const JWKS = `${ISSUER}/protocol/openid-connect/certs`;

interface Started {
  running: RunningService;
  database: TestDatabase;
  name: string;
}

async function start<C extends BaseServiceConfig>(
  prefix: string,
  schema: z.ZodType,
  definition: ServiceDefinition<C>,
  extra: Record<string, string> = {},
): Promise<Started> {
  const database = await freshDatabase(prefix);
  const name = uniqueName(`seed-${prefix}`);
  const parsed = parseConfig(schema, serviceTestEnv({ database: database.name, jwksUrl: JWKS, issuer: ISSUER, extra }));
  if (!parsed.ok) throw new Error(parsed.message);
  const running = await startService<C>({ ...definition, name }, parsed.config as C);
  return { running, database, name };
}

/** What the APIs show about the seeded data: compared between runs. */
async function snapshot(config: SeedConfig, result: SeedResult): Promise<Record<string, unknown>> {
  const view: Record<string, unknown> = {};
  for (const [key, id] of Object.entries(result.eventIds)) {
    const event = await request('GET', `${config.EVENT_URL}/events/${id}`);
    const stats = await request('GET', `${config.INTERACTION_URL}/events/${id}/stats`);
    view[`event:${key}`] = { status: event.status, version: event.body['version'], eventStatus: event.body['status'], stats: stats.body };
  }
  for (const [key, id] of Object.entries(result.userIds)) {
    const stats = await request('GET', `${config.INTERACTION_URL}/users/${id}/stats`);
    view[`user:${key}`] = stats.body;
  }
  return view;
}

function totals(fixture: Fixture): Record<(typeof KINDS)[number], number> {
  const sum = (relation: Record<string, string[]>): number => Object.values(relation).reduce((n, list) => n + list.length, 0);
  return {
    accounts: fixture.organizations.length + fixture.members.length,
    events: fixture.events.length,
    published: fixture.events.length,
    follows: sum(fixture.follows),
    likes: sum(fixture.likes),
    participations: sum(fixture.participations),
    reviews: Object.values(fixture.reviews).reduce((n, list) => n + list.length, 0),
  };
}

describe('seed', () => {
  const domain = `${uniqueName('seed')}.demo.eventonight.test`.toLowerCase().replace(/_/g, '-');
  const fixture = demoFixture({ emailDomain: domain });
  const expected = totals(fixture);
  const services: Started[] = [];
  let config: SeedConfig;
  let first: SeedResult;

  before(async () => {
    services.push(
      await start('user', userServiceConfig, userService, {
        KEYCLOAK_URL,
        KEYCLOAK_REALM: REALM,
        KEYCLOAK_CLIENT_ID: 'user-service',
        KEYCLOAK_CLIENT_SECRET: 'user-service-secret',
        KEYCLOAK_TIMEOUT_MS: '5000',
      }),
    );
    services.push(await start('event', eventServiceConfig, eventService(), { EVENT_COMPLETION_INTERVAL_MS: '3600000' }));
    services.push(await start('interaction', interactionServiceConfig, interactionService()));
    const [user, event, interaction] = services.map((s) => s.running.url);
    const parsed = parseConfig(seedConfig, {
      USER_URL: user,
      EVENT_URL: event,
      INTERACTION_URL: interaction,
      KEYCLOAK_URL,
      KEYCLOAK_REALM: REALM,
    });
    if (!parsed.ok) throw new Error(parsed.message);
    config = parsed.config;
  });

  after(async () => {
    for (const started of services.reverse()) {
      await started.running.close().catch(() => undefined);
      await started.database.dispose().catch(() => undefined);
      await deleteServiceQueues(started.name).catch(() => undefined);
    }
    const admin = new KeycloakAdminClient({ baseUrl: KEYCLOAK_URL, realmName: REALM });
    await admin.auth({ grantType: 'client_credentials', clientId: 'user-service', clientSecret: 'user-service-secret' });
    for (const account of [...fixture.organizations, ...fixture.members]) {
      for (const user of await admin.users.find({ username: account.email, exact: true })) {
        if (user.id !== undefined) await admin.users.del({ id: user.id });
      }
    }
  });

  it('creates everything on the first run', async () => {
    first = await runSeed(config, fixture);
    const created = Object.fromEntries(KINDS.map((kind) => [kind, first.summary[kind].created]));
    const present = Object.fromEntries(KINDS.map((kind) => [kind, first.summary[kind].present]));
    assert.deepEqual(created, expected);
    assert.deepEqual(present, Object.fromEntries(KINDS.map((kind) => [kind, 0])));

    // Events: published and listed publicly for each organization.
    for (const org of fixture.organizations) {
      const organizerId = first.userIds[org.key];
      assert.ok(organizerId !== undefined);
      const listed = await request('GET', `${config.EVENT_URL}/events?organizerId=${organizerId}&limit=100`);
      assert.equal(listed.status, 200);
      const items = listed.body['items'] as Array<{ title: string; status: string }>;
      const titles = fixture.events.filter((e) => e.organization === org.key).map((e) => e.title);
      assert.deepEqual(items.map((i) => i.title).sort(), [...titles].sort());
      assert.ok(items.every((i) => i.status === 'published'));
      // Followers as the interaction service counts them.
      const followers = Object.values(fixture.follows).filter((orgs) => orgs.includes(org.key)).length;
      const stats = await request('GET', `${config.INTERACTION_URL}/users/${organizerId}/stats`);
      assert.equal(stats.status, 200);
      assert.equal(stats.body['followers'], followers);
    }
    // Likes and participants per event.
    for (const event of fixture.events) {
      const likes = Object.values(fixture.likes).filter((list) => list.includes(event.key)).length;
      const participants = Object.values(fixture.participations).filter((list) => list.includes(event.key)).length;
      const stats = await request('GET', `${config.INTERACTION_URL}/events/${first.eventIds[event.key]}/stats`);
      assert.equal(stats.status, 200);
      assert.equal(stats.body['likes'], likes, `likes of ${event.key}`);
      assert.equal(stats.body['participants'], participants, `participants of ${event.key}`);
      const reviews = Object.values(fixture.reviews).flat().filter((review) => review.event === event.key);
      assert.equal(stats.body['reviewCount'], reviews.length, `reviews of ${event.key}`);
      if (reviews.length > 0) {
        const average = reviews.reduce((total, review) => total + review.rating, 0) / reviews.length;
        assert.equal(stats.body['averageRating'], average, `average rating of ${event.key}`);
      }
    }
  });

  it('finds everything already present on the second run and changes nothing', async () => {
    const before = await snapshot(config, first);
    const second = await runSeed(config, fixture);
    const expectedSummary = Object.fromEntries(KINDS.map((kind) => [kind, { created: 0, present: expected[kind] }])) as Summary;
    assert.deepEqual(second.summary, expectedSummary);
    assert.deepEqual(second.eventIds, first.eventIds);
    assert.deepEqual(second.userIds, first.userIds);
    assert.deepEqual(await snapshot(config, second), before);
  });
});
