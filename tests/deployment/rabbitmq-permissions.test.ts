/**
 * The RabbitMQ users deploy/make-secrets.sh defines, tried on the real broker: the generated
 * definitions file (salted hashes, permissions, topic permissions) is imported into a virtual host
 * of this test's own, then each user connects with its plaintext password and runs the platform's
 * own topology and publishing code. A consumer may declare and use its queues and publish its event
 * types; nobody may touch another service's queue or publish another service's event types.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { EXCHANGE, assertServiceTopology, serviceQueues } from '@eventonight/platform';
import { createVhost, deleteVhost, infra, waitFor } from '@eventonight/testing';

const root = resolve(import.meta.dirname, '../..');

interface Definitions {
  users: { name: string; password_hash: string; hashing_algorithm: string; tags: string[] }[];
  vhosts: { name: string }[];
  permissions: { user: string; configure: string; write: string; read: string }[];
  topic_permissions: { user: string; exchange: string; write: string; read: string }[];
  policies: { vhost: string; name: string; pattern: string; 'apply-to': string; definition: Record<string, unknown>; priority: number }[];
}

const AUTH = `Basic ${Buffer.from('guest:guest').toString('base64')}`;
async function management(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${infra.rabbitmqManagementUrl}/api${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    signal: AbortSignal.timeout(15_000),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok || (method === 'DELETE' && response.status === 404), `${method} ${path} → ${response.status} ${await response.text()}`);
}

/** A queue's details as the management API reports them (`policy` names the policy in force). */
async function queueDetails(vhost: string, queue: string): Promise<{ policy?: string }> {
  const response = await fetch(`${infra.rabbitmqManagementUrl}/api/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(queue)}`, {
    headers: { authorization: AUTH },
    signal: AbortSignal.timeout(15_000),
  });
  assert.ok(response.ok, `GET queue ${queue} → ${response.status}`);
  return (await response.json()) as { policy?: string };
}

/** Runs `operation` on a fresh confirm channel and says whether the broker refused it (403). */
async function refused(connection: ChannelModel, operation: (channel: ConfirmChannel) => Promise<unknown>): Promise<boolean> {
  const channel = await connection.createConfirmChannel();
  let closedWith: Error | undefined;
  channel.on('error', (error: Error) => {
    closedWith = error;
  });
  try {
    await operation(channel);
    await channel.close();
    return false;
  } catch (error) {
    const message = closedWith?.message ?? (error as Error).message;
    assert.match(message, /ACCESS_REFUSED|403|Channel closed/, `failed for another reason: ${message}`);
    return true;
  }
}

/** Publishes one message with `routingKey` and waits for the broker's confirm. */
async function publish(channel: ConfirmChannel, routingKey: string): Promise<void> {
  await new Promise<void>((resolvePublish, reject) => {
    channel.publish(EXCHANGE, routingKey, Buffer.from('{}'), { persistent: true }, (error) => (error ? reject(error) : resolvePublish()));
  });
}

