import { forgetExportParts } from '@eventonight/platform';
import type { ContactRepository } from '../persistence/contacts.js';
import type { MailRepository } from '../persistence/mails.js';
import type { DeliveryDeps } from './deliver.js';
import type { ExportDeps } from './export-user.js';

export type ErasureDeps = DeliveryDeps & ExportDeps & { contacts: ContactRepository; mails: MailRepository };

export interface ErasureReport {
  notifications: number;
  anonymised: number;
  audience: number;
  mails: number;
}

/**
 * `user.deleted` (ADR 0027). Recorded in the ledger FIRST (late events and the user's still-valid
 * token are refused from then on; a crash midway leaves a recorded erasure the redelivery
 * completes), then: the notifications addressed to the user, their preferences, their entries in
 * the audience copies (as follower, as followee, as participant), the record of their exports,
 * their address and every mail to them (sent or queued), and their open sockets. In other people's notifications they become "Deleted member". Each
 * step is idempotent; a redelivery finds nothing more to do.
 */
export async function eraseUser(deps: ErasureDeps, userId: string): Promise<ErasureReport> {
  await deps.ledger.record(userId);
  const notifications = await deps.notifications.deleteAllOf(userId);
  await deps.preferences.forget(userId);
  const audience = (await deps.followers.forget(userId)) + (await deps.participants.forget(userId));
  const anonymised = await deps.notifications.anonymiseActor(userId);
  await forgetExportParts(deps.exportParts.collection, userId);
  await deps.contacts.forget(userId);
  const mails = await deps.mails.forget(userId);
  deps.pusher.disconnectUser(userId);
  return { notifications, anonymised, audience, mails };
}
