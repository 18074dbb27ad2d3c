import { call } from './http.js';
import type { Account } from './accounts.js';

/** Creates an event as `organizer` through the event service and publishes it: its id and tier ids. */
export async function createPublishedEvent(
  eventUrl: string,
  organizer: Account,
  body: Record<string, unknown>,
): Promise<{ eventId: string; tierIds: string[] }> {
  const created = await call(eventUrl, 'POST', '/events', { token: await organizer.token(), body });
  const eventId = created.body['eventId'];
  if (created.status !== 201 || typeof eventId !== 'string') {
    throw new Error(`POST /events → ${created.status}: ${JSON.stringify(created.body).slice(0, 300)}`);
  }
  const published = await call(eventUrl, 'POST', `/events/${eventId}/publish`, { token: await organizer.token() });
  if (published.status !== 200) throw new Error(`publish ${eventId} → ${published.status}: ${JSON.stringify(published.body).slice(0, 300)}`);
  const tierIds = ((created.body['tiers'] as Array<{ tierId: string }> | undefined) ?? []).map((tier) => tier.tierId);
  return { eventId, tierIds };
}