describe('RabbitMQ users of the production deployment, on the real broker', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'eventonight-rabbitmq-'));
  const vhost = `permissions-${randomUUID()}`;
  const suffix = randomUUID().slice(0, 8);
  const created: string[] = [];
  const connections: ChannelModel[] = [];
  let definitions: Definitions;
  let amqpBase: URL;

  async function connectAs(service: string): Promise<ChannelModel> {
    const password = readFileSync(join(tmp, 'secrets', `${service}_rabbitmq_password`), 'utf8').trim();
    const url = new URL(amqpBase.href);
    url.username = `${service}-${suffix}`;
    url.password = password;
    const connection = await amqp.connect(url.href);
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  }

  before(async () => {
    const made = spawnSync('bash', [join(root, 'deploy', 'make-secrets.sh'), join(tmp, 'secrets')], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    definitions = JSON.parse(readFileSync(join(tmp, 'secrets', 'rabbitmq_definitions.json'), 'utf8')) as Definitions;
    amqpBase = new URL(await createVhost(vhost));
    // The generated definitions file itself, imported through the management API as the broker
    // imports it at boot, rewritten only so that it cannot collide with anything on a shared
    // broker: users get a unique suffix, "/" becomes this test's virtual host, and the operator's
    // administrator is left out.
    const rename = (name: string) => `${name}-${suffix}`;
    const services = definitions.users.map((u) => u.name).filter((name) => name !== 'admin');
    const imported = {
      users: definitions.users.filter((u) => u.name !== 'admin').map((u) => ({ ...u, name: rename(u.name) })),
      vhosts: [{ name: vhost }],
      permissions: definitions.permissions.filter((p) => p.user !== 'admin').map((p) => ({ ...p, user: rename(p.user), vhost })),
      topic_permissions: definitions.topic_permissions.map((t) => ({ ...t, user: rename(t.user), vhost })),
      policies: definitions.policies.map((policy) => ({ ...policy, vhost })),
    };
    assert.deepEqual(definitions.vhosts, [{ name: '/' }]);
    created.push(...services.map(rename));
    await management('POST', '/definitions', imported);
  });

  after(async () => {
    for (const connection of connections) await connection.close().catch(() => undefined);
    for (const name of created) await management('DELETE', `/users/${name}`);
    await deleteVhost(vhost);
    rmSync(tmp, { recursive: true, force: true });
  });

  test('a consumer (chat) declares and uses its own queues and publishes its own event types only', async () => {
    const chat = await connectAs('chat');
    const queues = serviceQueues('chat');
    assert.equal(await refused(chat, (channel) => assertServiceTopology(channel, queues, ['user.#'])), false, 'its own topology');
    assert.equal(await refused(chat, (channel) => publish(channel, 'chat.message.sent')), false, 'its own event type');
    // Retries and dead letters go through the default exchange to its own queues.
    assert.equal(
      await refused(chat, async (channel) => {
        channel.sendToQueue(queues.retries[0]?.name as string, Buffer.from('{}'));
        await channel.waitForConfirms();
      }),
      false,
      'its delay queue',
    );
    assert.equal(await refused(chat, (channel) => channel.consume(queues.main, () => undefined)), false, 'consumes its queue');
    assert.equal(await refused(chat, (channel) => publish(channel, 'ticketing.ticket.purchased')), true, "another service's event type");
    assert.equal(await refused(chat, (channel) => channel.assertQueue('ticketing', { durable: true, arguments: { 'x-queue-type': 'quorum' } })), true, "another service's queue");
    assert.equal(await refused(chat, (channel) => channel.consume('user.dlq', () => undefined)), true, "another service's dead letters");
  });

  test('user, which consumes since issue 25 (exports, its own user.deleted), uses its own queue and nobody else\'s', async () => {
    const user = await connectAs('user');
    const queues = serviceQueues('user');
    assert.equal(await refused(user, (channel) => assertServiceTopology(channel, queues, ['user.#', 'interaction.export.part'])), false, 'its own topology');
    assert.equal(await refused(user, (channel) => channel.consume(queues.main, () => undefined)), false, 'consumes its queue');
    assert.equal(await refused(user, (channel) => publish(channel, 'user.export.requested')), false, 'its own event type');
    assert.equal(await refused(user, (channel) => publish(channel, 'interaction.export.part')), true, "another service's export part");
    assert.equal(await refused(user, (channel) => channel.consume('chat', () => undefined)), true, "reading chat's queue");
  });

  test("the services' main queues get the delivery-limit policy, their delay and dead-letter queues do not", async () => {
    const chat = await connectAs('chat');
    const queues = serviceQueues('chat');
    assert.equal(await refused(chat, (channel) => assertServiceTopology(channel, queues, ['user.#'])), false);
    const policyOf = async (queue: string): Promise<string | null> => (await queueDetails(vhost, queue)).policy ?? null;
    // The management API samples queue details every few seconds.
    await waitFor(async () => ((await policyOf(queues.main)) === 'main-queues-delivery-limit' ? true : undefined), { timeoutMs: 15_000, what: 'the policy on chat' });
    assert.equal(await policyOf(queues.dlq), null);
    assert.equal(await policyOf(queues.retries[0]?.name as string), null);
  });

  test('the generated password hash is what the broker accepts, and only with the right password', async () => {
    const url = new URL(amqpBase.href);
    url.username = `user-${suffix}`;
    url.password = 'not-the-password';
    await assert.rejects(amqp.connect(url.href), /ACCESS_REFUSED|403|auth/i);
  });
});
