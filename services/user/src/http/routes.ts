import {
  authenticate,
  defineRoute,
  parseInput,
  problemOf,
  problemSubtype,
  requirePrincipal,
  undeclaredProblemLogger,
  type RecordedRoute,
  type RouteHost,
} from '@eventonight/platform';
import type { Request, Response } from 'express';
import { exportArchive, listExports, requestExport } from '../application/data-exports.js';
import type { UserDeps } from '../application/deps.js';
import { deleteAccount } from '../application/delete-account.js';
import { alreadyVerified, changeEmail, confirmEmail, linkExpired, recentlySent, resendVerification } from '../application/email-verification.js';
import { getOwnProfile, getPublicProfile, searchOrganizations } from '../application/read-profiles.js';
import { registerUser } from '../application/register-user.js';
import { updateProfile } from '../application/update-profile.js';
import {
  dataExportListSchema,
  dataExportSchema,
  emailChangeBody,
  emailConfirmationBody,
  emailConfirmedSchema,
  exportIdParams,
  ifMatchHeaders,
  organizationPageSchema,
  organizationQuery,
  ownProfileSchema,
  profilePatchBody,
  publicProfileSchema,
  registrationBody,
  userIdParams,
} from './schemas.js';
import { etagOf, exportView, ownView, publicView } from './views.js';

export function userRoutes(host: RouteHost, deps: UserDeps): void {
  const { store } = deps;
  const tags = ['users'];

  defineRoute(
    host,
    {
      method: 'post',
      path: '/users',
      summary: 'Register a member or an organization (Keycloak account + profile)',
      tags,
      description:
        'An organization gives `organization` (its name at least); a member does not. 409 `conflict` when an account ' +
        'with this email exists. 422 `unprocessable` when the password equals the email (case aside), or when the ' +
        'identity provider refuses the credentials by its password policy.',
      auth: 'public',
      body: registrationBody,
      responses: { 201: ownProfileSchema },
      problems: ['conflict', 'unprocessable'],
    },
    async ({ body, log }) => {
      const { profile, version } = await registerUser({ store, identity: deps.identity, log, clock: deps.clock }, body);
      return { status: 201, body: ownView(profile, version), headers: { location: `/users/${profile._id}`, ...etagOf(version) } };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/me',
      summary: 'The caller’s own profile',
      description: 'A deleted account’s still-valid token gets 401 `account-deleted`.',
      tags,
      responses: { 200: ownProfileSchema },
    },
    async ({ principal }) => {
      const { profile, version } = await getOwnProfile(deps, principal);
      return { status: 200, body: ownView(profile, version), headers: etagOf(version) };
    },
  );

  defineRoute(
    host,
    {
      method: 'patch',
      path: '/users/me',
      summary: 'Change the caller’s profile (If-Match: the version, optional)',
      description:
        'Changes at least one field; `null` clears an optional one. 403 `forbidden` for `organization` on a member’s ' +
        'profile. 409 `version-conflict` when If-Match names another version (or, without it, when concurrent changes ' +
        'kept winning). A deleted account’s still-valid token gets 401 `account-deleted`.',
      tags,
      headers: ifMatchHeaders,
      body: profilePatchBody,
      responses: { 200: ownProfileSchema },
      problems: ['forbidden', 'version-conflict'],
    },
    async ({ principal, headers, body }) => {
      const { profile, version } = await updateProfile(deps, principal, body, headers['if-match']);
      return { status: 200, body: ownView(profile, version), headers: etagOf(version) };
    },
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/users/me',
      summary: 'Delete the caller’s account and profile',
      description:
        'Deletes the Keycloak account, records the erasure, and publishes `user.deleted` (every service erases the person). ' +
        'Afterwards the same token gets 401 `account-deleted`. 409 `version-conflict` if concurrent changes of the ' +
        'profile kept winning (retry).',
      tags,
      responses: { 204: null },
      problems: ['version-conflict'],
    },
    async ({ principal }) => {
      await deleteAccount(deps, principal);
      return { status: 204 };
    },
  );

  emailRoutes(host, deps);

  const exportTags = ['data exports'];
  defineRoute(
    host,
    {
      method: 'post',
      path: '/users/me/exports',
      summary: 'Ask for a copy of everything EventoNight holds about the caller',
      description:
        'Starts an export (202): every service is asked through the bus and sends its part; the export is `ready` once all ' +
        'seven are in, and its archive can then be downloaded for 7 days. While an export younger than an hour is still ' +
        'being prepared, the same one is returned. 401 `account-deleted` for a deleted account’s token. 409 `conflict` ' +
        'when simultaneous requests kept racing (retry).',
      tags: exportTags,
      responses: { 202: dataExportSchema },
      problems: ['conflict'],
    },
    async ({ principal }) => {
      const { dataExport } = await requestExport(deps, principal);
      return {
        status: 202,
        body: exportView(dataExport, deps.clock()),
        headers: { location: `/users/me/exports/${dataExport._id}` },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/users/me/exports',
      summary: 'The caller’s data exports, latest first (at most 10)',
      tags: exportTags,
      responses: { 200: dataExportListSchema },
    },
    async ({ principal }) => {
      const now = deps.clock();
      return { status: 200, body: { items: (await listExports(deps, principal)).map((each) => exportView(each, now)) } };
    },
  );

  archiveRoute(host, deps, exportTags);

  defineRoute(
    host,
    {
      method: 'get',
      path: '/organizations',
      summary: 'Organizations whose name starts with `search`, by name',
      description: '422 `unprocessable` for a `cursor` that is not the `nextCursor` of a page of this list.',
      tags: ['organizations'],
      auth: 'public',
      query: organizationQuery,
      responses: { 200: organizationPageSchema },
      problems: ['unprocessable'],
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
      description: '404 `not-found` for an unknown id and for a deleted account.',
      tags,
      auth: 'public',
      params: userIdParams,
      responses: { 200: publicProfileSchema },
      problems: ['not-found'],
    },
    async ({ params }) => ({ status: 200, body: publicView(await getPublicProfile(store, params.id, deps.safety)) }),
  );
}

