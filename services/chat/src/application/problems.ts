import { Problem } from '@eventonight/platform';

/**
 * 409 for a message to someone whose account was erased, with its own type so that a client can
 * tell it from a reused messageId and close the composer.
 */
export function memberDeleted(): Problem {
  return new Problem('conflict', 'This member has deleted their account.', {
    subtype: { slug: 'member-deleted', title: 'Member deleted' },
  });
}
