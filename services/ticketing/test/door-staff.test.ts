import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { call, newUser, paidOrder, publishEvent, useTicketing } from './helpers.js';

type Json = Record<string, unknown>;

/** Door staff of one event and the offline door's list and sync (ADR 0038), against the real servers. */
describe('ticketing: door staff and the offline door', () => {
  const fixture = useTicketing('ticketing_door');
  const url = () => fixture.ticketing.service.url;

  async function organizer() {
    const id = `org-${randomUUID()}`;
    return { id, token: await fixture.issuer.mint({ sub: id, roles: ['organization'], name: 'Olga Organizer', expiresInSec: 1800 }) };
  }

  async function member(options: { name: string; email: string; verified?: boolean }) {
    const id = `member-${randomUUID()}`;
    const token = await fixture.issuer.mint({
      sub: id,
      roles: ['member'],
      name: options.name,
      email: options.email,
      expiresInSec: 1800,
      extra: { email_verified: options.verified ?? true },
    });
    return { id, token, ...options };
  }

  /** An organizer's event with `quantity` paid tickets, and a member invited and accepted as its door staff. */
  async function staffedEvent(quantity = 3) {
    const owner = await organizer();
    const event = await publishEvent(url(), fixture.issuer, 20, owner.id);
    const { codes, orderId, buyer } = await paidOrder(fixture.ticketing, fixture.issuer, event, quantity);
    const email = `dora.${randomUUID().slice(0, 8)}@example.com`;
    const staff = await member({ name: 'Dora Door', email });
    const invited = await call(url(), 'POST', `/events/${event.eventId}/door-staff`, { token: owner.token, body: { email: email.toUpperCase() } });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    const staffId = String(invited.body['staffId']);
    const accepted = await call(url(), 'POST', `/door-invitations/${staffId}/accept`, { token: staff.token });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    return { owner, event, codes, orderId, buyer, staff, staffId };
  }

  it('invites by email (idempotently), only for the organizer of the event', async () => {
    const owner = await organizer();
    const other = await organizer();
    const event = await publishEvent(url(), fixture.issuer, 5, owner.id);
    const first = await call(url(), 'POST', `/events/${event.eventId}/door-staff`, { token: owner.token, body: { email: 'Sam@Example.com' } });
    assert.equal(first.status, 201);
    assert.equal(first.body['email'], 'sam@example.com');
    assert.equal(first.body['status'], 'invited');
    const again = await call(url(), 'POST', `/events/${event.eventId}/door-staff`, { token: owner.token, body: { email: 'sam@example.com' } });
    assert.equal(again.status, 200);
    assert.equal(again.body['staffId'], first.body['staffId']);
    const foreign = await call(url(), 'POST', `/events/${event.eventId}/door-staff`, { token: other.token, body: { email: 'x@example.com' } });
    assert.equal(foreign.status, 403);
    const listedByOther = await call(url(), 'GET', `/events/${event.eventId}/door-staff`, { token: other.token });
    assert.equal(listedByOther.status, 403);
    const aMember = await member({ name: 'M', email: 'sam@example.com' });
    const byMember = await call(url(), 'POST', `/events/${event.eventId}/door-staff`, { token: aMember.token, body: { email: 'y@example.com' } });
    assert.equal(byMember.status, 403);
  });

  it('is accepted only by the member whose confirmed email matches', async () => {
    const owner = await organizer();
    const event = await publishEvent(url(), fixture.issuer, 5, owner.id);
    const email = `ivy.${randomUUID().slice(0, 8)}@example.com`;
    const invited = await call(url(), 'POST', `/events/${event.eventId}/door-staff`, { token: owner.token, body: { email } });
    const staffId = String(invited.body['staffId']);

    const stranger = await member({ name: 'Eve', email: `eve.${randomUUID().slice(0, 8)}@example.com` });
    const strangersList = await call(url(), 'GET', '/door-invitations', { token: stranger.token });
    assert.deepEqual(strangersList.body['items'], []);
    const wrong = await call(url(), 'POST', `/door-invitations/${staffId}/accept`, { token: stranger.token });
    assert.equal(wrong.status, 403);

    const unconfirmed = await member({ name: 'Ivy', email, verified: false });
    assert.deepEqual((await call(url(), 'GET', '/door-invitations', { token: unconfirmed.token })).body['items'], []);
    const notYet = await call(url(), 'POST', `/door-invitations/${staffId}/accept`, { token: unconfirmed.token });
    assert.equal(notYet.status, 403);
    assert.equal(notYet.body['type'], 'https://eventonight.dev/problems/door-email-not-verified');

    const ivy = await member({ name: 'Ivy Invited', email: email.toUpperCase() });
    const listed = await call(url(), 'GET', '/door-invitations', { token: ivy.token });
    const items = listed.body['items'] as Json[];
    assert.equal(items.length, 1);
    assert.equal(items[0]?.['status'], 'invited');
    assert.equal(items[0]?.['eventId'], event.eventId);
    const accepted = await call(url(), 'POST', `/door-invitations/${staffId}/accept`, { token: ivy.token });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body['status'], 'accepted');
    assert.equal(accepted.body['memberName'], 'Ivy Invited');
    assert.equal((await call(url(), 'POST', `/door-invitations/${staffId}/accept`, { token: ivy.token })).status, 200);
    // Someone else with the same address later cannot take the place over.
    const twin = await member({ name: 'Twin', email });
    assert.equal((await call(url(), 'POST', `/door-invitations/${staffId}/accept`, { token: twin.token })).status, 403);
    const mine = await call(url(), 'GET', '/door-invitations', { token: ivy.token });
    assert.equal((mine.body['items'] as Json[])[0]?.['status'], 'accepted');
  });

  it("staff check in their event's tickets (the answer names them and when); the organizer still scans", async () => {
    const { owner, event, codes, staff } = await staffedEvent(3);
    const before = Date.now();
    const scanned = await call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, {
      token: staff.token,
      body: { code: codes[0], deviceId: 'dev-a', deviceName: 'Door A' },
    });
    assert.equal(scanned.status, 200, JSON.stringify(scanned.body));
    assert.equal(scanned.body['checkedInByName'], 'Dora Door');
    assert.equal(scanned.body['deviceName'], 'Door A');
    assert.ok(Date.parse(String(scanned.body['usedAt'])) >= before - 1000);

    const again = await call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, { token: owner.token, body: { code: codes[0] } });
    assert.equal(again.status, 409);
    assert.equal(again.body['checkedInByName'], 'Dora Door');
    assert.equal(again.body['deviceName'], 'Door A');
    assert.equal(again.body['usedAt'], scanned.body['usedAt']);

    const byOwner = await call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, { token: owner.token, body: { code: codes[1] } });
    assert.equal(byOwner.status, 200);
    assert.equal(byOwner.body['checkedInByName'], 'Olga Organizer');

    const list = await call(url(), 'GET', `/events/${event.eventId}/door-staff`, { token: owner.token });
    assert.equal(list.status, 200);
    const items = list.body['items'] as Json[];
    assert.equal(items.length, 1);
    assert.equal(items[0]?.['memberName'], 'Dora Door');
    assert.equal(items[0]?.['checkIns'], 1);
    assert.equal(list.body['organizerCheckIns'], 1);
    assert.equal(list.body['unattributedCheckIns'], 0);
  });

  it("staff see nothing else: another event's door, sales, attendees, orders and staff are refused", async () => {
    const { owner, event, codes, orderId, staff } = await staffedEvent(1);
    const otherEvent = await publishEvent(url(), fixture.issuer, 5, owner.id);
    const other = await paidOrder(fixture.ticketing, fixture.issuer, otherEvent, 1);
    const otherScan = await call(url(), 'POST', `/events/${otherEvent.eventId}/tickets/validate`, { token: staff.token, body: { code: other.codes[0] } });
    assert.equal(otherScan.status, 403);
    // A code of another event at this door is "no ticket of this event", not a check-in.
    const crossed = await call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, { token: staff.token, body: { code: other.codes[0] } });
    assert.equal(crossed.status, 404);
    assert.equal((await call(url(), 'GET', `/events/${otherEvent.eventId}/door-list`, { token: staff.token })).status, 403);
    // Another event's ticket named by id (or code) in a sync of this door is no ticket of this event, and stays unused.
    const foreignId = (await fixture.ticketing.deps.tickets.collection.findOne({ code: other.codes[0] }))?._id ?? '';
    const foreignSync = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, {
      token: staff.token,
      body: { deviceId: 'dev-x', deviceName: 'X', entries: [{ ticketId: foreignId, scannedAt: new Date().toISOString() }, { code: other.codes[0], scannedAt: new Date().toISOString() }] },
    });
    assert.deepEqual((foreignSync.body['results'] as Json[]).map((result) => result['outcome']), ['not-found', 'not-found']);
    assert.equal((await fixture.ticketing.deps.tickets.load(foreignId))?.state.status, 'valid');
    const otherSync = await call(url(), 'POST', `/events/${otherEvent.eventId}/check-ins/sync`, {
      token: staff.token,
      body: { deviceId: 'dev-x', deviceName: 'X', entries: [{ code: other.codes[0], scannedAt: new Date().toISOString() }] },
    });
    assert.equal(otherSync.status, 403);
    for (const path of [`/events/${event.eventId}/sales`, `/events/${event.eventId}/attendees`, `/events/${event.eventId}/door-staff`]) {
      assert.equal((await call(url(), 'GET', path, { token: staff.token })).status, 403, path);
    }
    assert.equal((await call(url(), 'GET', `/orders/${orderId}`, { token: staff.token })).status, 404);
    assert.equal((await call(url(), 'GET', '/orders', { token: staff.token })).body['items'] instanceof Array, true);
    assert.deepEqual((await call(url(), 'GET', '/orders', { token: staff.token })).body['items'], []);
    assert.equal(codes.length, 1);
  });

  it('a revoked member is refused at once', async () => {
    const { owner, event, codes, staff, staffId } = await staffedEvent(2);
    assert.equal((await call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, { token: staff.token, body: { code: codes[0] } })).status, 200);
    const revoked = await call(url(), 'DELETE', `/events/${event.eventId}/door-staff/${staffId}`, { token: owner.token });
    assert.equal(revoked.status, 204);
    assert.equal((await call(url(), 'DELETE', `/events/${event.eventId}/door-staff/${staffId}`, { token: owner.token })).status, 204);
    assert.equal((await call(url(), 'POST', `/events/${event.eventId}/tickets/validate`, { token: staff.token, body: { code: codes[1] } })).status, 403);
    assert.equal((await call(url(), 'GET', `/events/${event.eventId}/door-list`, { token: staff.token })).status, 403);
    const sync = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, {
      token: staff.token,
      body: { deviceId: 'dev-a', deviceName: 'A', entries: [{ code: codes[1], scannedAt: new Date().toISOString() }] },
    });
    assert.equal(sync.status, 403);
    assert.equal((await call(url(), 'POST', `/door-invitations/${staffId}/accept`, { token: staff.token })).status, 409);
    const list = await call(url(), 'GET', `/events/${event.eventId}/door-staff`, { token: owner.token });
    assert.equal((list.body['items'] as Json[])[0]?.['status'], 'revoked');
    assert.equal((list.body['items'] as Json[])[0]?.['checkIns'], 1);
  });

  it('the door list holds digests of the codes, never the codes', async () => {
    const { event, codes, staff } = await staffedEvent(3);
    const reply = await call(url(), 'GET', `/events/${event.eventId}/door-list`, { token: staff.token });
    assert.equal(reply.status, 200);
    const text = JSON.stringify(reply.body);
    for (const code of codes) assert.ok(!text.includes(code as string), 'a code is in the list');
    const items = reply.body['items'] as Json[];
    assert.equal(items.length, 3);
    const hashes = new Set(items.map((item) => item['codeHash']));
    for (const code of codes) assert.ok(hashes.has(createHash('sha256').update(`${event.eventId}:${code}`).digest('base64url')));
    for (const item of items) {
      assert.equal(item['status'], 'valid');
      assert.equal(item['tierName'], 'Standard');
      assert.deepEqual(Object.keys(item).sort(), ['checkedInByName', 'codeHash', 'deviceName', 'holderInitials', 'status', 'ticketId', 'tierName', 'usedAt']);
    }
  });

  it('sync merges two offline devices into one check-in, first scan wins, and replays change nothing', async () => {
    const { owner, event, codes, staff } = await staffedEvent(2);
    const list = await call(url(), 'GET', `/events/${event.eventId}/door-list`, { token: owner.token });
    const hashOf = (code: string) => createHash('sha256').update(`${event.eventId}:${code}`).digest('base64url');
    const ticketId = String((list.body['items'] as Json[]).find((item) => item['codeHash'] === hashOf(codes[0] as string))?.['ticketId']);
    const t0 = new Date(Date.now() - 120_000).toISOString();
    const t1 = new Date(Date.now() - 60_000).toISOString();
    const batchA = { deviceId: 'dev-a', deviceName: 'Device A', entries: [{ ticketId, scannedAt: t0 }] };
    const batchB = { deviceId: 'dev-b', deviceName: 'Device B', entries: [{ ticketId, scannedAt: t1 }, { code: codes[1], scannedAt: t1 }] };

    const fromB = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, { token: owner.token, body: batchB });
    assert.equal(fromB.status, 200, JSON.stringify(fromB.body));
    const resultsB = fromB.body['results'] as Json[];
    assert.equal(resultsB[0]?.['outcome'], 'checked-in');
    assert.equal(resultsB[1]?.['outcome'], 'checked-in');

    // Device A scanned the same ticket a minute earlier: the first scan wins, still one check-in.
    const fromA = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, { token: staff.token, body: batchA });
    assert.equal((fromA.body['results'] as Json[])[0]?.['outcome'], 'checked-in');
    const stored = await fixture.ticketing.deps.tickets.load(ticketId);
    assert.equal(stored?.state.usedAt?.toISOString(), t0);
    assert.equal(stored?.state.deviceName, 'Device A');
    assert.equal(stored?.state.checkedInByName, 'Dora Door');
    const version = stored?.version;

    // B learns on its next sync that its admission was not the check-in: when, by whom, which device.
    const replayB = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, { token: owner.token, body: batchB });
    const conflict = (replayB.body['results'] as Json[])[0];
    assert.equal(conflict?.['outcome'], 'already-used');
    assert.equal(conflict?.['usedAt'], t0);
    assert.equal(conflict?.['deviceName'], 'Device A');
    assert.equal(conflict?.['checkedInByName'], 'Dora Door');
    assert.equal((replayB.body['results'] as Json[])[1]?.['outcome'], 'checked-in');

    // Replaying A's batch changes nothing.
    const replayA = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, { token: staff.token, body: batchA });
    assert.equal((replayA.body['results'] as Json[])[0]?.['outcome'], 'checked-in');
    assert.equal((await fixture.ticketing.deps.tickets.load(ticketId))?.version, version);

    const used = await fixture.ticketing.deps.tickets.collection.countDocuments({ eventId: event.eventId, status: 'used' });
    assert.equal(used, 2);
    const sales = await call(url(), 'GET', `/events/${event.eventId}/sales`, { token: owner.token });
    assert.equal((sales.body['totals'] as Json)['checkedIn'], 2);

    // Unknown codes and foreign tickets are reported, not checked in.
    const unknown = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, {
      token: staff.token,
      body: { deviceId: 'dev-a', deviceName: 'Device A', entries: [{ code: 'nope', scannedAt: t1 }] },
    });
    assert.equal((unknown.body['results'] as Json[])[0]?.['outcome'], 'not-found');
  });

  it('anyone else cannot sync or read the door list', async () => {
    const { event, codes } = await staffedEvent(1);
    const stranger = await newUser(fixture.issuer, 'member');
    assert.equal((await call(url(), 'GET', `/events/${event.eventId}/door-list`, { token: stranger.token })).status, 403);
    const otherOrg = await organizer();
    assert.equal((await call(url(), 'GET', `/events/${event.eventId}/door-list`, { token: otherOrg.token })).status, 403);
    const sync = await call(url(), 'POST', `/events/${event.eventId}/check-ins/sync`, {
      token: stranger.token,
      body: { deviceId: 'dev-z', deviceName: 'Z', entries: [{ code: codes[0], scannedAt: new Date().toISOString() }] },
    });
    assert.equal(sync.status, 403);
  });
});
