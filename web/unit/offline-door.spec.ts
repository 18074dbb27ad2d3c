import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OfflineDoor, codeHashOf, doorDevice, type DoorListEntry, type KeyValueStore } from '../src/door/offline-door';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

const EVENT = 'evt-1';
const nodeHash = (code: string) => createHash('sha256').update(`${EVENT}:${code}`).digest('base64url');

function entry(ticketId: string, code: string, status: DoorListEntry['status'] = 'valid'): DoorListEntry {
  return { ticketId, codeHash: nodeHash(code), tierName: 'Standard', holderInitials: 'A. L.', status, usedAt: null, checkedInByName: null, deviceName: null };
}

describe('the offline door', () => {
  it('hashes a code as the service does (base64url SHA-256 of eventId:code)', async () => {
    expect(await codeHashOf(EVENT, 'abc_DEF-123')).toBe(nodeHash('abc_DEF-123'));
  });

  it('answers from the list: valid once (queued), then used by this device; unknown and refunded codes refused', async () => {
    const store = memoryStore();
    const device = doorDevice(store);
    const door = new OfflineDoor(EVENT, store);
    door.replaceList([entry('t1', 'code-1'), entry('t2', 'code-2', 'invalidated')], device);
    const first = await door.answer('code-1', device, new Date('2026-12-08T21:04:00Z'));
    expect(first.kind).toBe('valid');
    const second = await door.answer('code-1', device);
    expect(second).toMatchObject({ kind: 'used', usedAt: '2026-12-08T21:04:00.000Z', deviceName: device.name });
    expect((await door.answer('code-2', device)).kind).toBe('invalidated');
    expect((await door.answer('nope', device)).kind).toBe('not-for-event');
    expect(door.queue()).toEqual([{ ticketId: 't1', scannedAt: '2026-12-08T21:04:00.000Z', tierName: 'Standard', holderInitials: 'A. L.' }]);
    expect(door.counts()).toEqual({ admitted: 1, total: 1 });
  });

  it('keeps the queue and the list across reloads, a fresh list keeps unsent check-ins, and settled ones leave the queue', async () => {
    const store = memoryStore();
    const device = doorDevice(store);
    const door = new OfflineDoor(EVENT, store);
    door.replaceList([entry('t1', 'code-1'), entry('t2', 'code-2')], device);
    await door.answer('code-1', device);
    const reloaded = new OfflineDoor(EVENT, store);
    expect(reloaded.queue()).toHaveLength(1);
    expect(doorDevice(store).id).toBe(device.id);
    reloaded.replaceList([entry('t1', 'code-1'), entry('t2', 'code-2')], device);
    expect((await reloaded.answer('code-1', device)).kind).toBe('used');
    reloaded.settled(reloaded.queue());
    expect(reloaded.queue()).toEqual([]);
  });

  it('stores no code', async () => {
    const store = memoryStore();
    const device = doorDevice(store);
    const door = new OfflineDoor(EVENT, store);
    door.replaceList([entry('t1', 'secret-code-1')], device);
    await door.answer('secret-code-1', device);
    expect([...store.data.values()].join('')).not.toContain('secret-code-1');
  });
});

describe('the offline door after a reload', () => {
  it('knows what it let in from the queue alone', async () => {
    const store = memoryStore();
    const device = doorDevice(store);
    const door = new OfflineDoor(EVENT, store);
    door.replaceList([entry('t1', 'code-1')], device);
    await door.answer('code-1', device);
    const reloaded = new OfflineDoor(EVENT, store);
    expect((await reloaded.answer('code-1', device)).kind).toBe('used');
    expect(reloaded.queue()).toHaveLength(1);
  });
});
