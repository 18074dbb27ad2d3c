import type { ChatDeps } from './deps.js';
import { applyToConversation } from './apply-message.js';

/**
 * Finishes sends that a crash cut between the message insert and the conversation update, for
 * clients that never retry. Only messages older than `graceMs` are touched, so a send still in
 * progress finishes itself (and if both run, the conversation's record keeps it counted once).
 */
export async function repairUnappliedMessages(deps: ChatDeps, graceMs: number, batch = 100): Promise<number> {
  const cutoff = deps.clock().getTime() - graceMs;
  const due = (await deps.messages.unapplied(batch)).filter((message) => message.sentAt.getTime() <= cutoff);
  let repaired = 0;
  for (const message of due) {
    try {
      if ((await deps.conversations.load(message.conversationId)) === null) {
        // Its conversation was deleted by an erasure (nobody left in it) while the send was under way.
        await deps.messages.collection.deleteOne({ _id: message._id });
        continue;
      }
      await applyToConversation(deps, message);
      repaired += 1;
    } catch (error) {
      deps.logger.warn({ err: error, messageKey: message._id }, 'could not repair an unapplied message');
    }
  }
  if (repaired > 0) deps.logger.info({ repaired }, 'repaired unapplied messages');
  return repaired;
}
