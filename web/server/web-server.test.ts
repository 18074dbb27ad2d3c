import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { checkoutSessionEvent, createWebServer, stripeSignature } from './web-server.js';

/** The local web server on a real port, with a real HTTP receiver standing in for ticketing. */
describe('web: the local static server', () => {
  const secret = 'whsec_test_web_server';
  let dist: string;
  let web: Server;
  let upstream: Server;
  let base: string;
  const received: Array<{ path: string; headers: IncomingMessage['headers']; body: string }> = [];

  const listen = (server: Server): Promise<number> =>
    new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: req.url }));
      });
    });
    const upstreamPort = await listen(upstream);
    web = createWebServer({
      distDir: dist,
      config: { hello: 'config' },
      upstreams: { ticketing: `http://127.0.0.1:${upstreamPort}`, media: 'http://127.0.0.1:9' },
      localCheckout: { webhookUrl: `http://127.0.0.1:${upstreamPort}/webhooks/stripe`, webhookSecret: secret },
    });
    base = `http://127.0.0.1:${await listen(web)}`;
  });
  after(async () => {
    web?.closeAllConnections();
    await new Promise((resolve) => web?.close(resolve));
    await new Promise((resolve) => upstream?.close(resolve));
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves pages through the SPA fallback, assets as immutable, and unknown files as 404', async () => {
    const page = await fetch(`${base}/events/some-id`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>app<\/title>/);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await fetch(`${base}/assets/missing.js`)).status, 404);
    assert.equal((await fetch(`${base}/..%2f..%2fetc%2fpasswd.txt`)).status, 404);
  });

  it('answers /config.json from its options', async () => {
    const reply = await fetch(`${base}/config.json`);
    assert.deepEqual(await reply.json(), { hello: 'config' });
  });

  it('proxies /api/<service>/… without the prefix, and a dead upstream is a 503 problem', async () => {
    const reply = await fetch(`${base}/api/ticketing/orders?x=1`);
    assert.deepEqual(await reply.json(), { path: '/orders?x=1' });
    const dead = await fetch(`${base}/api/media/media/a`);
    assert.equal(dead.status, 503);
    assert.equal(dead.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await dead.json()) as { status: number }).status, 503);
  });

  it('"Pay" posts checkout.session.completed signed so that Stripe’s own library accepts it, then returns to the order', async () => {
    received.length = 0;
    const form = new URLSearchParams({ order: 'ord_abc', session: 'cs_test_123', amount: '3000', currency: 'eur', return: '/orders/ord_abc', outcome: 'paid' });
    const reply = await fetch(`${base}/local-checkout/complete`, { method: 'POST', body: form, redirect: 'manual' });
    assert.equal(reply.status, 303);
    assert.equal(reply.headers.get('location'), '/orders/ord_abc');
    const webhook = received.find((request) => request.path === '/webhooks/stripe');
    assert.ok(webhook, 'the webhook reached ticketing');
    const event = new Stripe('sk_test_123').webhooks.constructEvent(webhook.body, String(webhook.headers['stripe-signature']), secret);
    assert.equal(event.type, 'checkout.session.completed');
    const session = event.data.object as { id: string; client_reference_id: string; payment_status: string };
    assert.deepEqual([session.id, session.client_reference_id, session.payment_status], ['cs_test_123', 'ord_abc', 'paid']);
  });

  it('"Cancel" posts checkout.session.expired; a foreign return URL and bad ids are refused', async () => {
    received.length = 0;
    const cancel = new URLSearchParams({ order: 'ord_abc', session: 'cs_test_123', return: 'https://evil.example/x', outcome: 'cancelled' });
    const reply = await fetch(`${base}/local-checkout/complete`, { method: 'POST', body: cancel, redirect: 'manual' });
    assert.equal(reply.headers.get('location'), '/');
    assert.equal((JSON.parse(received[0]?.body ?? '{}') as { type?: string }).type, 'checkout.session.expired');
    const bad = await fetch(`${base}/local-checkout/complete`, { method: 'POST', body: new URLSearchParams({ order: '../x', session: 'cs_1' }) });
    assert.equal(bad.status, 400);
  });

  it('signs exactly as Stripe does (t=…,v1=HMAC-SHA256 of "t.payload")', () => {
    const payload = checkoutSessionEvent({ orderId: 'ord_1', sessionId: 'cs_1', outcome: 'paid', amountMinor: 100, currency: 'eur' });
    const header = stripeSignature(payload, secret, 1_700_000_000);
    assert.match(header, /^t=1700000000,v1=[0-9a-f]{64}$/);
    assert.throws(() => new Stripe('sk_test_123').webhooks.constructEvent(payload, stripeSignature(payload, 'whsec_other'), secret));
  });
});
