import { randomUUID } from 'node:crypto';

/**
 * A ticket groups the documents whose events one relay round publishes. Every write that
 * appends events stamps the document with the open ticket of its process (`$min`: a document
 * that already has a ticket keeps it), in the same single-document write; a relay round reads
 * a sealed ticket with an equality filter (`outboxTicket: id`), so it matches at most the
 * documents stamped with that ticket, whatever the backlog behind it (ADR 0020).
 */
export class Ticket {
  readonly id: string;
  readonly createdAt: number;
  /** Documents stamped per collection (a document stamped twice counts twice: an upper bound). */
  readonly stamps = new Map<string, number>();
  /** Writes that took this ticket and have not finished: their documents may still land. */
  inflight = 0;

  constructor(now = Date.now()) {
    this.createdAt = now;
    this.id = `${now.toString(36)}-${randomUUID()}`;
  }

  get total(): number {
    let sum = 0;
    for (const count of this.stamps.values()) sum += count;
    return sum;
  }
}

/** What a writer holds while its stamped write is on its way. */
export interface TicketStamp {
  readonly ticket: string;
  /** Call once the write is over (whatever its outcome), with how many documents it stamped. */
  done(stamped: number): void;
}

/** When a ticket was opened, from its id; null for an id that is not a ticket (legacy or none). */
export function ticketOpenedAt(id: unknown): number | null {
  if (typeof id !== 'string') return null;
  const dash = id.indexOf('-');
  if (dash <= 0) return null;
  const at = parseInt(id.slice(0, dash), 36);
  return Number.isFinite(at) ? at : null;
}

/**
 * The process's tickets: one open (stamped by writers), the sealed ones waiting for a relay
 * round, oldest first. A ticket is sealed when a round starts or when it reaches `maxStamps`,
 * so no ticket grows beyond a batch, however fast writers go.
 */
export class OutboxTickets {
  private open = new Ticket();
  private readonly sealed: Ticket[] = [];
  /** Open, sealed and in-round tickets: this process will still read them. */
  private readonly live = new Set<string>([this.open.id]);

  constructor(private maxStamps = 2_000) {}

  /** Whether `id` is a ticket this process will still read (its relay must not adopt it as stale). */
  owns(id: string): boolean {
    return this.live.has(id);
  }

  /** A round left `ticket` empty: it is done for good. */
  finish(ticket: Ticket): void {
    this.live.delete(ticket.id);
  }

  /** A relay with smaller rounds lowers the size of a ticket (never raises it). */
  limitStamps(max: number): void {
    this.maxStamps = Math.min(this.maxStamps, Math.max(1, max));
  }

  /** Takes the open ticket for one write (or one bulk restamp) on `collection`. */
  stamp(collection: string): TicketStamp {
    const ticket = this.open;
    ticket.inflight += 1;
    let settled = false;
    return {
      ticket: ticket.id,
      done: (stamped: number) => {
        if (settled) return;
        settled = true;
        ticket.inflight -= 1;
        if (stamped <= 0) return;
        ticket.stamps.set(collection, (ticket.stamps.get(collection) ?? 0) + stamped);
        if (ticket === this.open && ticket.total >= this.maxStamps) this.rotate();
      },
    };
  }

  /**
   * The oldest sealed ticket whose writes have all landed (after that, no document enters it:
   * a writer only ever stamps the open ticket), sealing the open one first if it was stamped;
   * null when none is ready.
   */
  next(): Ticket | null {
    if (this.open.total > 0) this.rotate();
    const index = this.sealed.findIndex((ticket) => ticket.inflight === 0);
    if (index === -1) return null;
    const [ticket] = this.sealed.splice(index, 1);
    return ticket ?? null;
  }

  /** Puts back a ticket that still holds entries (refused by the broker, appended meanwhile) or whose round failed. */
  requeue(ticket: Ticket): void {
    this.sealed.push(ticket);
  }

  /** Sealed tickets ready for a round. */
  get ready(): number {
    return this.sealed.filter((ticket) => ticket.inflight === 0).length;
  }

  private rotate(): void {
    this.sealed.push(this.open);
    this.open = new Ticket();
    this.live.add(this.open.id);
  }
}
