import type { RouteRecordRaw } from 'vue-router';

export const chatRoutes: RouteRecordRaw[] = [
  { path: '/messages', name: 'messages', component: () => import('./MessagesPage.vue'), meta: { signedIn: true } },
  { path: '/messages/:conversationId', name: 'conversation', component: () => import('./MessagesPage.vue'), props: true, meta: { signedIn: true } },
];
