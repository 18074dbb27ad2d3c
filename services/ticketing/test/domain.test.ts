import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  availableOf,
  claimOf,
  decideHold,
  decideRelease,
  decideReschedule,
  decideSell,
  doorHoursOf,
  doorOpen,
  findTier,
  heldOf,
  pruneClaims,
  salesOpen,
  type Claim,
  type InventoryState,
  type Tier,
} from '../src/domain/inventory.js';
import { feedEntriesOf, type HeldTicket } from '../src/domain/calendar-feed.js';
import { doorCodeHash, initialsOf, nameOfPrincipal, newDoorStaffId, normalizeEmail } from '../src/domain/door-staff.js';
import { FINAL_STATUSES, orderIdFor, requestHashOf, ticketIdsFor } from '../src/domain/order.js';
import { newTicketCode } from '../src/domain/ticket.js';

/** Pure rules of ticketing: no database, no broker, no Stripe. */

const t = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 12, minutes));
const NOW = t(0);
const LATER = t(15);

function claim(orderId: string, quantity: number, state: Claim['state']): Claim {
  return { orderId, quantity, state, createdAt: t(-5), expiresAt: t(10) };
}

function tier(overrides: Partial<Tier> = {}): Tier {
  return { tierId: 'ga', name: 'General', priceMinor: 2_500, currency: 'eur', capacity: 10, sold: 0, claims: [], ...overrides };
}

function inventory(tiers: Tier[], overrides: Partial<InventoryState> = {}): InventoryState {
  return {
    _id: 'evt-1',
    eventId: 'evt-1',
    organizerId: 'org-1',
    title: 'Night',
    startsAt: t(24 * 60),
    endsAt: t(27 * 60),
    status: 'on_sale',
    closedReason: null,
    sourceVersion: 3,
    tiers,
    ...overrides,
  };
}

const hold = (orderId: string, quantity: number, tierId = 'ga') => ({ tierId, orderId, quantity, now: NOW, expiresAt: LATER });

function placedTier(decision: ReturnType<typeof decideHold>, tierId = 'ga'): Tier {
  assert.equal(decision.kind, 'placed');
  assert.ok(decision.kind === 'placed');
  const found = decision.tiers.find((x) => x.tierId === tierId);
  assert.ok(found !== undefined);
  return found;
}

describe('ticketing inventory: seat counting', () => {
  it('held counts only held claims; available is capacity − sold − held', () => {
    const counted = tier({ capacity: 20, sold: 4, claims: [claim('a', 3, 'held'), claim('b', 5, 'sold'), claim('c', 7, 'released'), claim('d', 2, 'held')] });
    assert.equal(heldOf(counted), 5);
    assert.equal(availableOf(counted), 20 - 4 - 5);
    assert.equal(heldOf(tier()), 0);
  });

  it('finds tiers and claims by id, and nothing for an unknown id', () => {
    const state = inventory([tier({ tierId: 'ga' }), tier({ tierId: 'vip', claims: [claim('o1', 1, 'held')] })]);
    assert.equal(findTier(state, 'vip')?.tierId, 'vip');
    assert.equal(findTier(state, 'nope'), undefined);
    const vip = findTier(state, 'vip');
    assert.ok(vip !== undefined);
    assert.equal(claimOf(vip, 'o1')?.quantity, 1);
    assert.equal(claimOf(vip, 'o2'), undefined);
  });

  it('sales are open only while on sale and before the start, not at the start itself', () => {
    const state = inventory([tier()], { startsAt: t(60) });
    assert.equal(salesOpen(state, t(59)), true);
    assert.equal(salesOpen(state, t(60)), false, 'at the start instant sales are over');
    assert.equal(salesOpen(state, t(61)), false);
    assert.equal(salesOpen({ ...state, status: 'closed' }, t(0)), false);
  });
});

