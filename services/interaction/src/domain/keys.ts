import { createHash } from 'node:crypto';

/** Kinds of relation a user holds; each is one document per (subject, object) pair. */
export type RelationKind = 'like' | 'follow' | 'participation' | 'review';

const MAX_ID_LENGTH = 128;

/**
 * The deterministic id of a relation: `like:<eventId>:<userId>`. Two concurrent requests for
 * the same pair collide on `_id`, which is what makes a repeated like idempotent. Ids longer
 * than an envelope's aggregateId allows are hashed (still deterministic).
 */
export function relationId(kind: RelationKind, objectId: string, subjectId: string): string {
  const plain = `${kind}:${objectId}:${subjectId}`;
  if (plain.length <= MAX_ID_LENGTH) return plain;
  return `${kind}:h:${createHash('sha256').update(`${objectId}\u0000${subjectId}`).digest('base64url')}`;
}
