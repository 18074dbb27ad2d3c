import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfig, startService, type RunningService } from '@eventonight/platform';
import { deleteServiceQueues, serviceTestEnv, uniqueName, type TestIssuer } from '@eventonight/testing';
import { eventServiceConfig } from '../src/config.js';
import { eventService, type EventServiceOverrides } from '../src/service.js';
import { call, freePort, type Reply } from '@eventonight/testing';
export { call, type Reply };

export const HOUR = 3_600_000;

/**
 * A real event service on an ephemeral port, configured exactly as in production but for the env given.
 * It consumes (user.deleted, user.export.requested) only with `consume`, then on a queue of its own,
 * removed at close; otherwise it would share, and leave behind, the durable queue "event".
 */
export async function startEventService(options: {
  database: string;
  issuer: TestIssuer;
  extra?: Record<string, string>;
  overrides?: EventServiceOverrides;
  consume?: boolean;
}): Promise<RunningService> {
  const env = serviceTestEnv({
    database: options.database,
    jwksUrl: options.issuer.jwksUrl,
    issuer: options.issuer.issuer,
    // A long interval keeps the completion job out of tests that are not about it.
    extra: { EVENT_COMPLETION_INTERVAL_MS: String(HOUR), ...options.extra },
  });
  const parsed = parseConfig(eventServiceConfig, env);
  if (!parsed.ok) throw new Error(parsed.message);
  if (options.consume !== true) return startService(eventService(options.overrides), parsed.config, { consume: false });
  const name = uniqueName('event');
  const service = await startService({ ...eventService(options.overrides), name }, parsed.config);
  return {
    ...service,
    async close() {
      await service.close();
      await deleteServiceQueues(name);
    },
  };
}

/** A fresh organizer (unique id per run, so lists are isolated) with a token. */
export async function newOrganizer(issuer: TestIssuer, label = 'org'): Promise<{ id: string; token: string }> {
  const id = `${label}-${randomUUID()}`;
  return { id, token: await issuer.mint({ sub: id, roles: ['organization'] }) };
}

export async function newMember(issuer: TestIssuer): Promise<{ id: string; token: string }> {
  const id = `member-${randomUUID()}`;
  return { id, token: await issuer.mint({ sub: id, roles: ['member'] }) };
}

/** A valid create body starting `startInMs` from `now` and lasting two hours. */
export function eventBody(overrides: Record<string, unknown> = {}, now = Date.now(), startInMs = 48 * HOUR): Record<string, unknown> {
  return {
    title: 'Jazz night',
    description: 'Live jazz by the river.',
    category: 'music',
    startsAt: new Date(now + startInMs).toISOString(),
    endsAt: new Date(now + startInMs + 2 * HOUR).toISOString(),
    venue: { name: 'Blue Note', address: 'Via Roma 1', city: 'Bologna', location: { lat: 44.49, lng: 11.34 } },
    tiers: [
      { name: 'Standard', priceMinor: 1500, currency: 'eur', quantity: 100 },
      { name: 'VIP', priceMinor: 4000, currency: 'eur', quantity: 10 },
    ],
    tags: ['jazz', 'live'],
    ...overrides,
  };
}

export interface StubServer {
  url: string;
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: string }>;
  mode: 'ok' | 'hang' | 'error';
  close(): Promise<void>;
}

/** A real HTTP server standing in for ticketing's internal API. */
export async function startTicketingStub(): Promise<StubServer> {
  const stub: StubServer = {
    url: '',
    requests: [],
    mode: 'ok',
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      stub.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (stub.mode === 'hang') return; // never answers
      if (stub.mode === 'error') res.writeHead(500).end();
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return stub;
}

/** A port nothing listens on (bound, then released). */
export const deadPort = freePort;
