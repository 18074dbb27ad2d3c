import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import type { Socket } from 'socket.io-client';
import { parseConfig } from '@eventonight/platform';
import { deleteServiceQueues, freshDatabase, serviceTestEnv, startTestIssuer, uniqueName, type TestDatabase, type TestIssuer, Upstream } from '@eventonight/testing';
import { notificationServiceConfig } from '../src/config.js';
import { startNotificationService, type NotificationServiceOptions, type RunningNotificationService } from '../src/service.js';
import { call, type Reply } from '@eventonight/testing';
export { call, type Reply };

/** A real notification service on an ephemeral port, configured from env exactly as in production. */
export async function startNotification(options: {
  database: string;
  issuer: TestIssuer;
  name: string;
  extra?: Record<string, string>;
  overrides?: Omit<NotificationServiceOptions, 'name'>;
}): Promise<RunningNotificationService> {
  const env = serviceTestEnv({ database: options.database, jwksUrl: options.issuer.jwksUrl, issuer: options.issuer.issuer, extra: options.extra });
  const parsed = parseConfig(notificationServiceConfig, env);
  if (!parsed.ok) throw new Error(parsed.message);
  return startNotificationService(parsed.config, { ...options.overrides, name: options.name });
}

export async function newUser(issuer: TestIssuer, label = 'user'): Promise<{ id: string; token: string }> {
  const id = `${label}-${randomUUID()}`;
  return { id, token: await issuer.mint({ sub: id, roles: ['member'] }) };
}


export { connectNotificationSocket as connectClient } from '@eventonight/testing';

export interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** Collects every notification pushed to `socket`. */
export function collect(socket: Socket): Received[] {
  const received: Received[] = [];
  socket.on('notification', (notification: Received) => received.push(notification));
  return received;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { Upstream };

/** What `useNotification` gives a describe block once its `before` has run. */
export interface NotificationFixture {
  readonly issuer: TestIssuer;
  readonly service: RunningNotificationService;
  readonly upstream: Upstream;
  /** Sockets a test opened; closed after the block. */
  readonly sockets: Socket[];
}

/**
 * The usual set-up of a describe block: a fresh database, a test issuer, the notification service
 * on them (with `extra` settings) and a publisher of upstream events; all closed after its tests.
 */
export function useNotification(databaseName: string, extra?: Record<string, string>): NotificationFixture {
  const name = uniqueName('notification');
  const sockets: Socket[] = [];
  let database: TestDatabase | undefined;
  let issuer: TestIssuer | undefined;
  let service: RunningNotificationService | undefined;
  let upstream: Upstream | undefined;
  before(async () => {
    database = await freshDatabase(databaseName);
    issuer = await startTestIssuer();
    service = await startNotification({ database: database.name, issuer, name, extra });
    upstream = await Upstream.open();
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await upstream?.close();
    await service?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useNotification: read in a test, after its before hook');
    return value;
  };
  return {
    get issuer() {
      return ready(issuer);
    },
    get service() {
      return ready(service);
    },
    get upstream() {
      return ready(upstream);
    },
    sockets,
  };
}
