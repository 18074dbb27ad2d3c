import { randomBytes } from 'node:crypto';
import { infra, keycloakIssuer } from './infra.js';

/**
 * Real accounts: registered through the user service (which creates them in Keycloak), signed in
 * with the password grant of the realm's test client. Tokens live 5 minutes; `token()` signs in
 * again shortly before that, so long tests and benchmarks never send an expired one.
 */

export type AccountRole = 'member' | 'organization';

export interface Account {
  /** The Keycloak subject, which every service uses as the user id. */
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: AccountRole;
  token(): Promise<string>;
}

const PASSWORD = 'Journey-night-2026!';
const REFRESH_MARGIN_MS = 60_000;

/** Signs in with the realm's test client (password grant): an access token and when it expires. */
export async function passwordGrant(email: string, password: string = PASSWORD): Promise<{ token: string; expiresAt: number }> {
  const response = await fetch(`${keycloakIssuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: infra.keycloakTestClientId, username: email, password }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`password grant for ${email} → HTTP ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
}

export interface RegisterOptions {
  role: AccountRole;
  displayName: string;
  /** Required for organizations. */
  organization?: { name: string; description?: string; website?: string };
  /**
   * Leave the address unconfirmed, as after sign-up (default: confirmed, as most tests are about a
   * member who did, e.g. to buy tickets).
   */
  unconfirmed?: boolean;
}

/** A token of the user service's service account, which manages the realm's users: for arranging and reading Keycloak state. */
export async function userAdminToken(): Promise<string> {
  const grant = await fetch(`${keycloakIssuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'user-service', client_secret: infra.keycloakUserServiceClientSecret }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!grant.ok) throw new Error(`service-account token → HTTP ${grant.status}: ${await grant.text()}`);
  return ((await grant.json()) as { access_token: string }).access_token;
}

/**
 * Marks an account's address confirmed in Keycloak the way an operator would in the admin console
 * (as the user service's service account, which manages users): a shortcut past the mailed link,
 * for tests about something else. The link itself is tested in services/user and web/e2e.
 */
export async function confirmAddressAsOperator(userId: string): Promise<void> {
  const token = await userAdminToken();
  const updated = await fetch(`${infra.keycloakUrl}/admin/realms/${infra.keycloakRealm}/users/${encodeURIComponent(userId)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emailVerified: true }),
    signal: AbortSignal.timeout(15_000),
  });
  if (updated.status !== 204) throw new Error(`confirming the address of ${userId} → HTTP ${updated.status}: ${await updated.text()}`);
}

/** Registers a new account through the user service at `userUrl` and signs it in. */
export async function registerAccount(userUrl: string, options: RegisterOptions): Promise<Account> {
  const email = `${options.role}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@journey.eventonight.test`;
  const registration = await fetch(`${userUrl}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: PASSWORD,
      displayName: options.displayName,
      role: options.role,
      ...(options.organization === undefined ? {} : { organization: options.organization }),
    }),
    signal: AbortSignal.timeout(20_000),
  });
  if (registration.status !== 201) throw new Error(`registration of ${email} → HTTP ${registration.status}: ${await registration.text()}`);
  if (options.unconfirmed !== true) await confirmAddressAsOperator(String(((await registration.json()) as { id?: unknown }).id));
  let current = await passwordGrant(email);
  const me = await fetch(`${userUrl}/users/me`, { headers: { authorization: `Bearer ${current.token}` } });
  const profile = (await me.json()) as { id?: unknown };
  if (typeof profile.id !== 'string') throw new Error(`no id in the profile of ${email}`);
  return {
    id: profile.id,
    email,
    displayName: options.displayName,
    role: options.role,
    async token() {
      if (current.expiresAt - Date.now() < REFRESH_MARGIN_MS) current = await passwordGrant(email);
      return current.token;
    },
  };
}

/** Deletes the account the way its owner would (user service → Keycloak); best effort, for cleanup. */
export async function deleteAccount(userUrl: string, account: Account): Promise<void> {
  const token = await account.token().catch(() => undefined);
  if (token === undefined) return;
  await fetch(`${userUrl}/users/me`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}

/**
 * Gives an account the realm role `moderator` the way an operator does (docs/runbook.md), as the
 * user service's service account. Idempotent: mapping a role the account holds changes nothing,
 * and a Keycloak imported before the role existed gets it first, through the master realm's
 * admin (EN_KEYCLOAK_ADMIN_USER/PASSWORD, local defaults). The account signs in again to carry it.
 */
export async function grantModeratorRole(userId: string): Promise<void> {
  const base = `${infra.keycloakUrl}/admin/realms/${infra.keycloakRealm}`;
  const token = await userAdminToken();
  let role = await fetch(`${base}/roles/moderator`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) });
  if (role.status === 404) {
    const admin = await masterAdminToken();
    const created = await fetch(`${base}/roles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'moderator', description: 'Works the reports queue (ADR 0041). Granted by an operator only.' }),
      signal: AbortSignal.timeout(15_000),
    });
    // 409: another test created it meanwhile.
    if (created.status !== 201 && created.status !== 409) throw new Error(`creating the moderator role → HTTP ${created.status}: ${await created.text()}`);
    role = await fetch(`${base}/roles/moderator`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) });
  }
  if (!role.ok) throw new Error(`reading the moderator role → HTTP ${role.status}: ${await role.text()}`);
  const { id, name } = (await role.json()) as { id: string; name: string };
  const mapped = await fetch(`${base}/users/${encodeURIComponent(userId)}/role-mappings/realm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ id, name }]),
    signal: AbortSignal.timeout(15_000),
  });
  if (mapped.status !== 204) throw new Error(`granting moderator to ${userId} → HTTP ${mapped.status}: ${await mapped.text()}`);
}

async function masterAdminToken(): Promise<string> {
  const grant = await fetch(`${infra.keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: process.env['EN_KEYCLOAK_ADMIN_USER'] ?? 'admin',
      password: process.env['EN_KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin',
    }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!grant.ok) throw new Error(`master admin token → HTTP ${grant.status}: ${await grant.text()}`);
  return ((await grant.json()) as { access_token: string }).access_token;
}
