import * as Minio from 'minio';
import { infra, SERVICE_NAMES, type RunningSystem, type ServiceName } from '@eventonight/testing';

/** What identifies the person whose account is deleted (issue 25's list, plus their profile text and chat image). */
export interface PersonalData {
  userId: string;
  email: string;
  displayName: string;
  bio: string;
  avatarId: string;
  chatImageId: string;
}

export interface Finding {
  service: ServiceName | 'object-store';
  collection: string;
  documentId: string;
  /** Which item of PersonalData was found. */
  field: keyof PersonalData;
  /** Where in the document (a key or a value), or `key`/`metadata` for an object. */
  path: string;
}

/**
 * The records ADR 0027 keeps after an erasure: ticketing's orders and tickets, for accounting,
 * with the pseudonymous id only (no name, no email, no profile data).
 */
export const ACCOUNTING_RECORDS = {
  allows(finding: Finding): boolean {
    return finding.service === 'ticketing' && (finding.collection === 'orders' || finding.collection === 'tickets') && finding.field === 'userId';
  },
};

function needles(person: PersonalData): Array<[keyof PersonalData, string]> {
  return (Object.entries(person) as Array<[keyof PersonalData, string]>).map(([field, value]) => [field, field === 'email' ? value.toLowerCase() : value]);
}

function matches(text: string, person: PersonalData): Array<keyof PersonalData> {
  const lower = text.toLowerCase();
  return needles(person)
    .filter(([field, needle]) => (field === 'email' ? lower.includes(needle) : text.includes(needle)))
    .map(([field]) => field);
}

/** Every string in `value`, keys included, with its path. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const binary = value as { _bsontype?: string; buffer?: Uint8Array };
    if (binary._bsontype === 'Binary' && binary.buffer !== undefined) {
      yield [path, Buffer.from(binary.buffer).toString('latin1')];
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      yield [`${path}.${key} (key)`, key];
      yield* strings(item, `${path}.${key}`);
    }
  }
}

/** Reads every document of every collection of every service's database. */
export async function scanDatabases(system: RunningSystem, person: PersonalData): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const service of SERVICE_NAMES) {
    const db = system.db(service);
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      for await (const document of db.collection(name).find({})) {
        for (const [path, text] of strings(document, '')) {
          for (const field of matches(text, person)) {
            findings.push({ service, collection: name, documentId: String(document['_id']), field, path: path.slice(1) || '_id' });
          }
        }
      }
    }
  }
  return findings;
}

const store = new Minio.Client({
  endPoint: new URL(infra.s3Endpoint).hostname,
  port: Number(new URL(infra.s3Endpoint).port),
  useSSL: false,
  accessKey: infra.s3AccessKey,
  secretKey: infra.s3SecretKey,
  region: infra.s3Region,
});

/** Every object of the bucket: its key and its metadata (the bucket is shared by all runs, so this reads all of it). */
export async function scanBucket(person: PersonalData): Promise<Finding[]> {
  const findings: Finding[] = [];
  const keys: string[] = [];
  for await (const item of store.listObjectsV2(infra.s3Bucket, '', true) as AsyncIterable<{ name?: string }>) {
    if (item.name !== undefined) keys.push(item.name);
  }
  for (const key of keys) {
    for (const field of matches(key, person)) findings.push({ service: 'object-store', collection: infra.s3Bucket, documentId: key, field, path: 'key' });
    const stat = await store.statObject(infra.s3Bucket, key).catch(() => undefined);
    const metadata = JSON.stringify(stat?.metaData ?? {});
    for (const field of matches(metadata, person)) findings.push({ service: 'object-store', collection: infra.s3Bucket, documentId: key, field, path: 'metadata' });
  }
  return findings;
}
