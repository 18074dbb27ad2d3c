import { z } from 'zod';
import { defineEvent, id } from '../catalogue-kit.js';

/**
 * Safety facts (ADR 0041). A block is one aggregate per ordered pair (`<blockerId>:<blockedId>`),
 * owned by the user service; consumers keep the newest by aggregateVersion. `blocked: false` is an unblock.
 */
export const blockChanged = defineEvent(
  'user.block.changed',
  1,
  z.object({ blockerId: id, blockedId: id, blocked: z.boolean() }),
);

/** What can be reported and hidden: a chat message (`<conversationId>:<messageId>`), a review, an event, a profile (userId). */
export const moderatedKind = z.enum(['message', 'review', 'event', 'profile']);

/**
 * A moderator hid or restored an item. One aggregate per item (`<kind>:<itemId>`), owned by the
 * user service's moderation area; the owner of the item (chat, interaction, event, user) keeps the newest.
 */
export const itemVisibilityChanged = defineEvent(
  'moderation.item.visibility.changed',
  1,
  z.object({ kind: moderatedKind, itemId: id, hidden: z.boolean() }),
);

/** A report was closed by a moderator: the notification service tells the reporter. */
export const reportResolved = defineEvent(
  'moderation.report.resolved',
  1,
  z.object({
    reportId: id,
    reporterId: id,
    kind: moderatedKind,
    itemId: id,
    outcome: z.enum(['hidden', 'dismissed', 'suspended']),
  }),
);

/** A moderator suspended or reinstated an account: services refuse its writes while suspended. */
export const suspensionChanged = defineEvent(
  'user.suspension.changed',
  1,
  z.object({ userId: id, suspended: z.boolean() }),
);
