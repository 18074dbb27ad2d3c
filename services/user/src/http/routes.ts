import { defineRoute, type RouteHost } from '@eventonight/platform';
import type { IdentityProvider } from '../application/identity-provider.js';
import { deleteAccount } from '../application/delete-account.js';
import { getOwnProfile, getPublicProfile, searchOrganizations } from '../application/read-profiles.js';
import { registerUser } from '../application/register-user.js';
import { updateProfile } from '../application/update-profile.js';
import type { ProfileStore } from '../persistence/profiles.js';
import {
  ifMatchHeaders,
  organizationPageSchema,
  organizationQuery,
  ownProfileSchema,
  profilePatchBody,
  publicProfileSchema,
  registrationBody,
  userIdParams,
} from './schemas.js';
import { etagOf, ownView, publicView } from './views.js';

export interface RouteDeps {
  store: ProfileStore;
  identity: IdentityProvider;
}

export function userRoutes(host: RouteHost, deps: RouteDeps): void {
  const { store, identity } = deps;
  const tags = ['users'];

  defineRoute(
    host,
    {
      method: 'post',
      path: '/users',
      summary: 'Register a member or an organization (Keycloak account + profile)',
      tags,
      auth: 'public',
      body: registrationBody,
      responses: { 201: ownProfileSchema },
    },
    async ({ body, log }) => {
      const { profile, version } = await registerUser({ store, identity, log }, body);
      return { status: 201, body: ownView(profile, version), headers: { location: `/users/${profile._id}`, ...etagOf(version) } };
    },
  );

  defineRoute(
    host,
    { method: 'get', path: '/users/me', summary: 'The caller’s own profile', tags, responses: { 200: ownProfileSchema } },
    async ({ principal }) => {
      const { profile, version } = await getOwnProfile(store, principal);
      return { status: 200, body: ownView(profile, version), headers: etagOf(version) };
    },
  );

  defineRoute(
    host,
    {
      method: 'patch',
      path: '/users/me',
      summary: 'Change the caller’s profile (If-Match: the version, optional)',
      tags,
      headers: ifMatchHeaders,
      body: profilePatchBody,
      responses: { 200: ownProfileSchema },
    },
    async ({ principal, headers, body }) => {
      const { profile, version } = await updateProfile(store, principal, body, headers['if-match']);
      return { status: 200, body: ownView(profile, version), headers: etagOf(version) };
    },
  );

  defineRoute(
    host,
    { method: 'delete', path: '/users/me', summary: 'Delete the caller’s account and profile', tags, responses: { 204: null } },
    async ({ principal }) => {
      await deleteAccount({ store, identity }, principal);
      return { status: 204 };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/organizations',
      summary: 'Organizations whose name starts with `search`, by name',
      tags: ['organizations'],
      auth: 'public',
      query: organizationQuery,
      responses: { 200: organizationPageSchema },
    },
    async ({ query }) => {
      const page = await searchOrganizations(store, query);
      return { status: 200, body: { items: page.items.map(publicView), nextCursor: page.nextCursor } };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/:id',
      summary: 'A user’s public profile',
      tags,
      auth: 'public',
      params: userIdParams,
      responses: { 200: publicProfileSchema },
    },
    async ({ params }) => ({ status: 200, body: publicView(await getPublicProfile(store, params.id)) }),
  );
}
