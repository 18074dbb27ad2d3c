import { problemSubtype } from '@eventonight/platform';

/**
 * This service's own problem types, each within a platform type: thrown by the commands and
 * declared by the routes that may answer them (the OpenAPI document lists each one).
 */

/** 409: the event was cancelled; it takes no new like, participation or review. */
export const eventCancelled = problemSubtype('conflict', 'event-cancelled', 'Event cancelled');

/** 409: the event is over (completed); nobody can start going to it. */
export const eventOver = problemSubtype('conflict', 'event-over', 'Event over');

/** 422: a review of an event that has not started yet. */
export const eventNotStarted = problemSubtype('unprocessable', 'event-not-started', 'Event not started');

/** 422: only organizations can be followed (members follow organizations). */
export const notAnOrganization = problemSubtype('unprocessable', 'not-an-organization', 'Not an organization');

/** 422: the user named in the path is the caller: one does not follow (or unfollow) oneself. */
export const selfFollow = problemSubtype('unprocessable', 'self-follow', 'Cannot follow yourself');
