import { problems } from '@eventonight/platform';
import { isDeletedMember, otherParticipant } from '../domain/conversation.js';
import { isSameMessage, messageKey, type MessageDocument } from '../domain/message.js';
import { applyToConversation } from './apply-message.js';
import type { ChatDeps } from './deps.js';
import { loadParticipating } from './load-participating.js';
import { memberDeleted } from './problems.js';
import { refuseUnsafeMessage, takeMessageAllowance } from './safety.js';

export interface SendInput {
  messageId: string;
  text: string;
}

/**
 * Sends a message, idempotently on (conversation, messageId).
 * 1. insert the message document: the idempotency point, exactly one insert wins;
 * 2. count it in the conversation, with the event (applyToConversation).
 * A retry that finds the message already stored answers with it, and first finishes step 2 if
 * a crash (or a lost race) interrupted the original between the two writes.
 */
export async function sendMessage(
  deps: ChatDeps,
  me: string,
  conversationId: string,
  input: SendInput,
): Promise<{ message: MessageDocument; created: boolean }> {
  const { state } = await loadParticipating(deps, conversationId, me);
  const key = messageKey(conversationId, input.messageId);

  if (await recipientIsGone(deps, otherParticipant(state, me))) {
    // Replays of messages sent before the account went away still answer as before.
    const stored = await deps.messages.find(key);
    if (stored === null) throw memberDeleted();
    return replay(deps, stored, me, input.text);
  }

  await refuseUnsafeMessage(deps, me, otherParticipant(state, me));
  await takeMessageAllowance(deps, me);
  const candidate: MessageDocument = {
    _id: key,
    conversationId,
    messageId: input.messageId,
    senderId: me,
    text: input.text,
    sentAt: deps.clock(),
    applied: false,
  };
  if ((await deps.messages.insertOnce(candidate)) === 'inserted') {
    await applyToConversation(deps, candidate);
    return { message: { ...candidate, applied: true }, created: true };
  }
  const stored = await deps.messages.find(key);
  // Messages are deleted only with a conversation nobody is left in, so a duplicate key means the document is there.
  if (stored === null) throw new Error(`message ${key} reported duplicate but is missing`);
  return replay(deps, stored, me, input.text);
}

async function recipientIsGone(deps: ChatDeps, recipientId: string): Promise<boolean> {
  if (isDeletedMember(recipientId)) return true;
  const copy = await deps.users.find(recipientId);
  return copy?.deleted === true || (await deps.ledger.isErased(recipientId));
}

async function replay(
  deps: ChatDeps,
  stored: MessageDocument,
  me: string,
  text: string,
): Promise<{ message: MessageDocument; created: boolean }> {
  if (!isSameMessage(stored, me, text)) throw problems.conflict('This messageId is already used by a different message.');
  if (!stored.applied) await applyToConversation(deps, stored);
  return { message: { ...stored, applied: true }, created: false };
}
