import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { deleteServiceQueues, freshDatabase, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { RunningNotificationService } from '../src/service.js';
import { call, collect, connectClient, newUser, startNotification, Upstream } from './helpers.js';

describe('notification service: SOCKET_MAX_CONNECTIONS caps the sockets it holds', { timeout: 60_000 }, () => {
  const name = uniqueName('notification');
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningNotificationService;
  let upstream: Upstream;
  const sockets: Socket[] = [];

  before(async () => {
    database = await freshDatabase('notification_cap');
    issuer = await startTestIssuer();
    service = await startNotification({ database: database.name, issuer, name, extra: { SOCKET_MAX_CONNECTIONS: '2' } });
    upstream = await Upstream.open();
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await upstream?.close();
    await service?.close();
    await deleteServiceQueues(name);
    await issuer?.close();
    await database?.dispose();
  });

  it('refuses a third socket, keeps serving the two and HTTP, and takes one again when a place frees up', async () => {
    const [first, second, third] = [await newUser(issuer), await newUser(issuer), await newUser(issuer)];
    sockets.push(await connectClient(service.url, first.token), await connectClient(service.url, second.token));
    await assert.rejects(connectClient(service.url, third.token), 'a third handshake is refused');
    assert.equal(service.io.engine.clientsCount, 2);

    // The ones held still get their pushes; REST is not capped.
    const received = collect(sockets[1]!);
    upstream.publish(upstream.event('interaction.like.added', { eventId: 'ev-cap', userId: 'fan', eventOwnerId: second.id }));
    await waitFor(() => received[0], { what: 'the push to a held socket' });
    assert.equal((await call(service.url, 'GET', '/notifications', { token: third.token })).status, 200);

    sockets.shift()?.close();
    await waitFor(() => (service.io.engine.clientsCount < 2 ? true : undefined), { what: 'the first socket gone' });
    sockets.push(await connectClient(service.url, third.token));
    assert.equal(service.io.engine.clientsCount, 2);
  });
});
