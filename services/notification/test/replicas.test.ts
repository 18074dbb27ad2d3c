import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { deleteServiceQueues, freshDatabase, infra, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { RunningNotificationService } from '../src/service.js';
import { collect, connectClient, newUser, startNotification, Upstream } from './helpers.js';

describe('notification service: two replicas joined by the Redis adapter', { timeout: 60_000 }, () => {
  const name = uniqueName('notification');
  let database: TestDatabase;
  let issuer: TestIssuer;
  let socketOnly: RunningNotificationService;
  let consuming: RunningNotificationService;
  let upstream: Upstream;
  let socket: Socket | undefined;

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
    socket?.close();
    await upstream?.close();
    await socketOnly?.close();
    await consuming?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });

  it('a client on replica 1 receives a push emitted on replica 2', async () => {
    const organizer = await newUser(issuer, 'org');
    socket = await connectClient(socketOnly.url, organizer.token);
    const received = collect(socket);
    assert.equal(consuming.io.of('/').sockets.size, 0, 'the client is not connected to replica 2');
    upstream.publish(upstream.event('interaction.like.added', { eventId: 'ev-r', userId: 'fan', eventOwnerId: organizer.id }));
    const pushed = await waitFor(() => received[0], { timeoutMs: 10_000, what: 'the cross-replica push' });
    assert.equal(pushed.type, 'event.liked');
  });
});
