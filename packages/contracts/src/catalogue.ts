import type { z } from 'zod';
import * as chat from './events/chat.js';
import * as event from './events/event.js';
import * as interaction from './events/interaction.js';
import * as media from './events/media.js';
import * as dataExport from './events/data-export.js';
import * as safety from './events/safety.js';
import * as ticketing from './events/ticketing.js';
import * as user from './events/user.js';

/** Every domain event of the system, keyed by type (= routing key). */
export const catalogue = {
  [user.userCreated.type]: user.userCreated,
  [user.userUpdated.type]: user.userUpdated,
  [user.userDeleted.type]: user.userDeleted,
  [user.userContactChanged.type]: user.userContactChanged,
  [user.userEmailVerificationRequested.type]: user.userEmailVerificationRequested,
  [user.userPreferencesChanged.type]: user.userPreferencesChanged,
  [event.eventCreated.type]: event.eventCreated,
  [event.eventUpdated.type]: event.eventUpdated,
  [event.eventPublished.type]: event.eventPublished,
  [event.eventCancelled.type]: event.eventCancelled,
  [event.eventCompleted.type]: event.eventCompleted,
  [interaction.likeAdded.type]: interaction.likeAdded,
  [interaction.likeRemoved.type]: interaction.likeRemoved,
  [interaction.followAdded.type]: interaction.followAdded,
  [interaction.followRemoved.type]: interaction.followRemoved,
  [interaction.reviewAdded.type]: interaction.reviewAdded,
  [interaction.reviewUpdated.type]: interaction.reviewUpdated,
  [interaction.participationAdded.type]: interaction.participationAdded,
  [interaction.participationRemoved.type]: interaction.participationRemoved,
  [chat.messageSent.type]: chat.messageSent,
  [ticketing.orderCreated.type]: ticketing.orderCreated,
  [ticketing.ticketPurchased.type]: ticketing.ticketPurchased,
  [ticketing.orderConfirmed.type]: ticketing.orderConfirmed,
  [ticketing.ticketValidated.type]: ticketing.ticketValidated,
  [ticketing.orderExpired.type]: ticketing.orderExpired,
  [ticketing.orderRefunded.type]: ticketing.orderRefunded,
  [ticketing.waitlistOffered.type]: ticketing.waitlistOffered,
  [ticketing.ticketTransferred.type]: ticketing.ticketTransferred,
  [ticketing.tierChanged.type]: ticketing.tierChanged,
  [media.assetUploaded.type]: media.assetUploaded,
  [media.assetDeleted.type]: media.assetDeleted,
  [dataExport.exportRequested.type]: dataExport.exportRequested,
  [dataExport.eventExportPart.type]: dataExport.eventExportPart,
  [dataExport.interactionExportPart.type]: dataExport.interactionExportPart,
  [dataExport.chatExportPart.type]: dataExport.chatExportPart,
  [dataExport.ticketingExportPart.type]: dataExport.ticketingExportPart,
  [dataExport.notificationExportPart.type]: dataExport.notificationExportPart,
  [dataExport.mediaExportPart.type]: dataExport.mediaExportPart,
  [safety.blockChanged.type]: safety.blockChanged,
  [safety.itemVisibilityChanged.type]: safety.itemVisibilityChanged,
  [safety.reportResolved.type]: safety.reportResolved,
  [safety.suspensionChanged.type]: safety.suspensionChanged,
} as const;

export type Catalogue = typeof catalogue;
export type EventType = keyof Catalogue;
export type EventData<T extends EventType> = z.infer<Catalogue[T]['data']>;

export const eventTypes = Object.keys(catalogue) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(catalogue, type);
}
