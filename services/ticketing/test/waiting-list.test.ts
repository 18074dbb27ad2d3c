import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDatabase, startTestIssuer, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { eraseUser } from '../src/application/erase-user.js';
import { sweep } from '../src/application/sweep.js';
import type { WaitEntry } from '../src/domain/inventory.js';
import { call, checkoutCall, countsOf, newUser, postWebhook, publishEvent, sessionEvent, startTicketing, type TestEvent, type TestTicketing } from './helpers.js';

const JOINERS = Number(process.env['WAITLIST_JOINERS'] ?? 200);
const SEATS = 5;
const OFFER_TTL_MS = 60_000;
const SOLD_OUT = 'https://eventonight.dev/problems/sold-out';

/** Issue 29 part 3: the waiting list of a sold-out tier, against the real servers. */
describe('ticketing: waiting list', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let ticketing: TestTicketing;
  let now = Date.now();
  before(async () => {
    database = await freshDatabase('ticketing_waitlist');
    issuer = await startTestIssuer();
    ticketing = await startTicketing({
      database: database.name,
      issuer,
      extra: { WAITLIST_OFFER_TTL_MS: String(OFFER_TTL_MS) },
      overrides: { clock: () => new Date(now) },
    });
  });
  after(async () => {
    await ticketing.close();
    await issuer.close();
    await database.dispose();
  });

  const url = () => ticketing.service.url;
  const join = (token: string, event: TestEvent, quantity = 1) =>
    call(url(), 'POST', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list`, { token, body: { quantity } });
  const entriesOf = async (event: TestEvent): Promise<WaitEntry[]> =>
    (await ticketing.deps.inventories.load(event.eventId))?.state.tiers.find((t) => t.tierId === event.tierId)?.waiting ?? [];
  const seqOf = (entry: WaitEntry) => Number(entry.entryId.split('_').at(-1));

  /** A tier with every seat held by an order awaiting payment; returns those orders. */
  async function soldOutTier(seats: number): Promise<{ event: TestEvent; orderIds: string[] }> {
    const event = await publishEvent(url(), issuer, seats);
    const orderIds: string[] = [];
    for (let i = 0; i < seats; i += 1) {
      const buyer = await newUser(issuer, 'member');
      const reply = await checkoutCall(url(), buyer.token, event, 1);
      assert.equal(reply.status, 201);
      orderIds.push(String(reply.body['orderId']));
    }
    return { event, orderIds };
  }

  it('refuses to join while seats are on sale, with a sentence', async () => {
    const event = await publishEvent(url(), issuer, 3);
    const member = await newUser(issuer, 'member');
    const reply = await join(member.token, event);
    assert.equal(reply.status, 409);
    assert.equal(reply.body['type'], 'https://eventonight.dev/problems/seats-available');
    assert.match(String(reply.body['detail']), /still on sale/);
  });

  it(`${JOINERS} joins race seats coming back: offers go in join order, no seat offered twice, offers that lapse pass on`, async () => {
    const { event, orderIds } = await soldOutTier(SEATS);
    const members = await Promise.all(Array.from({ length: JOINERS }, () => newUser(issuer, 'member')));
    const firstJoins = members.slice(0, 20);
    // Some are in line before any seat returns, so the returning seats are never "free for anyone".
    for (const member of firstJoins) assert.equal((await join(member.token, event)).status, 201);

    // The rest join while every held order expires (webhooks) and two sweepers run at once.
    const expiries = orderIds.map(async (orderId) => {
      const sessionId = (await ticketing.deps.orders.load(orderId))?.state.stripeSessionId ?? '';
      return postWebhook(url(), sessionEvent('checkout.session.expired', { orderId, sessionId }));
    });
    const replies = await Promise.all([
      ...members.slice(20).map((member) => join(member.token, event)),
      ...expiries,
      sweep(ticketing.deps),
      sweep(ticketing.deps),
    ]);
    const joinReplies = replies.slice(0, JOINERS - 20) as Array<{ status: number }>;
    assert.deepEqual([...new Set(joinReplies.map((r) => r.status))], [201]);
    await waitFor(async () => ((await countsOf(ticketing.deps, event.eventId, event.tierId)).claims.filter((c) => c.offer === true).length === SEATS ? true : undefined), {
      what: 'every returned seat offered',
      timeoutMs: 20_000,
    });

    const offeredEver = new Set<string>();
    let served = 0;
    for (let round = 0; served < JOINERS; round += 1) {
      const entries = await entriesOf(event);
      const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
      // Never more than the capacity, never two claims for one member.
      assert.ok(counts.sold + counts.held <= counts.capacity, `round ${round}: ${counts.sold} + ${counts.held} > ${counts.capacity}`);
      assert.equal(new Set(entries.map((e) => e.userId)).size, entries.length);
      // The line is in join order, and the offers are exactly its head.
      const seqs = entries.map(seqOf);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
      const offered = entries.filter((e) => e.state === 'offered');
      assert.deepEqual(offered.map(seqOf), seqs.slice(0, offered.length), `round ${round}: an offer skipped someone`);
      assert.equal(offered.length, Math.min(SEATS, JOINERS - served));
      assert.deepEqual(offered.map(seqOf), Array.from({ length: offered.length }, (_, i) => served + i + 1));
      for (const entry of offered) {
        assert.ok(!offeredEver.has(entry.userId), `${entry.userId} offered twice`);
        offeredEver.add(entry.userId);
      }
      // The first in line of each round can see it; a regular buyer cannot jump the line.
      if (round === 0) {
        const first = members[0];
        assert.ok(first !== undefined);
        const mine = await call(url(), 'GET', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: first.token });
        assert.equal(mine.body['state'], 'offered');
        const stranger = await newUser(issuer, 'member');
        const jump = await checkoutCall(url(), stranger.token, event, 1);
        assert.equal(jump.status, 409);
        assert.equal(jump.body['type'], SOLD_OUT);
        const sixth = members[SEATS + 1];
        assert.ok(sixth !== undefined);
        const place = await call(url(), 'GET', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: sixth.token });
        assert.deepEqual([place.body['state'], place.body['position']], ['waiting', 2]);
      }
      served += offered.length;
      // Nobody takes their offer: it lapses and passes on (two sweepers at once).
      now += OFFER_TTL_MS + 1_000;
      await Promise.all([sweep(ticketing.deps), sweep(ticketing.deps)]);
    }
    assert.equal(offeredEver.size, JOINERS);
    assert.deepEqual(await entriesOf(event), []);
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.equal(counts.held, 0);
    // Lapsed offers leave no claim behind once swept.
    await sweep(ticketing.deps);
    assert.equal((await countsOf(ticketing.deps, event.eventId, event.tierId)).claims.filter((c) => c.offer === true).length, 0);
  });

  it('an offer is taken through checkout and paid; an expired offer cannot be taken', async () => {
    const { event, orderIds } = await soldOutTier(1);
    const [first, second] = await Promise.all([newUser(issuer, 'member'), newUser(issuer, 'member')]);
    assert.equal((await join(first.token, event)).status, 201);
    assert.equal((await join(second.token, event)).status, 201);
    assert.equal((await join(second.token, event)).status, 200, 'a second join is the same entry');
    const notYet = await call(url(), 'POST', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me/accept`, { token: second.token });
    assert.equal(notYet.status, 409);
    assert.equal(notYet.body['type'], 'https://eventonight.dev/problems/no-offer');

    const orderId = orderIds[0] ?? '';
    const sessionId = (await ticketing.deps.orders.load(orderId))?.state.stripeSessionId ?? '';
    await postWebhook(url(), sessionEvent('checkout.session.expired', { orderId, sessionId }));
    await waitFor(async () => ((await entriesOf(event))[0]?.state === 'offered' ? true : undefined), { what: 'offer to the first' });

    const taken = await call(url(), 'POST', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me/accept`, { token: first.token });
    assert.equal(taken.status, 201, JSON.stringify(taken.body));
    assert.equal(taken.body['status'], 'awaiting_payment');
    const offerOrder = String(taken.body['orderId']);
    const offerSession = (await ticketing.deps.orders.load(offerOrder))?.state.stripeSessionId ?? '';
    await postWebhook(url(), sessionEvent('checkout.session.completed', { orderId: offerOrder, sessionId: offerSession }));
    await waitFor(async () => ((await ticketing.deps.orders.load(offerOrder))?.state.status === 'paid' ? true : undefined), { what: 'offer paid' });
    const mine = await call(url(), 'GET', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: first.token });
    assert.equal(mine.body['state'], 'taken');
    const counts = await countsOf(ticketing.deps, event.eventId, event.tierId);
    assert.deepEqual({ sold: counts.sold, held: counts.held }, { sold: 1, held: 0 });

    // An erased member's place in line goes with their account (ADR 0027).
    const erased = await newUser(issuer, 'member');
    assert.equal((await join(erased.token, event)).status, 201);
    await eraseUser(ticketing.deps, erased.id);
    assert.deepEqual((await entriesOf(event)).map((e) => e.userId).filter((id) => id === erased.id), []);

    // The second leaves; leaving twice is fine.
    const left = await call(url(), 'DELETE', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: second.token });
    assert.equal(left.status, 204);
    assert.equal((await call(url(), 'DELETE', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: second.token })).status, 204);
    assert.equal((await call(url(), 'GET', `/events/${event.eventId}/tiers/${event.tierId}/waiting-list/me`, { token: second.token })).status, 404);
  });
});
