import type { RouteRecordRaw } from 'vue-router';

/** Reports and moderation (ADR 0041). The moderation page says so to anyone without the role; its link shows to moderators only. */
export const moderationRoutes: RouteRecordRaw[] = [
  { path: '/moderation', name: 'moderation', component: () => import('./ModerationPage.vue'), meta: { signedIn: true } },
  { path: '/reports', name: 'my-reports', component: () => import('./MyReportsPage.vue'), meta: { signedIn: true } },
];
