import type { SeedConfig } from './config.js';
import type { AccountFixture, EventFixture, Fixture } from './fixture.js';
import { expect, HttpError, request, sleep, type Reply } from './http.js';

export const KINDS = ['accounts', 'events', 'published', 'follows', 'likes', 'participations', 'reviews'] as const;
export type Kind = (typeof KINDS)[number];
export type Summary = Record<Kind, { created: number; present: number }>;

export interface SeedResult {
  summary: Summary;
  /** account key → user id (the Keycloak subject) */
  userIds: Record<string, string>;
  /** event key → event id */
  eventIds: Record<string, string>;
}

export interface SeedOptions {
  /** How long to wait for the interaction service to learn a user or a published event (default 30 s). */
  waitTimeoutMs?: number;
  log?: (line: string) => void;
}

interface Session {
  id: string;
  token: string;
}

interface ListedEvent {
  eventId: string;
  title: string;
  status: string;
}

function emptySummary(): Summary {
  return Object.fromEntries(KINDS.map((kind) => [kind, { created: 0, present: 0 }])) as Summary;
}

export function formatSummary(summary: Summary): string {
  return `seed: ${KINDS.map((kind) => `${kind} ${summary[kind].created} created / ${summary[kind].present} already present`).join(', ')}`;
}

/** Loads the fixture through the services' HTTP APIs; every step is idempotent. */
export async function runSeed(config: SeedConfig, fixture: Fixture, options: SeedOptions = {}): Promise<SeedResult> {
  const waitTimeoutMs = options.waitTimeoutMs ?? 30_000;
  const log = options.log ?? (() => undefined);
  const summary = emptySummary();
  const count = (kind: Kind, created: boolean): void => {
    summary[kind][created ? 'created' : 'present'] += 1;
  };
  const sessions = new Map<string, Session>();

  // 1. Accounts: register (409 = already there), then a token by password grant.
  const register = async (account: AccountFixture, extra: Record<string, unknown>): Promise<void> => {
    const reply = await expect([201, 409], 'POST', `${config.USER_URL}/users`, {
      body: { email: account.email, password: config.SEED_PASSWORD, displayName: account.displayName, ...extra },
    });
    count('accounts', reply.status === 201);
    const token = await passwordGrant(config, account.email);
    const me = await expect([200], 'GET', `${config.USER_URL}/users/me`, { token });
    if (typeof me.body['id'] !== 'string') throw new Error(`no id in the profile of ${account.email}`);
    sessions.set(account.key, { id: me.body['id'], token });
    log(`account ${account.email}: ${reply.status === 201 ? 'created' : 'already present'}`);
  };
  for (const org of fixture.organizations) await register(org, { role: 'organization', organization: org.organization });
  for (const member of fixture.members) await register(member, { role: 'member' });

  // 2. Events: create those whose title the organization does not have yet, then publish drafts.
  const eventIds: Record<string, string> = {};
  for (const org of fixture.organizations) {
    const session = need(sessions, org.key);
    const existing = await listOwnEvents(config, session.token);
    for (const event of fixture.events.filter((e) => e.organization === org.key)) {
      let found = existing.find((e) => e.title === event.title);
      if (found === undefined) {
        const created = await expect([201], 'POST', `${config.EVENT_URL}/events`, { token: session.token, body: eventBody(event) });
        found = listedEvent(created.body);
        count('events', true);
      } else {
        count('events', false);
      }
      eventIds[event.key] = found.eventId;
      if (found.status === 'draft') {
        const published = await request('POST', `${config.EVENT_URL}/events/${found.eventId}/publish`, { token: session.token });
        if (published.status === 200) count('published', true);
        else if (published.status === 409) count('published', false); // published meanwhile
        else throw new HttpError('POST', `/events/${found.eventId}/publish`, published);
      } else {
        count('published', false);
      }
      log(`event ${org.key} "${event.title}": ${found.eventId}`);
    }
  }

  // 3. Interactions, through the interaction service; its copies of users and events arrive by message,
  //    so a 404 means "not yet" and is retried for a bounded time.
  const put = async (kind: Kind, member: string, path: string): Promise<void> => {
    const session = need(sessions, member);
    const reply = await retryWhile([404], () => request('PUT', `${config.INTERACTION_URL}${path}`, { token: session.token }), waitTimeoutMs, path);
    if (reply.status !== 200 && reply.status !== 201) throw new HttpError('PUT', path, reply);
    count(kind, reply.status === 201);
  };
  for (const [member, orgs] of Object.entries(fixture.follows)) {
    for (const org of orgs) await put('follows', member, `/users/${need(sessions, org).id}/follow`);
  }
  for (const [member, events] of Object.entries(fixture.likes)) {
    for (const event of events) await put('likes', member, `/events/${need(eventIds, event)}/like`);
  }
  for (const [member, events] of Object.entries(fixture.participations)) {
    for (const event of events) await put('participations', member, `/events/${need(eventIds, event)}/participation`);
  }

  // 4. Reviews: a participant may review only once the event has started. The "happening now"
  //    event starts seconds after its creation, so 422 (not started yet) is waited out, bounded.
  //    Re-sending the same review answers 200 and changes nothing.
  for (const [member, reviews] of Object.entries(fixture.reviews)) {
    const session = need(sessions, member);
    for (const review of reviews) {
      const path = `/events/${need(eventIds, review.event)}/review`;
      const body = { rating: review.rating, text: review.text };
      const reply = await retryWhile(
        [404, 422],
        () => request('PUT', `${config.INTERACTION_URL}${path}`, { token: session.token, body }),
        waitTimeoutMs + 60_000,
        path,
      );
      if (reply.status !== 200 && reply.status !== 201) throw new HttpError('PUT', path, reply);
      count('reviews', reply.status === 201);
    }
  }

  const userIds = Object.fromEntries([...sessions].map(([key, session]) => [key, session.id]));
  return { summary, userIds, eventIds };
}

