import { call } from '../api/client';
import { useApi } from '../app/context';

/**
 * The door without a network (ADR 0038). The page keeps the event's check-in list — a digest of
 * each code, never the code — answers from it when offline, queues what it let in, and sends the
 * queue when the network is back. Everything lives in localStorage, so a reload keeps the queue.
 */

export interface DoorListEntry {
  ticketId: string;
  codeHash: string;
  tierName: string;
  holderInitials: string | null;
  status: 'valid' | 'used' | 'invalidated';
  usedAt: string | null;
  checkedInByName: string | null;
  deviceName: string | null;
}

export interface QueuedCheckIn {
  ticketId: string;
  scannedAt: string;
  tierName: string;
  holderInitials: string | null;
}

export interface DoorDevice {
  id: string;
  name: string;
}

/** What a sync said about one queued check-in that was NOT the ticket's check-in. */
export interface SyncConflict {
  ticketId: string;
  holderInitials: string | null;
  tierName: string;
  scannedAt: string;
  outcome: 'already-used' | 'invalidated' | 'not-found' | 'door-closed';
  usedAt: string | null;
  checkedInByName: string | null;
  deviceName: string | null;
}

/** Minimal storage (localStorage in the page; a Map in unit tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const DEVICE_KEY = 'eventonight.door.device';
const listKey = (eventId: string) => `eventonight.door.list.${eventId}`;
const queueKey = (eventId: string) => `eventonight.door.queue.${eventId}`;

function read<T>(store: KeyValueStore, key: string, fallback: T): T {
  try {
    const text = store.getItem(key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

/** This browser's door device: a random id kept forever, and a name the person may change. */
export function doorDevice(store: KeyValueStore): DoorDevice {
  const known = read<DoorDevice | null>(store, DEVICE_KEY, null);
  if (known !== null && typeof known.id === 'string' && known.id !== '') return known;
  const id = `dev-${crypto.getRandomValues(new Uint32Array(2)).join('')}`.slice(0, 64);
  const device = { id, name: `Door ${id.slice(-4)}` };
  store.setItem(DEVICE_KEY, JSON.stringify(device));
  return device;
}

export function renameDevice(store: KeyValueStore, name: string): DoorDevice {
  const device = { ...doorDevice(store), name: name.trim().slice(0, 60) || doorDevice(store).name };
  store.setItem(DEVICE_KEY, JSON.stringify(device));
  return device;
}

