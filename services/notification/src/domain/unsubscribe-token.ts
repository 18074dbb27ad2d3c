import { createHmac, timingSafeEqual } from 'node:crypto';
import { OPTIONAL_MAIL_KINDS, type OptionalMailKind } from './mail-preferences.js';

/**
 * The key of a one-click unsubscribe link (ADR 0032): `<payload>.<signature>`, both base64url.
 * The payload names the member and the kind of mail; the signature is HMAC-SHA256 over it with
 * the service's secret. Whoever holds the link may stop that one kind of mail for that member and
 * nothing else, and the service needs no stored state to check it. No expiry: a link in a mail
 * read months later must still work; changing the secret retires every link.
 */

export interface UnsubscribeClaim {
  memberId: string;
  kind: OptionalMailKind;
}

/** What the token's text may look like: a bound on both parts (the route's schema documents it). */
export const UNSUBSCRIBE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{4,400}\.[A-Za-z0-9_-]{43}$/;

/** Domain separation: the same secret could never sign something else that reads as a token. */
const PURPOSE = 'eventonight mail-unsubscribe v1\n';

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).update(payload).digest();
}

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(`${claim.kind}\n${claim.memberId}`, 'utf8').toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The claim of a token this service signed, or null for anything else (forged, altered, cut, another kind). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return null;
  const [payload = '', given = ''] = token.split('.');
  // Compared as text: base64url's last character carries 2 unused bits, so comparing decoded bytes
  // would accept 4 spellings of one signature.
  const expected = Buffer.from(signature(secret, payload).toString('base64url'));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const text = Buffer.from(payload, 'base64url').toString('utf8');
  const newline = text.indexOf('\n');
  const kind = text.slice(0, newline);
  const memberId = text.slice(newline + 1);
  const known = (OPTIONAL_MAIL_KINDS as readonly string[]).includes(kind);
  if (newline < 0 || !known || memberId === '') return null;
  return { memberId, kind: kind as OptionalMailKind };
}