function need<V>(map: Map<string, V> | Record<string, V>, key: string): V {
  const value = map instanceof Map ? map.get(key) : map[key];
  if (value === undefined) throw new Error(`fixture refers to unknown key "${key}"`);
  return value;
}

/** An access token for `username` by the password grant of the configured public client. */
export async function passwordGrant(config: SeedConfig, username: string): Promise<string> {
  const url = `${config.KEYCLOAK_URL}/realms/${config.KEYCLOAK_REALM}/protocol/openid-connect/token`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: config.KEYCLOAK_CLIENT_ID, username, password: config.SEED_PASSWORD }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`password grant for ${username} refused: HTTP ${response.status} (wrong SEED_PASSWORD for an existing account?)`);
  }
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('no access token in the password grant response');
  return body.access_token;
}

function listedEvent(body: Record<string, unknown>): ListedEvent {
  const { eventId, title, status } = body;
  if (typeof eventId !== 'string' || typeof title !== 'string' || typeof status !== 'string') {
    throw new Error(`unexpected event representation: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { eventId, title, status };
}

/** Every event of the token's organization, drafts included, all pages. */
async function listOwnEvents(config: SeedConfig, token: string): Promise<ListedEvent[]> {
  const events: ListedEvent[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '?limit=100' : `?limit=100&cursor=${encodeURIComponent(cursor)}`;
    const reply: Reply = await expect([200], 'GET', `${config.EVENT_URL}/organizers/me/events${query}`, { token });
    const items = reply.body['items'];
    if (!Array.isArray(items)) throw new Error('GET /organizers/me/events: no items');
    for (const item of items) events.push(listedEvent(item as Record<string, unknown>));
    cursor = typeof reply.body['nextCursor'] === 'string' ? reply.body['nextCursor'] : null;
  } while (cursor !== null);
  return events;
}

function eventBody(event: EventFixture): Record<string, unknown> {
  const times = event.startsSecondsAfterCreation === undefined ? event : startingSoon(event, event.startsSecondsAfterCreation);
  return {
    title: event.title,
    description: event.description,
    category: event.category,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    venue: event.venue,
    tiers: event.tiers,
    tags: event.tags,
  };
}

/** The fixture's duration, moved to start `seconds` from now. */
function startingSoon(event: EventFixture, seconds: number): { startsAt: string; endsAt: string } {
  const duration = Date.parse(event.endsAt) - Date.parse(event.startsAt);
  const startsAt = Date.now() + seconds * 1000;
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + duration).toISOString() };
}

/**
 * Repeats `attempt` while it answers one of `statuses` (404: the interaction service's copy has
 * not arrived yet; 422: the event has not started yet), up to `timeoutMs`.
 */
async function retryWhile(statuses: readonly number[], attempt: () => Promise<Reply>, timeoutMs: number, what: string): Promise<Reply> {
  const until = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    const reply = await attempt();
    if (!statuses.includes(reply.status)) return reply;
    if (Date.now() > until) throw new Error(`the interaction service still answers ${reply.status} for ${what} after ${timeoutMs} ms`);
    await sleep(delay);
    delay = Math.min(delay * 2, 1_000);
  }
}

