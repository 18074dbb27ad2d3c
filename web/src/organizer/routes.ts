import type { RouteRecordRaw } from 'vue-router';
import { useSession } from '../account/session-store';

/** Pages only an organization uses; anyone else signed in is sent home. */
function organizationOnly(): true | { name: string } {
  return useSession().isOrganization ? true : { name: 'home' };
}

export const organizerRoutes: RouteRecordRaw[] = [
  { path: '/organizer', name: 'organizer', component: () => import('./WorkspacePage.vue'), meta: { signedIn: true }, beforeEnter: organizationOnly },
  { path: '/organizer/events/new', name: 'organizer-new', component: () => import('./EventEditorPage.vue'), meta: { signedIn: true }, beforeEnter: organizationOnly },
  {
    path: '/organizer/events/:eventId/edit',
    name: 'organizer-edit',
    component: () => import('./EventEditorPage.vue'),
    props: true,
    meta: { signedIn: true },
    beforeEnter: organizationOnly,
  },
  {
    path: '/organizer/events/:eventId/sales',
    name: 'organizer-sales',
    component: () => import('./SalesPage.vue'),
    props: true,
    meta: { signedIn: true },
    beforeEnter: organizationOnly,
  },
];
