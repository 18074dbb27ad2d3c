import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { freshDatabase, infra, type TestDatabase } from '@eventonight/testing';
import { AggregateStore, type StoredAggregate } from '../src/persistence/index.js';
import {
  contextOfTraceparent,
  startTracing,
  traceLogFields,
  traceparentOf,
  tracer,
  tracingEnabled,
  tracingSettingsFrom,
  withClientSpans,
  type TracingHandle,
} from '../src/tracing/index.js';
import { userCreated, type TestUser } from './fixtures.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('tracing settings: off unless an OTLP endpoint is named (ADR 0036)', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT, or with an empty one', () => {
    assert.equal(tracingSettingsFrom({}).enabled, false);
    assert.equal(tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }).enabled, false);
  });

  it('OTEL_SDK_DISABLED=true turns it off whatever else is set', () => {
    const settings = tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'TRUE' });
    assert.equal(settings.enabled, false);
  });

  it('exports to <endpoint>/v1/traces, keeping every trace unless OTEL_TRACES_SAMPLER_ARG says otherwise', () => {
    assert.deepEqual(tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318/', OTEL_SDK_DISABLED: 'false' }), {
      enabled: true,
      tracesUrl: 'http://jaeger:4318/v1/traces',
      sampleRatio: 1,
    });
    const ratio = (arg: string): number =>
      tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318', OTEL_TRACES_SAMPLER_ARG: arg }).sampleRatio;
    assert.equal(ratio('0.1'), 0.1);
    assert.equal(ratio('7'), 1);
    assert.equal(ratio('-1'), 0);
    assert.equal(ratio('lots'), 1);
  });
});

describe('tracing in the platform, off and then on (exporting to the local Jaeger)', () => {
  let database: TestDatabase;
  let store: AggregateStore<TestUser>;

  before(async () => {
    database = await freshDatabase('tracing');
    store = new AggregateStore<TestUser>(database.db, 'users', { source: 'user' });
  });
  after(() => database.dispose());

  async function storedOutbox(id: string): Promise<StoredAggregate<TestUser>['outbox']> {
    const stored = await store.collection.findOne({ _id: id });
    assert.ok(stored);
    return stored.outbox;
  }

  it('off when the endpoint is unset: no SDK, no ids in log lines, no traceparent in the outbox', async () => {
    const handle = startTracing('test', undefined, {});
    assert.equal(handle.enabled, false);
    assert.equal(tracingEnabled(), false);
    const user = { _id: 'u-untraced', displayName: 'Ada' };
    await tracer().startActiveSpan('ignored', async (span) => {
      assert.equal(span.isRecording(), false, 'the API hands out no-op spans without the SDK');
      assert.deepEqual(traceLogFields(), {});
      assert.equal(traceparentOf(), undefined);
      await store.create(user, [userCreated(user)]);
      span.end();
    });
    const [event] = await storedOutbox(user._id);
    assert.ok(event);
    assert.equal('traceparent' in event, false);
    await handle.shutdown();
  });

  describe('on', () => {
    let handle: TracingHandle;
    before(() => {
      handle = startTracing('platform-test', '0.0.0', { OTEL_EXPORTER_OTLP_ENDPOINT: infra.otlpEndpoint });
    });
    after(() => handle.shutdown());

    it('a traceparent round-trips: written from a span, read back as the context that continues it', () => {
      assert.equal(handle.enabled, true);
      const span = tracer().startSpan('origin');
      const traceparent = traceparentOf(span);
      const match = TRACEPARENT.exec(traceparent ?? '');
      assert.ok(match, `not a sampled W3C traceparent: ${String(traceparent)}`);
      assert.equal(match[1], span.spanContext().traceId);
      assert.equal(match[2], span.spanContext().spanId);

      const continued = contextOfTraceparent(traceparent);
      assert.equal(traceparentOf(continued), traceparent);
      const child = tracer().startSpan('child', {}, continued);
      assert.equal(child.spanContext().traceId, span.spanContext().traceId);
      child.end();
      span.end();
      assert.equal(traceparentOf(contextOfTraceparent(undefined)), undefined, 'no traceparent: a new trace, not a broken one');
    });

    it('the outbox row stores the traceparent of the span active when the event was written, and log fields name it', async () => {
      const user = { _id: 'u-traced', displayName: 'Grace' };
      const span = tracer().startSpan('write');
      await context.with(trace.setSpan(context.active(), span), async () => {
        assert.deepEqual(traceLogFields(), { trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
        await store.create(user, [userCreated(user)]);
      });
      span.end();
      const [event] = await storedOutbox(user._id);
      assert.equal(event?.traceparent, traceparentOf(span));
      assert.deepEqual(traceLogFields(), {}, 'outside the span, no ids');
    });

    it('a trace its root did not sample writes no ids into log lines, and stays unsampled downstream (parent-based)', () => {
      const unsampled = contextOfTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00');
      const span = tracer().startSpan('not kept', {}, unsampled);
      context.with(trace.setSpan(unsampled, span), () => {
        assert.equal(span.isRecording(), false);
        assert.deepEqual(traceLogFields(), {});
        assert.match(traceparentOf() ?? '', /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00$/);
      });
      span.end();
    });

    it('an outgoing fetch (JWKS, Keycloak, a peer service) is a client span whose traceparent reaches the server', async () => {
      const received: Array<string | undefined> = [];
      const server = createServer((req, res) => {
        const header = req.headers['traceparent'];
        received.push(typeof header === 'string' ? header : undefined);
        res.end('{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs?secret=1`;
        const span = tracer().startSpan('request');
        await context.with(trace.setSpan(context.active(), span), async () => (await fetch(url, { headers: { accept: 'application/json' } })).text());
        span.end();
        const match = TRACEPARENT.exec(received[0] ?? '');
        assert.ok(match, `no traceparent reached the server: ${String(received[0])}`);
        assert.equal(match[1], span.spanContext().traceId, 'the same trace');
        assert.notEqual(match[2], span.spanContext().spanId, 'a client span of its own between the caller and the server');
      } finally {
        server.close();
      }
    });

    it('a port wrapped in client spans runs each listed call in a child span, on the port itself', async () => {
      class Counter {
        calls = 0;
        async next(): Promise<{ calls: number; traceId: string | undefined; spanId: string | undefined }> {
          this.calls += 1;
          const fields = traceLogFields();
          return { calls: this.calls, traceId: fields.trace_id, spanId: fields.span_id };
        }
      }
      const counter = new Counter();
      const traced = withClientSpans(counter, 'counter', ['next']);
      const span = tracer().startSpan('caller');
      const inside = await context.with(trace.setSpan(context.active(), span), () => traced.next());
      span.end();
      assert.equal(inside.traceId, span.spanContext().traceId);
      assert.notEqual(inside.spanId, span.spanContext().spanId);
      assert.equal(counter.calls, 1, 'state lives in the wrapped object');
      assert.equal(traced.calls, 1);
    });
  });
});
