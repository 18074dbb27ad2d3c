/** Event ids: ULIDs made in this process, from a pooled cryptographic source (envelope.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTime } from 'ulid';
import { envelopeHeaderSchema, newEventId } from '../src/envelope.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

test('10,000 event ids are valid ULIDs, distinct, in creation order, stamped with their time', () => {
  const before = Date.now();
  const ids = Array.from({ length: 10_000 }, () => newEventId());
  const after = Date.now();

  const idShape = envelopeHeaderSchema.shape.id;
  assert.deepEqual(ids.filter((id) => !idShape.safeParse(id).success), []);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
  for (const id of [ids[0]!, ids[ids.length - 1]!]) {
    const at = decodeTime(id);
    assert.ok(at >= before && at <= after, `${id} decodes to ${at}, outside ${before}–${after}`);
  }
});

test('the random part of new ids uses the whole alphabet, evenly (a stuck or biased source fails)', () => {
  // Two ids a millisecond apart start a fresh random part; ids within one millisecond only count up.
  const counts = new Map<string, number>();
  let samples = 0;
  for (let round = 0; round < 200; round += 1) {
    const start = Date.now();
    while (Date.now() === start) {
      // wait for the next millisecond
    }
    const random = newEventId().slice(10, 25); // the last character is the counter's
    for (const character of random) counts.set(character, (counts.get(character) ?? 0) + 1);
    samples += random.length;
  }
  assert.deepEqual([...CROCKFORD].filter((character) => !counts.has(character)), []);
  const expected = samples / CROCKFORD.length; // ~94 each
  const uneven = [...counts].filter(([, count]) => count < expected * 0.4 || count > expected * 1.8);
  assert.deepEqual(uneven, []);
});
