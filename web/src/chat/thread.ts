/**
 * A conversation's messages as the page shows them: oldest first, each once, whatever order
 * pages and live pushes arrive in.
 */

export interface ThreadMessage {
  messageId: string;
  sentAt: string;
}

export function mergeMessages<T extends ThreadMessage>(shown: readonly T[], arrived: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const message of [...shown, ...arrived]) byId.set(message.messageId, message);
  return [...byId.values()].sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.messageId.localeCompare(b.messageId));
}

/** A message typed but not yet confirmed by the service; `failed` keeps its id for an exact retry. */
export interface PendingMessage {
  messageId: string;
  text: string;
  state: 'sending' | 'failed';
  error: string | null;
}

/** A new message id (the idempotency key of one send, reused by its retries). */
export function newMessageId(): string {
  return crypto.randomUUID();
}
