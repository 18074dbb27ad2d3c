import { createHash, randomBytes } from 'node:crypto';

/**
 * A secret that travels in a link (a mailed confirmation, a calendar feed's address): whoever
 * holds the link holds the right, so it is 256 random bits, and only its digest is stored, so a
 * leaked database hands out no link.
 */

/** 32 random bytes, base64url: 43 characters. */
export function newLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up instead of the secret: its sha256, base64url. */
export function linkSecretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
