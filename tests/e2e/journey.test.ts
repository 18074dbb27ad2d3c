import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  deleteAccount,
  gatewayUpstreamsOf,
  registerAccount,
  startGateway,
  startSystem,
  throughGateway,
  waitFor,
  type Account,
  type RunningGateway,
  type RunningSystem,
} from '@eventonight/testing';
import { api, completeCheckout, eventBody, expectStatus, newIdempotencyKey, openInbox, uploadImage, type NotificationInbox } from './support/clients.js';

/**
 * The journey of issue 8, as its users live it: the seven services as separate processes on the
 * real servers, reached only through the real Traefik (every API call, the Stripe webhook and the
 * notification socket), tokens from the real Keycloak, each step asserted before the next. The
 * presigned S3 URLs still point at the object store itself (the media service signs for
 * S3_ENDPOINT); in production they point at files.<domain>, behind the same gateway.
 *
 * One change of order against the wording: the member follows the organization before
 * the organization publishes, because "new event" notifications go to the followers an
 * organization has when it publishes.
 */

interface Tier {
  tierId: string;
  name: string;
}

interface Ticket {
  ticketId: string;
  code: string;
  status: string;
  eventId: string;
}

// A 1×1 PNG: the media service checks the stored object's size and type, not its pixels.
const COVER = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

