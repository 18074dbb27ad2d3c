import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { LookupFunction } from 'node:net';
import { join } from 'node:path';

/**
 * The production deployment as the internet reaches it: every `https://<name>.<DOMAIN>` URL goes to
 * the deployment's Traefik (published on an address of the engine's namespace, scripts/prod-local.sh),
 * as plain HTTP, which is what Cloudflare's tunnel does after it ends TLS. Nothing else is resolved:
 * a URL outside the domain fails instead of leaving the machine.
 */

export const root = join(import.meta.dirname, '..', '..', '..');
export const DOMAIN = process.env['EN_PROD_DOMAIN'] ?? 'eventonight.test';
export const EDGE_ADDRESS = process.env['EN_PROD_EDGE_ADDRESS'] ?? '10.78.0.2';
/** Traefik's ports for `web` and `files` (compose's HTTP_PORT and FILES_HTTP_PORT defaults). */
export const EDGE_PORTS = { web: 80, files: Number(process.env['EN_PROD_FILES_PORT'] ?? 8088) } as const;
export const STATE = join(root, '.infra', 'prod-local');
/** The deployment's secrets: the compose deployment's, or the Swarm stack's (tests/swarm sets it). */
const SECRETS = process.env['EN_PROD_SECRETS_DIR'] ?? join(STATE, 'secrets');

export function secret(name: string): string {
  return readFileSync(join(SECRETS, name), 'utf8').trim();
}

const toEdge: LookupFunction = (hostname, options, callback) => {
  if (hostname !== DOMAIN && !hostname.endsWith(`.${DOMAIN}`)) {
    callback(Object.assign(new Error(`${hostname} is not a host of the deployment`), { code: 'ENOTFOUND' }), '', 0);
    return;
  }
  if (options.all === true) callback(null, [{ address: EDGE_ADDRESS, family: 4 }]);
  else callback(null, EDGE_ADDRESS, 4);
};

/** An agent that takes every host of the domain to the edge (also for socket.io-client's WebSocket). */
export const edgeAgent = new http.Agent({ keepAlive: false, lookup: toEdge } as http.AgentOptions);

export interface EdgeReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json(): Record<string, unknown>;
}

export interface EdgeRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends the request on the `files` entry point (the tunnel's files.<DOMAIN> target). */
  entryPoint?: keyof typeof EDGE_PORTS;
}

/** One request to the deployment; `https:` becomes `http:` on the entry point's port. Redirects are not followed. */
export function edge(url: string, request: EdgeRequest = {}): Promise<EdgeReply> {
  const target = new URL(url);
  const port = EDGE_PORTS[request.entryPoint ?? (target.hostname === `files.${DOMAIN}` ? 'files' : 'web')];
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent: edgeAgent,
        host: target.hostname,
        port,
        method: request.method ?? 'GET',
        path: `${target.pathname}${target.search}`,
        // The URL's own host, without the entry point's port: what the tunnel forwards (and what S3 signatures cover).
        headers: { host: target.host, ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }), ...request.headers },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: () => body.toString('utf8'),
            json: () => JSON.parse(body.toString('utf8')) as Record<string, unknown>,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${request.method ?? 'GET'} ${url}: no answer within 30 s`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

/** A JSON call to a service host (`users`, `events`, …) with an optional bearer token. */
export async function api(host: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<EdgeReply> {
  return edge(`https://${host}.${DOMAIN}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Fails with the answer's body unless its status is `expected`. */
export function expectStatus(expected: number, reply: EdgeReply, what: string): EdgeReply {
  if (reply.status !== expected) throw new Error(`${what}: expected HTTP ${expected}, got ${reply.status}: ${reply.text().slice(0, 600)}`);
  return reply;
}

/** Cookies of one browser session with Keycloak (name → value; Keycloak's cookies are all host-wide). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(reply: EdgeReply): void {
    for (const line of reply.headers['set-cookie'] ?? []) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const WEB_CLIENT = 'eventonight-web';

function formAction(html: string): string {
  const form = /<form[^>]*id="kc-form-login"[^>]*>/.exec(html)?.[0] ?? '';
  const action = /action="([^"]+)"/.exec(form)?.[1];
  if (action === undefined) throw new Error(`no sign-in form in Keycloak's page: ${html.slice(0, 300)}`);
  return action.replaceAll('&amp;', '&');
}

/**
 * Signs in as the web app does: the authorization code flow with PKCE of the public client
 * eventonight-web, through Keycloak's own sign-in form (the production realm has no password grant).
 */
export async function signIn(email: string, password: string): Promise<Tokens> {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `https://app.${DOMAIN}/`;
  const state = randomBytes(8).toString('hex');
  const realm = `https://auth.${DOMAIN}/realms/eventonight/protocol/openid-connect`;
  const query = new URLSearchParams({
    client_id: WEB_CLIENT,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const page = expectStatus(200, await edge(`${realm}/auth?${query}`), "Keycloak's sign-in page");
  jar.take(page);
  const posted = await edge(formAction(page.text()), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ username: email, password, credentialId: '' }).toString(),
  });
  const location = posted.headers.location;
  if (posted.status !== 302 || location === undefined) throw new Error(`sign-in of ${email}: HTTP ${posted.status} ${posted.text().slice(0, 300)}`);
  const back = new URL(location);
  if (back.origin !== `https://app.${DOMAIN}` || back.searchParams.get('state') !== state) throw new Error(`sign-in redirected to ${location}`);
  const code = back.searchParams.get('code') ?? '';
  const tokens = expectStatus(
    200,
    await edge(`${realm}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: WEB_CLIENT, code, redirect_uri: redirectUri, code_verifier: verifier }).toString(),
    }),
    'code exchange',
  ).json();
  return { accessToken: String(tokens['access_token']), refreshToken: String(tokens['refresh_token']) };
}

/** New tokens for the session, as the web app renews them before they expire (refresh-token grant). */
export async function refreshTokens(tokens: Tokens): Promise<Tokens> {
  const renewed = expectStatus(
    200,
    await edge(`https://auth.${DOMAIN}/realms/eventonight/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: WEB_CLIENT, refresh_token: tokens.refreshToken }).toString(),
    }),
    'token refresh',
  ).json();
  return { accessToken: String(renewed['access_token']), refreshToken: String(renewed['refresh_token']) };
}
