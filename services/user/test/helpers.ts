import KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { parseConfig, startService, type RunningService } from '@eventonight/platform';
import { createVhost, deleteVhost, freshDatabase, serviceTestEnv, uniqueName, type TestDatabase } from '@eventonight/testing';
import { userServiceConfig } from '../src/config.js';
import { createUserService, type UserServiceOverrides } from '../src/service.js';
import { call, type Reply } from '@eventonight/testing';
export { call, type Reply };
export type { Reply as CallResult } from '@eventonight/testing';

/** The real Keycloak, by the host name its tokens carry in `iss`. */
export const KEYCLOAK_URL = process.env['KEYCLOAK_URL'] ?? 'http://localhost:8080';
export const REALM = 'eventonight';
export const KEYCLOAK_ISSUER = `${KEYCLOAK_URL}/realms/${REALM}`;
export const KEYCLOAK_JWKS = `${KEYCLOAK_ISSUER}/protocol/openid-connect/certs`;

export function keycloakEnv(url = KEYCLOAK_URL): Record<string, string> {
  return {
    KEYCLOAK_URL: url,
    KEYCLOAK_REALM: REALM,
    KEYCLOAK_CLIENT_ID: 'user-service',
    KEYCLOAK_CLIENT_SECRET: 'user-service-secret',
    KEYCLOAK_TIMEOUT_MS: '3000',
  };
}

export interface StartedService {
  service: RunningService;
  database: TestDatabase;
  /** The RabbitMQ virtual host the service publishes and consumes on (open taps there). */
  amqpUrl: string;
  close(): Promise<void>;
}

/**
 * One user service on its own fresh database (or `database`, shared with another instance) and,
 * since it consumes events on the queue `user`, its own RabbitMQ virtual host (or `amqpUrl`):
 * other test files' services would otherwise take its messages, or answer its export requests.
 */
export async function startUserService(options: {
  jwksUrl: string;
  issuer: string;
  keycloakUrl?: string;
  audience?: string;
  database?: TestDatabase;
  amqpUrl?: string;
  overrides?: UserServiceOverrides;
  env?: Record<string, string>;
}): Promise<StartedService> {
  const database = options.database ?? (await freshDatabase('user'));
  const vhost = options.amqpUrl === undefined ? uniqueName('user') : undefined;
  const amqpUrl = options.amqpUrl ?? (await createVhost(vhost ?? ''));
  const env = serviceTestEnv({
    database: database.name,
    jwksUrl: options.jwksUrl,
    issuer: options.issuer,
    ...(options.audience === undefined ? {} : { audience: options.audience }),
    extra: { ...keycloakEnv(options.keycloakUrl), AMQP_URL: amqpUrl, ...options.env },
  });
  const parsed = parseConfig(userServiceConfig, env);
  if (!parsed.ok) throw new Error(parsed.message);
  const service = await startService(createUserService(options.overrides), parsed.config);
  const owned = options.database === undefined;
  return {
    service,
    database,
    amqpUrl,
    async close() {
      await service.close();
      if (owned) await database.dispose();
      if (vhost !== undefined) await deleteVhost(vhost).catch(() => undefined);
    },
  };
}

/** An access token for `username` from the real Keycloak (password grant, test client); throws on refusal. */
export async function passwordGrant(username: string, password: string): Promise<string> {
  const response = await fetch(`${KEYCLOAK_ISSUER}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'eventonight-test', username, password }),
  });
  if (!response.ok) throw new Error(`password grant refused: HTTP ${response.status}`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('no access token');
  return body.access_token;
}

/** An admin client as the user service's own service account, for arranging and checking Keycloak state. */
export async function keycloakAdmin(): Promise<KeycloakAdminClient> {
  const admin = new KeycloakAdminClient({ baseUrl: KEYCLOAK_URL, realmName: REALM });
  await admin.auth({ grantType: 'client_credentials', clientId: 'user-service', clientSecret: 'user-service-secret' });
  return admin;
}

