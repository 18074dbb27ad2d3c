import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AggregateAlreadyExistsError, isProblem, VersionConflictError, type AggregateStore } from '@eventonight/platform';
import { decideAndWrite } from '../src/application/write-once.js';

interface Toggle {
  _id: string;
  active: boolean;
}

/** A store whose every write loses a race: the aggregate exists and moves on between load and write. */
function alwaysLosing(): { store: AggregateStore<Toggle>; writes: () => number } {
  let writes = 0;
  let version = 1;
  const store = {
    create: async () => {
      writes += 1;
      throw new AggregateAlreadyExistsError('toggles', 't1');
    },
    load: async () => ({ state: { _id: 't1', active: false }, version: version++ }),
    update: async (_id: string, expected: number) => {
      writes += 1;
      throw new VersionConflictError('toggles', 't1', expected);
    },
  } as unknown as AggregateStore<Toggle>;
  return { store, writes: () => writes };
}

describe('decideAndWrite: losing every race', () => {
  it('retries a bounded number of times, then answers 409 version-conflict (what the routes declare)', async () => {
    const { store, writes } = alwaysLosing();
    const decide = (current: { state: Toggle } | null) =>
      current === null
        ? { kind: 'create' as const, state: { _id: 't1', active: true }, events: [] }
        : { kind: 'update' as const, changes: { active: true }, events: [] };
    const error: unknown = await decideAndWrite(store, 't1', decide).then(
      () => assert.fail('a write that always loses cannot succeed'),
      (thrown: unknown) => thrown,
    );
    assert.ok(isProblem(error));
    assert.equal(error.status, 409);
    assert.equal(error.type, 'https://eventonight.dev/problems/version-conflict');
    assert.ok(error.cause instanceof VersionConflictError);
    assert.equal(writes(), 9, 'the optimistic create, then 8 attempts');
  });
});
