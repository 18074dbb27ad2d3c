import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { parseConfig } from '@eventonight/platform';
import { serviceTestEnv, type TestIssuer, Upstream } from '@eventonight/testing';
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