describe('ticketing inventory: decideHold', () => {
  it('places a held claim with the order, quantity and expiry, leaving other tiers and claims as they were', () => {
    const vip = tier({ tierId: 'vip', capacity: 2 });
    const state = inventory([tier({ claims: [claim('other', 2, 'held')] }), vip]);
    const decision = decideHold(state, hold('o1', 3));
    const ga = placedTier(decision);
    assert.deepEqual(ga.claims, [claim('other', 2, 'held'), { orderId: 'o1', quantity: 3, state: 'held', createdAt: NOW, expiresAt: LATER }]);
    assert.equal(ga.sold, 0, 'a hold sells nothing');
    assert.equal(availableOf(ga), 5);
    assert.ok(decision.kind === 'placed');
    assert.deepEqual(decision.tiers[1], vip, 'the other tier is untouched');
    assert.equal(state.tiers[0]?.claims.length, 1, 'the input state is not mutated');
  });

  it('takes the last seats exactly, and refuses one seat more with what is left', () => {
    const state = inventory([tier({ capacity: 5, sold: 2, claims: [claim('x', 1, 'held')] })]);
    assert.equal(availableOf(placedTier(decideHold(state, hold('o1', 2)))), 0, 'exactly the 2 seats left');
    assert.deepEqual(decideHold(state, hold('o1', 3)), { kind: 'sold-out', available: 2 });
  });

  it('a 3-seat hold on 1 seat left is sold out (never oversells)', () => {
    const state = inventory([tier({ capacity: 10, sold: 9 })]);
    assert.deepEqual(decideHold(state, hold('o1', 3)), { kind: 'sold-out', available: 1 });
    assert.equal(placedTier(decideHold(state, hold('o1', 1))).claims.length, 1);
  });

  it('a sold-out tier refuses with 0 available', () => {
    const state = inventory([tier({ capacity: 4, sold: 2, claims: [claim('x', 2, 'held')] })]);
    assert.deepEqual(decideHold(state, hold('o1', 1)), { kind: 'sold-out', available: 0 });
  });

  it('released and sold seats are counted right: released ones are free again, sold ones are not', () => {
    const state = inventory([tier({ capacity: 4, sold: 1, claims: [claim('gone', 3, 'released'), claim('paid', 1, 'sold')] })]);
    assert.equal(placedTier(decideHold(state, hold('o1', 3))).claims.at(-1)?.quantity, 3);
    assert.equal(decideHold(state, hold('o1', 4)).kind, 'sold-out');
  });

  it('an unknown tier is refused before anything else', () => {
    const closed = inventory([tier()], { status: 'closed' });
    assert.deepEqual(decideHold(closed, hold('o1', 1, 'nope')), { kind: 'unknown-tier' });
  });

  it('the same order never claims twice (held or sold), even when sales closed meanwhile', () => {
    for (const state of ['held', 'sold'] as const) {
      const inv = inventory([tier({ claims: [claim('o1', 2, state)] })], { status: 'closed' });
      assert.deepEqual(decideHold(inv, hold('o1', 2)), { kind: 'already' });
    }
  });

  it('a released claim of the same order is claimed again, replacing it (a retried checkout)', () => {
    const state = inventory([tier({ capacity: 3, claims: [claim('o1', 2, 'released'), claim('x', 1, 'held')] })]);
    const ga = placedTier(decideHold(state, hold('o1', 2)));
    assert.deepEqual(
      ga.claims.map((c) => [c.orderId, c.state, c.quantity]),
      [
        ['x', 'held', 1],
        ['o1', 'held', 2],
      ],
    );
  });

  it('refuses when sales are closed or the event has started', () => {
    assert.deepEqual(decideHold(inventory([tier()], { status: 'closed' }), hold('o1', 1)), { kind: 'not-on-sale' });
    assert.deepEqual(decideHold(inventory([tier()], { startsAt: NOW }), hold('o1', 1)), { kind: 'not-on-sale' });
  });
});

