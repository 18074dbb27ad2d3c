import { call } from '../api/client';
import type { paths as ChatPaths } from '../api/generated/chat';
import { useApi } from '../app/context';

type ConversationList = ChatPaths['/conversations']['get']['responses'][200]['content']['application/json'];
export type ConversationView = ConversationList['items'][number];
type MessageList = ChatPaths['/conversations/{conversationId}/messages']['get']['responses'][200]['content']['application/json'];
export type MessageView = MessageList['items'][number];

export function listConversations(cursor: string | undefined): Promise<ConversationList> {
  return call(useApi().chat.GET('/conversations', { params: { query: cursor === undefined ? { limit: 50 } : { cursor, limit: 50 } } }));
}

/** Opens the conversation with a person (or finds the one that exists). */
export function openConversation(withUserId: string): Promise<ConversationView> {
  return call(useApi().chat.POST('/conversations', { body: { withUserId } }));
}

/** Newest first; `before` pages back in time. */
export function messagesOf(conversationId: string, before: string | undefined): Promise<MessageList> {
  const query = before === undefined ? { limit: 30 } : { before, limit: 30 };
  return call(useApi().chat.GET('/conversations/{conversationId}/messages', { params: { path: { conversationId }, query } }));
}

/** The client chooses `messageId` once per message: a retry with the same id is stored once. */
export function sendMessage(conversationId: string, messageId: string, text: string): Promise<MessageView> {
  return call(useApi().chat.POST('/conversations/{conversationId}/messages', { params: { path: { conversationId } }, body: { messageId, text } }));
}

export function markRead(conversationId: string): Promise<ConversationView> {
  return call(useApi().chat.POST('/conversations/{conversationId}/read', { params: { path: { conversationId } } }));
}
