import { accountSuspendedProblem, defineRoute, type RouteHost } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
import { eventCancelled, eventNotStarted, eventOver } from '../application/problem-kinds.js';
import { likeEventCommand, unlikeEventCommand } from '../application/likes.js';
import { leaveCommand, participateCommand } from '../application/participations.js';
import { eventStats, myEventRelations, reviewsOfEvent } from '../application/queries.js';
import { putReviewCommand } from '../application/reviews.js';
import { toReviewList, toReviewView } from './presenter.js';
import { eventIdParams, eventStatsView, likeView, myEventView, pageQuery, participationView, reviewBody, reviewList, reviewView } from './schemas.js';

const tags = ['event interactions'];

/** PUT answers 201 when this call made the relation exist, 200 when it already did (idempotent). */
const statusOf = (outcome: 'created' | 'updated' | 'unchanged') => (outcome === 'unchanged' ? 200 : 201);

export function eventInteractionRoutes(host: RouteHost, deps: InteractionDeps): void {
  defineRoute(
    host,
    {
      method: 'put',
      path: '/events/:eventId/like',
      summary: 'Like an event (idempotent)',
      description:
        '201 when this call made the like, 200 when it already existed. 404 unknown or draft event; 409 `event-cancelled` ' +
        '(a completed event can still be liked); 409 `version-conflict` when concurrent changes of the same like kept winning.',
      tags,
      params: eventIdParams,
      responses: { 200: likeView, 201: likeView },
      problems: ['not-found', eventCancelled, 'version-conflict'],
    },
    async ({ principal, params }) => {
      const outcome = await likeEventCommand(deps, principal.userId, params.eventId);
      return { status: statusOf(outcome), body: { eventId: params.eventId, liked: true } };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/events/:eventId/like',
      summary: 'Remove a like (idempotent)',
      description: 'Also on a cancelled or completed event. 404 unknown or draft event; 409 `version-conflict` when concurrent changes kept winning.',
      tags,
      params: eventIdParams,
      responses: { 204: null },
      problems: ['not-found', 'version-conflict'],
    },
    async ({ principal, params }) => {
      await unlikeEventCommand(deps, principal.userId, params.eventId);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'put',
      path: '/events/:eventId/participation',
      summary: 'Say you are going (idempotent)',
      description:
        '201 when this call made you a participant, 200 when you already were. 404 unknown or draft event; 409 `event-cancelled`, ' +
        '409 `event-over` (completed); 409 `version-conflict` when concurrent changes kept winning.',
      tags,
      params: eventIdParams,
      responses: { 200: participationView, 201: participationView },
      problems: ['not-found', eventCancelled, eventOver, 'version-conflict'],
    },
    async ({ principal, params }) => {
      const outcome = await participateCommand(deps, principal.userId, params.eventId);
      return { status: statusOf(outcome), body: { eventId: params.eventId, participating: true } };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/events/:eventId/participation',
      summary: 'Stop going (idempotent)',
      description: 'Also on a cancelled or completed event. 404 unknown or draft event; 409 `version-conflict` when concurrent changes kept winning.',
      tags,
      params: eventIdParams,
      responses: { 204: null },
      problems: ['not-found', 'version-conflict'],
    },
    async ({ principal, params }) => {
      await leaveCommand(deps, principal.userId, params.eventId);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'put',
      path: '/events/:eventId/review',
      summary: 'Write or edit your review of an event',
      description:
        'One per user and event: 201 creates it, 200 edits it (or changes nothing when identical). Only participants (403 otherwise). ' +
        '404 unknown or draft event; 409 `event-cancelled`; 422 `event-not-started`: an event can be reviewed only once its ' +
        '`startsAt` has passed (a rule on the stored event); 409 `version-conflict` when concurrent edits kept winning.',
      tags,
      params: eventIdParams,
      body: reviewBody,
      responses: { 200: reviewView, 201: reviewView },
      problems: ['forbidden', 'not-found', eventCancelled, eventNotStarted, 'version-conflict', accountSuspendedProblem, 'too-many-requests'],
    },
    async ({ principal, params, body }) => {
      const { outcome, review } = await putReviewCommand(deps, principal.userId, params.eventId, body);
      return { status: outcome === 'created' ? 201 : 200, body: toReviewView(review) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/me',
      summary: 'Whether I like, attend and reviewed the event',
      description: '404 unknown or draft event.',
      tags,
      params: eventIdParams,
      responses: { 200: myEventView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => {
      const mine = await myEventRelations(deps, principal.userId, params.eventId);
      return { status: 200, body: { ...mine, review: mine.review === null ? null : toReviewView(mine.review) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/stats',
      summary: 'Likes, participants and reviews of an event',
      description: 'Exact counts of the active relations. 404 unknown or draft event.',
      tags,
      auth: 'public',
      params: eventIdParams,
      responses: { 200: eventStatsView },
      problems: ['not-found'],
    },
    async ({ params }) => ({ status: 200, body: await eventStats(deps, params.eventId) }),
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/reviews',
      summary: 'Reviews of an event, newest first',
      description:
        '404 unknown or draft event; 422 a `cursor` that is not the `nextCursor` of a page of this API. Hidden reviews are left out; ' +
        'with a token, so are those of members blocked either way (a page may then be shorter than `limit`).',
      tags,
      auth: 'optional',
      params: eventIdParams,
      query: pageQuery,
      responses: { 200: reviewList },
      problems: ['not-found', 'unprocessable'],
    },
    async ({ params, query, principal }) => {
      const request = { limit: query.limit, ...(query.cursor === undefined ? {} : { after: query.cursor }) };
      const page = await reviewsOfEvent(deps, params.eventId, request, principal?.userId);
      return { status: 200, body: toReviewList(page) };
    },
  );
}