describe('ticketing inventory: decideSell', () => {
  it('turns the held claim into sold and counts its seats once', () => {
    const state = inventory([tier({ capacity: 5, sold: 1, claims: [claim('o1', 2, 'held'), claim('x', 1, 'held')] }), tier({ tierId: 'vip' })]);
    const decision = decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 2, now: NOW });
    assert.equal(decision.kind, 'sold');
    assert.ok(decision.kind === 'sold');
    const ga = decision.tiers[0];
    assert.ok(ga !== undefined);
    assert.equal(ga.sold, 3);
    assert.deepEqual(
      ga.claims.map((c) => [c.orderId, c.state]),
      [
        ['o1', 'sold'],
        ['x', 'held'],
      ],
    );
    assert.equal(availableOf(ga), 1, 'the seats moved from held to sold, none created');
    assert.deepEqual(decision.tiers[1], tier({ tierId: 'vip' }));
  });

  it('a second payment for a sold claim changes nothing, even after cancellation', () => {
    const state = inventory([tier({ sold: 2, claims: [claim('o1', 2, 'sold')] })], { status: 'closed', closedReason: 'cancelled' });
    assert.deepEqual(decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 2, now: NOW }), { kind: 'already' });
  });

  it('a payment after cancellation is refused (refunded), even with a held claim', () => {
    const state = inventory([tier({ claims: [claim('o1', 2, 'held')] })], { status: 'closed', closedReason: 'cancelled' });
    assert.deepEqual(decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 2, now: NOW }), { kind: 'cancelled' });
  });

  it('a payment after sales completed still honours a held claim', () => {
    const state = inventory([tier({ claims: [claim('o1', 2, 'held')] })], { status: 'closed', closedReason: 'completed' });
    assert.equal(decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 2, now: NOW }).kind, 'sold');
  });

  it('a late payment for a released claim re-takes free seats as sold, or is refused when none are left', () => {
    const state = inventory([tier({ capacity: 4, sold: 1, claims: [claim('o1', 2, 'released'), claim('x', 1, 'held')] })]);
    const decision = decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 2, now: NOW });
    assert.ok(decision.kind === 'sold');
    const ga = decision.tiers[0];
    assert.ok(ga !== undefined);
    assert.equal(ga.sold, 3);
    assert.deepEqual(ga.claims, [claim('x', 1, 'held'), { orderId: 'o1', quantity: 2, state: 'sold', createdAt: NOW, expiresAt: NOW }]);
    assert.deepEqual(decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 3, now: NOW }), { kind: 'no-seats' });
  });

  it('a pruned claim (no trace left) is sold only when its seats are exactly still free', () => {
    const state = inventory([tier({ capacity: 3, sold: 1 })]);
    assert.equal(decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 2, now: NOW }).kind, 'sold');
    assert.deepEqual(decideSell(state, { tierId: 'ga', orderId: 'o1', quantity: 3, now: NOW }), { kind: 'no-seats' });
  });

  it('an unknown tier is reported', () => {
    assert.deepEqual(decideSell(inventory([tier()]), { tierId: 'nope', orderId: 'o1', quantity: 1, now: NOW }), { kind: 'unknown-tier' });
  });
});

describe('ticketing inventory: decideRelease and pruneClaims', () => {
  it('releases a held claim only, leaving the others', () => {
    const state = inventory([tier({ claims: [claim('o1', 2, 'held'), claim('x', 1, 'held')] }), tier({ tierId: 'vip' })]);
    const tiers = decideRelease(state, { tierId: 'ga', orderId: 'o1' });
    assert.ok(tiers !== null);
    assert.deepEqual(
      tiers[0]?.claims.map((c) => [c.orderId, c.state]),
      [
        ['o1', 'released'],
        ['x', 'held'],
      ],
    );
    assert.deepEqual(tiers[1], tier({ tierId: 'vip' }));
  });

  it('is a no-op for sold, released, missing claims and unknown tiers', () => {
    const state = inventory([tier({ claims: [claim('sold', 1, 'sold'), claim('gone', 1, 'released')] })]);
    assert.equal(decideRelease(state, { tierId: 'ga', orderId: 'sold' }), null);
    assert.equal(decideRelease(state, { tierId: 'ga', orderId: 'gone' }), null);
    assert.equal(decideRelease(state, { tierId: 'ga', orderId: 'never' }), null);
    assert.equal(decideRelease(state, { tierId: 'nope', orderId: 'sold' }), null);
  });

  it('prunes settled claims of final orders, never held ones', () => {
    const state = inventory([
      tier({ claims: [claim('held-final', 1, 'held'), claim('sold-final', 1, 'sold'), claim('sold-open', 1, 'sold'), claim('released-final', 1, 'released')] }),
      tier({ tierId: 'vip', claims: [claim('v', 1, 'held')] }),
    ]);
    const tiers = pruneClaims(state, (c) => c.orderId.endsWith('-final'));
    assert.ok(tiers !== null);
    assert.deepEqual(
      tiers[0]?.claims.map((c) => c.orderId),
      ['held-final', 'sold-open'],
    );
    assert.deepEqual(tiers[1]?.claims.map((c) => c.orderId), ['v']);
  });

  it('returns null when nothing is pruned', () => {
    const state = inventory([tier({ claims: [claim('a', 1, 'held'), claim('b', 1, 'sold')] })]);
    assert.equal(pruneClaims(state, () => false), null);
    assert.equal(pruneClaims(state, (c) => c.orderId === 'a'), null, 'a held claim is never pruned');
  });
});

