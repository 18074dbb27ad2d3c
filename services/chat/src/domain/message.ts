/** A message is its own document, keyed by (conversationId, messageId); the key makes sends idempotent. */
export interface MessageDocument {
  _id: string;
  conversationId: string;
  messageId: string;
  senderId: string;
  text: string;
  sentAt: Date;
  /** True once the conversation counted it (preview, unread, event); false only inside a send or after a crash. */
  applied: boolean;
}

export function messageKey(conversationId: string, messageId: string): string {
  return `${conversationId}:${messageId}`;
}

/** A retry must carry the same sender and text; anything else reuses an id for a different message. */
export function isSameMessage(stored: MessageDocument, senderId: string, text: string): boolean {
  return stored.senderId === senderId && stored.text === text;
}
