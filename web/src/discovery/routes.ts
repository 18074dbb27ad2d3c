import type { RouteRecordRaw } from 'vue-router';

/** Discovery's pages (ADR 0040). */
export const discoveryRoutes: RouteRecordRaw[] = [
  { path: '/following', name: 'following', component: () => import('./FollowingPage.vue'), meta: { signedIn: true } },
];
