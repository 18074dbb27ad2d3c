import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricValue, scrapeMetrics, waitFor, type MetricSample } from '@eventonight/testing';
import { collect, connectClient, newUser, useNotification } from './helpers.js';

/**
 * Notification's own metrics (ADR 0035), scraped from its ops listener: the Socket.IO clients
 * connected to this replica, the pushes it emitted, its delivery-preferences cache.
 */
describe('notification metrics: connections, pushes, the preferences cache', { timeout: 60_000 }, () => {
  const fixture = useNotification('notification_metrics', { OPS_PORT: '0' });
  const scrape = (): Promise<MetricSample[]> => scrapeMetrics(fixture.service.opsUrl ?? 'no-ops-url');

  it('the connections gauge follows the sockets, and every push emitted is counted', async () => {
    assert.equal(metricValue(await scrape(), 'eventonight_socketio_connections'), 0);
    const organizer = await newUser(fixture.issuer, 'org');
    const watcher = await newUser(fixture.issuer, 'watcher');
    const organizerSocket = await connectClient(fixture.service.url, organizer.token);
    const watcherSocket = await connectClient(fixture.service.url, watcher.token);
    fixture.sockets.push(organizerSocket, watcherSocket);
    const received = collect(organizerSocket);
    assert.equal(metricValue(await scrape(), 'eventonight_socketio_connections'), 2);

    const before = await scrape();
    for (const liker of ['liker-1', 'liker-2']) {
      fixture.upstream.publish(fixture.upstream.event('interaction.like.added', { eventId: 'ev-1', userId: liker, eventOwnerId: organizer.id }));
    }
    await waitFor(() => (received.length === 2 ? true : undefined), { what: 'both pushes' });
    const after = await waitFor(async () => {
      const now = await scrape();
      return metricValue(now, 'eventonight_socketio_pushes_total') - metricValue(before, 'eventonight_socketio_pushes_total') === 2 ? now : undefined;
    }, { what: 'the pushes counted' });
    const lookups = (samples: MetricSample[]) =>
      metricValue(samples, 'eventonight_cache_requests_total', { cache: 'delivery-preferences', result: 'hit' }) +
      metricValue(samples, 'eventonight_cache_requests_total', { cache: 'delivery-preferences', result: 'miss' });
    assert.ok(lookups(after) - lookups(before) >= 2, "each push read the organizer's preferences through the cache");

    watcherSocket.close();
    await waitFor(async () => (metricValue(await scrape(), 'eventonight_socketio_connections') === 1 ? true : undefined), { what: 'the gauge to drop to 1' });
  });
});
