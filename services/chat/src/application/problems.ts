import { problemOf, problemSubtype, type Problem } from '@eventonight/platform';

/**
 * 409 for a message to someone whose account was erased, with its own type so that a client can
 * tell it from a reused messageId and close the composer. Declared by the send route.
 */
export const memberDeletedProblem = problemSubtype('conflict', 'member-deleted', 'Member deleted');

export function memberDeleted(): Problem {
  return problemOf(memberDeletedProblem, 'This member has deleted their account.');
}
