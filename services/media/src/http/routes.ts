import { defineRoute, type RouteHost } from '@eventonight/platform';
import { confirmUpload } from '../application/confirm-upload.js';
import { deleteAsset } from '../application/delete-asset.js';
import type { MediaAppDeps } from '../application/deps.js';
import { getAsset, publicViews, withView } from '../application/get-asset.js';
import { requestUpload } from '../application/request-upload.js';
import { toAssetView, toUploadTicketView } from './presenter.js';
import { assetIdParams, assetView, uploadBody, uploadTicketView, viewsList, viewsQuery } from './schemas.js';

export function mediaRoutes(host: RouteHost, deps: MediaAppDeps): void {
  defineRoute(
    host,
    {
      method: 'post',
      path: '/media/uploads',
      summary: 'Start an upload: a pending asset and a presigned POST bound to its type and size',
      description:
        'The file goes straight to the object store: POST multipart/form-data to `uploadUrl` with every entry of `fields`, then the file as `file`. The store refuses another size or Content-Type, and the URL after `expiresAt`. Then call confirm.',
      tags: ['media'],
      auth: 'authenticated',
      body: uploadBody,
      responses: { 201: uploadTicketView },
    },
    async ({ principal, body }) => {
      const ticket = await requestUpload(deps, principal, body);
      return {
        status: 201,
        body: toUploadTicketView(ticket),
        headers: { location: `/media/${encodeURIComponent(ticket.asset.state._id)}` },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'post',
      path: '/media/:assetId/confirm',
      summary: 'Confirm an upload: the object must exist with the declared size and type',
      description:
        'Repeating it answers the same. 404 `not-found`: no such asset of yours. 409 `conflict`: nothing was uploaded yet, or the upload expired or was deleted. 422 `unprocessable` (and the object removed): the uploaded object does not have the declared size or type. 409 `version-conflict`: the asset kept changing meanwhile; confirm again.',
      tags: ['media'],
      auth: 'authenticated',
      params: assetIdParams,
      responses: { 200: assetView },
      problems: ['not-found', 'conflict', 'unprocessable', 'version-conflict'],
    },
    async ({ principal, params }) => {
      const asset = await confirmUpload(deps, principal, params.assetId);
      return { status: 200, body: toAssetView(await withView(deps, asset)) };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/media',
      summary: 'View URLs of several public assets at once (e.g. the covers of a page of events)',
      description:
        '`ids`: 1 to 50 asset ids separated by commas, each answered once. Assets nobody but their owner may read (chat images, pending, deleted, unknown) are left out of the answer.',
      tags: ['media'],
      auth: 'public',
      query: viewsQuery,
      responses: { 200: viewsList },
    },
    async ({ query }) => {
      const views = await publicViews(deps, query.ids);
      return {
        status: 200,
        body: { items: views.map((view) => ({ assetId: view.assetId, url: view.url, urlExpiresAt: view.expiresAt === null ? null : view.expiresAt.toISOString() })) },
      };
    },
  );

  defineRoute(
    host,
    {
      method: 'get',
      path: '/media/:assetId',
      summary: 'Read an asset and a URL to view it',
      description: 'Public purposes: anyone once uploaded. Chat images and pending uploads: the owner only. Others get 404 `not-found`, as for an unknown id.',
      tags: ['media'],
      auth: 'optional',
      params: assetIdParams,
      responses: { 200: assetView },
      problems: ['not-found'],
    },
    async ({ principal, params }) => ({ status: 200, body: toAssetView(await getAsset(deps, principal, params.assetId)) }),
  );

  defineRoute(
    host,
    {
      method: 'delete',
      path: '/media/:assetId',
      summary: 'Delete an own asset (record tombstoned, object removed)',
      description:
        'Deleting again answers the same. 404 `not-found`: no such asset of yours. 409 `version-conflict`: the asset kept changing meanwhile; delete again.',
      tags: ['media'],
      auth: 'authenticated',
      params: assetIdParams,
      responses: { 204: null },
      problems: ['not-found', 'version-conflict'],
    },
    async ({ principal, params }) => {
      await deleteAsset(deps, principal, params.assetId);
      return { status: 204 };
    },
  );
}