describe('ticketing orders and tickets: derived ids', () => {
  it('the same buyer and key give the same order id; another buyer or key another one', () => {
    const id = orderIdFor('buyer-1', 'key-1');
    assert.match(id, /^ord_[A-Za-z0-9_-]{32}$/);
    assert.equal(orderIdFor('buyer-1', 'key-1'), id);
    assert.notEqual(orderIdFor('buyer-2', 'key-1'), id);
    assert.notEqual(orderIdFor('buyer-1', 'key-2'), id);
    assert.notEqual(orderIdFor('buyer-1k', 'ey-1'), orderIdFor('buyer-1', 'key-1'), 'the separator keeps the two parts apart');
  });

  it('the request fingerprint changes with event, tier or quantity', () => {
    const base = { eventId: 'e', tierId: 'ga', quantity: 2 };
    const hash = requestHashOf(base);
    assert.equal(requestHashOf({ ...base }), hash);
    assert.notEqual(requestHashOf({ ...base, eventId: 'f' }), hash);
    assert.notEqual(requestHashOf({ ...base, tierId: 'vip' }), hash);
    assert.notEqual(requestHashOf({ ...base, quantity: 3 }), hash);
    assert.notEqual(requestHashOf({ eventId: 'e\nga', tierId: '', quantity: 2 }), requestHashOf({ eventId: 'e', tierId: '\nga', quantity: 2 }));
  });

  it('ticket ids are numbered from 1 and derived from the order id', () => {
    assert.deepEqual(ticketIdsFor('ord_abc', 3), ['tkt_abc_1', 'tkt_abc_2', 'tkt_abc_3']);
    assert.deepEqual(ticketIdsFor('ord_abc', 0), []);
  });

  it('final statuses are exactly the ones an order never leaves', () => {
    assert.deepEqual([...FINAL_STATUSES].sort(), ['expired', 'paid', 'refunded', 'rejected']);
  });

  it('ticket codes are 256 random bits in base64url, never repeated', () => {
    const a = newTicketCode();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newTicketCode(), a);
  });
});

describe('door hours and a rescheduled event', () => {
  it('the door is open from 6 hours before the start until the end, both as scheduled now', () => {
    const state = inventory([tier()]);
    assert.deepEqual(doorHoursOf(state), { opensAt: t(18 * 60), closesAt: t(27 * 60) });
    assert.equal(doorOpen(state, t(18 * 60 - 1)), false, 'a minute before the doors open');
    assert.equal(doorOpen(state, t(18 * 60)), true);
    assert.equal(doorOpen(state, t(27 * 60 - 1)), true);
    assert.equal(doorOpen(state, t(27 * 60)), false, 'the end closes the door');
  });

  it('a newer edit moves start, end and title; an older or equal one changes nothing', () => {
    const state = inventory([tier()]);
    const moved = { startsAt: t(48 * 60), endsAt: t(50 * 60), title: 'Night, later', sourceVersion: 4 };
    assert.deepEqual(decideReschedule(state, moved), { ...moved, venue: null }, 'no venue known, none in the message');
    assert.equal(decideReschedule(state, { ...moved, sourceVersion: 3 }), null);
    assert.equal(decideReschedule(state, { ...moved, sourceVersion: 2 }), null);
    assert.equal(doorOpen({ ...state, ...moved }, t(24 * 60)), false, 'the old start is not a door time any more');
  });

  it('a newer edit with a venue moves the place; one without a venue (an older message) keeps it', () => {
    const club = { name: 'Blue Note', address: 'Via Roma 1', city: 'Bologna' };
    const hall = { name: 'Hall', address: 'Piazza 2', city: 'Modena' };
    const state = inventory([tier()], { venue: club });
    const base = { startsAt: t(48 * 60), endsAt: t(50 * 60), title: 'Night', sourceVersion: 4 };
    assert.deepEqual(decideReschedule(state, { ...base, venue: hall })?.venue, hall);
    assert.deepEqual(decideReschedule(state, base)?.venue, club);
    assert.equal(decideReschedule(state, { ...base, venue: hall, sourceVersion: 3 }), null);
  });
});

