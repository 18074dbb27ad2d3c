import { problems, type Principal } from '@eventonight/platform';

/** Internal routes accept only tokens obtained by one OAuth client (`azp`), the event service's. */
export function requireServiceCaller(principal: Principal, expectedClientId: string): void {
  if (principal.clientId !== expectedClientId) throw problems.forbidden('This endpoint is for internal services only.');
}
