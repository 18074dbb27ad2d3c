import { defineRoute, type RouteHost } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
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
      description: '404 unknown or draft event, 409 cancelled event.',
      tags,
      params: eventIdParams,
      responses: { 200: likeView, 201: likeView },
    },
    async ({ principal, params }) => {
      const outcome = await likeEventCommand(deps, principal.userId, params.eventId);
      return { status: statusOf(outcome), body: { eventId: params.eventId, liked: true } };
    },
  );

  defineRoute(
    host,
    { method: 'delete', path: '/events/:eventId/like', summary: 'Remove a like (idempotent)', tags, params: eventIdParams, responses: { 204: null } },
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
      description: '404 unknown or draft event, 409 cancelled or completed event.',
      tags,
      params: eventIdParams,
      responses: { 200: participationView, 201: participationView },
    },
    async ({ principal, params }) => {
      const outcome = await participateCommand(deps, principal.userId, params.eventId);
      return { status: statusOf(outcome), body: { eventId: params.eventId, participating: true } };
    },
  );

  defineRoute(
    host,
    { method: 'delete', path: '/events/:eventId/participation', summary: 'Stop going (idempotent)', tags, params: eventIdParams, responses: { 204: null } },
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
      description: 'One per user and event. 403 not a participant, 404 unknown/draft, 409 cancelled, 422 not started yet.',
      tags,
      params: eventIdParams,
      body: reviewBody,
      responses: { 200: reviewView, 201: reviewView },
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
      tags,
      params: eventIdParams,
      responses: { 200: myEventView },
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
      tags,
      auth: 'public',
      params: eventIdParams,
      responses: { 200: eventStatsView },
    },
    async ({ params }) => ({ status: 200, body: await eventStats(deps, params.eventId) }),
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/events/:eventId/reviews',
      summary: 'Reviews of an event, newest first',
      tags,
      auth: 'public',
      params: eventIdParams,
      query: pageQuery,
      responses: { 200: reviewList },
    },
    async ({ params, query }) => {
      const page = await reviewsOfEvent(deps, params.eventId, { limit: query.limit, ...(query.cursor === undefined ? {} : { after: query.cursor }) });
      return { status: 200, body: toReviewList(page) };
    },
  );
}
