import { createHash, randomBytes } from 'node:crypto';

/** The secret of a confirmation link (32 random bytes, base64url: 43 characters) and the digest kept of it. */
export function newVerificationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: digestOf(token) };
}

export function digestOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
