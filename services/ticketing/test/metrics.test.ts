import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ServiceMetrics } from '@eventonight/platform';
import { freshDatabase, metricValue, parseMetrics, scrapeMetrics, startTestIssuer, waitFor, type MetricSample, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { stripeClient, stripePaymentGateway } from '../src/outbound/stripe-gateway.js';
import { checkoutCall, newUser, postWebhook, publishEvent, sessionEvent, startTicketing, type TestTicketing } from './helpers.js';

/**
 * Ticketing's own metrics (ADR 0035), scraped from its ops listener: Stripe calls against
 * stripe-mock, the webhook inbox's delay and its oldest waiting event.
 */
describe('ticketing metrics', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  const scrape = (): Promise<MetricSample[]> => scrapeMetrics(ticketing.service.opsUrl ?? 'no-ops-url');

  before(async () => {
    database = await freshDatabase('ticketing_metrics');
    issuer = await startTestIssuer();
    // The worker polls once an hour: only a stored webhook wakes it.
    ticketing = await startTicketing({ database: database.name, issuer, extra: { OPS_PORT: '0', WEBHOOK_POLL_INTERVAL_MS: String(60 * 60_000) } });
  });
  after(async () => {
    await ticketing?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('times each Stripe call by operation and outcome, counts verified tokens served from memory, and the webhook delay', async () => {
    const before = await scrape();
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const buyer = await newUser(issuer, 'member');
    const first = await checkoutCall(ticketing.service.url, buyer.token, event, 1);
    const second = await checkoutCall(ticketing.service.url, buyer.token, event, 1);
    assert.deepEqual([first.status, second.status], [201, 201]);
    const orderId = String(first.body['orderId']);
    const sessionId = (await ticketing.deps.orders.load(orderId))?.state.stripeSessionId ?? '';
    const stripeEventId = `evt_${randomUUID().replace(/-/g, '')}`;
    assert.equal((await postWebhook(ticketing.service.url, sessionEvent('checkout.session.completed', { orderId, sessionId, eventId: stripeEventId }))).status, 200);
    await waitFor(async () => ((await ticketing.deps.stripeEvents.findOne({ _id: stripeEventId }))?.processed === true ? true : undefined), { what: 'the webhook processed' });
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) => metricValue(after, name, labels) - metricValue(before, name, labels);
    assert.equal(delta('eventonight_stripe_request_duration_seconds_count', { operation: 'checkout_session_create', outcome: 'ok' }), 2);
    assert.equal(delta('eventonight_stripe_request_duration_seconds_count', { operation: 'checkout_session_create', outcome: 'error' }), 0);
    assert.equal(delta('eventonight_webhook_processing_delay_seconds_count'), 1);
    assert.ok(delta('eventonight_cache_requests_total', { cache: 'verified-tokens', result: 'hit' }) >= 1, "the buyer's second call is answered from memory");
    assert.equal(metricValue(after, 'eventonight_webhook_oldest_unprocessed_age_seconds'), 0);
    for (const sample of after) {
      for (const value of Object.values(sample.labels)) {
        for (const id of [orderId, sessionId, stripeEventId, event.eventId, buyer.id]) assert.ok(!value.includes(id), `${sample.name} carries an id in a label`);
      }
    }
  });

  it('the oldest unprocessed webhook age shows an event the worker has not reached, and falls to 0 once it has', async () => {
    // Stored by a replica that died before its worker ran: nothing wakes this one's worker.
    const waitingId = `evt_${randomUUID().replace(/-/g, '')}`;
    await ticketing.deps.stripeEvents.insertOne({
      _id: waitingId,
      type: 'checkout.session.completed',
      payload: JSON.stringify({ id: waitingId, type: 'checkout.session.completed' }),
      minimised: true,
      receivedAt: new Date(Date.now() - 10 * 60_000),
      processed: false,
      processedAt: null,
      outcome: null,
      attempts: 0,
    });
    const waiting = await scrape();
    assert.ok(metricValue(waiting, 'eventonight_webhook_oldest_unprocessed_age_seconds') >= 600, 'ten minutes behind');

    // A new webhook wakes the worker, which processes both.
    const event = await publishEvent(ticketing.service.url, issuer, 10);
    const buyer = await newUser(issuer, 'member');
    const orderId = String((await checkoutCall(ticketing.service.url, buyer.token, event, 1)).body['orderId']);
    assert.equal((await postWebhook(ticketing.service.url, sessionEvent('checkout.session.expired', { orderId, sessionId: 'cs_test' }))).status, 200);
    const caughtUp = await waitFor(async () => {
      const now = await scrape();
      return metricValue(now, 'eventonight_webhook_oldest_unprocessed_age_seconds') === 0 ? now : undefined;
    }, { what: 'the worker to catch up' });
    assert.ok(metricValue(caughtUp, 'eventonight_webhook_processing_delay_seconds_bucket', { le: '600' }) < metricValue(caughtUp, 'eventonight_webhook_processing_delay_seconds_bucket', { le: '1800' }), 'the late one is in the 10–30 min bucket');
  });

  it('a Stripe call that fails is timed with outcome error', async () => {
    const metrics = new ServiceMetrics({ service: 'ticketing', version: 'test', defaultMetrics: false });
    // Nothing listens on port 9: a real refused connection, retried by the client, then thrown.
    const gateway = stripePaymentGateway(stripeClient({ secretKey: 'sk_test_123', apiUrl: 'http://127.0.0.1:9' }), { successUrl: 'http://x/ok', cancelUrl: 'http://x/no' }, metrics);
    await assert.rejects(gateway.expireCheckoutSession('cs_test_unreachable'));
    const samples = parseMetrics((await metrics.exposition()).body);
    assert.equal(metricValue(samples, 'eventonight_stripe_request_duration_seconds_count', { operation: 'checkout_session_expire', outcome: 'error' }), 1);
    assert.equal(metricValue(samples, 'eventonight_stripe_request_duration_seconds_count', { operation: 'checkout_session_expire', outcome: 'ok' }), 0);
  });
});
