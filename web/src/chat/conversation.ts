/**
 * A conversation as the pages name and treat it, once the other person may have deleted their
 * account (ADR 0027): chat then shows them as "Deleted member" (`userId` is the fixed marker
 * `deleted-member`), keeps the conversation readable under a fresh id, and takes no new message.
 */

/** The id chat puts in place of an erased participant or sender. */
export const DELETED_MEMBER_ID = 'deleted-member';
export const DELETED_MEMBER_NAME = 'Deleted member';

export interface OtherParticipant {
  userId: string;
  displayName: string | null;
  deleted: boolean;
}

export interface ConversationSummary {
  conversationId: string;
  otherParticipant: OtherParticipant;
  createdAt: string;
}

/** The name shown for the other person: chat's name of a deleted member, else the organization's or their own. */
export function participantName(other: OtherParticipant, organizationName: string | null): string {
  if (other.deleted) return other.displayName ?? DELETED_MEMBER_NAME;
  return organizationName ?? other.displayName ?? 'Someone';
}

/** No message can be sent any more: the other person deleted their account. */
export function isClosed(conversation: { otherParticipant: OtherParticipant } | null): boolean {
  return conversation?.otherParticipant.deleted === true;
}

/**
 * Where a conversation went when its id stopped answering: the other person's erasure copies it
 * to a fresh id, keeping when it started. Null when there is no single such copy in the list (or
 * the conversation was never seen), and the page says it is no longer here.
 */
export function movedConversation<C extends ConversationSummary>(before: ConversationSummary | null, now: readonly C[]): C | null {
  if (before === null || now.some((c) => c.conversationId === before.conversationId)) return null;
  // Its creation time is kept to the millisecond; its last message may have moved on meanwhile.
  const copies = now.filter((c) => c.otherParticipant.deleted && c.createdAt === before.createdAt);
  return copies.length === 1 ? (copies[0] ?? null) : null;
}
