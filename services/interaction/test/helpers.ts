import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { parseConfig, startService, type RunningService } from '@eventonight/platform';
import { deleteServiceQueues, eventSnapshotData, freshDatabase, serviceTestEnv, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer, Upstream } from '@eventonight/testing';
import { interactionServiceConfig } from '../src/config.js';
import { interactionService, type InteractionServiceOverrides } from '../src/service.js';
import { call, type Reply } from '@eventonight/testing';
export { call, type Reply };

export const HOUR = 3_600_000;


export interface Person {
  id: string;
  token: string;
}

/** A running interaction service on its own database and queue, plus the tools to feed it. */
export class Harness {
  private constructor(
    readonly service: RunningService,
    readonly issuer: TestIssuer,
    readonly database: TestDatabase,
    readonly upstream: Upstream,
    private readonly queue: string,
  ) {}

  /** `seed` writes to the fresh database before the service starts (data left by earlier code). */
  static async start(overrides: InteractionServiceOverrides = {}, options: { seed?: (db: Db) => Promise<void>; env?: Record<string, string> } = {}): Promise<Harness> {
    const database = await freshDatabase('interaction');
    await options.seed?.(database.db);
    const issuer = await startTestIssuer();
    const name = uniqueName('interaction');
    const parsed = parseConfig(
      interactionServiceConfig,
      serviceTestEnv({ database: database.name, jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, ...(options.env === undefined ? {} : { extra: options.env }) }),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const service = await startService({ ...interactionService(overrides), name }, parsed.config);
    return new Harness(service, issuer, database, await Upstream.open(), name);
  }

  get url(): string {
    return this.service.url;
  }

  async close(): Promise<void> {
    await this.service.close();
    await this.upstream.close();
    await this.issuer.close();
    await this.database.dispose();
    await deleteServiceQueues(this.queue);
  }

  async person(role: 'member' | 'organization' = 'member'): Promise<Person> {
    const id = `${role}-${randomUUID()}`;
    return { id, token: await this.issuer.mint({ sub: id, roles: [role] }) };
  }

  /** Publishes user.created and waits until the copy exists. */
  async knownUser(role: 'member' | 'organization', displayName = 'Someone', avatarMediaId: string | null = null): Promise<Person> {
    const person = await this.person(role);
    this.upstream.publish(this.upstream.event('user.created', { userId: person.id, role, displayName, avatarMediaId }, person.id, 1));
    await this.waitForCopy('user_copies', person.id, (copy) => copy['sourceVersion'] === 1);
    return person;
  }

  /** Publishes an event.* fact about an event and waits until the copy holds that version. */
  async eventFact(
    eventId: string,
    version: number,
    status: 'draft' | 'published' | 'cancelled' | 'completed',
    options: { organizerId: string; startsAt?: Date; title?: string },
  ): Promise<void> {
    const data = eventSnapshotData(eventId, options.organizerId, status, options);
    const event =
      status === 'draft'
        ? this.upstream.event('event.created', data, eventId, version)
        : status === 'published'
          ? this.upstream.event('event.published', { ...data, tiers: [] }, eventId, version)
          : status === 'cancelled'
            ? this.upstream.event('event.cancelled', { ...data, reason: null }, eventId, version)
            : this.upstream.event('event.completed', data, eventId, version);
    this.upstream.publish(event);
    await this.waitForCopy('event_copies', eventId, (copy) => copy['sourceVersion'] === version);
  }

  /** A published event owned by a fresh organizer. */
  async publishedEvent(startsAt?: Date): Promise<{ eventId: string; organizerId: string }> {
    const eventId = `event-${randomUUID()}`;
    const organizerId = `organization-${randomUUID()}`;
    await this.eventFact(eventId, 2, 'published', { organizerId, ...(startsAt === undefined ? {} : { startsAt }) });
    return { eventId, organizerId };
  }

  /**
   * Every place in this service's database that still holds one of `needles` (an id, a name):
   * each collection listed, each whole document read as JSON. Empty when nothing is left.
   */
  async traces(needles: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    const collections = await this.service.db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of collections) {
      if (name.startsWith('system.')) continue;
      for (const document of await this.service.db.collection(name).find({}).toArray()) {
        const json = JSON.stringify(document);
        for (const needle of needles) if (json.includes(needle)) found.push(`${name}/${String(document['_id'])} holds ${needle}`);
      }
    }
    return found;
  }

  async waitForCopy(collection: string, id: string, ready: (copy: Record<string, unknown>) => boolean): Promise<void> {
    await waitFor(
      async () => {
        const copy = await this.service.db.collection<{ _id: string; [field: string]: unknown }>(collection).findOne({ _id: id });
        return copy !== null && ready(copy) ? true : undefined;
      },
      { timeoutMs: 10_000, what: `${collection}/${id}` },
    );
  }
}
