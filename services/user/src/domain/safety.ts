import { createHash } from 'node:crypto';
import type { safetyEvents } from '@eventonight/contracts';
import type { z } from 'zod';

export type ModeratedKind = z.infer<typeof safetyEvents.moderatedKind>;
export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'scam', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportOutcome = 'hidden' | 'dismissed' | 'suspended';

/** One block per ordered pair: `<blockerId>:<blockedId>`; `blocked: false` after an unblock. */
export interface BlockState {
  _id: string;
  blockerId: string;
  blockedId: string;
  blocked: boolean;
  updatedAt: string;
}

/** A member's report of one item: one per (reporter, kind, item), so reporting twice is idempotent. */
export interface ReportState {
  _id: string;
  reporterId: string;
  kind: ModeratedKind;
  itemId: string;
  reason: ReportReason;
  text: string | null;
  status: 'open' | 'resolved';
  outcome: ReportOutcome | null;
  createdAt: string;
  resolvedAt: string | null;
}

/** The moderation state of one item (`<kind>:<itemId>`) or account (`account:<userId>`). */
export interface ModeratedItemState {
  _id: string;
  kind: ModeratedKind | 'account';
  itemId: string;
  /** Hidden (an item) or suspended (an account). */
  restricted: boolean;
  updatedAt: string;
}

/** Every moderator action, with who and why: the audit log (insert-only). */
export interface AuditEntry {
  _id: string;
  moderatorId: string;
  action: 'hide' | 'restore' | 'dismiss' | 'suspend' | 'reinstate';
  kind: ModeratedKind | 'account' | 'report';
  itemId: string;
  reason: string;
  at: string;
}

const MAX_ID = 128;

/** Ids that fit an envelope's aggregateId (128): long ones are hashed, deterministically. */
export function boundedId(prefix: string, ...parts: string[]): string {
  const plain = [prefix, ...parts].join(':');
  if (plain.length <= MAX_ID) return plain;
  return `${prefix}:h:${createHash('sha256').update(parts.join('\u0000')).digest('base64url')}`;
}

export const blockId = (blockerId: string, blockedId: string): string => boundedId('block', blockerId, blockedId);
export const reportId = (reporterId: string, kind: ModeratedKind, itemId: string): string => boundedId('report', reporterId, kind, itemId);
export const moderatedItemId = (kind: ModeratedKind | 'account', itemId: string): string => boundedId(kind, itemId);
