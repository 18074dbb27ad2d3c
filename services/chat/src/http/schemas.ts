import { z } from 'zod';
import { cursorParam, decodeTimeCursor, opaqueId, pageLimitParam, requiredText } from '@eventonight/platform';

/** Request and response shapes of the chat API; every input object is strict, every string bounded. */

/** Ids are ASCII (user ids are Keycloak UUIDs, conversation ids `c_` + base64url): a pattern says it exactly. */
const userId = opaqueId('is not a user id');

export const conversationIdParams = z.strictObject({
  conversationId: opaqueId('is not a conversation id'),
});

export const openConversationBody = z.strictObject({ withUserId: userId });

export const sendMessageBody = z.strictObject({
  messageId: opaqueId('must be 1-128 characters of A-Z a-z 0-9 _ - (e.g. a UUID or ULID)'),
  text: requiredText(4_000),
});

const cursor = cursorParam(decodeTimeCursor, 600);

const limit = pageLimitParam;

export const listConversationsQuery = z.strictObject({ cursor: cursor.optional(), limit: limit.optional() });
export const listMessagesQuery = z.strictObject({ before: cursor.optional(), limit: limit.optional() });

export const conversationView = z.object({
  conversationId: z.string(),
  participantIds: z.array(z.string()),
  otherParticipant: z.object({
    /** `deleted-member` once the other person's account was erased (the same marker for everyone). */
    userId: z.string(),
    /** "Deleted member" once the account was erased; null while chat has no copy of the user yet. */
    displayName: z.string().nullable(),
    avatarMediaId: z.string().nullable(),
    /** True when the account was deleted; false also while chat has no copy yet. */
    deleted: z.boolean(),
  }),
  lastMessage: z
    .object({ messageId: z.string(), senderId: z.string(), preview: z.string(), sentAt: z.string() })
    .nullable(),
  lastMessageAt: z.string().nullable(),
  unreadCount: z.int(),
  lastReadAt: z.string().nullable(),
  createdAt: z.string(),
  /** One of the two blocks the other (ADR 0041): readable, but no new messages; unblocking reopens it. */
  closed: z.boolean(),
});

export const conversationList = z.object({ items: z.array(conversationView), nextCursor: z.string().nullable() });

export const messageView = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  /** `deleted-member` for the messages of a member who deleted their account (shown as "Deleted member"). */
  senderId: z.string(),
  text: z.string(),
  sentAt: z.string(),
});

export const messageList = z.object({
  items: z.array(messageView),
  /** Pass as `before` to get the next (older) page; null at the beginning of the conversation. */
  nextCursor: z.string().nullable(),
});

export type ConversationView = z.input<typeof conversationView>;
export type MessageView = z.input<typeof messageView>;
