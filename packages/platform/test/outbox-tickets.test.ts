import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_TICKET, OutboxTickets, ticketOpenedAt } from '../src/outbox/index.js';

describe('outbox tickets (ADR 0020)', () => {
  it('seals the open ticket for a round only once stamped, and hands out a ticket only when its writes have landed', () => {
    const tickets = new OutboxTickets(100);
    assert.equal(tickets.next(), null, 'nothing stamped, nothing to read');
    const first = tickets.stamp('users');
    const second = tickets.stamp('likes');
    assert.equal(first.ticket, second.ticket, 'one open ticket for every write until sealed');
    first.done(1);
    assert.equal(tickets.next(), null, 'sealed, but the write on likes is still landing');
    const later = tickets.stamp('users');
    assert.notEqual(later.ticket, first.ticket, 'writes after the seal take a new ticket');
    second.done(1);
    const ready = tickets.next();
    assert.equal(ready?.id, first.ticket);
    assert.deepEqual([...(ready?.stamps ?? [])], [['users', 1], ['likes', 1]]);
    later.done(0);
    assert.equal(tickets.next(), null, 'a ticket whose only write changed nothing is never handed out');
  });

  it('seals a ticket once it reaches the batch size, so no round reads more than one batch', () => {
    const tickets = new OutboxTickets(1_000);
    tickets.limitStamps(3);
    const ids = Array.from({ length: 7 }, () => {
      const stamp = tickets.stamp('users');
      stamp.done(1);
      return stamp.ticket;
    });
    assert.equal(new Set(ids).size, 3, '3 + 3 + 1 stamps');
    assert.equal(tickets.ready, 2);
    assert.equal(tickets.next()?.total, 3);
    assert.equal(tickets.next()?.total, 3);
    assert.equal(tickets.next()?.total, 1, 'the open one is sealed last');
  });

  it('puts back a ticket a round could not empty, behind the others', () => {
    const tickets = new OutboxTickets(1);
    for (let i = 0; i < 2; i += 1) tickets.stamp('users').done(1);
    const first = tickets.next();
    assert.ok(first !== null);
    tickets.requeue(first);
    assert.notEqual(tickets.next()?.id, first.id);
    assert.equal(tickets.next()?.id, first.id);
  });

  it('knows its tickets until a round leaves them empty, so its relay never adopts them as stale', () => {
    const tickets = new OutboxTickets();
    const stamp = tickets.stamp('users');
    assert.equal(tickets.owns(stamp.ticket), true, 'open');
    stamp.done(1);
    const sealed = tickets.next();
    assert.ok(sealed !== null);
    assert.equal(tickets.owns(sealed.id), true, 'in a round');
    tickets.requeue(sealed);
    assert.equal(tickets.owns(sealed.id), true, 'waiting again');
    tickets.finish(sealed);
    assert.equal(tickets.owns(sealed.id), false);
    assert.equal(tickets.owns('mi0-another-process'), false);
  });

  it('reads the opening time from an id, and none from NO_TICKET or a foreign value', () => {
    const tickets = new OutboxTickets();
    const before = Date.now();
    const stamp = tickets.stamp('users');
    const openedAt = ticketOpenedAt(stamp.ticket);
    assert.ok(openedAt !== null && openedAt >= before - 1_000 && openedAt <= Date.now());
    assert.equal(ticketOpenedAt(NO_TICKET), null);
    assert.equal(ticketOpenedAt(undefined), null);
    assert.ok(stamp.ticket < NO_TICKET, 'every ticket sorts before NO_TICKET, so $min replaces it');
  });
});
