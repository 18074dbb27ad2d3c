import type { RouteRecordRaw } from 'vue-router';

export const profileRoutes: RouteRecordRaw[] = [
  { path: '/account/profile', name: 'profile', component: () => import('./ProfilePage.vue'), meta: { signedIn: true } },
  { path: '/members/:userId', name: 'member', component: () => import('./MemberPage.vue'), props: true },
];
