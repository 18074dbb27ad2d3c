import type { DomainEvent } from '@eventonight/contracts';
import type { EventHandlers } from '@eventonight/platform';
import { recordAudience } from '../application/audience.js';
import { deliver, fanOut, type SourceEvent } from '../application/deliver.js';
import { eraseUser, type ErasureDeps } from '../application/erase-user.js';
import type { ScheduleRepository } from '../persistence/schedules.js';
import {
  queueEmailConfirmation,
  queueEventCancelled,
  queueEventChange,
  queueOrderConfirmation,
  queueOrderRefunded,
  queueTicketTransferred,
  queueWaitlistOffer,
  type MailQueueDeps,
} from '../application/mail-queue.js';
import { answerExport } from '../application/export-user.js';
import {
  eventChangeData,
  fanOutData,
  forChatMessage,
  forReportResolved,
  forFollow,
  forLike,
  forParticipation,
  forRefund,
  forReview,
  forTicketPurchase,
  forTicketTransfer,
  forWaitlistOffer,
} from '../domain/rules.js';

function sourceOf(event: DomainEvent): SourceEvent {
  return { id: event.id, occurredAt: new Date(event.occurredAt) };
}

/**
 * Every handler is idempotent: follower and participant copies are ordered by the source
 * aggregate's version (interaction keeps one aggregate per pair and toggles it, so versions only
 * grow; upsertIfNewer),
 * notifications are keyed by (recipient, event id) (insertOnce), and so are mails (with their
 * kind). Nothing is written about a member once erased (the ledger is asked first, ADR 0027).
 * `mail` is null when no mail server is configured: addresses are still kept, no mail is queued.
 */
export function notificationHandlers(deps: ErasureDeps, mail: MailQueueDeps | null, schedules: ScheduleRepository): EventHandlers {
  // When each event takes place, for the reminders (newest event version wins).
  const keepSchedule = (event: DomainEvent<'event.published' | 'event.updated' | 'event.cancelled' | 'event.completed'>) => {
    const { eventId, title, startsAt, endsAt, status } = event.data;
    return schedules.record(eventId, event.aggregateVersion, { title, startsAt: new Date(startsAt), endsAt: new Date(endsAt), status });
  };
  const follow = (followerId: string, followeeId: string, active: boolean, version: number) =>
    recordAudience(deps, deps.followers, { memberId: followerId, targetId: followeeId, active, version, people: [followerId, followeeId] });
  const participation = (userId: string, eventId: string, active: boolean, version: number) =>
    recordAudience(deps, deps.participants, { memberId: userId, targetId: eventId, active, version, people: [userId] });
  return {
    'interaction.follow.added': async (event) => {
      const { followerId, followeeId } = event.data;
      await follow(followerId, followeeId, true, event.aggregateVersion);
      await deliver(deps, forFollow(event), sourceOf(event));
    },
    'interaction.follow.removed': async (event) => {
      const { followerId, followeeId } = event.data;
      await follow(followerId, followeeId, false, event.aggregateVersion);
    },
    // Every change to a public counter also tells the pages watching that event (a redelivery
    // only makes them read the counters once more).
    'interaction.like.added': async (event) => {
      await deliver(deps, forLike(event), sourceOf(event));
      deps.pusher.eventActivity(event.data.eventId, 'likes');
    },
    'interaction.like.removed': async (event) => {
      deps.pusher.eventActivity(event.data.eventId, 'likes');
    },
    'interaction.review.added': async (event) => {
      await deliver(deps, forReview(event), sourceOf(event));
      deps.pusher.eventActivity(event.data.eventId, 'reviews');
    },
    'interaction.review.updated': async (event) => {
      deps.pusher.eventActivity(event.data.eventId, 'reviews');
    },
    'interaction.participation.added': async (event) => {
      await participation(event.data.userId, event.data.eventId, true, event.aggregateVersion);
      await deliver(deps, forParticipation(event), sourceOf(event));
      deps.pusher.eventActivity(event.data.eventId, 'participants');
    },
    'interaction.participation.removed': async (event) => {
      await participation(event.data.userId, event.data.eventId, false, event.aggregateVersion);
      deps.pusher.eventActivity(event.data.eventId, 'participants');
    },
    'moderation.report.resolved': async (event) => {
      await deliver(deps, forReportResolved(event), sourceOf(event));
    },
    'chat.message.sent': async (event) => {
      await deliver(deps, forChatMessage(event), sourceOf(event));
    },
    'ticketing.ticket.purchased': async (event) => {
      await deliver(deps, forTicketPurchase(event), sourceOf(event));
    },
    'ticketing.order.confirmed': async (event) => {
      if (mail !== null) await queueOrderConfirmation(mail, event.data, sourceOf(event));
    },
    'ticketing.order.refunded': async (event) => {
      await deliver(deps, forRefund(event), sourceOf(event));
      if (mail !== null) await queueOrderRefunded(mail, event.data, sourceOf(event));
    },
    'ticketing.waitlist.offered': async (event) => {
      await deliver(deps, forWaitlistOffer(event), sourceOf(event));
      if (mail !== null) await queueWaitlistOffer(mail, event.data, sourceOf(event));
    },
    'ticketing.ticket.transferred': async (event) => {
      await deliver(deps, forTicketTransfer(event), sourceOf(event));
      if (mail !== null) await queueTicketTransferred(mail, event.data, sourceOf(event));
    },
    // An erased member's late or replayed address is not kept; asked again after the write, as
    // for the audience copies (the erasure records first, then deletes).
    'user.contact.changed': async (event) => {
      const { userId, email } = event.data;
      if (await deps.ledger.isErased(userId)) return;
      await deps.contacts.record(userId, email, event.aggregateVersion);
      if (await deps.ledger.isErased(userId)) await deps.contacts.forget(userId);
    },
    'user.email.verification.requested': async (event) => {
      if (mail !== null) await queueEmailConfirmation(mail, event.data, sourceOf(event));
    },
    'event.published': async (event) => {
      await keepSchedule(event);
      await fanOut(deps, deps.followers, event.data.organizerId, fanOutData(event), sourceOf(event));
    },
    // Participants (ticket buyers become participants) and the organizer's followers.
    'event.cancelled': async (event) => {
      await keepSchedule(event);
      await fanOut(deps, deps.participants, event.data.eventId, fanOutData(event), sourceOf(event));
      await fanOut(deps, deps.followers, event.data.organizerId, fanOutData(event), sourceOf(event));
      if (mail !== null) await queueEventCancelled(mail, event.data, { ...sourceOf(event), version: event.aggregateVersion });
    },
    // A new time or place: everyone going hears it (the organizer's followers only hear of new events).
    'event.updated': async (event) => {
      await keepSchedule(event);
      const change = eventChangeData(event);
      if (change === null) return;
      await fanOut(deps, deps.participants, event.data.eventId, change, sourceOf(event));
      if (mail !== null) await queueEventChange(mail, event.data, { ...sourceOf(event), version: event.aggregateVersion });
    },
    'event.completed': async (event) => {
      await keepSchedule(event);
    },
    'user.deleted': async (event, { log }) => {
      const report = await eraseUser(deps, event.data.userId);
      log.info(report, 'user erased: their notifications, preferences and audience entries deleted, named elsewhere as "Deleted member"');
    },
    'user.export.requested': async (event, { log }) => {
      const outcome = await answerExport(deps, event.data);
      log.info({ exportId: event.data.exportId, outcome }, 'data export answered');
    },
  };
}
