import { defineRoute, type RouteHost } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
import { followCommand, unfollowCommand } from '../application/follows.js';
import { followeesOfUser, followersOfUser, myUserRelations, participationsOfUser, userStats } from '../application/queries.js';
import { toParticipationList, toUserList } from './presenter.js';
import { followView, myUserView, pageQuery, participationList, userIdParams, userList, userStatsView } from './schemas.js';

const tags = ['user interactions'];

export function userInteractionRoutes(host: RouteHost, deps: InteractionDeps): void {
  defineRoute(
    host,
    {
      method: 'put',
      path: '/users/:userId/follow',
      summary: 'Follow an organization (idempotent)',
      description: '400 yourself, 404 unknown or deleted user, 422 the user is not an organization.',
      tags,
      params: userIdParams,
      responses: { 200: followView, 201: followView },
    },
    async ({ principal, params }) => {
      const outcome = await followCommand(deps, principal.userId, params.userId);
      return { status: outcome === 'unchanged' ? 200 : 201, body: { userId: params.userId, following: true } };
    },
  );

  defineRoute(
    host,
    { method: 'delete', path: '/users/:userId/follow', summary: 'Unfollow (idempotent)', tags, params: userIdParams, responses: { 204: null } },
    async ({ principal, params }) => {
      await unfollowCommand(deps, principal.userId, params.userId);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    { method: 'get', path: '/users/:userId/me', summary: 'Whether I follow the user (and they me)', tags, params: userIdParams, responses: { 200: myUserView } },
    async ({ principal, params }) => ({ status: 200, body: await myUserRelations(deps, principal.userId, params.userId) }),
  );

  defineRoute(
    host,
    { method: 'get', path: '/users/:userId/stats', summary: 'Followers and followees counts', tags, auth: 'public', params: userIdParams, responses: { 200: userStatsView } },
    async ({ params }) => ({ status: 200, body: await userStats(deps, params.userId) }),
  );

  defineRoute(
    host,
    { method: 'get', path: '/users/:userId/followers', summary: 'Who follows the user, newest first', tags, auth: 'public', params: userIdParams, query: pageQuery, responses: { 200: userList } },
    async ({ params, query }) => {
      const page = await followersOfUser(deps, params.userId, { limit: query.limit, ...(query.cursor === undefined ? {} : { after: query.cursor }) });
      return { status: 200, body: toUserList(page, (follow) => follow.followerId) };
    },
  );

  defineRoute(
    host,
    { method: 'get', path: '/users/:userId/following', summary: 'Whom the user follows, newest first', tags, auth: 'public', params: userIdParams, query: pageQuery, responses: { 200: userList } },
    async ({ params, query }) => {
      const page = await followeesOfUser(deps, params.userId, { limit: query.limit, ...(query.cursor === undefined ? {} : { after: query.cursor }) });
      return { status: 200, body: toUserList(page, (follow) => follow.followeeId) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/:userId/participations',
      summary: 'Events the user goes to (only the user themself; 404 for others)',
      tags,
      params: userIdParams,
      query: pageQuery,
      responses: { 200: participationList },
    },
    async ({ principal, params, query }) => {
      const page = await participationsOfUser(deps, principal.userId, params.userId, {
        limit: query.limit,
        ...(query.cursor === undefined ? {} : { after: query.cursor }),
      });
      return { status: 200, body: toParticipationList(page) };
    },
  );
}
