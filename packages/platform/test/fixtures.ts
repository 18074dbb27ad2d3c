import { randomUUID } from 'node:crypto';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import { z } from 'zod';
import { baseServiceConfig, parseConfig } from '../src/config/index.js';
import { defineRoute, type RouteHost } from '../src/http/index.js';
import type { AggregateStore, PendingEvent } from '../src/persistence/index.js';
import { createLogger } from '../src/logger/logger.js';

/** A minimal aggregate for exercising the store, relay and consumer with real catalogue events. */
export interface TestUser {
  _id: string;
  displayName: string;
}

export const silentLogger = createLogger({ service: 'test', level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

export function userCreated(user: TestUser): PendingEvent {
  return {
    type: 'user.created',
    data: { userId: user._id, role: 'member', displayName: user.displayName, avatarMediaId: null },
  };
}

export function userUpdated(user: TestUser): PendingEvent {
  return {
    type: 'user.updated',
    data: { userId: user._id, role: 'member', displayName: user.displayName, avatarMediaId: null },
  };
}

export type BaseConfig = z.output<typeof baseServiceConfig>;

/** `POST /things` (public): creates a TestUser aggregate with its `user.created` event. */
export function defineCreateThing(host: RouteHost, store: AggregateStore<TestUser>): void {
  defineRoute(
    host,
    { method: 'post', path: '/things', summary: 'Create', auth: 'public', body: z.object({ name: z.string().min(1) }), responses: { 201: z.object({ id: z.string() }) } },
    async ({ body }) => {
      const user = { _id: randomUUID(), displayName: body.name };
      await store.create(user, [userCreated(user)]);
      return { status: 201, body: { id: user._id } };
    },
  );
}

/** A service's base configuration on the tests' database and broker; `extra` adds or overrides. */
export function testServiceConfig(database: string, extra: Record<string, string>): BaseConfig {
  const parsed = parseConfig(baseServiceConfig, {
    PORT: '0',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    MONGO_URL: process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017',
    MONGO_DB: database,
    AMQP_URL: process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672/eventonight-test',
    // Never fetched: the services built on this configuration verify no token.
    JWKS_URL: 'http://127.0.0.1:9/jwks',
    JWT_ISSUER: 'http://issuer.test',
    SHUTDOWN_GRACE_MS: '2000',
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config;
}

/** The settings every service needs, valid, for config tests to vary one at a time. */
export const validEnv = {
  MONGO_URL: 'mongodb://127.0.0.1:27017',
  MONGO_DB: 'events',
  AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
  JWKS_URL: 'http://127.0.0.1:8080/realms/eventonight/protocol/openid-connect/certs',
  JWT_ISSUER: 'http://127.0.0.1:8080/realms/eventonight',
};

/** A like of user `userId` on event ev-1, as interaction publishes it. */
export function likeEvent(userId: string): DomainEvent<'interaction.like.added'> {
  return buildEvent({
    type: 'interaction.like.added',
    source: 'test',
    aggregateId: `like-${userId}`,
    aggregateVersion: 1,
    correlationId: `corr-${userId}`,
    data: { eventId: 'ev-1', userId, eventOwnerId: 'org-1' },
  });
}
