import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { EVENTS_COLLECTION } from '../src/persistence/event-collection.js';
import { call, eventBody, newOrganizer, startEventService } from './helpers.js';

describe('near me finds events stored before it: their cells are given at start-up (ADR 0040)', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService | undefined;

  before(async () => {
    database = await freshDatabase('event_geo_backfill');
    issuer = await startTestIssuer();
  });
  after(async () => {
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('an event without geoCells is not found; after a restart (on the same database: FerretDB once dropped the second start) it is, with its cells, and its version unchanged', async () => {
    service = await startEventService({ database: database.name, issuer });
    const org = await newOrganizer(issuer);
    const at = { lat: 41.39, lng: 2.17 };
    const created = await call(service.url, 'POST', '/events', { token: org.token, body: eventBody({ venue: { name: 'V', address: 'A', city: 'Barcelona', location: at } }) });
    const eventId = created.body['eventId'] as string;
    assert.equal((await call(service.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
    const near = async (running: RunningService) =>
      ((await call(running.url, 'GET', `/discover/near?lat=${at.lat}&lng=${at.lng}&radiusKm=2`)).body['items'] as Array<{ event: { eventId: string } }>).map((item) => item.event.eventId);
    assert.deepEqual(await near(service), [eventId]);

    // As an event stored before near me existed.
    const events = database.db.collection<{ _id: string; version: number; geoCells?: string[] }>(EVENTS_COLLECTION);
    await events.updateOne({ _id: eventId }, { $unset: { geoCells: '' } });
    const before = await events.findOne({ _id: eventId });
    assert.deepEqual(await near(service), [], 'without cells it is found by nobody');

    await service.close();
    service = await startEventService({ database: database.name, issuer });
    assert.deepEqual(await near(service), [eventId]);
    const afterRestart = await events.findOne({ _id: eventId });
    assert.equal(afterRestart?.geoCells?.length, 6);
    assert.equal(afterRestart?.version, before?.version, 'not a change of the event');
  });
});
