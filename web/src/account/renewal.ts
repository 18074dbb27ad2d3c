/**
 * When an access token is renewed: ahead of its expiry by a quarter of its lifetime, at most
 * a minute, so a 5-minute token renews at 4 minutes and a 60-second one at 45 seconds. A call
 * made in the last few seconds of a token's life renews first (clocks differ a little).
 */

const MAX_LEAD_MS = 60_000;
const SKEW_MS = 10_000;

export function renewDelayMs(expiresAtMs: number, issuedAtMs: number, nowMs: number): number {
  const lifetime = Math.max(0, expiresAtMs - issuedAtMs);
  const lead = Math.min(MAX_LEAD_MS, lifetime / 4);
  return Math.max(0, expiresAtMs - lead - nowMs);
}

/** Whether a token is (nearly) expired and must be renewed before it is sent. */
export function needsRenewal(expiresAtMs: number, nowMs: number): boolean {
  return expiresAtMs - SKEW_MS <= nowMs;
}
