import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '@eventonight/testing';
import { call, collect, connectClient, newUser, useNotification } from './helpers.js';

describe('notification service: SOCKET_MAX_CONNECTIONS caps the sockets it holds', { timeout: 60_000 }, () => {
  const fixture = useNotification('notification_cap', { SOCKET_MAX_CONNECTIONS: '2' });

  it('refuses a third socket, keeps serving the two and HTTP, and takes one again when a place frees up', async () => {
    const [first, second, third] = [await newUser(fixture.issuer), await newUser(fixture.issuer), await newUser(fixture.issuer)];
    fixture.sockets.push(await connectClient(fixture.service.url, first.token), await connectClient(fixture.service.url, second.token));
    await assert.rejects(connectClient(fixture.service.url, third.token), 'a third handshake is refused');
    assert.equal(fixture.service.io.engine.clientsCount, 2);

    // The ones held still get their pushes; REST is not capped.
    const received = collect(fixture.sockets[1]!);
    fixture.upstream.publish(fixture.upstream.event('interaction.like.added', { eventId: 'ev-cap', userId: 'fan', eventOwnerId: second.id }));
    await waitFor(() => received[0], { what: 'the push to a held socket' });
    assert.equal((await call(fixture.service.url, 'GET', '/notifications', { token: third.token })).status, 200);

    fixture.sockets.shift()?.close();
    await waitFor(() => (fixture.service.io.engine.clientsCount < 2 ? true : undefined), { what: 'the first socket gone' });
    fixture.sockets.push(await connectClient(fixture.service.url, third.token));
    assert.equal(fixture.service.io.engine.clientsCount, 2);
  });
});
