import { accountSuspendedProblem, blockedProblem, defineRoute, type RouteHost } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
import { selfFollow } from '../application/problem-kinds.js';
import { followCommand, unfollowCommand } from '../application/follows.js';
import { followeesOfUser, followersOfUser, myUserRelations, participationsOfUser, userStats } from '../application/queries.js';
import { visibleMembers } from '../application/safety.js';
import { toParticipationList, toUserList } from './presenter.js';
import { followView, myUserView, pageQuery, participationList, userIdParams, userList, userStatsView } from './schemas.js';

const tags = ['user interactions'];

const PAGE_PROBLEMS = '404 unknown or deleted user; 422 a `cursor` that is not the `nextCursor` of a page of this API.';

export function userInteractionRoutes(host: RouteHost, deps: InteractionDeps): void {
  defineRoute(
    host,
    {
      method: 'put',
      path: '/users/:userId/follow',
      summary: 'Follow an organization or a member (idempotent)',
      description:
        '201 when this call made you a follower, 200 when you already were. 404 unknown or deleted user; 422 `self-follow`: ' +
        'the user is yourself; ' +
        '409 `version-conflict` when concurrent changes kept winning.',
      tags,
      params: userIdParams,
      responses: { 200: followView, 201: followView },
      problems: ['not-found', selfFollow, 'version-conflict', blockedProblem, accountSuspendedProblem],
    },
    async ({ principal, params }) => {
      const outcome = await followCommand(deps, principal.userId, params.userId);
      return { status: outcome === 'unchanged' ? 200 : 201, body: { userId: params.userId, following: true } };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/users/:userId/follow',
      summary: 'Unfollow (idempotent)',
      description:
        'Also for a user that no longer exists (204). 422 `self-follow`: the user is yourself; 409 `version-conflict` when concurrent changes kept winning.',
      tags,
      params: userIdParams,
      responses: { 204: null },
      problems: [selfFollow, 'version-conflict'],
    },
    async ({ principal, params }) => {
      await unfollowCommand(deps, principal.userId, params.userId);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/:userId/me',
      summary: 'Whether I follow the user (and they me)',
      description: '404 unknown or deleted user.',
      tags,
      params: userIdParams,
      responses: { 200: myUserView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => ({ status: 200, body: await myUserRelations(deps, principal.userId, params.userId) }),
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/:userId/stats',
      summary: 'Followers and followees counts',
      description: 'Exact counts of the active follows. 404 unknown or deleted user.',
      tags,
      auth: 'public',
      params: userIdParams,
      responses: { 200: userStatsView },
      problems: ['not-found'],
    },
    async ({ params }) => ({ status: 200, body: await userStats(deps, params.userId) }),
  );

  // Followers and followees: one public, paged list of users, read from either side of a follow.
  const followLists = [
    { path: '/users/:userId/followers', summary: 'Who follows the user, newest first', list: followersOfUser, side: 'followerId' },
    { path: '/users/:userId/following', summary: 'Whom the user follows, newest first', list: followeesOfUser, side: 'followeeId' },
  ] as const;
  for (const { path, summary, list, side } of followLists) {
    defineRoute(
      host,
      {
        method: 'get',
        path,
        summary,
        description: PAGE_PROBLEMS,
        tags,
        // Optional: a signed-in caller does not see the members they blocked or who blocked them (ADR 0041).
        auth: 'optional',
        params: userIdParams,
        query: pageQuery,
        responses: { 200: userList },
        problems: ['not-found', 'unprocessable'],
      },
      async ({ params, query, principal }) => {
        const page = await list(deps, params.userId, { limit: query.limit, ...(query.cursor === undefined ? {} : { after: query.cursor }) });
        const items = await visibleMembers(deps, principal?.userId, page.items, (entry) => entry.item[side]);
        return { status: 200, body: toUserList({ ...page, items }, (follow) => follow[side]) };
      },
    );
  }

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/:userId/participations',
      summary: 'Events a member goes to (others see it unless the profile is private)',
      description:
        'A member\'s list is shown to anyone signed in unless their profile is private (ADR 0040); for anyone but the user themself a private profile\'s list, an organization\'s or an unknown user\'s does not exist (404). 422 a `cursor` that is not the `nextCursor` of a page of this API.',
      tags,
      params: userIdParams,
      query: pageQuery,
      responses: { 200: participationList },
      problems: ['not-found', 'unprocessable'],
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
