import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './http.js';
import { uniqueName } from './database.js';
import { infra } from './infra.js';
import { SERVICE_NAMES, type RunningSystem } from './system.js';
import { waitFor } from './wait.js';

/**
 * The real Traefik, started as a process of its own by a test: the static file rendered from
 * traefik/traefik.yml by infra/traefik-static.sh (as infra/ctl.sh does) and the routes of
 * traefik/dynamic/ as they are, with the local profile and the test's upstreams in its
 * environment. A test never touches the shared gateway `npm run up` started.
 */

/** The load balancers of traefik/dynamic/routers.yml that take their servers from UPSTREAM_<NAME>. */
export type GatewayUpstream = 'user' | 'event' | 'interaction' | 'chat' | 'ticketing' | 'notification' | 'media' | 'keycloak' | 'files' | 'web';

/** The public host name of each upstream: `<host>.localhost`. */
export const GATEWAY_HOSTS = {
  user: 'users',
  event: 'events',
  interaction: 'interactions',
  chat: 'chat',
  ticketing: 'tickets',
  notification: 'notifications',
  media: 'media',
  keycloak: 'auth',
  files: 'files',
  web: 'app',
} as const satisfies Record<GatewayUpstream, string>;

export interface GatewayReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** From sending the request to the end of the answer. */
  ms: number;
}

export interface GatewayRequest {
  method?: string;
  /** The host's first label (`events`, completed with the domain), a whole host name, or `localhost`. */
  host: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Another loopback address (127.0.0.2 ...) makes the request come from another client IP. */
  localAddress?: string;
  timeoutMs?: number;
  /** The entry point to send it to; default: `files` for the files host, else `web`. */
  entryPoint?: 'web' | 'files';
  /** The body in pieces, each sent `chunkDelayMs` after the previous one (a slow upload). */
  chunks?: readonly Buffer[];
  chunkDelayMs?: number;
}

