import { createRouter, createWebHistory, type Router } from 'vue-router';
import { useSession } from '../account/session-store';
import { chatRoutes } from '../chat/routes';
import { doorRoutes } from '../door/routes';
import { discoveryRoutes } from '../discovery/routes';
import { organizerRoutes } from '../organizer/routes';
import { profileRoutes } from '../profile/routes';
import { moderationRoutes } from '../moderation/routes';

/** Pages by product area; each loads on first visit so the home page ships little code. */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
    routes: [
      { path: '/', name: 'home', component: () => import('../events/HomePage.vue') },
      { path: '/search', name: 'search', component: () => import('../events/SearchPage.vue') },
      { path: '/events/:eventId', name: 'event', component: () => import('../events/EventPage.vue'), props: true },
      { path: '/organizations/:organizationId', name: 'organization', component: () => import('../organizations/OrganizationPage.vue'), props: true },
      { path: '/signup', name: 'signup', component: () => import('../account/SignUpPage.vue') },
      { path: '/signin', name: 'signin', component: () => import('../account/SignInPage.vue') },
      { path: '/account/confirm-email', name: 'confirm-email', component: () => import('../account/ConfirmEmailPage.vue') },
      { path: '/auth/callback', name: 'callback', component: () => import('../account/CallbackPage.vue') },
      { path: '/orders/:orderId', name: 'order', component: () => import('../tickets/OrderPage.vue'), props: true, meta: { signedIn: true } },
      { path: '/tickets', name: 'tickets', component: () => import('../tickets/MyTicketsPage.vue'), meta: { signedIn: true } },
      { path: '/unsubscribe', name: 'unsubscribe', component: () => import('../notifications/UnsubscribePage.vue') },
      { path: '/notifications', name: 'notifications', component: () => import('../notifications/NotificationsPage.vue'), meta: { signedIn: true } },
      ...organizerRoutes,
      ...doorRoutes,
      ...chatRoutes,
      ...profileRoutes,
      ...discoveryRoutes,
      ...moderationRoutes,
      { path: '/:missing(.*)*', name: 'missing', component: () => import('./NotFoundPage.vue') },
    ],
  });
  // A page for signed-in people sends a visitor to sign in, then back to that page; someone whose
  // account was just deleted goes home instead, where the layout says so.
  router.beforeEach((to) => {
    if (to.meta.signedIn !== true) return true;
    const session = useSession();
    if (session.user !== null) return true;
    if (session.ended === 'account-deleted') return { name: 'home' };
    return { name: 'signin', query: { returnTo: to.fullPath } };
  });
  return router;
}
