/**
 * What differs between deployments, read at start from /config.json beside the app, so one
 * build serves local runs and production.
 */
export const API_NAMES = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'] as const;
export type ApiName = (typeof API_NAMES)[number];

export interface RuntimeConfig {
  /** Base URL of each service's API (absolute, or a path on this origin such as /api/event). */
  api: Record<ApiName, string>;
  /** Socket.IO: the origin (empty = this one) and the path of the notification service's socket. */
  socket: { url: string; path: string };
  keycloak: { url: string; realm: string; clientId: string };
  /** Local runs only: the stand-in for Stripe's hosted Checkout page; null in production. */
  localCheckoutUrl: string | null;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`config.json: ${where} must be a string`);
  return value;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error(`config.json: ${where} must be an object`);
  return value as Record<string, unknown>;
}

/** Checks the parsed file field by field: a wrong deployment fails at start with a clear reason. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  const root = record(raw, 'the file');
  const api = record(root.api, 'api');
  const socket = record(root.socket, 'socket');
  const keycloak = record(root.keycloak, 'keycloak');
  const local = root.localCheckoutUrl;
  return {
    api: Object.fromEntries(API_NAMES.map((name) => [name, text(api[name], `api.${name}`).replace(/\/+$/, '')])) as Record<ApiName, string>,
    socket: { url: text(socket.url, 'socket.url'), path: text(socket.path, 'socket.path') },
    keycloak: {
      url: text(keycloak.url, 'keycloak.url').replace(/\/+$/, ''),
      realm: text(keycloak.realm, 'keycloak.realm'),
      clientId: text(keycloak.clientId, 'keycloak.clientId'),
    },
    localCheckoutUrl: local === null || local === undefined ? null : text(local, 'localCheckoutUrl'),
  };
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const reply = await fetch('/config.json', { cache: 'no-store' });
  if (!reply.ok) throw new Error(`config.json could not be loaded (${reply.status})`);
  return parseRuntimeConfig(await reply.json());
}
