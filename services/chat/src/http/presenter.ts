import type { ConversationSummary } from '../application/summaries.js';
import { DELETED_MEMBER_NAME, isDeletedMember } from '../domain/conversation.js';
import type { MessageDocument } from '../domain/message.js';
import { encodeTimeCursor, type TimeCursor } from '@eventonight/platform';
import type { ConversationView, MessageView } from './schemas.js';

export function toConversationView(summary: ConversationSummary, closed = false): ConversationView {
  const { state, me, otherId, other } = summary;
  const last = state.lastMessage;
  return {
    conversationId: state._id,
    participantIds: state.participantIds,
    otherParticipant: isDeletedMember(otherId)
      ? { userId: otherId, displayName: DELETED_MEMBER_NAME, avatarMediaId: null, deleted: true }
      : {
          userId: otherId,
          displayName: other?.displayName ?? null,
          avatarMediaId: other?.avatarMediaId ?? null,
          deleted: other?.deleted ?? false,
        },
    lastMessage:
      last === null ? null : { messageId: last.messageId, senderId: last.senderId, preview: last.preview, sentAt: last.sentAt.toISOString() },
    lastMessageAt: last?.sentAt.toISOString() ?? null,
    unreadCount: me.unreadCount,
    lastReadAt: me.lastReadAt?.toISOString() ?? null,
    createdAt: state.createdAt.toISOString(),
    closed,
  };
}

export function toMessageView(message: MessageDocument): MessageView {
  return {
    conversationId: message.conversationId,
    messageId: message.messageId,
    senderId: message.senderId,
    text: message.text,
    sentAt: message.sentAt.toISOString(),
  };
}

export function cursorText(next: TimeCursor | null): string | null {
  return next === null ? null : encodeTimeCursor(next);
}
