import type { Role } from '../domain/profile.js';

/**
 * The identity provider (Keycloak) as the application sees it. Implementations throw
 * the errors below; anything else is a bug.
 */
export interface IdentityProvider {
  /** Creates an enabled account (address not yet confirmed) with a permanent password and the realm role; all or nothing. */
  createAccount(input: { email: string; password: string; role: Role }): Promise<{ userId: string }>;
  /** Whether an account other than `exceptUserId` has this address. */
  emailInUse(email: string, exceptUserId: string): Promise<boolean>;
  /**
   * Makes `email` the account's confirmed address (the sign-in name follows it). Throws
   * AccountExistsError when another account took the address meanwhile.
   */
  confirmEmail(userId: string, email: string): Promise<void>;
  /** Deletes the account; an account already gone is not an error. */
  deleteAccount(userId: string): Promise<void>;
  /** Disables (suspension) or enables an account; disabling also ends its sessions (ADR 0041). */
  setEnabled(userId: string, enabled: boolean): Promise<void>;
}

/** The email (= username) is already registered. */
export class AccountExistsError extends Error {
  constructor() {
    super('an account with this email already exists');
    this.name = 'AccountExistsError';
  }
}

/** The identity provider refused the credentials (its password policy). */
export class AccountRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`the identity provider refused the account: ${reason}`);
    this.name = 'AccountRejectedError';
  }
}

/** The identity provider could not be reached or failed; the platform maps `unavailable` to 503. */
export class IdentityUnavailableError extends Error {
  readonly unavailable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdentityUnavailableError';
  }
}
