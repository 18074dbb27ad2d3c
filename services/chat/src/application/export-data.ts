import type { ExportRow, ExportSections } from '@eventonight/contracts';
import { answerExportRequest } from '@eventonight/platform';
import { DELETED_MEMBER_NAME, isDeletedMember, otherParticipant, participantOf } from '../domain/conversation.js';
import type { ChatDeps } from './deps.js';

const iso = (date: Date | null | undefined): string | null => (date instanceof Date ? date.toISOString() : null);

/**
 * Everything chat holds about `userId` (ADR 0027): the conversations they are in, with the other
 * person by display name ("Deleted member" for an erased one; never their email or id), and
 * every message sent or received there, with its direction, text and time.
 */
export async function exportSectionsOf(deps: ChatDeps, userId: string): Promise<ExportSections> {
  const conversations = await deps.reads.allOf(userId);
  const otherIds = conversations.map((conversation) => otherParticipant(conversation, userId));
  const copies = await deps.users.findMany(otherIds.filter((id) => !isDeletedMember(id)));
  const nameOf = (otherId: string): string | null => {
    if (isDeletedMember(otherId)) return DELETED_MEMBER_NAME;
    const copy = copies.get(otherId);
    return copy?.deleted === true ? DELETED_MEMBER_NAME : (copy?.displayName ?? null);
  };
  const otherNameByConversation = new Map(
    conversations.map((conversation) => [conversation._id, nameOf(otherParticipant(conversation, userId))]),
  );

  const conversationRows: ExportRow[] = conversations.map((conversation) => {
    const mine = participantOf(conversation, userId);
    return {
      conversation_id: conversation._id,
      with_member: otherNameByConversation.get(conversation._id) ?? null,
      started_at: iso(conversation.createdAt),
      last_message_at: iso(conversation.lastMessage?.sentAt),
      your_unread_messages: mine.unreadCount,
      you_last_read_at: iso(mine.lastReadAt),
    };
  });

  const messages = await deps.messages.ofConversations(conversations.map((conversation) => conversation._id));
  const messageRows: ExportRow[] = messages.map((message) => ({
    conversation_id: message.conversationId,
    with_member: otherNameByConversation.get(message.conversationId) ?? null,
    direction: message.senderId === userId ? 'sent' : 'received',
    text: message.text,
    sent_at: iso(message.sentAt),
    message_id: message.messageId,
  }));

  return { conversations: conversationRows, messages: messageRows };
}

/** `user.export.requested`: answered once per export; an erased user's request gets no answer. */
export async function answerExport(
  deps: ChatDeps,
  request: { exportId: string; userId: string },
): Promise<'answered' | 'already-answered' | 'erased'> {
  if (await deps.ledger.isErased(request.userId)) return 'erased';
  const sections = await exportSectionsOf(deps, request.userId);
  return answerExportRequest(deps.exportParts, 'chat', { ...request, sections }, deps.clock());
}
