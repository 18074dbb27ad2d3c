import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@eventonight/platform';
import { freshDatabase, startTestIssuer, Upstream, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import { coveringCells, distanceKm, EARTH_RADIUS_KM, geohash } from '../src/domain/geo.js';
import { call, eventBody, HOUR, newOrganizer, startEventService } from './helpers.js';

type Item = { event: { eventId: string; title: string }; distanceKm: number; likes: number; participants: number };

/** The point `km` away from `from` along `bearing` degrees (spherical), longitude back in [-180, 180]. */
function destination(from: { lat: number; lng: number }, bearing: number, km: number): { lat: number; lng: number } {
  const rad = Math.PI / 180;
  const d = km / EARTH_RADIUS_KM;
  const lat1 = from.lat * rad;
  const lng1 = from.lng * rad;
  const b = bearing * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  const lng = ((((lng2 / rad + 540) % 360) + 360) % 360) - 180;
  return { lat: lat2 / rad, lng };
}

describe('discovery: near me (radius search, one code path for FerretDB and MongoDB)', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let service: RunningService;
  let upstream: Upstream;
  let org: { id: string; token: string };
  const ids: Record<string, string> = {};
  const tag = randomUUID().slice(0, 8);
  const berlin = { lat: 52.52, lng: 13.405 };
  const fiji = { lat: -17, lng: 179.95 };
  const pole = { lat: 89.95, lng: 0 };

  async function place(name: string, location: { lat: number; lng: number }, city: string, startInDays: number, category = 'music') {
    const startsAt = Date.now() + startInDays * 24 * HOUR;
    const body = eventBody(
      { title: `${name} ${tag}`, category, venue: { name: 'V', address: 'A', city, location } },
      Date.now(),
      startsAt - Date.now(),
    );
    const created = await call(service.url, 'POST', '/events', { token: org.token, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const eventId = created.body['eventId'] as string;
    assert.equal((await call(service.url, 'POST', `/events/${eventId}/publish`, { token: org.token })).status, 200);
    ids[name] = eventId;
  }

  before(async () => {
    database = await freshDatabase('event_near');
    issuer = await startTestIssuer();
    service = await startEventService({ database: database.name, issuer, consume: true });
    upstream = await Upstream.open();
    org = await newOrganizer(issuer);
    await place('berlin-inside', destination(berlin, 0, 9.99), 'Berlin', 3);
    await place('berlin-outside', destination(berlin, 0, 10.01), 'Berlin', 1);
    await place('berlin-east-inside', destination(berlin, 90, 9.95), 'Berlin', 2);
    await place('berlin-centre', destination(berlin, 200, 0.5), 'Berlin', 4, 'tech');
    await place('fiji-across-inside', destination(fiji, 90, 19.9), 'Suva', 2);
    await place('fiji-across-outside', destination(fiji, 90, 20.1), 'Suva', 2);
    await place('fiji-west-inside', destination(fiji, 270, 19.9), 'Suva', 2);
    await place('pole-over-inside', destination(pole, 0, 19.9), 'North Pole', 2);
    await place('pole-over-outside', destination(pole, 0, 20.1), 'North Pole', 2);
    await place('pole-side-inside', destination(pole, 100, 19.9), 'North Pole', 2);
  });
  after(async () => {
    await upstream?.close();
    await service?.close();
    await issuer?.close();
    await database?.dispose();
  });

  async function near(query: string): Promise<Item[]> {
    const reply = await call(service.url, 'GET', `/discover/near?${query}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return (reply.body['items'] as Item[]).filter((item) => item.event.title.endsWith(tag));
  }
  const names = (items: Item[]) => items.map((item) => Object.keys(ids).find((name) => ids[name] === item.event.eventId));

  it('the geometry: cells cover the circle, the antimeridian and the pole; the distance is haversine', () => {
    assert.ok(Math.abs(distanceKm(berlin, destination(berlin, 0, 9.99)) - 9.99) < 1e-6);
    for (const [center, bearing] of [
      [fiji, 90],
      [fiji, 270],
      [pole, 0],
      [pole, 100],
      [berlin, 45],
    ] as const) {
      const cells = coveringCells(center, 20);
      assert.ok(cells.length <= 18, `${cells.length} cells`);
      for (let km = 0; km <= 20; km += 2) {
        const point = destination(center, bearing, km);
        assert.ok(
          cells.some((cell) => geohash(point, cell.length) === cell),
          `${JSON.stringify(point)} at ${km} km from ${JSON.stringify(center)} is in a covering cell`,
        );
      }
    }
  });

  it('finds events just inside the radius, not those just outside, sorted by distance with their distance', async () => {
    const items = await near(`lat=${berlin.lat}&lng=${berlin.lng}&radiusKm=10`);
    assert.deepEqual(names(items), ['berlin-centre', 'berlin-east-inside', 'berlin-inside']);
    assert.ok(Math.abs(items[0]!.distanceKm - 0.5) < 1e-3);
    assert.ok(Math.abs(items[2]!.distanceKm - 9.99) < 1e-3);
  });

  it('across the antimeridian (lon ±180)', async () => {
    const items = await near(`lat=${fiji.lat}&lng=${fiji.lng}&radiusKm=20`);
    assert.deepEqual(names(items).sort(), ['fiji-across-inside', 'fiji-west-inside']);
    assert.ok(destination(fiji, 90, 19.9).lng < 0, 'the east one lies past 180, at a negative longitude');
  });

  it('near a pole, over it included', async () => {
    const items = await near(`lat=${pole.lat}&lng=${pole.lng}&radiusKm=20`);
    assert.deepEqual(names(items).sort(), ['pole-over-inside', 'pole-side-inside']);
  });

  it("around a city's coordinates (the centre of its venues), by category, by date", async () => {
    const all = await near(`city=berlin&radiusKm=30&sort=date`);
    assert.deepEqual(names(all), ['berlin-outside', 'berlin-east-inside', 'berlin-inside', 'berlin-centre']);
    assert.deepEqual(names(await near(`city=berlin&radiusKm=30&category=tech`)), ['berlin-centre']);
    const unknown = await call(service.url, 'GET', `/discover/near?city=nowhere-${tag}`);
    assert.equal(unknown.status, 404);
  });

  it('sorted by popularity: likes and participants copied from interaction events, redeliveries counted once', async () => {
    const likeOf = (eventId: string, userId: string) =>
      upstream.event('interaction.like.added', { eventId, userId, eventOwnerId: org.id }, `like-${eventId}-${userId}`, 1);
    const liked = likeOf(ids['berlin-inside']!, 'fan-1');
    upstream.publish(liked);
    upstream.publish(liked);
    upstream.publish(likeOf(ids['berlin-inside']!, 'fan-2'));
    upstream.publish(
      upstream.event('interaction.participation.added', { eventId: ids['berlin-centre']!, userId: 'fan-3', eventOwnerId: org.id }, `p-${tag}`, 1),
    );
    const items = await waitFor(
      async () => {
        const found = await near(`lat=${berlin.lat}&lng=${berlin.lng}&radiusKm=10&sort=popularity`);
        return found[0]?.likes === 2 && found[1]?.participants === 1 ? found : undefined;
      },
      { timeoutMs: 10_000 },
    );
    assert.deepEqual(names(items), ['berlin-inside', 'berlin-centre', 'berlin-east-inside']);
    const removed = upstream.event('interaction.like.removed', { eventId: ids['berlin-inside']!, userId: 'fan-1', eventOwnerId: org.id }, `like-${ids['berlin-inside']}-fan-1`, 2);
    upstream.publish(removed);
    upstream.publish(liked); // late, older: changes nothing
    await waitFor(async () => ((await near(`lat=${berlin.lat}&lng=${berlin.lng}&radiusKm=10&sort=popularity`))[0]?.likes === 1 ? true : undefined), {
      timeoutMs: 10_000,
    });
  });

  it('refuses a malformed search: 400 for a bad field, 422 for fields that do not go together', async () => {
    for (const query of ['lat=91&lng=0', 'lat=1&lng=1&radiusKm=0', 'lat=1&lng=1&radiusKm=501', 'lat=1&lng=1&sort=name']) {
      assert.equal((await call(service.url, 'GET', `/discover/near?${query}`)).status, 400, query);
    }
    for (const query of ['lat=52', 'lat=1&lng=1&city=Berlin', 'radiusKm=5']) {
      assert.equal((await call(service.url, 'GET', `/discover/near?${query}`)).status, 422, query);
    }
  });
});
