import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { deleteServiceQueues, eventSnapshotData, freshDatabase, infra, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { audienceId, type AudienceDocument } from '../src/persistence/audience.js';
import { PUSH_BATCH_EVENT } from '../src/realtime/socket-server.js';
import type { RunningNotificationService } from '../src/service.js';
import { collect, connectClient, newUser, startNotification, Upstream } from './helpers.js';

describe('notification service: two replicas joined by the Redis adapter', { timeout: 60_000 }, () => {
  const name = uniqueName('notification');
  let database: TestDatabase;
  let issuer: TestIssuer;
  let socketOnly: RunningNotificationService;
  let consuming: RunningNotificationService;
  let upstream: Upstream;
  const sockets: Socket[] = [];

  before(async () => {
    database = await freshDatabase('notification_replicas');
    issuer = await startTestIssuer();
    const extra = { REDIS_URL: infra.redisUrl };
    // Replica 1 consumes nothing, so whatever its client receives was produced by replica 2.
    socketOnly = await startNotification({ database: database.name, issuer, name, extra, overrides: { consume: false } });
    consuming = await startNotification({ database: database.name, issuer, name, extra });
    upstream = await Upstream.open();
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await upstream?.close();
    await socketOnly?.close();
    await consuming?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });

  it('a client on replica 1 receives a push emitted on replica 2', async () => {
    const organizer = await newUser(issuer, 'org');
    const socket = await connectClient(socketOnly.url, organizer.token);
    sockets.push(socket);
    const received = collect(socket);
    assert.equal(consuming.io.of('/').sockets.size, 0, 'the client is not connected to replica 2');
    upstream.publish(upstream.event('interaction.like.added', { eventId: 'ev-r', userId: 'fan', eventOwnerId: organizer.id }));
    const pushed = await waitFor(() => received[0], { timeoutMs: 10_000, what: 'the cross-replica push' });
    assert.equal(pushed.type, 'event.liked');
  });

  it('a fan-out batch reaches its connected followers on either replica, once each; a malformed batch is ignored', async () => {
    const organizer = await newUser(issuer, 'org');
    const [here, there, offline] = [await newUser(issuer, 'fan'), await newUser(issuer, 'fan'), await newUser(issuer, 'fan')];
    await consuming.db.collection<AudienceDocument>('followers').insertMany(
      [here, there, offline].map((fan) => ({ _id: audienceId(fan.id, organizer.id), memberId: fan.id, targetId: organizer.id, active: true, sourceVersion: 1 })),
    );
    const onSocketOnly = await connectClient(socketOnly.url, here.token);
    const onConsuming = await connectClient(consuming.url, there.token);
    sockets.push(onSocketOnly, onConsuming);
    const [receivedHere, receivedThere] = [collect(onSocketOnly), collect(onConsuming)];
    // Another replica's garbage must not break this one's pushes.
    consuming.io.serverSideEmit(PUSH_BATCH_EVENT, [{ recipientId: here.id, notification: { id: 42 } }]);

    const published = upstream.event('event.published', { ...eventSnapshotData('ev-rep', organizer.id, 'published'), tiers: [] });
    upstream.publish(published);
    await waitFor(() => (receivedHere[0] !== undefined && receivedThere[0] !== undefined ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the pushes on both replicas',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(
      [receivedHere, receivedThere].map((received) => received.map((item) => [item.type, item.data['eventId']])),
      [[['event.published', 'ev-rep']], [['event.published', 'ev-rep']]],
      'one push each, wherever the follower is connected',
    );
  });

  it('a replica shutting down disconnects its own sockets only, not those of the other replicas', async () => {
    const member = await newUser(issuer, 'member');
    const staying = await connectClient(consuming.url, member.token);
    sockets.push(staying);
    let dropped = false;
    staying.on('disconnect', () => (dropped = true));
    const leaving = await startNotification({ database: database.name, issuer, name, extra: { REDIS_URL: infra.redisUrl }, overrides: { consume: false } });
    const leaver = await connectClient(leaving.url, (await newUser(issuer, 'leaver')).token);
    sockets.push(leaver);
    await leaving.close();
    await waitFor(() => (leaver.connected ? undefined : true), { what: "the leaving replica's own socket closed" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(dropped, false, 'the socket on the replica that stays is still connected');
    assert.equal(staying.connected, true);
  });

  it("a replica shutting down closes its clients' connections, not their sessions: they reconnect by themselves", async () => {
    const leaving = await startNotification({ database: database.name, issuer, name, extra: { REDIS_URL: infra.redisUrl }, overrides: { consume: false } });
    // As the web app connects: Socket.IO's own reconnection on (connectClient turns it off).
    const client = io(new URL(leaving.url).origin, { transports: ['websocket'], auth: { token: (await newUser(issuer, 'browser')).token }, reconnectionDelay: 60_000 });
    sockets.push(client);
    await waitFor(() => (client.connected ? true : undefined), { timeoutMs: 5_000, what: 'the browser-like client connected' });
    const reason = new Promise<string>((resolve) => client.once('disconnect', (why) => resolve(why)));
    await leaving.close();
    // 'io server disconnect' would end the session for good: no push until the page is reloaded.
    assert.equal(await reason, 'transport close');
    assert.equal(client.active, true, 'the client goes on trying to reconnect (to a replica still running, through the edge)');
  });
});
