import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import {
  deleteAccount,
  passwordGrant,
  registerAccount,
  SERVICE_NAMES,
  startSystem,
  Upstream,
  waitFor,
  type Account,
  type Reply,
  type RunningSystem,
} from '@eventonight/testing';
import { api, completeCheckout, eventBody, expectStatus, newIdempotencyKey, openInbox, uploadImage, type NotificationInbox } from './support/clients.js';
import { ACCOUNTING_RECORDS, scanBucket, scanDatabases, type Finding, type PersonalData } from './support/personal-data-scan.js';

/**
 * Issue 25: a member with activity in every service deletes the account; afterwards no database
 * of the platform and no object of the store holds their id, email, display name, profile text or
 * avatar id, except the accounting records ADR 0027 names (ticketing's orders and tickets keep the
 * pseudonymous id only). The scan reads every collection there is, so a collection added later
 * that keeps a copy fails this test without anyone listing it.
 */

// A 1×1 PNG: the media service checks the stored object's size and type, not its pixels.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

describe('erasure: a deleted member is gone from every service and the object store', { timeout: 300_000 }, () => {
  let system: RunningSystem;
  let organizer: Account;
  let member: Account;
  let friend: Account;
  let memberInbox: NotificationInbox;
  let upcomingId: string;
  let tierId: string;
  let startedId: string;
  let conversationId: string;
  let avatarId: string;
  let chatImageId: string;
  let orderId: string;
  /** The path of the member's calendar feed on the ticketing service (its token is the credential). */
  let feedPath: string;
  let tokenBeforeDeletion: string;
  const marker = randomBytes(6).toString('hex');
  const memberName = `Erin Erasable ${marker}`;
  const bio = `Bio of the member who leaves ${marker}`;
  let personal: PersonalData;

  before(async () => {
    system = await startSystem();
    organizer = await registerAccount(system.url('user'), { role: 'organization', displayName: `Quay Club ${marker}`, organization: { name: `Quay Club ${marker}` } });
    member = await registerAccount(system.url('user'), { role: 'member', displayName: memberName });
    friend = await registerAccount(system.url('user'), { role: 'member', displayName: `Bea Stays ${marker}` });
    memberInbox = await openInbox(system, member);
  });

  after(async () => {
    memberInbox?.close();
    for (const account of [organizer, friend]) if (account !== undefined) await deleteAccount(system.url('user'), account);
    await system?.stop();
  });

  it('the member leaves a trace in every service: profile, avatar, follow, likes, review, participation, chat both ways, a paid ticket, notifications', async () => {
    avatarId = await uploadImage(system, member, 'avatar', PNG, 'image/png');
    chatImageId = await uploadImage(system, member, 'chat_image', PNG, 'image/png');
    await expectStatus(200, api(system, 'user', member, 'PATCH', '/users/me', { body: { bio, city: 'Lisbon', avatarMediaId: avatarId } }), 'profile');
    personal = { userId: member.id, email: member.email, displayName: memberName, bio, avatarId, chatImageId };

    const upcoming = await expectStatus(201, api(system, 'event', organizer, 'POST', '/events', { body: eventBody(`Harbour night ${marker}`, [{ name: 'Entry', priceMinor: 1500, quantity: 30 }]) }), 'create upcoming');
    upcomingId = upcoming.body['eventId'] as string;
    tierId = (upcoming.body['tiers'] as Array<{ tierId: string }>)[0]?.tierId ?? '';
    await expectStatus(200, api(system, 'event', organizer, 'POST', `/events/${upcomingId}/publish`), 'publish upcoming');
    // Reviews open when an event has started: one that starts in a few seconds.
    const soon = await expectStatus(201, api(system, 'event', organizer, 'POST', '/events', { body: eventBody(`Afternoon set ${marker}`, [{ name: 'Free', priceMinor: 0, quantity: 30 }], { startsInMs: 4_000 }) }), 'create soon');
    startedId = soon.body['eventId'] as string;
    await expectStatus(200, api(system, 'event', organizer, 'POST', `/events/${startedId}/publish`), 'publish soon');
    await waitFor(async () => ((await system.db('interaction').collection('event_copies').countDocuments({ _id: { $in: [upcomingId, startedId] } as never })) === 2 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'interaction to learn both events',
    });

    for (const account of [member, friend]) {
      await expectSuccess(api(system, 'interaction', account, 'PUT', `/users/${organizer.id}/follow`), 'follow');
      await expectSuccess(api(system, 'interaction', account, 'PUT', `/events/${upcomingId}/like`), 'like');
      await expectSuccess(api(system, 'interaction', account, 'PUT', `/events/${startedId}/participation`), 'participate');
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(String(soon.body['startsAt'])) - Date.now() + 500)));
    await expectStatus(201, api(system, 'interaction', member, 'PUT', `/events/${startedId}/review`, { body: { rating: 4, text: `Lovely set, wrote ${memberName}` } }), 'review');

    const opened = await api(system, 'chat', member, 'POST', '/conversations', { body: { withUserId: organizer.id } });
    assert.ok(opened.status === 201 || opened.status === 200, `open conversation: ${opened.status}`);
    conversationId = opened.body['conversationId'] as string;
    await expectStatus(201, api(system, 'chat', member, 'POST', `/conversations/${conversationId}/messages`, { body: { messageId: newIdempotencyKey(), text: 'Hi, it is me: is there a cloakroom?' } }), 'member writes');
    await expectStatus(201, api(system, 'chat', organizer, 'POST', `/conversations/${conversationId}/messages`, { body: { messageId: newIdempotencyKey(), text: 'Yes, by the door.' } }), 'organizer answers');

    const order = await expectStatus(201, api(system, 'ticketing', member, 'POST', '/orders', { headers: { 'idempotency-key': newIdempotencyKey() }, body: { eventId: upcomingId, tierId, quantity: 1 } }), 'checkout');
    orderId = order.body['orderId'] as string;
    await expectStatus(200, completeCheckout(system, orderId), 'signed webhook');
    await memberInbox.next('the purchase', (n) => n.type === 'ticket.purchased' && n.data['orderId'] === orderId);
    const feed = await expectStatus(201, api(system, 'ticketing', member, 'POST', '/calendar-feed'), 'calendar feed');
    feedPath = new URL(String(feed.body['url'])).pathname.replace(/^\/api\/ticketing/, '');
    assert.equal((await fetch(`${system.url('ticketing')}${feedPath}`)).status, 200, 'the feed works before the deletion');
    assert.ok((await scanDatabases(system, personal)).some((finding) => finding.collection === 'calendar_feeds'), 'the feed is found by the scan');
    await memberInbox.next('the answer in the chat', (n) => n.type === 'chat.message');

    // Every service now holds something of the member: the scan must see it before the deletion,
    // or a clean scan afterwards would prove nothing.
    const findings = await scanDatabases(system, personal);
    const servicesHolding = new Set(findings.map((finding) => finding.service));
    for (const service of SERVICE_NAMES.filter((name) => name !== 'event')) {
      assert.ok(servicesHolding.has(service), `${service} holds nothing of the member before the deletion: ${JSON.stringify([...servicesHolding])}`);
    }
    assert.ok((await scanBucket(personal)).length > 0, 'the avatar is in the object store before the deletion');
  });

  it('downloads their data first: one archive, assembled through the bus, with every service\'s part; nobody else can fetch it', async () => {
    const requested = await expectStatus(202, api(system, 'user', member, 'POST', '/users/me/exports'), 'request export');
    const exportId = requested.body['exportId'] as string;
    const ready = await waitFor(
      async () => {
        const list = await api(system, 'user', member, 'GET', '/users/me/exports');
        const found = (list.body['items'] as Array<Record<string, unknown>> | undefined)?.find((item) => item['exportId'] === exportId);
        return found?.['status'] === 'ready' ? found : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'all seven parts of the export' },
    );
    assert.ok(Date.parse(String(ready['expiresAt'])) > Date.now(), 'the link is valid for a limited time, from now');
    const archivePath = `/users/me/exports/${exportId}/archive`;
    const download = await fetch(`${system.url('user')}${archivePath}`, { headers: { authorization: `Bearer ${await member.token()}` } });
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/zip');
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const data = JSON.parse(strFromU8(files['data.json'] ?? new Uint8Array())) as { sources: Record<string, Record<string, Array<Record<string, unknown>>>> };
    const part = (source: string): string => JSON.stringify(data.sources[source] ?? {});
    assert.ok(part('user').includes(member.email) && part('user').includes(bio), `profile: ${part('user')}`);
    assert.ok(part('interaction').includes(upcomingId) && part('interaction').includes(`Lovely set, wrote ${memberName}`), `interaction: ${part('interaction')}`);
    assert.ok(part('chat').includes('is there a cloakroom?') && part('chat').includes('Yes, by the door.'), `chat: ${part('chat')}`);
    assert.ok(part('ticketing').includes(orderId) && part('ticketing').includes('calendar_feed'), `ticketing: ${part('ticketing')}`);
    assert.ok(part('notification').includes('ticket.purchased'), `notification: ${part('notification')}`);
    assert.ok(part('media').includes(avatarId) && part('media').includes(chatImageId), `media: ${part('media')}`);
    assert.ok(Object.keys(files).some((name) => name.startsWith('chat-') && name.endsWith('.csv')), `CSV files: ${Object.keys(files).join(', ')}`);

    assert.equal((await api(system, 'user', friend, 'GET', archivePath)).status, 404, "another member cannot fetch the member's archive");
    assert.equal((await fetch(`${system.url('user')}${archivePath}`)).status, 401, 'nor can anyone without a token');
  });

  it('deletes the account: Keycloak refuses the password, every database and the bucket are scanned clean but for the accounting records', async () => {
    tokenBeforeDeletion = await member.token();
    memberInbox.close();
    await expectStatus(204, api(system, 'user', member, 'DELETE', '/users/me'), 'delete account');
    await assert.rejects(passwordGrant(member.email), /invalid_grant/);

    const leftovers = await waitFor(
      async () => {
        const found = [...(await scanDatabases(system, personal)), ...(await scanBucket(personal))].filter((finding) => !ACCOUNTING_RECORDS.allows(finding));
        return found.length === 0 ? found : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'every service to erase the member' },
    ).catch(async () => [...(await scanDatabases(system, personal)), ...(await scanBucket(personal))].filter((finding) => !ACCOUNTING_RECORDS.allows(finding)));
    assert.deepEqual(leftovers, [], `personal data left after the deletion:\n${describeFindings(leftovers)}`);
    assert.equal((await fetch(`${system.url('ticketing')}${feedPath}`)).status, 404, "the erased member's calendar feed is gone");

    // What is kept is what the ADR says: the order and ticket with the pseudonymous id, no name, no email.
    const kept = (await scanDatabases(system, personal)).filter((finding) => ACCOUNTING_RECORDS.allows(finding));
    assert.ok(kept.some((finding) => finding.collection === 'orders' && finding.field === 'userId'), describeFindings(kept));
    assert.ok(kept.every((finding) => finding.field === 'userId'), `accounting records hold more than the id:\n${describeFindings(kept)}`);
  });

  it('what stays for others stays exact: counts without the member, the conversation readable as "Deleted member", the ticket valid', async () => {
    const stats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/events/${upcomingId}/stats`), 'event stats');
    assert.equal(stats.body['likes'], 1);
    const started = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/events/${startedId}/stats`), 'started stats');
    assert.equal(started.body['participants'], 1);
    const reviews = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/events/${startedId}/reviews`), 'reviews');
    assert.deepEqual(reviews.body['items'], [], 'the review is removed');
    const organizerStats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/users/${organizer.id}/stats`), 'organizer stats');
    assert.equal(organizerStats.body['followers'], 1);
    const friendStats = await expectStatus(200, api(system, 'interaction', undefined, 'GET', `/users/${friend.id}/stats`), 'friend stats');
    assert.equal(friendStats.body['following'], 1);

    const list = await expectStatus(200, api(system, 'chat', organizer, 'GET', '/conversations'), 'organizer conversations');
    // Its id was derived from both participants' ids, so the erasure gave it a fresh random one.
    const items = list.body['items'] as Array<{ conversationId: string; otherParticipant: { displayName: unknown } }>;
    assert.ok(!items.some((item) => item.conversationId === conversationId), 'the id derived from the erased id is gone');
    const conversation = items.find((item) => item.otherParticipant.displayName === 'Deleted member');
    assert.ok(conversation !== undefined, `the organizer keeps the conversation: ${JSON.stringify(items)}`);
    const messages = await expectStatus(200, api(system, 'chat', organizer, 'GET', `/conversations/${conversation.conversationId}/messages`), 'messages');
    const texts = (messages.body['items'] as Array<{ text: string }>).map((message) => message.text);
    assert.ok(texts.some((text) => text.includes('is there a cloakroom?')), `the member's message stays readable: ${JSON.stringify(texts)}`);
    const reply = await api(system, 'chat', organizer, 'POST', `/conversations/${conversation.conversationId}/messages`, { body: { messageId: newIdempotencyKey(), text: 'Still there?' } });
    assert.ok(reply.status === 409 || reply.status === 410, `writing to a deleted member: ${reply.status} ${JSON.stringify(reply.body)}`);

    const attendees = await expectStatus(200, api(system, 'ticketing', organizer, 'GET', `/events/${upcomingId}/attendees`), 'attendees');
    const holders = JSON.stringify(attendees.body);
    assert.ok(!holders.includes(memberName) && holders.includes('Deleted member'), holders);
  });

  it("the deleted account's still-valid token changes nothing and recreates nothing", async () => {
    for (const [service, method, path, body] of [
      ['user', 'GET', '/users/me', undefined],
      ['interaction', 'PUT', `/events/${upcomingId}/like`, undefined],
      ['chat', 'POST', '/conversations', { withUserId: friend.id }],
      ['ticketing', 'POST', '/orders', { eventId: upcomingId, tierId, quantity: 1 }],
      ['ticketing', 'POST', '/calendar-feed', undefined],
      ['media', 'POST', '/media/uploads', { purpose: 'avatar', contentType: 'image/png', sizeBytes: PNG.byteLength }],
      ['notification', 'GET', '/notifications', undefined],
    ] as const) {
      const reply = await fetch(`${system.url(service)}${path}`, {
        method,
        headers: { authorization: `Bearer ${tokenBeforeDeletion}`, 'content-type': 'application/json', 'idempotency-key': newIdempotencyKey() },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      assert.equal(reply.status, 401, `${service} ${method} ${path} with the deleted account's token`);
    }
    const leftovers = [...(await scanDatabases(system, personal)), ...(await scanBucket(personal))].filter((finding) => !ACCOUNTING_RECORDS.allows(finding));
    assert.deepEqual(leftovers, [], describeFindings(leftovers));
  });

  it('a replayed user.deleted and late events about the member bring nothing back', async () => {
    const upstream = await Upstream.open(system.amqpUrl);
    try {
      upstream.publish(upstream.event('user.deleted', { userId: member.id }, member.id, 50));
      upstream.publish(upstream.event('user.updated', { userId: member.id, role: 'member', displayName: memberName, avatarMediaId: avatarId }, member.id, 99));
      upstream.publish(upstream.event('interaction.follow.added', { followerId: member.id, followeeId: organizer.id }, `late-follow-${marker}`, 7));
      upstream.publish(
        upstream.event('chat.message.sent', {
          conversationId,
          messageId: `late-${marker}`,
          senderId: member.id,
          recipientId: organizer.id,
          preview: `late words of ${memberName}`,
          sentAt: new Date().toISOString(),
        }),
      );
    } finally {
      await upstream.close();
    }
    // Consumers apply in well under a second; give them several, then the scan must still be clean.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const leftovers = [...(await scanDatabases(system, personal)), ...(await scanBucket(personal))].filter((finding) => !ACCOUNTING_RECORDS.allows(finding));
    assert.deepEqual(leftovers, [], describeFindings(leftovers));
  });
});

async function expectSuccess(reply: Promise<Reply>, what: string): Promise<void> {
  const settled = await reply;
  assert.ok(settled.status >= 200 && settled.status < 300, `${what}: ${settled.status} ${JSON.stringify(settled.body)}`);
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `  ${finding.service}.${finding.collection} ${finding.documentId}: ${finding.field} at ${finding.path}`).join('\n');
}

