import { isDeletedMember, otherParticipant, participantOf, type ConversationState, type ParticipantState } from '../domain/conversation.js';
import type { UserCopy } from '../domain/user-copy.js';
import type { ChatDeps } from './deps.js';

/** A conversation as one participant sees it: the other side's local copy and their own unread state. */
export interface ConversationSummary {
  state: ConversationState;
  me: ParticipantState;
  otherId: string;
  other: UserCopy | null;
}

export async function summarize(deps: ChatDeps, states: readonly ConversationState[], me: string): Promise<ConversationSummary[]> {
  const users = await deps.users.findMany(states.map((state) => otherParticipant(state, me)).filter((id) => !isDeletedMember(id)));
  return states.map((state) => {
    const otherId = otherParticipant(state, me);
    return { state, me: participantOf(state, me), otherId, other: users.get(otherId) ?? null };
  });
}

export async function summarizeOne(deps: ChatDeps, state: ConversationState, me: string): Promise<ConversationSummary> {
  const [summary] = await summarize(deps, [state], me);
  if (summary === undefined) throw new Error('summarize lost a conversation');
  return summary;
}
