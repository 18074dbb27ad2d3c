import KeycloakAdminClient, { NetworkError } from '@keycloak/keycloak-admin-client';
import type { Logger } from '@eventonight/platform';
import {
  AccountExistsError,
  AccountRejectedError,
  IdentityUnavailableError,
  type IdentityProvider,
} from '../application/identity-provider.js';
import type { Role } from '../domain/profile.js';

export interface KeycloakAccountsOptions {
  url: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  logger: Logger;
}

/** Renew the service-account token this long before it expires. */
const RENEW_MARGIN_MS = 30_000;

function statusOf(error: unknown): number | undefined {
  return error instanceof NetworkError ? error.response.status : undefined;
}

/**
 * Keycloak accounts through the admin REST API, as the confidential client's service
 * account (client credentials). Network failures, timeouts and 5xx become
 * IdentityUnavailableError (503); a 409 on create is an existing email.
 */
export class KeycloakAccounts implements IdentityProvider {
  private readonly client: KeycloakAdminClient;
  private tokenValidUntil = 0;
  private authenticating: Promise<void> | undefined;
  private readonly roleIds = new Map<Role, string>();

  constructor(private readonly options: KeycloakAccountsOptions) {
    this.client = new KeycloakAdminClient({ baseUrl: options.url, realmName: options.realm, timeout: options.timeoutMs });
  }

  async createAccount(input: { email: string; password: string; role: Role }): Promise<{ userId: string }> {
    const { id } = await this.call('create account', () =>
      this.client.users.create({
        username: input.email,
        email: input.email,
        // Confirmed through the link the member is mailed (ADR 0033); until then they browse but cannot buy.
        emailVerified: false,
        enabled: true,
        credentials: [{ type: 'password', value: input.password, temporary: false }],
      }),
    );
    try {
      const roleId = await this.roleId(input.role);
      await this.call('assign role', () =>
        this.client.users.addRealmRoleMappings({ id, roles: [{ id: roleId, name: input.role }] }),
      );
    } catch (error) {
      // An account without its role would be half-made: take it back before failing.
      await this.deleteAccount(id).catch((cleanup: unknown) =>
        this.options.logger.error({ err: cleanup, userId: id }, 'could not remove an account left without a role'),
      );
      throw error;
    }
    return { userId: id };
  }

  async emailInUse(email: string, exceptUserId: string): Promise<boolean> {
    const found = await this.call('find account by email', () => this.client.users.find({ email, exact: true, briefRepresentation: true }));
    return found.some((user) => user.id !== exceptUserId);
  }

  async confirmEmail(userId: string, email: string): Promise<void> {
    // The realm uses the address as the sign-in name (registrationEmailAsUsername), so the username follows.
    await this.call('confirm email', () => this.client.users.update({ id: userId }, { email, emailVerified: true }));
  }

  async deleteAccount(userId: string): Promise<void> {
    try {
      await this.call('delete account', () => this.client.users.del({ id: userId }));
    } catch (error) {
      if (error instanceof IdentityUnavailableError && statusOf(error.cause) === 404) return;
      throw error;
    }
  }

  async setEnabled(userId: string, enabled: boolean): Promise<void> {
    await this.call(enabled ? 'enable account' : 'disable account', () => this.client.users.update({ id: userId }, { enabled }));
    if (!enabled) await this.call('end sessions', () => this.client.users.logout({ id: userId }));
  }

  private async roleId(role: Role): Promise<string> {
    const cached = this.roleIds.get(role);
    if (cached !== undefined) return cached;
    const found = await this.call('find role', () => this.client.roles.findOneByName({ name: role }));
    if (found?.id === undefined) throw new IdentityUnavailableError(`realm role ${role} is missing in Keycloak`);
    this.roleIds.set(role, found.id);
    return found.id;
  }

  /** Runs one admin call with a fresh token, translating Keycloak's failures. */
  private async call<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      await this.authenticate();
      return await operation();
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 && (what === 'create account' || what === 'confirm email')) throw new AccountExistsError();
      if (status === 400 && what === 'create account') throw new AccountRejectedError(error instanceof Error ? error.message : 'refused');
      if (status === 401) this.tokenValidUntil = 0;
      throw new IdentityUnavailableError(`Keycloak failed to ${what}${status === undefined ? '' : ` (HTTP ${status})`}`, { cause: error });
    }
  }

  private async authenticate(): Promise<void> {
    if (Date.now() < this.tokenValidUntil) return;
    this.authenticating ??= this.fetchToken().finally(() => {
      this.authenticating = undefined;
    });
    await this.authenticating;
  }

  private async fetchToken(): Promise<void> {
    await this.client.auth({
      grantType: 'client_credentials',
      clientId: this.options.clientId,
      clientSecret: this.options.clientSecret,
    });
    this.tokenValidUntil = expiryOf(this.client.accessToken) - RENEW_MARGIN_MS;
  }
}

/** The `exp` of a JWT in ms; 0 (renew at once) when unreadable. */
function expiryOf(token: string | undefined): number {
  try {
    const payload = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}
