import { problems, type Loaded } from '@eventonight/platform';
import { isParticipant, type ConversationState } from '../domain/conversation.js';
import type { ChatDeps } from './deps.js';

/**
 * The conversation if `userId` takes part in it; a 404 otherwise, so outsiders cannot learn it
 * exists. A conversation an erasure is moving to a new id counts as gone. A caller whose account
 * was erased gets 401 account-deleted first (their token may still be unexpired).
 */
export async function loadParticipating(deps: ChatDeps, conversationId: string, userId: string): Promise<Loaded<ConversationState>> {
  await deps.ledger.refuseErased(userId);
  const loaded = await deps.conversations.load(conversationId);
  if (loaded === null || loaded.state.rekeyedTo !== undefined || !isParticipant(loaded.state, userId)) {
    throw problems.notFound('No such conversation.');
  }
  return loaded;
}
