import type { Principal } from '@eventonight/platform';
import { problems } from '@eventonight/platform';
import type { OrderState } from '../domain/order.js';
import type { TicketingDeps } from './deps.js';

/** One of the caller's own orders; anyone else's answers 404, as an unknown one does. */
export async function readOwnOrder(deps: TicketingDeps, principal: Principal, orderId: string): Promise<OrderState> {
  const loaded = await deps.orders.load(orderId);
  if (loaded === null || loaded.state.buyerId !== principal.userId) throw problems.notFound('No such order of yours.');
  return loaded.state;
}