describe('a member\'s calendar feed', () => {
  const links = { eventUrl: (id: string) => `https://app.test/events/${id}`, ticketsUrl: 'https://app.test/tickets' };
  const vip: Tier = tier({ tierId: 'vip', name: 'VIP' });
  const held = (eventId: string, status: HeldTicket['status'], tierId = 'ga'): HeldTicket => ({ eventId, tierId, status });
  const events = new Map([
    ['evt-late', inventory([tier(), vip], { eventId: 'evt-late', title: 'Late', startsAt: t(48 * 60), endsAt: t(50 * 60), venue: { name: 'Club', address: '', city: 'Bologna' }, sourceVersion: 5 })],
    ['evt-early', inventory([tier()], { eventId: 'evt-early', title: 'Early', venue: null })],
    ['evt-off', inventory([tier()], { eventId: 'evt-off', title: 'Off', closedReason: 'cancelled', status: 'closed' })],
    ['evt-refunded', inventory([tier()], { eventId: 'evt-refunded', title: 'Refunded' })],
  ]);

  it('one entry per event with tickets that get someone in, earliest first, saying how many of which tier', () => {
    const entries = feedEntriesOf(
      [held('evt-late', 'valid'), held('evt-late', 'used', 'vip'), held('evt-late', 'valid'), held('evt-early', 'valid'), held('evt-unknown', 'valid')],
      events,
      links,
    );
    assert.deepEqual(entries.map((entry) => entry.uid), ['evt-early@eventonight', 'evt-late@eventonight'], 'sorted by start; an event not copied here is left out');
    const late = entries[1];
    assert.equal(late?.description, 'Your 3 tickets: 2 × General, 1 × VIP. Show the QR codes at the door: https://app.test/tickets');
    assert.equal(late?.location, 'Club, Bologna');
    assert.equal(late?.sequence, 5);
    assert.equal(late?.status, 'CONFIRMED');
    assert.equal(late?.url, 'https://app.test/events/evt-late');
    assert.equal(entries[0]?.location, null);
    assert.match(entries[0]?.description ?? '', /^Your 1 ticket: 1 × General\./);
  });

  it('a refunded order\'s tickets leave the feed; a cancelled event stays, called off', () => {
    const entries = feedEntriesOf([held('evt-refunded', 'invalidated'), held('evt-off', 'invalidated'), held('evt-off', 'invalidated')], events, links);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.uid, 'evt-off@eventonight');
    assert.equal(entries[0]?.status, 'CANCELLED');
    assert.equal(entries[0]?.title, 'Cancelled: Off');
    assert.match(entries[0]?.description ?? '', /^This event was cancelled\. Your 2 tickets \(2 × General\) are refunded if you paid\.$/);
  });
});

describe('door staff and the offline list (ADR 0038)', () => {
  it('a code digest is base64url SHA-256 of eventId:code, different per event, never the code', () => {
    assert.equal(doorCodeHash('evt-1', 'abc'), createHash('sha256').update('evt-1:abc', 'utf8').digest('base64url'));
    assert.notEqual(doorCodeHash('evt-1', 'abc'), doorCodeHash('evt-2', 'abc'));
    assert.doesNotMatch(doorCodeHash('evt-1', 'abc'), /abc/);
  });

  it('initials: up to three, upper case, null without a name', () => {
    assert.equal(initialsOf('ada  lovelace'), 'A. L.');
    assert.equal(initialsOf('Ana Maria da Silva'), 'A. M. D.');
    assert.equal(initialsOf('Émile'), 'É.');
    assert.equal(initialsOf('   '), null);
    assert.equal(initialsOf(null), null);
  });

  it('emails compare in lower case without spaces; a person is named by name, then username, then email, then id', () => {
    assert.equal(normalizeEmail('  Dora@Example.COM '), 'dora@example.com');
    assert.equal(nameOfPrincipal({ userId: 'u', displayName: 'Dora', username: 'd', email: 'e' }), 'Dora');
    assert.equal(nameOfPrincipal({ userId: 'u', username: 'd', email: 'e' }), 'd');
    assert.equal(nameOfPrincipal({ userId: 'u', email: 'e' }), 'e');
    assert.equal(nameOfPrincipal({ userId: 'u' }), 'u');
    assert.match(newDoorStaffId(), /^dst_[0-9a-f-]{36}$/);
  });
});
