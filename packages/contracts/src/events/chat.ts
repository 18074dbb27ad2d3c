import { z } from 'zod';
import { defineEvent, id, isoDate } from '../catalogue-kit.js';

export const messageSent = defineEvent(
  'chat.message.sent',
  1,
  z.object({
    conversationId: id,
    messageId: id,
    senderId: id,
    recipientId: id,
    preview: z.string().max(140),
    sentAt: isoDate,
  }),
);
