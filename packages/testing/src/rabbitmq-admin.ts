import { infra } from './infra.js';

/**
 * RabbitMQ's management HTTP API, for what AMQP cannot do: create a virtual host of a test's own
 * (so a whole system under test shares no queue with any other test) and read queue depths.
 */

const AUTH = `Basic ${Buffer.from('guest:guest').toString('base64')}`;

async function management(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${infra.rabbitmqManagementUrl}/api${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    signal: AbortSignal.timeout(15_000),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok && response.status !== 404) {
    throw new Error(`RabbitMQ management ${method} ${path} → HTTP ${response.status}: ${await response.text()}`);
  }
  return response;
}

/** Creates `vhost` and lets guest use it; returns the AMQP URL of that virtual host. */
export async function createVhost(vhost: string): Promise<string> {
  const name = encodeURIComponent(vhost);
  await management('PUT', `/vhosts/${name}`, { description: 'test system' });
  await management('PUT', `/permissions/${name}/guest`, { configure: '.*', write: '.*', read: '.*' });
  const base = new URL(infra.amqpUrl);
  return `${base.protocol}//${base.username}:${base.password}@${base.host}/${name}`;
}

/** Deletes `vhost` with every queue and exchange in it. */
export async function deleteVhost(vhost: string): Promise<void> {
  await management('DELETE', `/vhosts/${encodeURIComponent(vhost)}`);
}