/** base64url SHA-256 of `<eventId>:<code>`, as the service computes the list's `codeHash`. */
export async function codeHashOf(eventId: string, code: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${eventId}:${code}`)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type OfflineAnswer =
  | { kind: 'valid'; tierName: string; holderName: string | null; usedAt: string; offline: true }
  | { kind: 'used'; tierName: string; holderName: string | null; usedAt: string | null; checkedInByName: string | null; deviceName: string | null; offline: true }
  | { kind: 'invalidated'; tierName: string; holderName: string | null; offline: true }
  | { kind: 'not-for-event'; offline: true };

/** One event's offline door: its list (by code digest) and its queue of check-ins to send. */
export class OfflineDoor {
  private byHash = new Map<string, DoorListEntry>();
  private byId = new Map<string, DoorListEntry>();
  savedAt: string | null = null;

  constructor(
    readonly eventId: string,
    private readonly store: KeyValueStore,
  ) {
    const saved = read<{ savedAt: string; entries: DoorListEntry[] } | null>(store, listKey(eventId), null);
    if (saved === null) return;
    this.setEntries(saved.entries, saved.savedAt);
    // Offline admissions are kept in the queue only (one small write per scan): applied again here.
    const device = doorDevice(store);
    for (const queued of this.queue()) {
      if (this.byId.get(queued.ticketId)?.status === 'valid') this.markUsed(queued.ticketId, queued.scannedAt, device.name, null, false);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Tickets that get someone in (not refunded), and those already in (as this device knows). */
  counts(): { admitted: number; total: number } {
    let admitted = 0;
    let total = 0;
    for (const entry of this.byId.values()) {
      if (entry.status === 'invalidated') continue;
      total += 1;
      if (entry.status === 'used') admitted += 1;
    }
    return { admitted, total };
  }

  queue(): QueuedCheckIn[] {
    return read<QueuedCheckIn[]>(this.store, queueKey(this.eventId), []);
  }

  private saveQueue(queue: QueuedCheckIn[]): void {
    this.store.setItem(queueKey(this.eventId), JSON.stringify(queue));
  }

  private setEntries(entries: DoorListEntry[], savedAt: string): void {
    this.byHash = new Map(entries.map((entry) => [entry.codeHash, entry]));
    this.byId = new Map(entries.map((entry) => [entry.ticketId, entry]));
    this.savedAt = savedAt;
  }

  private saveList(): void {
    this.store.setItem(listKey(this.eventId), JSON.stringify({ savedAt: this.savedAt, entries: [...this.byId.values()] }));
  }

  /** A fresh list from the service; what this device let in and has not sent yet stays admitted. */
  replaceList(entries: DoorListEntry[], device: DoorDevice, now = new Date()): void {
    const pending = new Map(this.queue().map((queued) => [queued.ticketId, queued]));
    const merged = entries.map((entry) => {
      const mine = pending.get(entry.ticketId);
      return mine !== undefined && entry.status === 'valid'
        ? { ...entry, status: 'used' as const, usedAt: mine.scannedAt, deviceName: device.name, checkedInByName: null }
        : entry;
    });
    this.setEntries(merged, now.toISOString());
    this.saveList();
  }

  /** Marks a ticket let in (online answers too, so a later offline spell knows). */
  markUsed(ticketId: string, usedAt: string, deviceName: string | null, checkedInByName: string | null, persist = true): void {
    const entry = this.byId.get(ticketId);
    if (entry === undefined) return;
    const used = { ...entry, status: 'used' as const, usedAt, deviceName, checkedInByName };
    this.byId.set(ticketId, used);
    this.byHash.set(used.codeHash, used);
    if (persist) this.saveList();
  }

  findByHash(hash: string): DoorListEntry | undefined {
    return this.byHash.get(hash);
  }

  /** The answer without a network: from the list; a valid ticket is let in and queued. */
  async answer(code: string, device: DoorDevice, now = new Date()): Promise<OfflineAnswer> {
    const entry = this.byHash.get(await codeHashOf(this.eventId, code));
    if (entry === undefined) return { kind: 'not-for-event', offline: true };
    const facts = { tierName: entry.tierName, holderName: entry.holderInitials, offline: true as const };
    if (entry.status === 'invalidated') return { kind: 'invalidated', ...facts };
    if (entry.status === 'used') return { kind: 'used', ...facts, usedAt: entry.usedAt, checkedInByName: entry.checkedInByName, deviceName: entry.deviceName };
    const scannedAt = now.toISOString();
    // The queue alone is written (the list is saved when downloaded or told by the service).
    this.markUsed(entry.ticketId, scannedAt, device.name, null, false);
    this.saveQueue([...this.queue(), { ticketId: entry.ticketId, scannedAt, tierName: entry.tierName, holderInitials: entry.holderInitials }]);
    return { kind: 'valid', ...facts, usedAt: scannedAt };
  }

  /** Removes what the service has answered for from the queue (scans queued meanwhile stay). */
  settled(sent: readonly QueuedCheckIn[]): void {
    const done = new Set(sent.map((queued) => `${queued.ticketId}@${queued.scannedAt}`));
    this.saveQueue(this.queue().filter((queued) => !done.has(`${queued.ticketId}@${queued.scannedAt}`)));
  }
}

/** Every page of the event's door list. */
export async function downloadDoorList(eventId: string): Promise<DoorListEntry[]> {
  const entries: DoorListEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const reply = await call(useApi().ticketing.GET('/events/{eventId}/door-list', { params: { path: { eventId }, query: cursor === undefined ? {} : { cursor } } }));
    entries.push(...reply.items);
    if (reply.nextCursor === null) break;
    cursor = reply.nextCursor;
  }
  return entries;
}

/**
 * Sends the queue (500 at a time). Returns the check-ins that were not the ticket's check-in —
 * another device's earlier scan won, or the ticket was refunded — for the page to show.
 */
export async function syncQueue(door: OfflineDoor, device: DoorDevice): Promise<{ sent: number; conflicts: SyncConflict[] }> {
  const conflicts: SyncConflict[] = [];
  let sent = 0;
  for (;;) {
    const batch = door.queue().slice(0, 500);
    if (batch.length === 0) break;
    const reply = await call(
      useApi().ticketing.POST('/events/{eventId}/check-ins/sync', {
        params: { path: { eventId: door.eventId } },
        body: { deviceId: device.id, deviceName: device.name, entries: batch.map((queued) => ({ ticketId: queued.ticketId, scannedAt: queued.scannedAt })) },
      }),
    );
    for (const result of reply.results) {
      const queued = batch[result.index];
      if (queued === undefined) continue;
      if (result.outcome === 'checked-in') continue;
      conflicts.push({ ...queued, outcome: result.outcome, usedAt: result.usedAt, checkedInByName: result.checkedInByName, deviceName: result.deviceName });
      if (result.outcome === 'already-used' && result.usedAt !== null) door.markUsed(queued.ticketId, result.usedAt, result.deviceName, result.checkedInByName);
    }
    door.settled(batch);
    sent += batch.length;
  }
  return { sent, conflicts };
}
