import { AggregateAlreadyExistsError, problems } from '@eventonight/platform';
import { conversationIdFor, newConversation, type ConversationState } from '../domain/conversation.js';
import type { ChatDeps } from './deps.js';
import { refuseUnsafeMessage } from './safety.js';
import { summarizeOne, type ConversationSummary } from './summaries.js';

/**
 * Opens the one conversation of a pair, or returns it. The id is derived from the sorted pair,
 * so two concurrent opens race on one insert: the loser reads the winner's document. Nobody opens
 * one with an erased user (404, as for an unknown one); an erased caller gets 401.
 */
export async function openConversation(
  deps: ChatDeps,
  me: string,
  withUserId: string,
): Promise<{ summary: ConversationSummary; created: boolean }> {
  await deps.ledger.refuseErased(me);
  if (withUserId === me) {
    throw problems.unprocessable('You cannot open a conversation with yourself.', {
      errors: [{ location: 'body', path: 'withUserId', message: 'must not be yourself' }],
    });
  }
  const other = await deps.users.find(withUserId);
  if (other === null || other.deleted || (await deps.ledger.isErased(withUserId))) throw problems.notFound('No such user.');
  await refuseUnsafeMessage(deps, me, withUserId);
  const id = conversationIdFor(me, withUserId);
  const existing = await deps.conversations.load(id);
  if (existing !== null) return { summary: await summarizeOne(deps, existing.state, me), created: false };
  let state: ConversationState;
  let created = true;
  try {
    state = (await deps.conversations.create(newConversation(me, withUserId, deps.clock()), [])).state;
  } catch (error) {
    if (!(error instanceof AggregateAlreadyExistsError)) throw error;
    const winner = await deps.conversations.load(id);
    if (winner === null) throw error;
    state = winner.state;
    created = false;
  }
  return { summary: await summarizeOne(deps, state, me), created };
}
