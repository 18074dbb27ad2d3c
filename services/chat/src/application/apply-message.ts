import { retryOnVersionConflict } from '@eventonight/platform';
import { applyMessage, otherParticipant, previewOf } from '../domain/conversation.js';
import type { MessageDocument } from '../domain/message.js';
import { RACE_ATTEMPTS, type ChatDeps } from './deps.js';

/**
 * Second step of a send: counts a stored message in its conversation (preview, unread, the
 * chat.message.sent event in the same single-document write), then flags the message applied.
 * Safe to run any number of times, concurrently too: the conversation remembers the ids it
 * counted, and the version check makes every decision on fresh state.
 */
export async function applyToConversation(deps: ChatDeps, message: MessageDocument): Promise<void> {
  await retryOnVersionConflict(RACE_ATTEMPTS, async () => {
    const loaded = await deps.conversations.load(message.conversationId);
    if (loaded === null) throw new Error(`conversation ${message.conversationId} of message ${message._id} is missing`);
    const changes = applyMessage(loaded.state, message);
    if (changes === null) return;
    await deps.conversations.update(message.conversationId, loaded.version, changes, [
      {
        type: 'chat.message.sent',
        data: {
          conversationId: message.conversationId,
          messageId: message.messageId,
          senderId: message.senderId,
          recipientId: otherParticipant(loaded.state, message.senderId),
          preview: previewOf(message.text),
          sentAt: message.sentAt.toISOString(),
        },
      },
    ]);
  });
  // Only a hint for the repair sweep and for retries; the conversation's own record decides.
  await deps.messages.markApplied(message._id);
}
