import { problems, type Loaded } from '@eventonight/platform';
import { isParticipant, type ConversationState } from '../domain/conversation.js';
import type { ChatDeps } from './deps.js';

/** The conversation if `userId` takes part in it; a 404 otherwise, so outsiders cannot learn it exists. */
export async function loadParticipating(deps: ChatDeps, conversationId: string, userId: string): Promise<Loaded<ConversationState>> {
  const loaded = await deps.conversations.load(conversationId);
  if (loaded === null || !isParticipant(loaded.state, userId)) throw problems.notFound('No such conversation.');
  return loaded;
}
