import { fileURLToPath } from 'node:url';
import { createWebServer } from './web-server.js';

/**
 * Serves the built app locally (scripts/web.sh starts it): 127.0.0.1:$EN_WEB_PORT (5173).
 *   EN_WEB_API_MODE   proxy (default): the app calls /api/<service>/… here, proxied to
 *                     127.0.0.1:3001–3007 (EN_WEB_UPSTREAM_<SERVICE> to change one);
 *                     gateway: no proxy, the gateway in front routes /api/<service>/… itself.
 *   KEYCLOAK_PUBLIC_URL / KEYCLOAK_URL, KEYCLOAK_REALM   where the browser signs in.
 *   EN_LOCAL_CHECKOUT=1 (default 1) with STRIPE_WEBHOOK_SECRET: the local Checkout stand-in,
 *                     posting to EN_WEB_WEBHOOK_URL (default: ticketing's /webhooks/stripe).
 */
const env = process.env;
const SERVICES: Record<string, number> = { user: 3001, event: 3002, interaction: 3003, chat: 3004, ticketing: 3005, notification: 3006, media: 3007 };
const port = Number(env['EN_WEB_PORT'] ?? 5173);
const proxying = (env['EN_WEB_API_MODE'] ?? 'proxy') === 'proxy';
const upstreamOf = (name: string): string => env[`EN_WEB_UPSTREAM_${name.toUpperCase()}`] ?? `http://127.0.0.1:${SERVICES[name]}`;

const secret = env['STRIPE_WEBHOOK_SECRET'];
const localCheckout =
  (env['EN_LOCAL_CHECKOUT'] ?? '1') === '1' && secret !== undefined && secret !== ''
    ? { webhookUrl: env['EN_WEB_WEBHOOK_URL'] ?? `${upstreamOf('ticketing')}/webhooks/stripe`, webhookSecret: secret }
    : null;

const server = createWebServer({
  distDir: fileURLToPath(new URL('../dist/', import.meta.url)),
  upstreams: proxying ? Object.fromEntries(Object.keys(SERVICES).map((name) => [name, upstreamOf(name)])) : {},
  localCheckout,
  config: {
    api: Object.fromEntries(Object.keys(SERVICES).map((name) => [name, `/api/${name}`])),
    socket: { url: '', path: '/api/notification/socket.io' },
    keycloak: {
      url: env['KEYCLOAK_PUBLIC_URL'] ?? env['KEYCLOAK_URL'] ?? 'http://localhost:8080',
      realm: env['KEYCLOAK_REALM'] ?? 'eventonight',
      clientId: env['KEYCLOAK_WEB_CLIENT_ID'] ?? 'eventonight-web',
    },
    localCheckoutUrl: localCheckout === null ? null : '/local-checkout/',
  },
});

server.listen(port, env['EN_WEB_HOST'] ?? '127.0.0.1', () => {
  console.log(`web: serving on http://127.0.0.1:${port} (api ${proxying ? 'proxied to the services' : 'through the gateway'}${localCheckout ? ', local checkout on' : ''})`);
});
const stop = (): void => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