export interface RunningGateway {
  readonly port: number;
  /** The `files` entry point (files.<domain> only, its long read timeout): `request` uses it for the files host. */
  readonly filesPort: number;
  /** `http://<host>.<domain>:<port>`: what a browser would use. */
  origin(host: string): string;
  /**
   * One HTTP request to the gateway with the Host header a browser would send, on the entry
   * point that host is served on (`files` on its own, every other host on `web`), unless
   * `entryPoint` names one.
   */
  request(options: GatewayRequest): Promise<GatewayReply>;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

/** Where infra/setup.sh puts the binary (EN_BIN, else $EVENTONIGHT_CACHE/bin). */
export function traefikBinary(): string {
  const cache = process.env['EVENTONIGHT_CACHE'] ?? `${homedir()}/.cache/eventonight`;
  return `${process.env['EN_BIN'] ?? `${cache}/bin`}/traefik`;
}

export interface GatewayOptions {
  /** DOMAIN; default `localhost`. */
  domain?: string;
  /** EDGE_PROFILE: 'local' (default, as infra/ctl.sh runs it) or 'production' (as compose does). */
  profile?: 'local' | 'production';
  /** A CIDR trusted to set X-Forwarded-For in place of cloudflared's subnet (the benchmark's load generator). */
  trustedForwarder?: string;
}

/** Starts Traefik on a free loopback port in front of `upstreams` (each a list of replica URLs). */
export async function startGateway(
  upstreams: Partial<Record<GatewayUpstream, readonly string[]>>,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const domain = options.domain ?? 'localhost';
  const profile = options.profile ?? 'local';
  const fullHost = (host: string, port: number): string => `${host.includes('.') || host === 'localhost' ? host : `${host}.${domain}`}:${port}`;
  const dir = `${repoRoot}.infra/gateway-tests/${uniqueName('gw')}`;
  mkdirSync(dir, { recursive: true });
  const [port, pingPort, filesPort] = [await freePort(), await freePort(), await freePort()];
  await run('bash', [
    `${repoRoot}infra/traefik-static.sh`,
    `${dir}/traefik.yml`,
    `127.0.0.1:${port}`,
    `127.0.0.1:${pingPort}`,
    `127.0.0.1:${filesPort}`,
    ...(options.trustedForwarder === undefined ? [] : [options.trustedForwarder]),
  ]);

  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', DOMAIN: domain, ...(profile === 'local' ? { EDGE_PROFILE: 'local' } : {}) };
  for (const [name, urls] of Object.entries(upstreams)) env[`UPSTREAM_${name.toUpperCase()}`] = urls.join(',');
  const logFile = `${dir}/traefik.log`;
  const log = openSync(logFile, 'a');
  const child: ChildProcess = spawn(traefikBinary(), [`--configFile=${dir}/traefik.yml`], { env, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = once(child, 'exit').catch(() => undefined);
  const logTail = (lines = 30): string => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };

  const isFilesHost = (host: string): boolean => host === 'files' || host.startsWith('files.');
  const request = (options: GatewayRequest): Promise<GatewayReply> =>
    new Promise((resolve, reject) => {
      const startedAt = Date.now();
      const body = options.body;
      const chunks = options.chunks;
      const length = chunks === undefined ? (body === undefined ? undefined : Buffer.byteLength(body)) : chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      const target = (options.entryPoint ?? (isFilesHost(options.host) ? 'files' : 'web')) === 'files' ? filesPort : port;
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: target,
          method: options.method ?? 'GET',
          path: options.path,
          headers: {
            ...options.headers,
            host: fullHost(options.host, target),
            ...(length === undefined ? {} : { 'content-length': String(length) }),
          },
          ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
          agent: false,
          timeout: options.timeoutMs ?? 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - startedAt }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`gateway request ${options.path} timed out`)));
      req.on('error', reject);
      // With `Expect: 100-continue` (what curl sends for a large body) the body goes only once the
      // server asks for it: a refusal (413) arrives as an answer, not as a reset mid-upload.
      if (options.headers?.['expect'] === '100-continue') req.on('continue', () => req.end(body));
      else if (chunks !== undefined) void sendSlowly(req, chunks, options.chunkDelayMs ?? 0);
      else req.end(body);
    });

  try {
    // Up once /ping answers and the file provider has loaded the routes (a known route answers).
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`traefik exited with code ${child.exitCode}:\n${logTail()}`);
        const ping = await fetch(`http://127.0.0.1:${pingPort}/ping`, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
        if (ping?.status !== 200) return undefined;
        const probe = await request({ host: 'users', path: '/internal', timeoutMs: 2_000 }).catch(() => undefined);
        return probe?.status === 403 ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'traefik to load its routes' },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    port,
    filesPort,
    origin: (host) => `http://${fullHost(host, isFilesHost(host) ? filesPort : port)}`,
    request,
    logTail,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Writes `chunks` one after another, `delayMs` apart, then ends the request (unless it failed meanwhile). */
async function sendSlowly(req: ClientRequest, chunks: readonly Buffer[], delayMs: number): Promise<void> {
  for (const [index, chunk] of chunks.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (req.destroyed) return;
    req.write(chunk);
  }
  if (!req.destroyed) req.end();
}

/** The upstreams of a whole system under test: its seven services, the real Keycloak and object store. */
export function gatewayUpstreamsOf(system: RunningSystem): Partial<Record<GatewayUpstream, string[]>> {
  const upstreams: Partial<Record<GatewayUpstream, string[]>> = { keycloak: [infra.keycloakUrl], files: [infra.s3Endpoint] };
  for (const service of SERVICE_NAMES) upstreams[service] = [system.url(service)];
  return upstreams;
}

/**
 * The system as its clients reach it: `url(service)` is the gateway's `/api/<service>` route
 * (node's fetch can neither resolve `<name>.localhost` nor set a Host header, and the path
 * routes go through the same middlewares); the rest (databases, logs, kill) is the system's own.
 */
export function throughGateway(system: RunningSystem, gateway: RunningGateway): RunningSystem {
  return { ...system, url: (service) => `http://127.0.0.1:${gateway.port}/api/${service}` };
}
