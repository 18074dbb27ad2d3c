import { z } from 'zod';
import { defineEvent, id } from '../catalogue-kit.js';

/** An action of `userId` on an event owned by `eventOwnerId` (the one notification tells). */
const onEvent = z.object({ eventId: id, userId: id, eventOwnerId: id });
const follow = z.object({ followerId: id, followeeId: id });
const review = onEvent.extend({
  reviewId: id,
  rating: z.number().int().min(1).max(5),
  text: z.string().max(2000),
});

export const likeAdded = defineEvent('interaction.like.added', 1, onEvent);
export const likeRemoved = defineEvent('interaction.like.removed', 1, onEvent);
export const followAdded = defineEvent('interaction.follow.added', 1, follow);
export const followRemoved = defineEvent('interaction.follow.removed', 1, follow);
export const reviewAdded = defineEvent('interaction.review.added', 1, review);
export const reviewUpdated = defineEvent('interaction.review.updated', 1, review);
export const participationAdded = defineEvent('interaction.participation.added', 1, onEvent);
export const participationRemoved = defineEvent('interaction.participation.removed', 1, onEvent);
