import { randomBytes } from 'node:crypto';

export type TicketStatus = 'valid' | 'used' | 'invalidated';

export interface TicketState {
  _id: string;
  orderId: string;
  eventId: string;
  tierId: string;
  holderId: string;
  /** 256 random bits, base64url: the QR payload; unguessable, unique. */
  code: string;
  status: TicketStatus;
  issuedAt: Date;
  usedAt: Date | null;
  /** Who let it in and on which device (ADR 0038); absent on tickets scanned before door staff existed. */
  checkedInById?: string | null;
  checkedInByName?: string | null;
  deviceId?: string | null;
  deviceName?: string | null;
}

export function newTicketCode(): string {
  return randomBytes(32).toString('base64url');
}
