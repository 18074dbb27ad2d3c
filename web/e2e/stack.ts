import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SERVICE_NAMES, infra, startSystem, type RunningSystem } from '@eventonight/testing';
import { createWebServer } from '../server/web-server.js';

/**
 * The platform as a browser meets it: the seven built services (test harness, own databases
 * and virtual host) behind the web app's own local server, which serves the built app, its
 * config and the local checkout stand-in, and proxies /api/<service>/… to the services. It
 * listens on 127.0.0.1:$EN_WEB_TEST_PORT (5180), an origin the realm's web client allows.
 */
export interface WebStack {
  system: RunningSystem;
  baseUrl: string;
  stop(): Promise<void>;
}

export const WEB_TEST_PORT = Number(process.env['EN_WEB_TEST_PORT'] ?? 5180);

export async function startWebStack(): Promise<WebStack> {
  const system = await startSystem({
    logLevel: 'warn',
    env: {
      // Links the services write (calendar files, the feed's address) point at this app.
      event: { APP_URL: `http://127.0.0.1:${WEB_TEST_PORT}` },
      ticketing: {
        CHECKOUT_SUCCESS_URL: `http://127.0.0.1:${WEB_TEST_PORT}/orders/{ORDER_ID}`,
        CHECKOUT_CANCEL_URL: `http://127.0.0.1:${WEB_TEST_PORT}/orders/{ORDER_ID}`,
        APP_URL: `http://127.0.0.1:${WEB_TEST_PORT}`,
      },
      // Mails link to this web app (confirmations, orders), and their one-click unsubscribe URL is its /api/notification proxy.
      notification: {
        APP_URL: `http://127.0.0.1:${WEB_TEST_PORT}`,
        MAIL_API_URL: `http://127.0.0.1:${WEB_TEST_PORT}/api/notification`,
      },
    },
  });
  const server: Server = createWebServer({
    distDir: fileURLToPath(new URL('../dist/', import.meta.url)),
    upstreams: Object.fromEntries(SERVICE_NAMES.map((name) => [name, system.url(name)])),
    localCheckout: { webhookUrl: `${system.url('ticketing')}/webhooks/stripe`, webhookSecret: infra.stripeWebhookSecret },
    config: {
      api: Object.fromEntries(SERVICE_NAMES.map((name) => [name, `/api/${name}`])),
      socket: { url: '', path: '/api/notification/socket.io' },
      keycloak: { url: infra.keycloakUrl, realm: infra.keycloakRealm, clientId: 'eventonight-web' },
      localCheckoutUrl: '/local-checkout/',
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(WEB_TEST_PORT, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await system.stop();
    throw error;
  }
  return {
    system,
    baseUrl: `http://127.0.0.1:${WEB_TEST_PORT}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await system.stop();
    },
  };
}
