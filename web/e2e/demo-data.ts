import { randomBytes } from 'node:crypto';
import { call, type RunningSystem } from '@eventonight/testing';
import { PNG } from 'pngjs';

/**
 * Data the browser tests (and the local preview) start from, created through the services'
 * own APIs as a person would: an organization with a password the test types into Keycloak's
 * form, and published events with a paid and a free tier.
 */
export const DEMO_PASSWORD = 'Night-out-2026!';

export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  name: string;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@web.eventonight.test`;
}

/** Registers through the user service, then reads the id with a password-grant token (test client). */
export async function registerOrganization(system: RunningSystem, name: string): Promise<DemoAccount> {
  const email = uniqueEmail('org');
  const reply = await call(system.url('user'), 'POST', '/users', {
    body: { email, password: DEMO_PASSWORD, displayName: `${name} team`, role: 'organization', organization: { name, description: `${name} brings people together for nights worth remembering.`, website: 'https://example.org' } },
  });
  if (reply.status !== 201) throw new Error(`registration → ${reply.status} ${JSON.stringify(reply.body)}`);
  const token = await tokenOf(email);
  const me = await call(system.url('user'), 'GET', '/users/me', { token });
  return { id: String(me.body['id']), email, password: DEMO_PASSWORD, name };
}

export async function tokenOf(email: string, password = DEMO_PASSWORD): Promise<string> {
  const issuer = `${process.env['KEYCLOAK_URL'] ?? 'http://localhost:8080'}/realms/${process.env['KEYCLOAK_REALM'] ?? 'eventonight'}`;
  const reply = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'eventonight-test', username: email, password }),
  });
  if (!reply.ok) throw new Error(`password grant → ${reply.status}`);
  return ((await reply.json()) as { access_token: string }).access_token;
}

export interface DemoEvent {
  eventId: string;
  title: string;
  paidTierId: string;
  freeTierId: string;
}

/** A 640×360 gradient PNG, made here (no file shipped). */
function coverImage(hue: number): Buffer {
  const png = new PNG({ width: 640, height: 360 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      png.data[i] = (hue + x / 4) % 256;
      png.data[i + 1] = 40 + y / 3;
      png.data[i + 2] = 200 - x / 5;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Uploads a cover the way the app would: presigned POST straight to the object store, then confirm. */
export async function uploadCover(system: RunningSystem, token: string, hue = 80): Promise<string> {
  const bytes = coverImage(hue);
  const ticket = await call(system.url('media'), 'POST', '/media/uploads', { token, body: { purpose: 'event_cover', contentType: 'image/png', sizeBytes: bytes.length } });
  if (ticket.status !== 201) throw new Error(`presign → ${ticket.status} ${JSON.stringify(ticket.body)}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body['fields'] as Record<string, string>)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
  const upload = await fetch(String(ticket.body['uploadUrl']), { method: 'POST', body: form });
  if (!upload.ok) throw new Error(`upload → ${upload.status} ${await upload.text()}`);
  const assetId = String(ticket.body['assetId']);
  const confirmed = await call(system.url('media'), 'POST', `/media/${assetId}/confirm`, { token });
  if (confirmed.status !== 200) throw new Error(`confirm → ${confirmed.status}`);
  return assetId;
}

const CITIES = ['Lisbon', 'Porto', 'Berlin', 'Lyon'];
const CATEGORIES = ['music', 'theatre', 'food', 'tech', 'nightlife', 'art'] as const;

/** `count` published events, starting in 1..count days, each with a paid and a free tier; the first `covers` get a cover image. */
export async function publishEvents(
  system: RunningSystem,
  organizer: DemoAccount,
  count: number,
  titleOf: (i: number) => string,
  covers = 0,
): Promise<DemoEvent[]> {
  const token = await tokenOf(organizer.email, organizer.password);
  const events: DemoEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const startsAt = new Date(Date.now() + (i + 1) * 86_400_000);
    startsAt.setUTCHours(19, 0, 0, 0);
    const title = titleOf(i);
    const created = await call(system.url('event'), 'POST', '/events', {
      token,
      body: {
        title,
        description: `${title}: an evening of live sets, good food and friendly people.\nDoors open 30 minutes before the start.`,
        category: CATEGORIES[i % CATEGORIES.length],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        venue: { name: 'Riverside Hall', address: `${10 + i} Harbour Street`, city: CITIES[i % CITIES.length] },
        tiers: [
          { name: 'Standard', priceMinor: 1500 + i * 100, currency: 'eur', quantity: 100 },
          { name: 'Community (free)', priceMinor: 0, currency: 'eur', quantity: 20 },
        ],
        tags: ['live', 'weekend'],
        ...(i < covers ? { coverMediaId: await uploadCover(system, token, 40 * i) } : {}),
      },
    });
    if (created.status !== 201) throw new Error(`create event → ${created.status} ${JSON.stringify(created.body)}`);
    const eventId = String(created.body['eventId']);
    const published = await call(system.url('event'), 'POST', `/events/${eventId}/publish`, { token });
    if (published.status !== 200) throw new Error(`publish → ${published.status} ${JSON.stringify(published.body)}`);
    const tiers = created.body['tiers'] as Array<{ tierId: string; priceMinor: number }>;
    events.push({
      eventId,
      title,
      paidTierId: tiers.find((tier) => tier.priceMinor > 0)?.tierId ?? '',
      freeTierId: tiers.find((tier) => tier.priceMinor === 0)?.tierId ?? '',
    });
  }
  return events;
}
