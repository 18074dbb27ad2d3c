import { createHash, randomBytes } from 'node:crypto';
import type { AggregateState } from '@eventonight/platform';

/** How many applied message ids a conversation remembers, to recognise a retried send it already counted. */
export const APPLIED_WINDOW = 50;
export const PREVIEW_MAX = 140;

/**
 * What stands in for an erased participant (ADR 0027), in participant lists, sender ids and
 * previews alike. One fixed marker for every erased person: nothing can be derived from it, it
 * links nobody across conversations (every erased member looks the same), and it is not the
 * shape of a Keycloak id, so it can never be a caller. The view shows it as DELETED_MEMBER_NAME.
 */
export const DELETED_MEMBER = 'deleted-member';
export const DELETED_MEMBER_NAME = 'Deleted member';

export interface ParticipantState {
  userId: string;
  unreadCount: number;
  /** Messages sent at or before this instant count as read; null = never read. */
  lastReadAt: Date | null;
}

export interface LastMessage {
  messageId: string;
  senderId: string;
  preview: string;
  sentAt: Date;
}

/**
 * The conversation aggregate: metadata only, never the messages (seed design). It is the one
 * document a send changes together with its chat.message.sent event.
 */
export interface ConversationState extends AggregateState {
  /** Sorted pair: the list query matches either participant by plain equality on this array. */
  participantIds: string[];
  participants: ParticipantState[];
  createdAt: Date;
  lastMessage: LastMessage | null;
  /** List sort key: the last message's time, or creation while there is none. */
  lastActivityAt: Date;
  /** Ids of the most recent messages already counted here (bounded), oldest first. */
  appliedMessageIds: string[];
  /**
   * Set only while an erasure moves this conversation to a fresh id (its own id is derived from
   * the pair, so it names the erased person indirectly): the id of the anonymised copy. Lists
   * skip such a document and commands treat it as gone; the erasure deletes it once moved.
   */
  rekeyedTo?: string;
}

/** Same pair, same id, whoever opens first: concurrent opens converge on one document. */
export function conversationIdFor(a: string, b: string): string {
  const [first, second] = [a, b].sort();
  return `c_${createHash('sha256').update(`${first}\u0000${second}`).digest('base64url').slice(0, 32)}`;
}

/**
 * The id of a conversation after an erasure: random, in the same shape as a pair id, so it can
 * neither be recomputed from anyone's id nor collide with the pair id of a future conversation.
 */
export function randomConversationId(): string {
  return `c_${randomBytes(24).toString('base64url')}`;
}

export function newConversation(a: string, b: string, now: Date): ConversationState {
  const participantIds = [a, b].sort();
  return {
    _id: conversationIdFor(a, b),
    participantIds,
    participants: participantIds.map((userId) => ({ userId, unreadCount: 0, lastReadAt: null })),
    createdAt: now,
    lastMessage: null,
    lastActivityAt: now,
    appliedMessageIds: [],
  };
}

export function isParticipant(state: ConversationState, userId: string): boolean {
  return userId !== DELETED_MEMBER && state.participantIds.includes(userId);
}

export function isDeletedMember(userId: string): boolean {
  return userId === DELETED_MEMBER;
}

/**
 * The conversation under `newId` with every participant in `erased` replaced by DELETED_MEMBER:
 * in the pair, in the per-participant read state (their unread count and last-read time go with
 * them) and as the sender of the last message. The messages' texts stay for whoever remains.
 */
export function anonymisedConversation(state: ConversationState, erased: ReadonlySet<string>, newId: string): ConversationState {
  const replace = (userId: string): string => (erased.has(userId) ? DELETED_MEMBER : userId);
  const { rekeyedTo: _rekeyedTo, ...rest } = state;
  return {
    ...rest,
    _id: newId,
    participantIds: state.participantIds.map(replace).sort(),
    participants: state.participants.map((p) =>
      erased.has(p.userId) ? { userId: DELETED_MEMBER, unreadCount: 0, lastReadAt: null } : p,
    ),
    lastMessage: state.lastMessage === null ? null : { ...state.lastMessage, senderId: replace(state.lastMessage.senderId) },
  };
}

export function otherParticipant(state: ConversationState, userId: string): string {
  return state.participantIds.find((id) => id !== userId) ?? userId;
}

export function participantOf(state: ConversationState, userId: string): ParticipantState {
  return state.participants.find((p) => p.userId === userId) ?? { userId, unreadCount: 0, lastReadAt: null };
}

/** At most PREVIEW_MAX UTF-16 units, never splitting a surrogate pair, with an ellipsis when cut. */
export function previewOf(text: string): string {
  if (text.length <= PREVIEW_MAX) return text;
  let cut = text.slice(0, PREVIEW_MAX - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export interface MessageFacts {
  messageId: string;
  senderId: string;
  text: string;
  sentAt: Date;
}

export type ConversationChanges = Pick<ConversationState, 'participants' | 'lastMessage' | 'lastActivityAt' | 'appliedMessageIds'>;

/**
 * What counting `message` changes, or null when it is already counted. A message applied late
 * (crash repair) never replaces a newer preview, and adds no unread for a reader who already
 * read past it.
 */
export function applyMessage(state: ConversationState, message: MessageFacts): ConversationChanges | null {
  if (state.appliedMessageIds.includes(message.messageId)) return null;
  const isNewest = state.lastMessage === null || message.sentAt.getTime() >= state.lastMessage.sentAt.getTime();
  const lastMessage = isNewest
    ? { messageId: message.messageId, senderId: message.senderId, preview: previewOf(message.text), sentAt: message.sentAt }
    : state.lastMessage;
  return {
    participants: state.participants.map((p) =>
      p.userId !== message.senderId && (p.lastReadAt === null || p.lastReadAt.getTime() < message.sentAt.getTime())
        ? { ...p, unreadCount: p.unreadCount + 1 }
        : p,
    ),
    lastMessage,
    lastActivityAt: new Date(Math.max(state.lastActivityAt.getTime(), message.sentAt.getTime())),
    appliedMessageIds: [...state.appliedMessageIds, message.messageId].slice(-APPLIED_WINDOW),
  };
}

/** Marks everything up to `now` read for `userId`; null when there is nothing to change. */
export function markRead(state: ConversationState, userId: string, now: Date): Pick<ConversationState, 'participants'> | null {
  const me = participantOf(state, userId);
  const lastSent = state.lastMessage?.sentAt.getTime() ?? 0;
  if (me.unreadCount === 0 && me.lastReadAt !== null && me.lastReadAt.getTime() >= lastSent) return null;
  const readAt = new Date(Math.max(now.getTime(), lastSent));
  return {
    participants: state.participants.map((p) => (p.userId === userId ? { ...p, unreadCount: 0, lastReadAt: readAt } : p)),
  };
}
