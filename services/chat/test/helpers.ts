import { randomUUID } from 'node:crypto';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { buildEvent, type DomainEvent } from '@eventonight/contracts';
import { EXCHANGE, messagePropertiesOf, parseConfig, startService, type RunningService } from '@eventonight/platform';
import {
  deleteServiceQueues,
  EventTap,
  freshDatabase,
  infra,
  serviceTestEnv,
  startTestIssuer,
  uniqueName,
  waitFor,
  type TestDatabase,
  type TestIssuer,
} from '@eventonight/testing';
import { chatServiceConfig } from '../src/config.js';
import { chatService, type ChatServiceOverrides } from '../src/service.js';

/** A real chat service (own database, own queue name) plus a channel to feed it user events. */
export interface ChatHarness {
  service: RunningService;
  database: TestDatabase;
  issuer: TestIssuer;
  name: string;
  close(): Promise<void>;
  /** Publishes a real user.* envelope to the exchange (confirmed by the broker). */
  publish(event: DomainEvent): Promise<void>;
}

export async function startChat(options: { extra?: Record<string, string>; overrides?: ChatServiceOverrides } = {}): Promise<ChatHarness> {
  const database = await freshDatabase('chat');
  const issuer = await startTestIssuer();
  const name = uniqueName('chat');
  const env = serviceTestEnv({
    database: database.name,
    jwksUrl: issuer.jwksUrl,
    issuer: issuer.issuer,
    // Long interval: the repair job stays out of tests that are not about it.
    extra: { CHAT_REPAIR_INTERVAL_MS: '3600000', ...options.extra },
  });
  const parsed = parseConfig(chatServiceConfig, env);
  if (!parsed.ok) throw new Error(parsed.message);
  const service = await startService({ ...chatService(options.overrides), name }, parsed.config);
  const publisher = new TestPublisher();
  return {
    service,
    database,
    issuer,
    name,
    publish: (event) => publisher.publish(event),
    async close() {
      await publisher.close();
      await service.close();
      await deleteServiceQueues(name);
      await issuer.close();
      await database.dispose();
    },
  };
}

/**
 * Publishes with confirms, reconnecting when the broker went away (other people's fault tests
 * restart RabbitMQ): a dead channel would otherwise leave waitForConfirms hanging forever.
 */
class TestPublisher {
  /** One connection attempt shared by concurrent publishes, so none is opened twice and leaked. */
  private opening: Promise<{ model: ChannelModel; channel: ConfirmChannel }> | null = null;

  async publish(event: DomainEvent): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { channel } = await this.open();
        channel.publish(EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), messagePropertiesOf(event));
        await withTimeout(channel.waitForConfirms(), 5_000);
        return;
      } catch (error) {
        await this.close();
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    const opened = await opening?.catch(() => null);
    await opened?.model.close().catch(() => undefined);
  }

  private open(): Promise<{ model: ChannelModel; channel: ConfirmChannel }> {
    this.opening ??= (async () => {
      const model = await amqp.connect(infra.amqpUrl);
      model.on('error', () => undefined);
      const channel = await model.createConfirmChannel();
      channel.on('error', () => undefined);
      return { model, channel };
    })();
    return this.opening;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no broker confirm within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function userEvent(
  type: 'user.created' | 'user.updated',
  userId: string,
  version: number,
  displayName: string,
  avatarMediaId: string | null = null,
): DomainEvent {
  return buildEvent({
    type,
    source: 'user',
    aggregateId: userId,
    aggregateVersion: version,
    correlationId: `corr-${randomUUID()}`,
    data: { userId, role: 'member', displayName, avatarMediaId },
  });
}

export function userDeletedEvent(userId: string, version: number): DomainEvent {
  return buildEvent({
    type: 'user.deleted',
    source: 'user',
    aggregateId: userId,
    aggregateVersion: version,
    correlationId: `corr-${randomUUID()}`,
    data: { userId },
  });
}

/** Waits until the service's local copy of `userId` satisfies `match`. */
export async function waitForCopy(
  harness: ChatHarness,
  userId: string,
  match: (copy: { sourceVersion: number; displayName: string | null; deleted: boolean }) => boolean,
): Promise<void> {
  const users = harness.service.db.collection<{ _id: string; sourceVersion: number; displayName: string | null; deleted: boolean }>('users');
  await waitFor(
    async () => {
      const copy = await users.findOne({ _id: userId });
      return copy !== null && match(copy) ? true : undefined;
    },
    { timeoutMs: 15_000, what: `user copy ${userId}` },
  );
}

export interface TestUser {
  id: string;
  token: string;
  name: string;
}

/** A member with a token whose user.created the service has already applied. */
export async function newUser(harness: ChatHarness, label = 'user'): Promise<TestUser> {
  const id = `${label}-${randomUUID()}`;
  const name = `${label} ${id.slice(-6)}`;
  await harness.publish(userEvent('user.created', id, 1, name, `avatar-${id.slice(-6)}`));
  await waitForCopy(harness, id, (copy) => copy.sourceVersion >= 1);
  return { id, name, token: await harness.issuer.mint({ sub: id, roles: ['member'] }) };
}

/** A member with a token that chat has never heard of. */
export async function unknownUser(harness: ChatHarness): Promise<TestUser> {
  const id = `ghost-${randomUUID()}`;
  return { id, name: id, token: await harness.issuer.mint({ sub: id, roles: ['member'] }) };
}

export interface Reply {
  status: number;
  body: Record<string, unknown> & { [key: string]: unknown };
  headers: Headers;
}

/** One HTTP call; the body is parsed JSON (or {} when empty). */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Reply['body']), headers: response.headers };
}


/** EventTap.open, retried while the broker is briefly down (other people's fault tests restart it). */
export async function openTap(keys: readonly string[]): Promise<EventTap> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await EventTap.open(keys);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
