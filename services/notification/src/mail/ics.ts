import { calendarContentType, calendarFile, type CalendarEvent, type CalendarMethod } from '@eventonight/platform';
import type { MailAttachment } from '../domain/mail.js';

/**
 * A mail's "Add to calendar" file: one event, written by the platform's iCalendar writer (the
 * same one the event page and the ticket feed use), its method in the content type as RFC 6047 asks.
 */
export function calendarAttachment(entry: CalendarEvent, context: { method?: CalendarMethod; stampedAt: Date }): MailAttachment {
  const method = context.method ?? 'PUBLISH';
  return {
    filename: 'event.ics',
    contentType: calendarContentType(method),
    contentBase64: Buffer.from(calendarFile({ method, stampedAt: context.stampedAt, events: [entry] })).toString('base64'),
    contentId: null,
  };
}