/** Confirming an address (after sign-up, or a new one): ADR 0033. */
function emailRoutes(host: RouteHost, deps: UserDeps): void {
  const tags = ['email address'];
  defineRoute(
    host,
    {
      method: 'put',
      path: '/users/me/email',
      summary: 'Move the account to another email address (in use once confirmed)',
      description:
        'Mails a confirmation link to the new address (valid 24 hours); the current address stays the sign-in name and ' +
        'the mail address until the link is opened. 409 `conflict` when another account uses the address; ' +
        '409 `verification-recently-sent` when a link went to the same address less than a minute ago (`retryAt`); ' +
        '422 `unprocessable` for the current address.',
      tags,
      body: emailChangeBody,
      responses: { 202: ownProfileSchema },
      problems: ['conflict', recentlySent, 'unprocessable'],
    },
    async ({ principal, body }) => {
      const { profile, version } = await changeEmail(deps, principal, body.email);
      return { status: 202, body: ownView(profile, version), headers: etagOf(version) };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/users/me/email-verification',
      summary: 'Mail a new confirmation link for the address waiting to be confirmed',
      description:
        'The earlier link stops working. 409 `email-already-verified` when nothing waits to be confirmed; ' +
        '409 `verification-recently-sent` when a link went out less than a minute ago (`retryAt`).',
      tags,
      responses: { 202: ownProfileSchema },
      problems: [alreadyVerified, recentlySent],
    },
    async ({ principal }) => {
      const { profile, version } = await resendVerification(deps, principal);
      return { status: 202, body: ownView(profile, version), headers: etagOf(version) };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/email-verifications',
      summary: 'Confirm an email address with the code of the mailed link (no sign-in needed)',
      description:
        'The address becomes the account’s confirmed address (and its sign-in name). 404 `not-found` for a code that ' +
        'is unknown, replaced by a newer link or already used; 410 `verification-link-expired` after 24 hours; 409 ' +
        '`conflict` when another account took the address meanwhile.',
      tags,
      auth: 'public',
      body: emailConfirmationBody,
      responses: { 200: emailConfirmedSchema },
      problems: ['not-found', linkExpired, 'conflict'],
    },
    async ({ body }) => {
      const { email } = await confirmEmail(deps, body.token);
      return { status: 200, body: { email, emailVerified: true as const } };
    },
  );
}

const exportExpired = problemSubtype('gone', 'export-expired', 'Export expired');

/**
 * The archive is a zip, which defineRoute (JSON bodies) does not send: this route is mounted
 * by hand with the same pipeline pieces (authentication, zod params, problem+json errors) and
 * recorded for the OpenAPI document.
 */
function archiveRoute(host: RouteHost, deps: UserDeps, tags: readonly string[]): void {
  const path = '/users/me/exports/:exportId/archive';
  if (host.verifier === undefined) throw new Error(`GET ${path} requires authentication but the app has no JWT verifier`);
  const recorded: RecordedRoute = {
    method: 'get',
    path,
    summary: 'Download a ready export: a zip (application/zip, attachment eventonight-data-<date>.zip)',
    description:
      'The zip holds data.json (everything, by source and section), one CSV per non-empty section ' +
      '(<source>-<section>.csv) and README.txt. Only the owner: 404 `not-found` for anyone else’s export ' +
      '(and for an unknown one), 409 `conflict` while it is being prepared (or when it could not be completed), 410 `export-expired` ' +
      '(problem+json) once its 7 days are over.',
    tags,
    auth: 'authenticated',
    params: exportIdParams,
    rawBody: false,
    responses: { 200: null },
    problems: ['not-found', 'conflict', exportExpired],
  };
  host.routes.add(recorded);
  // As defineRoute does: a problem the document does not list is answered, and logged.
  const logUndeclared = undeclaredProblemLogger(recorded, host.logger.child({ route: `GET ${path}` }));
  host.router.get(path, authenticate(host.verifier), async (req: Request, res: Response) => {
    let result: Awaited<ReturnType<typeof exportArchive>>;
    try {
      const { exportId } = parseInput(exportIdParams, req.params, 'params');
      result = await exportArchive(deps, requirePrincipal(req), exportId);
      if ('expired' in result) {
        throw problemOf(exportExpired, `This archive could be downloaded until ${result.expired.expiresAt ?? ''}; ask for a new one.`);
      }
    } catch (error) {
      logUndeclared(error);
      throw error;
    }
    res
      .status(200)
      .set({
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${result.fileName}"`,
        'cache-control': 'private, no-store',
      })
      .send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
  });
}
