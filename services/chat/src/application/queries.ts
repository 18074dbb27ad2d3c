import { withoutHidden } from './safety.js';
import type { TimeCursor } from '@eventonight/platform';
import type { MessagePage } from '../persistence/messages.js';
import type { ChatDeps } from './deps.js';
import { loadParticipating } from './load-participating.js';
import { summarize, type ConversationSummary } from './summaries.js';

export interface Paging {
  cursor?: TimeCursor;
  limit: number;
}

/** My conversations, most recent activity first; metadata only. */
export async function listConversations(
  deps: ChatDeps,
  me: string,
  paging: Paging,
): Promise<{ items: ConversationSummary[]; next: TimeCursor | null }> {
  await deps.ledger.refuseErased(me);
  const page = await deps.reads.listFor(me, paging.cursor, paging.limit);
  return { items: await summarize(deps, page.items, me), next: page.next };
}

/** A conversation's messages, newest first, older pages via the `before` cursor. */
export async function listMessages(deps: ChatDeps, me: string, conversationId: string, paging: Paging): Promise<MessagePage> {
  await loadParticipating(deps, conversationId, me);
  const page = await deps.messages.pageBefore(conversationId, paging.cursor, paging.limit);
  return { ...page, items: await withoutHidden(deps, page.items) };
}
