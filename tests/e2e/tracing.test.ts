import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MongoClient } from 'mongodb';
import {
  ancestry,
  assertJaegerReachable,
  connectNotificationSocket,
  createVhost,
  deleteVhost,
  eventSnapshotData,
  fetchJaegerTrace,
  infra,
  serviceTestEnv,
  spawnServiceProcess,
  startTestIssuer,
  uniqueName,
  Upstream,
  waitFor,
  waitForTrace,
  type ServiceProcess,
  type TestIssuer,
  type TraceSpan,
} from '@eventonight/testing';
import { saveTracePicture } from './trace-picture.js';

/** The like's trace as a picture, into docs/monitoring/ (ADR 0036; Jaeger's own UI is not built here). */
const TRACE_PICTURE = fileURLToPath(new URL('../../docs/monitoring/like-trace.png', import.meta.url));

/**
 * One like, followed as one trace (ADR 0036): interaction and notification as production runs
 * them (`node dist/main.js`, separate processes) exporting spans to the real Jaeger; the like's
 * HTTP request, its outbox entry, the relay's publish, RabbitMQ, notification's consumer and
 * the Socket.IO push must form one parent chain across both services, read back from Jaeger's
 * query API, and interaction's request log line must carry the trace's id.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const LIKE_ROUTE = 'PUT /events/:eventId/like';

interface Pushed {
  type: string;
  data: Record<string, unknown>;
}

describe('tracing: a like is one trace from the HTTP request to the socket push', { timeout: 120_000 }, () => {
  const runId = uniqueName('tracing');
  const interactionLog: Array<Record<string, unknown>> = [];
  let amqpUrl: string;
  let issuer: TestIssuer;
  let upstream: Upstream;
  let interaction: ServiceProcess | undefined;
  let notification: ServiceProcess | undefined;

  before(async () => {
    await assertJaegerReachable();
    amqpUrl = await createVhost(runId);
    issuer = await startTestIssuer();
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: infra.otlpEndpoint, OTEL_TRACES_SAMPLER_ARG: '1' };
    const envOf = (service: string, extra: Record<string, string>): Record<string, string> => ({
      ...serviceTestEnv({ database: `${runId}_${service}`, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, extra }),
      AMQP_URL: amqpUrl,
      ...tracing,
    });
    interaction = await spawnServiceProcess({
      mainJs: `${repoRoot}services/interaction/dist/main.js`,
      label: 'interaction',
      env: envOf('interaction', {}),
      extra: { LOG_LEVEL: 'info' },
      onLogLine: (line) => interactionLog.push(line),
    });
    notification = await spawnServiceProcess({
      mainJs: `${repoRoot}services/notification/dist/main.js`,
      label: 'notification',
      env: envOf('notification', { REDIS_URL: infra.redisUrl, SMTP_URL: infra.smtpUrl }),
    });
    upstream = await Upstream.open(amqpUrl);
  });

  after(async () => {
    await upstream?.close();
    await interaction?.stop();
    await notification?.stop();
    await issuer?.close();
    const mongo = new MongoClient(infra.mongoUrl, { retryWrites: false });
    await mongo.connect();
    for (const service of ['interaction', 'notification']) await mongo.db(`${runId}_${service}`).dropDatabase().catch(() => undefined);
    await mongo.close();
    await deleteVhost(runId).catch(() => undefined);
  });

  it('spans run HTTP server ← publish ← consume ← push across interaction and notification; the request log line names the trace', async () => {
    assert.ok(interaction !== undefined && notification !== undefined);
    // Interaction learns the event from the event service's message, as in production.
    const eventId = `event-${randomUUID()}`;
    const organizerId = `organization-${randomUUID()}`;
    const likerId = `member-${randomUUID()}`;
    upstream.publish(upstream.event('event.published', { ...eventSnapshotData(eventId, organizerId, 'published'), tiers: [] }, eventId, 2));
    await waitFor(
      async () => ((await fetch(`${interaction!.url}/events/${eventId}/stats`)).status === 200 ? true : undefined),
      { timeoutMs: 20_000, intervalMs: 200, what: 'interaction to know the event' },
    );

    const socket = await connectNotificationSocket(notification.url, await issuer.mint({ sub: organizerId, roles: ['organization'] }), 10_000);
    try {
      const pushes: Pushed[] = [];
      socket.on('notification', (pushed: Pushed) => pushes.push(pushed));
      const reply = await fetch(`${interaction.url}/events/${eventId}/like`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await issuer.mint({ sub: likerId, roles: ['member'] })}` },
      });
      assert.equal(reply.status, 201, await reply.text());
      await waitFor(() => pushes.find((pushed) => pushed.type === 'event.liked' && pushed.data['userId'] === likerId), {
        timeoutMs: 20_000,
        what: 'the like pushed to the organizer',
      });
    } finally {
      socket.close();
    }

    // The request log line (pino-http's, written when the response finished) carries the trace.
    const requestLine = interactionLog.find((line) => {
      const req = line['req'] as { method?: string; url?: string } | undefined;
      return req?.method === 'PUT' && req.url === `/events/${eventId}/like` && line['res'] !== undefined;
    });
    assert.ok(requestLine !== undefined, `no request log line for the like among ${interactionLog.length} lines`);
    const traceId = requestLine['trace_id'];
    assert.equal(typeof traceId, 'string', `the request log line has no trace_id: ${JSON.stringify(requestLine)}`);
    assert.match(String(traceId), /^[0-9a-f]{32}$/);

    const isPush = (span: TraceSpan): boolean => span.service === 'notification' && span.operationName === 'socket.io push';
    const spans = await waitForTrace(String(traceId), (found) => found.some(isPush) && found.some((span) => span.operationName === LIKE_ROUTE));
    const push = spans.find(isPush)!;
    const chain = ancestry(spans, push).map((span) => `${span.service}: ${span.operationName} (${span.tags['span.kind'] ?? '?'})`);
    assert.deepEqual(chain, [
      'notification: socket.io push (producer)',
      'notification: process interaction.like.added (consumer)',
      'interaction: publish interaction.like.added (producer)',
      `interaction: ${LIKE_ROUTE} (server)`,
    ]);
    // The request's own MongoDB commands are its children, and the log line named the server span itself.
    const server = spans.find((span) => span.operationName === LIKE_ROUTE)!;
    assert.equal(requestLine['span_id'], server.spanId);
    assert.ok(
      spans.some((span) => span.parentSpanId === server.spanId && span.operationName.startsWith('mongodb ')),
      `no MongoDB span under the request: ${spans.map((span) => span.operationName).join(', ')}`,
    );
    const stored = await fetchJaegerTrace(String(traceId));
    assert.ok(stored !== undefined);
    await saveTracePicture(stored, TRACE_PICTURE);
  });
});
