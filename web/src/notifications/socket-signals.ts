/**
 * What the notification socket says about the session (services/notification/src/realtime):
 * `session_expired` with `{ reason }` before the server closes a socket, and a refused handshake
 * as `connect_error` whose `data` carries `{ status, reason }`.
 */

/** `session_expired` sent to every socket of an account that was just erased (ADR 0027). */
export const ACCOUNT_DELETED_REASON = 'account deleted';

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The server closes the socket because the account was deleted: connecting again cannot help. */
export function sessionExpiredForDeletion(payload: unknown): boolean {
  return field(payload, 'reason') === ACCOUNT_DELETED_REASON;
}

/** The handshake was refused because the token belongs to a deleted account. */
export function handshakeRefusedForDeletion(error: unknown): boolean {
  return field(field(error, 'data'), 'reason') === 'account-deleted';
}

/**
 * How long to wait before knocking again after the `refusals`-th refused handshake in a row:
 * 2 s, doubling to at most a minute, with up to 25 % jitter so a replica's clients do not all
 * come back at the same instant.
 */
export function refusedRetryDelayMs(refusals: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, refusals));
  return Math.round(base * (1 + 0.25 * random()));
}
