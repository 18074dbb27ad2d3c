import type { IndexDescription } from 'mongodb';

export const CONVERSATIONS = 'conversations';
export const MESSAGES = 'messages';
export const USERS = 'users';

/** "My conversations, newest first": equality on the participant array, then the sort key. */
export const conversationIndexes: IndexDescription[] = [
  { key: { participantIds: 1, lastActivityAt: -1, _id: -1 }, name: 'by_participant_activity' },
];

/** A conversation's messages backwards in time; the unapplied ones for the repair sweep. */
export const messageIndexes: IndexDescription[] = [
  { key: { conversationId: 1, sentAt: -1, _id: -1 }, name: 'by_conversation_time' },
  { key: { applied: 1 }, name: 'by_applied' },
];

/** An erasure forgets the exports a user asked for, by user. */
export const exportPartIndexes: IndexDescription[] = [{ key: { userId: 1 }, name: 'by_user' }];
