import { setTimeout as sleep } from 'node:timers/promises';
import { JOB_LEASES_COLLECTION } from '@eventonight/platform';
import { SERVICE_NAMES, type RunningSystem } from '@eventonight/testing';

/**
 * Every document of every service database, as JSON per document: taken before and after the
 * malformed requests, whose answer must not have changed a single one.
 */

/** Renewed by the periodic jobs on every run: bookkeeping of the platform, not data a request touches. */
const IGNORED_COLLECTIONS: ReadonlySet<string> = new Set([JOB_LEASES_COLLECTION]);

/** `service.collection` → document id → the document as JSON. */
export type Snapshot = Map<string, Map<string, string>>;

export async function takeSnapshot(system: RunningSystem): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  for (const service of SERVICE_NAMES) {
    const db = system.db(service);
    const collections = await db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
      if (IGNORED_COLLECTIONS.has(name)) continue;
      const documents = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
      snapshot.set(`${service}.${name}`, new Map(documents.map((document) => [JSON.stringify(document._id), JSON.stringify(document)])));
    }
  }
  return snapshot;
}

function clip(text: string | undefined): string {
  if (text === undefined) return '(absent)';
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** One line per added, removed or changed document (or collection). */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const collection of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(collection);
    const now = after.get(collection);
    if (old === undefined || now === undefined) {
      lines.push(`${collection}: collection ${old === undefined ? 'created' : 'dropped'}`);
      continue;
    }
    for (const id of new Set([...old.keys(), ...now.keys()])) {
      if (old.get(id) !== now.get(id)) lines.push(`${collection} ${id}:\n    before ${clip(old.get(id))}\n    after  ${clip(now.get(id))}`);
    }
  }
  return lines;
}

/**
 * A snapshot once the databases stopped changing: message consumers and outbox relays finish
 * what earlier requests started, so two snapshots `quietMs` apart must agree.
 */
export async function settledSnapshot(system: RunningSystem, options: { quietMs?: number; timeoutMs?: number } = {}): Promise<Snapshot> {
  const quietMs = options.quietMs ?? 750;
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  let previous = await takeSnapshot(system);
  for (;;) {
    await sleep(quietMs);
    const current = await takeSnapshot(system);
    const changed = differences(previous, current);
    if (changed.length === 0) return current;
    if (Date.now() > until) throw new Error(`the databases kept changing:\n${changed.slice(0, 10).join('\n')}`);
    previous = current;
  }
}
