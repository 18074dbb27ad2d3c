import type { RouteRecordRaw } from 'vue-router';

/**
 * The door: the event's organizer and its door staff (members invited to that one event, ADR
 * 0038) — the page itself says so to anyone else (the service answers 403). Door invitations are
 * a member's.
 */
export const doorRoutes: RouteRecordRaw[] = [
  { path: '/door/:eventId', name: 'door', component: () => import('./DoorPage.vue'), props: true, meta: { signedIn: true } },
  { path: '/door-invitations', name: 'door-invitations', component: () => import('./DoorInvitationsPage.vue'), meta: { signedIn: true } },
];
