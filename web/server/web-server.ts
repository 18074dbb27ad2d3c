import { createHmac, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { localCheckoutPage } from './local-checkout-page.js';

/**
 * The local static server of the web app: `dist/` with an SPA fallback, `/config.json` built
 * from the environment, optionally a same-origin proxy of `/api/<service>/…` to the services
 * (until the gateway routes them), and — LOCAL ONLY — the stand-in for Stripe's hosted Checkout.
 * Production serves the same `dist/` from a static-server image; none of this runs there.
 */

export interface WebServerOptions {
  distDir: string;
  /** The runtime config served as /config.json. */
  config: Record<string, unknown>;
  /** `/api/<name>/…` is proxied to these base URLs (empty: no proxy, the gateway does it). */
  upstreams: Record<string, string>;
  /** The local checkout stand-in: where to post the signed webhook, and the secret to sign with. */
  localCheckout: { webhookUrl: string; webhookSecret: string } | null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

async function serveFile(res: ServerResponse, file: string, immutable: boolean): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) return false;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
    // Hashed asset names never change content; everything else is revalidated.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
  return true;
}

/** `/api/<name>/rest` → the upstream for `name` and the path `/rest`, or null. */
function upstreamOf(url: string, upstreams: Record<string, string>): { base: string; path: string } | null {
  const match = /^\/api\/([a-z]+)(\/.*)?$/.exec(url);
  if (match === null) return null;
  const base = upstreams[match[1] ?? ''];
  return base === undefined ? null : { base, path: match[2] ?? '/' };
}

function proxy(req: IncomingMessage, res: ServerResponse, target: { base: string; path: string }): void {
  const base = new URL(target.base);
  const upstream = httpRequest(
    { host: base.hostname, port: base.port, method: req.method, path: target.path, headers: { ...req.headers, host: base.host } },
    (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) {
      send(res, 503, 'application/problem+json', JSON.stringify({ type: 'https://eventonight.dev/problems/service-unavailable', title: 'Service unavailable', status: 503, detail: 'The service did not answer.' }));
    } else res.destroy();
  });
  req.pipe(upstream);
}

/** Socket.IO's WebSocket: the upgrade request is replayed to the upstream and the bytes piped both ways. */
function proxyUpgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer, target: { base: string; path: string }): void {
  const base = new URL(target.base);
  const upstream = connect(Number(base.port), base.hostname, () => {
    const lines = [`${req.method ?? 'GET'} ${target.path} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i] ?? '';
      lines.push(`${name}: ${name.toLowerCase() === 'host' ? base.host : (req.rawHeaders[i + 1] ?? '')}`);
    }
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = (): void => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
}

async function readBody(req: IncomingMessage, limit = 16_384): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limit) throw new Error('body too large');
  }
  return body;
}

/** A Stripe-Signature header for `payload`, computed exactly as Stripe does (HMAC-SHA256 of "t.payload"). */
export function stripeSignature(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** The Checkout Session event Stripe would send for this outcome. */
export function checkoutSessionEvent(input: { orderId: string; sessionId: string; outcome: 'paid' | 'cancelled'; amountMinor: number; currency: string }): string {
  const paid = input.outcome === 'paid';
  return JSON.stringify({
    id: `evt_local_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: paid ? 'checkout.session.completed' : 'checkout.session.expired',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: input.sessionId,
        object: 'checkout.session',
        client_reference_id: input.orderId,
        metadata: { orderId: input.orderId },
        amount_total: input.amountMinor,
        currency: input.currency,
        payment_intent: paid ? `pi_local_${randomUUID().replace(/-/g, '')}` : null,
        payment_status: paid ? 'paid' : 'unpaid',
        status: paid ? 'complete' : 'expired',
      },
    },
  });
}

async function completeLocalCheckout(req: IncomingMessage, res: ServerResponse, settings: { webhookUrl: string; webhookSecret: string }): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const orderId = form.get('order') ?? '';
  const sessionId = form.get('session') ?? '';
  const outcome = form.get('outcome') === 'paid' ? 'paid' : 'cancelled';
  const back = form.get('return') ?? '/';
  if (!/^ord_[A-Za-z0-9_-]{1,64}$/.test(orderId) || !/^cs_[A-Za-z0-9_]{1,255}$/.test(sessionId)) {
    send(res, 400, 'text/plain; charset=utf-8', 'This checkout link is not valid.');
    return;
  }
  const payload = checkoutSessionEvent({
    orderId,
    sessionId,
    outcome,
    amountMinor: Number(form.get('amount') ?? 0),
    currency: form.get('currency') ?? 'eur',
  });
  const reply = await fetch(settings.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(payload, settings.webhookSecret) },
    body: payload,
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  if (reply === null || !reply.ok) {
    send(res, 502, 'text/plain; charset=utf-8', `Ticketing did not accept the payment notice (${reply?.status ?? 'no answer'}). Go back and try again.`);
    return;
  }
  // Only a path on this origin: the stand-in never redirects elsewhere.
  const location = back.startsWith('/') && !back.startsWith('//') ? back : '/';
  res.writeHead(303, { ...SECURITY_HEADERS, location });
  res.end();
}

export function createWebServer(options: WebServerOptions): Server {
  const dist = resolve(options.distDir);
  const configBody = JSON.stringify(options.config);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    const target = upstreamOf(url.pathname, options.upstreams);
    if (target !== null) {
      proxy(req, res, { base: target.base, path: target.path + url.search });
      return;
    }
    if (url.pathname === '/config.json') {
      send(res, 200, 'application/json; charset=utf-8', configBody);
      return;
    }
    if (options.localCheckout !== null && url.pathname.startsWith('/local-checkout')) {
      if (req.method === 'POST' && url.pathname === '/local-checkout/complete') {
        await completeLocalCheckout(req, res, options.localCheckout);
        return;
      }
      send(res, 200, 'text/html; charset=utf-8', localCheckoutPage(url.searchParams));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path);
    if (file.startsWith(dist) && extname(file) !== '' && (await serveFile(res, file, path.startsWith('/assets/')))) return;
    if (extname(path) !== '' && path !== '/index.html') {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    // Any other path is a page of the app: the router decides what it shows.
    if (!(await serveFile(res, join(dist, 'index.html'), false))) send(res, 503, 'text/plain; charset=utf-8', 'The app is not built (npm run build).');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Something went wrong.');
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const target = upstreamOf(url.pathname, options.upstreams);
    if (target === null) socket.destroy();
    else proxyUpgrade(req, socket, head, { base: target.base, path: target.path + url.search });
  });
  return server;
}
