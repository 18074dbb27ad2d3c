import type { RouteHost } from '@eventonight/platform';
import type { InteractionDeps } from '../application/deps.js';
import { eventInteractionRoutes } from './event-routes.js';
import { userInteractionRoutes } from './user-routes.js';

export function interactionRoutes(host: RouteHost, deps: InteractionDeps): void {
  eventInteractionRoutes(host, deps);
  userInteractionRoutes(host, deps);
}
