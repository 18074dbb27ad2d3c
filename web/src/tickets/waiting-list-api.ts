import { call } from '../api/client';
import type { paths as TicketingPaths } from '../api/generated/ticketing';
import { useApi } from '../app/context';
import { ApiError } from '../ui/problem';

/** Issue 29 (ADR 0039): the waiting list, refunds and transfers of a member; tier changes of an organizer. */

export type WaitingPlace = TicketingPaths['/events/{eventId}/tiers/{tierId}/waiting-list/me']['get']['responses'][200]['content']['application/json'];

/** My place in line; null when I am not in line (404). */
export async function myPlace(eventId: string, tierId: string): Promise<WaitingPlace | null> {
  try {
    return await call(useApi().ticketing.GET('/events/{eventId}/tiers/{tierId}/waiting-list/me', { params: { path: { eventId, tierId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return null;
    throw error;
  }
}

export function joinLine(eventId: string, tierId: string, quantity: number): Promise<WaitingPlace> {
  return call(useApi().ticketing.POST('/events/{eventId}/tiers/{tierId}/waiting-list', { params: { path: { eventId, tierId } }, body: { quantity } }));
}

export async function leaveLine(eventId: string, tierId: string): Promise<void> {
  await call(useApi().ticketing.DELETE('/events/{eventId}/tiers/{tierId}/waiting-list/me', { params: { path: { eventId, tierId } } }));
}

/** Takes the offer: a checkout of the seats held for me. */
export function takeOffer(eventId: string, tierId: string) {
  return call(useApi().ticketing.POST('/events/{eventId}/tiers/{tierId}/waiting-list/me/accept', { params: { path: { eventId, tierId } } }));
}

export function refundOrder(orderId: string) {
  return call(useApi().ticketing.POST('/orders/{orderId}/refund', { params: { path: { orderId } } }));
}

export function transferTicket(ticketId: string, recipientId: string) {
  return call(useApi().ticketing.POST('/tickets/{ticketId}/transfer', { params: { path: { ticketId } }, body: { recipientId } }));
}

export function changeTier(eventId: string, tierId: string, change: { capacity?: number; salesClosed?: boolean }) {
  return call(useApi().ticketing.PATCH('/events/{eventId}/tiers/{tierId}', { params: { path: { eventId, tierId } }, body: change }));
}

export function addTier(eventId: string, tier: { name: string; priceMinor: number; currency: string; capacity: number }) {
  return call(useApi().ticketing.POST('/events/{eventId}/tiers', { params: { path: { eventId } }, body: tier }));
}

export function setRefundPolicy(eventId: string, refundDaysBefore: number | null) {
  return call(useApi().ticketing.PUT('/events/{eventId}/refund-policy', { params: { path: { eventId } }, body: { refundDaysBefore } }));
}
