import { retryOnVersionConflict } from '@eventonight/platform';
import { applyMessage, isDeletedMember, otherParticipant, previewOf } from '../domain/conversation.js';
import type { MessageDocument } from '../domain/message.js';
import { RACE_ATTEMPTS, type ChatDeps } from './deps.js';
import { memberDeleted } from './problems.js';

/**
 * Second step of a send: counts a stored message in its conversation (preview, unread, the
 * chat.message.sent event in the same single-document write), then flags the message applied.
 * Safe to run any number of times, concurrently too: the conversation remembers the ids it
 * counted, and the version check makes every decision on fresh state. A conversation an erasure
 * is moving refuses (the message moves with the others and the repair job counts it there); in
 * one with a deleted member the message is counted without an event about that member.
 */
export async function applyToConversation(deps: ChatDeps, message: MessageDocument): Promise<void> {
  await retryOnVersionConflict(RACE_ATTEMPTS, async () => {
    const loaded = await deps.conversations.load(message.conversationId);
    if (loaded === null) throw new Error(`conversation ${message.conversationId} of message ${message._id} is missing`);
    if (loaded.state.rekeyedTo !== undefined) throw memberDeleted();
    const changes = applyMessage(loaded.state, message);
    if (changes === null) return;
    const recipientId = otherParticipant(loaded.state, message.senderId);
    const aboutDeletedMember = isDeletedMember(message.senderId) || isDeletedMember(recipientId);
    await deps.conversations.update(message.conversationId, loaded.version, changes, aboutDeletedMember ? [] : [
      {
        type: 'chat.message.sent',
        data: {
          conversationId: message.conversationId,
          messageId: message.messageId,
          senderId: message.senderId,
          recipientId,
          preview: previewOf(message.text),
          sentAt: message.sentAt.toISOString(),
        },
      },
    ]);
  });
  // Only a hint for the repair sweep and for retries; the conversation's own record decides.
  await deps.messages.markApplied(message._id);
}
