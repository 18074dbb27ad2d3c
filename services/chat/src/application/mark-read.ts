import { retryOnVersionConflict } from '@eventonight/platform';
import { markRead, type ConversationState } from '../domain/conversation.js';
import { RACE_ATTEMPTS, type ChatDeps } from './deps.js';
import { loadParticipating } from './load-participating.js';
import { summarizeOne, type ConversationSummary } from './summaries.js';

/** Everything sent so far counts as read for `me`; repeating it writes nothing. */
export async function markConversationRead(deps: ChatDeps, me: string, conversationId: string): Promise<ConversationSummary> {
  const state = await retryOnVersionConflict(RACE_ATTEMPTS, async (): Promise<ConversationState> => {
    const loaded = await loadParticipating(deps, conversationId, me);
    const changes = markRead(loaded.state, me, deps.clock());
    if (changes === null) return loaded.state;
    await deps.conversations.update(conversationId, loaded.version, changes, []);
    return { ...loaded.state, ...changes };
  });
  return summarizeOne(deps, state, me);
}
