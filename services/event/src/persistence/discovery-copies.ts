import { upsertIfNewer } from '@eventonight/platform';
import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import type { EventCategory } from '../domain/event.js';

/**
 * What the event service keeps of others' facts for discovery (ADR 0040): likes, participations and
 * follows (interaction), display names and preferences (user). Written only by consumed events,
 * each guarded by its source's aggregateVersion, so redeliveries and late events change nothing.
 */

export const RELATION_COPIES = 'discovery_relations';
export const POPULARITY = 'discovery_popularity';
export const PEOPLE = 'discovery_people';

export type RelationKind = 'like' | 'participation' | 'follow';

export interface RelationCopy {
  /** `<kind>:<interaction aggregate id>` */
  _id: string;
  sourceVersion: number;
  kind: RelationKind;
  /** The actor: who likes, goes, follows. */
  userId: string;
  /** like / participation: the event; follow: the followee. */
  targetId: string;
  active: boolean;
}

export interface Popularity {
  _id: string;
  likes: number;
  participants: number;
}

export interface PersonCopy {
  _id: string;
  sourceVersion: number;
  displayName?: string;
  role?: 'member' | 'organization';
  categories?: EventCategory[];
  city?: string | null;
  privateProfile?: boolean;
  /** The preferences' own version (user.preferences.changed), apart from the snapshot's. */
  preferencesVersion?: number;
}

export const relationIndexes: IndexDescription[] = [
  { key: { kind: 1, targetId: 1, active: 1 }, name: 'kind_target_active' },
  { key: { kind: 1, userId: 1, active: 1 }, name: 'kind_user_active' },
];

export class DiscoveryCopies {
  readonly relations: Collection<RelationCopy>;
  readonly popularity: Collection<Popularity>;
  readonly people: Collection<PersonCopy>;

  constructor(db: Db) {
    this.relations = db.collection<RelationCopy>(RELATION_COPIES);
    this.popularity = db.collection<Popularity>(POPULARITY);
    this.people = db.collection<PersonCopy>(PEOPLE);
  }

  async ensureIndexes(): Promise<void> {
    // One at a time: FerretDB 1.24 drops the connection (a panic) when one createIndexes names two
    // or more indexes that already exist, i.e. at every restart (see AggregateStore.ensureIndexes).
    for (const index of relationIndexes) await this.relations.createIndexes([index]);
  }

  /** Applies a relation at its version; when it changed a like or a participation, the event's counts are counted again. */
  async saveRelation(version: number, relation: Omit<RelationCopy, 'sourceVersion'>): Promise<'applied' | 'stale'> {
    const { _id, ...fields } = relation;
    const outcome = await upsertIfNewer(this.relations, _id, version, fields);
    if (relation.kind !== 'follow') await this.recount(relation.targetId);
    return outcome;
  }

  /** A count, not an increment: redelivered or reordered events cannot skew it, and a crash between the two writes heals on the next one. */
  async recount(eventId: string): Promise<void> {
    const [likes, participants] = await Promise.all([
      this.relations.countDocuments({ kind: 'like', targetId: eventId, active: true } as Filter<RelationCopy>),
      this.relations.countDocuments({ kind: 'participation', targetId: eventId, active: true } as Filter<RelationCopy>),
    ]);
    await this.popularity.updateOne({ _id: eventId } as Filter<Popularity>, { $set: { likes, participants } }, { upsert: true });
  }

  async popularityOf(eventIds: readonly string[]): Promise<Map<string, Popularity>> {
    if (eventIds.length === 0) return new Map();
    const found = await this.popularity.find({ _id: { $in: [...eventIds] } } as Filter<Popularity>).toArray();
    return new Map(found.map((entry) => [entry._id, entry]));
  }

  /** Whom `userId` follows (organizations and members alike). */
  async followees(userId: string): Promise<string[]> {
    const found = await this.relations
      .find({ kind: 'follow', userId, active: true } as Filter<RelationCopy>, { projection: { targetId: 1 } })
      .limit(5_000)
      .toArray();
    return found.map((relation) => relation.targetId);
  }

  /** Who of `userIds` goes to which event: eventId → goers. */
  async goingOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const going = new Map<string, string[]>();
    if (userIds.length === 0) return going;
    const found = await this.relations
      .find({ kind: 'participation', userId: { $in: [...userIds] }, active: true } as Filter<RelationCopy>, { projection: { targetId: 1, userId: 1 } })
      .limit(20_000)
      .toArray();
    for (const relation of found) going.set(relation.targetId, [...(going.get(relation.targetId) ?? []), relation.userId]);
    return going;
  }

  async person(userId: string): Promise<PersonCopy | null> {
    return this.people.findOne({ _id: userId } as Filter<PersonCopy>);
  }

  async peopleById(ids: readonly string[]): Promise<Map<string, PersonCopy>> {
    if (ids.length === 0) return new Map();
    const found = await this.people.find({ _id: { $in: [...ids] } } as Filter<PersonCopy>).toArray();
    return new Map(found.map((person) => [person._id, person]));
  }

  saveSnapshot(version: number, userId: string, fields: { displayName: string; role: 'member' | 'organization' }): Promise<'applied' | 'stale'> {
    return upsertIfNewer(this.people, userId, version, fields);
  }

  /** Preferences carry their own version: the snapshot's and theirs come from the same profile aggregate, in any order. */
  async savePreferences(version: number, userId: string, fields: { categories: EventCategory[]; city: string | null; privateProfile: boolean }): Promise<void> {
    await this.people.updateOne(
      { _id: userId, $or: [{ preferencesVersion: { $exists: false } }, { preferencesVersion: { $lt: version } }] } as Filter<PersonCopy>,
      { $set: { ...fields, preferencesVersion: version } },
    );
    // No copy yet (the profile's snapshot not consumed): insert one; a racing insert's duplicate key is harmless.
    await this.people
      .insertOne({ _id: userId, sourceVersion: 0, ...fields, preferencesVersion: version })
      .catch((error: unknown) => {
        if ((error as { code?: number }).code !== 11000) throw error;
      });
  }

  /** Erasure (ADR 0027): the person's copy and every relation they made go. */
  async forget(userId: string): Promise<void> {
    await this.people.deleteOne({ _id: userId } as Filter<PersonCopy>);
    const theirs = await this.relations.find({ userId } as Filter<RelationCopy>, { projection: { targetId: 1, kind: 1 } }).toArray();
    await this.relations.deleteMany({ userId } as Filter<RelationCopy>);
    for (const eventId of new Set(theirs.filter((relation) => relation.kind !== 'follow').map((relation) => relation.targetId))) await this.recount(eventId);
  }
}