describe('journey: an organization and a member, from registration to a cancelled event', { timeout: 240_000 }, () => {
  /** The system as its users reach it: every service URL is a gateway route. */
  let system: RunningSystem;
  let gateway: RunningGateway;
  let organizer: Account;
  let member: Account;
  let organizerInbox: NotificationInbox;
  let memberInbox: NotificationInbox;
  let coverId: string;
  let eventId: string;
  let standardTier: Tier;
  let orderId: string;
  let tickets: Ticket[];
  let conversationId: string;

  before(async () => {
    const direct = await startSystem();
    try {
      gateway = await startGateway(gatewayUpstreamsOf(direct));
    } catch (error) {
      await direct.stop();
      throw error;
    }
    system = throughGateway(direct, gateway);
  });

  after(async () => {
    organizerInbox?.close();
    memberInbox?.close();
    for (const account of [organizer, member]) if (account !== undefined) await deleteAccount(system.url('user'), account);
    await gateway?.stop();
    await system?.stop();
  });

  it('an organization registers in Keycloak through the user service and is pushed notifications', async () => {
    organizer = await registerAccount(system.url('user'), {
      role: 'organization',
      displayName: 'Harbour Nights',
      organization: { name: 'Harbour Nights Collective', website: 'https://harbour.example' },
    });
    const me = await expectStatus(200, api(system, 'user', organizer, 'GET', '/users/me'), 'own profile');
    assert.equal(me.body['role'], 'organization');
    assert.equal((me.body['organization'] as { name: string }).name, 'Harbour Nights Collective');
    organizerInbox = await openInbox(system, organizer);
  });

  it('uploads a cover through a presigned POST to the S3 server; the cover is viewable', async () => {
    coverId = await uploadImage(system, organizer, 'event_cover', COVER, 'image/png');
    const view = await expectStatus(200, api(system, 'media', undefined, 'GET', `/media/${coverId}`), 'public view of a cover');
    const bytes = new Uint8Array(await (await fetch(view.body['url'] as string)).arrayBuffer());
    assert.deepEqual(bytes, COVER, 'the S3 server serves exactly the uploaded bytes');
  });

  it('creates a draft event with two tiers and that cover; a member registers and follows the organization', async () => {
    const created = await expectStatus(
      201,
      api(system, 'event', organizer, 'POST', '/events', {
        body: eventBody('Harbour Jazz Night', [
          { name: 'Standard', priceMinor: 2500, quantity: 50 },
          { name: 'VIP', priceMinor: 9000, quantity: 10 },
        ], { coverMediaId: coverId, startsInMs: 3 * 3_600_000 }), // tonight: the door (open 6 h before) is tested below
      }),
      'create event',
    );
    eventId = created.body['eventId'] as string;
    assert.equal(created.body['status'], 'draft');
    assert.equal(created.body['coverMediaId'], coverId);
    const tiers = created.body['tiers'] as Tier[];
    assert.deepEqual(tiers.map((tier) => tier.name), ['Standard', 'VIP']);
    standardTier = tiers[0] as Tier;

    member = await registerAccount(system.url('user'), { role: 'member', displayName: 'Ana Member' });
    memberInbox = await openInbox(system, member);
    const follow = await api(system, 'interaction', member, 'PUT', `/users/${organizer.id}/follow`);
    assert.ok(follow.status >= 200 && follow.status < 300, `follow: ${follow.status} ${JSON.stringify(follow.body)}`);
    const followed = await organizerInbox.next('a new follower', (n) => n.type === 'follower.new');
    assert.equal(followed.data['followerId'], member.id);
  });

  it('publishes: the following member is pushed "new event"; the public list and detail show it', async () => {
    const published = await expectStatus(200, api(system, 'event', organizer, 'POST', `/events/${eventId}/publish`), 'publish');
    assert.equal(published.body['status'], 'published');
    const pushed = await memberInbox.next('the new event', (n) => n.type === 'event.published' && n.data['eventId'] === eventId);
    assert.equal(pushed.data['title'], 'Harbour Jazz Night');
    assert.equal(pushed.data['organizerId'], organizer.id);

    const listed = await expectStatus(200, api(system, 'event', member, 'GET', `/events?organizerId=${organizer.id}`), 'list events');
    assert.deepEqual((listed.body['items'] as Array<{ eventId: string }>).map((e) => e.eventId), [eventId]);
    const detail = await expectStatus(200, api(system, 'event', undefined, 'GET', `/events/${eventId}`), 'event detail');
    assert.equal(detail.body['status'], 'published');
    assert.equal(detail.body['coverMediaId'], coverId);
  });

  it('the member likes the event; the organizer is pushed the like and the count is 1', async () => {
    const like = await api(system, 'interaction', member, 'PUT', `/events/${eventId}/like`);
    assert.ok(like.status >= 200 && like.status < 300, `like: ${like.status} ${JSON.stringify(like.body)}`);
    const liked = await organizerInbox.next('the like', (n) => n.type === 'event.liked' && n.data['eventId'] === eventId);
    assert.equal(liked.data['userId'], member.id);
    const stats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/events/${eventId}/stats`), 'event stats');
    assert.equal(stats.body['likes'], 1);
  });

  it('buys two tickets: checkout through Stripe, signed webhook, tickets issued, participation, both parties notified', async () => {
    const key = newIdempotencyKey();
    const checkout = () =>
      api(system, 'ticketing', member, 'POST', '/orders', {
        headers: { 'idempotency-key': key },
        body: { eventId, tierId: standardTier.tierId, quantity: 2 },
      });
    const first = await expectStatus(201, checkout(), 'checkout');
    orderId = first.body['orderId'] as string;
    assert.match(String(first.body['checkoutUrl']), /^https?:\/\//, 'a Stripe Checkout URL to redirect to');
    const retried = await checkout();
    assert.equal(retried.status, 200, 'a retried checkout with the same key is the same order');
    assert.equal(retried.body['orderId'], orderId);

    await expectStatus(200, completeCheckout(system, orderId), 'signed webhook');
    const issued = await waitFor(
      async () => {
        const reply = await api(system, 'ticketing', member, 'GET', '/tickets');
        const items = reply.body['items'] as Ticket[] | undefined;
        return items !== undefined && items.length === 2 ? items : undefined;
      },
      { timeoutMs: 20_000, what: 'two tickets' },
    );
    tickets = issued;
    assert.ok(tickets.every((ticket) => ticket.eventId === eventId && ticket.status === 'valid'), JSON.stringify(tickets));
    assert.equal(new Set(tickets.map((ticket) => ticket.code)).size, 2, 'each ticket has its own code');

    const purchased = await memberInbox.next('the purchase', (n) => n.type === 'ticket.purchased' && n.data['orderId'] === orderId);
    assert.equal(purchased.data['tickets'], 2);
    const sold = await organizerInbox.next('the sale', (n) => n.type === 'ticket.sold' && n.data['orderId'] === orderId);
    assert.equal(sold.data['buyerId'], member.id);

    const participation = await organizerInbox.next('the participation', (n) => n.type === 'event.participation' && n.data['eventId'] === eventId);
    assert.equal(participation.data['userId'], member.id);
    const mine = await expectStatus(200, api(system, 'interaction', member, 'GET', `/events/${eventId}/me`), 'own relation to the event');
    assert.equal(mine.body['participating'], true);
    assert.equal(mine.body['liked'], true);
  });

  it('chats with the organizer: the message is pushed at once, names come from the user service', async () => {
    const opened = await api(system, 'chat', member, 'POST', '/conversations', { body: { withUserId: organizer.id } });
    assert.ok(opened.status === 201 || opened.status === 200, `open conversation: ${opened.status} ${JSON.stringify(opened.body)}`);
    conversationId = opened.body['conversationId'] as string;
    const sent = await expectStatus(
      201,
      api(system, 'chat', member, 'POST', `/conversations/${conversationId}/messages`, {
        body: { messageId: newIdempotencyKey(), text: 'Hello! Is there parking near the venue?' },
      }),
      'send message',
    );
    const pushed = await organizerInbox.next('the chat message', (n) => n.type === 'chat.message' && n.data['messageId'] === sent.body['messageId']);
    assert.equal(pushed.data['senderId'], member.id);
    assert.match(String(pushed.data['preview']), /^Hello! Is there parking/);

    const theirs = await waitFor(
      async () => {
        const list = await api(system, 'chat', organizer, 'GET', '/conversations');
        const conversation = (list.body['items'] as Array<{ conversationId: string; unreadCount: number; otherParticipant: { displayName: string | null } }>)
          .find((c) => c.conversationId === conversationId);
        return conversation?.otherParticipant.displayName === null ? undefined : conversation;
      },
      { what: "chat's copy of the member's name" },
    );
    assert.equal(theirs.otherParticipant.displayName, 'Ana Member');
    assert.equal(theirs.unreadCount, 1);
  });

  it('at the door the organizer validates one ticket; a second scan is refused', async () => {
    const ticket = tickets[0] as Ticket;
    const scan = () => api(system, 'ticketing', organizer, 'POST', `/events/${eventId}/tickets/validate`, { body: { code: ticket.code } });
    await expectStatus(200, scan(), 'first scan');
    const again = await expectStatus(409, scan(), 'second scan');
    assert.equal(again.body['type'], 'https://eventonight.dev/problems/already-used');
  });

  it('the event is cancelled: the order is refunded, the tickets invalidated, member and organizer told, once', async () => {
    await expectStatus(
      200,
      api(system, 'event', organizer, 'POST', `/events/${eventId}/cancel`, { body: { reason: 'Storm warning for the harbour' } }),
      'cancel',
    );
    const cancelled = await memberInbox.next('the cancellation', (n) => n.type === 'event.cancelled' && n.data['eventId'] === eventId);
    assert.equal(cancelled.data['reason'], 'Storm warning for the harbour');
    await memberInbox.next('the refund', (n) => n.type === 'order.refunded' && n.data['orderId'] === orderId);
    const refunded = await organizerInbox.next('the refund of the sale', (n) => n.type === 'ticket.refunded' && n.data['orderId'] === orderId);
    assert.equal(refunded.data['quantity'], 2);

    const orders = await expectStatus(200, api(system, 'ticketing', member, 'GET', '/orders'), 'own orders');
    const order = (orders.body['items'] as Array<{ orderId: string; status: string }>).find((o) => o.orderId === orderId);
    assert.equal(order?.status, 'refunded');
    const after = await expectStatus(200, api(system, 'ticketing', member, 'GET', '/tickets'), 'own tickets');
    assert.deepEqual((after.body['items'] as Ticket[]).map((t) => t.status), ['invalidated', 'invalidated']);
    const scan = await api(system, 'ticketing', organizer, 'POST', `/events/${eventId}/tickets/validate`, { body: { code: (tickets[1] as Ticket).code } });
    assert.ok(scan.status >= 400 && scan.status < 500, `an invalidated ticket does not get in: ${scan.status}`);

    // Stored once each although the member is both a follower and a participant.
    const listed = await expectStatus(200, api(system, 'notification', member, 'GET', '/notifications?limit=100'), 'notifications');
    const types = (listed.body['items'] as Array<{ type: string }>).map((n) => n.type).sort();
    assert.deepEqual(types, ['event.cancelled', 'event.published', 'order.refunded', 'ticket.purchased']);
  });

  it('derived copies follow the source: counts in interaction, a renamed member in chat and interaction', async () => {
    const organizerStats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/users/${organizer.id}/stats`), 'organizer stats');
    assert.equal(organizerStats.body['followers'], 1);
    const memberStats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/users/${member.id}/stats`), 'member stats');
    assert.equal(memberStats.body['following'], 1);
    const followers = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/users/${organizer.id}/followers`), 'followers');
    assert.deepEqual(
      (followers.body['items'] as Array<{ userId: string; displayName: string | null }>).map((f) => [f.userId, f.displayName]),
      [[member.id, 'Ana Member']],
      "interaction's copy of the member's name",
    );
    const eventStats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/events/${eventId}/stats`), 'event stats');
    assert.equal(eventStats.body['likes'], 1);
    assert.equal(eventStats.body['participants'], 1);

    await expectStatus(200, api(system, 'user', member, 'PATCH', '/users/me', { body: { displayName: 'Ana M. Silva' } }), 'rename');
    await waitFor(
      async () => {
        const list = await api(system, 'chat', organizer, 'GET', '/conversations');
        const conversation = (list.body['items'] as Array<{ conversationId: string; otherParticipant: { displayName: string | null } }>)
          .find((c) => c.conversationId === conversationId);
        return conversation?.otherParticipant.displayName === 'Ana M. Silva' ? true : undefined;
      },
      { what: "chat's copy of the new name" },
    );
    await waitFor(
      async () => {
        const list = await api(system, 'interaction', undefined, 'GET', `/users/${organizer.id}/followers`);
        return (list.body['items'] as Array<{ displayName: string | null }>)[0]?.displayName === 'Ana M. Silva' ? true : undefined;
      },
      { what: "interaction's copy of the new name" },
    );
  });
});
