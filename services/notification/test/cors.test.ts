import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '@eventonight/platform';
import { serviceTestEnv } from '@eventonight/testing';
import { LOCAL_APP_ORIGINS, notificationServiceConfig } from '../src/config.js';
import { useNotification } from './helpers.js';

/**
 * Socket.IO's CORS: with credentials (the sticky cookie), so a grant lets the granted page read
 * the long-polling answers as the visitor. Only the web app's origin may have one.
 */

const APP = 'https://app.eventonight.example';

/** Engine.IO's first long-polling request (the handshake before any token is looked at), from `origin`. */
async function handshakeFrom(base: string, origin: string, method: 'GET' | 'OPTIONS' = 'GET'): Promise<Response> {
  const headers: Record<string, string> = { origin };
  if (method === 'OPTIONS') Object.assign(headers, { 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type' });
  const response = await fetch(`${base}/socket.io/?EIO=4&transport=polling`, { method, headers, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response;
}

describe("notification service: Socket.IO's CORS answers the app's origin only", { timeout: 60_000 }, () => {
  const fixture = useNotification('notification_cors', { SOCKET_CORS_ORIGINS: `${APP}/` });

  it('grants the configured origin, with credentials', async () => {
    const handshake = await handshakeFrom(fixture.service.url, APP);
    assert.equal(handshake.status, 200);
    assert.equal(handshake.headers.get('access-control-allow-origin'), APP);
    assert.equal(handshake.headers.get('access-control-allow-credentials'), 'true');
    const preflight = await handshakeFrom(fixture.service.url, APP, 'OPTIONS');
    assert.ok(preflight.status < 300, `preflight ${preflight.status}`);
    assert.equal(preflight.headers.get('access-control-allow-origin'), APP);
  });

  it('grants nothing to another origin: no Access-Control-Allow-Origin on the handshake or its preflight', async () => {
    for (const origin of ['https://evil.example', 'http://app.eventonight.example', 'https://app.eventonight.example.evil.example', 'null']) {
      const handshake = await handshakeFrom(fixture.service.url, origin);
      assert.equal(handshake.status, 200, 'the answer itself is unchanged: the browser is what withholds it');
      assert.equal(handshake.headers.get('access-control-allow-origin'), null, `${origin}: no CORS grant`);
      const preflight = await handshakeFrom(fixture.service.url, origin, 'OPTIONS');
      assert.equal(preflight.headers.get('access-control-allow-origin'), null, `${origin}: no CORS grant on the preflight`);
    }
  });
});

describe('notification config: SOCKET_CORS_ORIGINS', () => {
  const parse = (value?: string) =>
    parseConfig(
      notificationServiceConfig,
      serviceTestEnv({ database: 'cors_config', jwksUrl: 'http://127.0.0.1:1/jwks', issuer: 'http://issuer.test', extra: value === undefined ? {} : { SOCKET_CORS_ORIGINS: value } }),
    );

  it("unset: the local app's origins (gateway and static server)", () => {
    const parsed = parse();
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.config.SOCKET_CORS_ORIGINS, [...LOCAL_APP_ORIGINS]);
    assert.ok(parsed.config.SOCKET_CORS_ORIGINS.includes('http://app.localhost:8000'));
  });

  it('a list of origins, each normalised (a trailing slash dropped)', () => {
    const parsed = parse(' https://app.eventonight.example/ , http://localhost:5173');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.config.SOCKET_CORS_ORIGINS, ['https://app.eventonight.example', 'http://localhost:5173']);
  });

  it('refuses a path, a wildcard, another scheme or an empty list, naming the variable', () => {
    for (const value of ['https://app.eventonight.example/app', '*', 'ftp://app.eventonight.example', ' , ', 'app.eventonight.example']) {
      const parsed = parse(value);
      assert.equal(parsed.ok, false, `${value} must be refused`);
      if (!parsed.ok) assert.match(parsed.message, /SOCKET_CORS_ORIGINS/);
    }
  });
});
