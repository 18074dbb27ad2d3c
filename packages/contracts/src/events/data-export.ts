import { z } from 'zod';
import { defineEvent, id } from '../catalogue-kit.js';

/**
 * A member's data export (GDPR art. 15 and 20, ADR 0027). The user service asks every service
 * what it holds about one member; each answers with one part on its own routing key (a service
 * may publish only `<service>.*`). Rows are flat, a CSV line each: a service flattens its own
 * nested values.
 */
export const exportSources = z.enum(['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media']);
export type ExportSource = z.infer<typeof exportSources>;

export const exportCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const exportRow = z.record(z.string(), exportCell);
/** Section name (the archive's `<source>-<section>.csv`) → its rows. */
export const exportSections = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,40}$/), z.array(exportRow));
export type ExportRow = z.infer<typeof exportRow>;
export type ExportSections = z.infer<typeof exportSections>;

export const exportRequested = defineEvent('user.export.requested', 1, z.object({ exportId: id, userId: id }));

const part = z.object({ exportId: id, userId: id, sections: exportSections });
export const eventExportPart = defineEvent('event.export.part', 1, part);
export const interactionExportPart = defineEvent('interaction.export.part', 1, part);
export const chatExportPart = defineEvent('chat.export.part', 1, part);
export const ticketingExportPart = defineEvent('ticketing.export.part', 1, part);
export const notificationExportPart = defineEvent('notification.export.part', 1, part);
export const mediaExportPart = defineEvent('media.export.part', 1, part);

/** The part each service other than user publishes, by the service's name. */
export const exportPartEvents = {
  event: eventExportPart,
  interaction: interactionExportPart,
  chat: chatExportPart,
  ticketing: ticketingExportPart,
  notification: notificationExportPart,
  media: mediaExportPart,
} as const;
export type ExportPartSource = keyof typeof exportPartEvents;
export type ExportPartType = (typeof exportPartEvents)[ExportPartSource]['type'];
