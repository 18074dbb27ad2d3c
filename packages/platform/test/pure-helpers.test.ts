import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorParam, pageLimitParam } from '../src/http/pagination.js';
import { OutboxSignal } from '../src/outbox/signal.js';
import { afterTimeCursor, decodeTimeCursor, encodeTimeCursor } from '../src/persistence/time-cursor.js';
import { backoffDelay, sleep } from '../src/util/backoff.js';
import { linkSecretDigest, newLinkSecret } from '../src/util/link-secret.js';

/** The platform's I/O-free helpers (the mutation-testing target `packages/platform`). */

function withRandom<T>(value: number, run: () => T): T {
  const original = Math.random;
  Math.random = () => value;
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

describe('backoff', () => {
  it('doubles from the initial delay up to the maximum, jittered over the upper half', () => {
    const options = { initialMs: 100, maxMs: 1_000 };
    assert.deepEqual(
      withRandom(0, () => [0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, options))),
      [50, 50, 100, 200, 400, 500, 500],
      'lowest: half the ceiling',
    );
    assert.deepEqual(
      withRandom(0.999_999, () => [1, 2, 5].map((attempt) => backoffDelay(attempt, options))),
      [100, 200, 1_000],
      'highest: the ceiling',
    );
    assert.equal(
      withRandom(0.5, () => backoffDelay(3, options)),
      300,
    );
  });

  it('another factor grows the ceiling by that factor', () => {
    assert.equal(
      withRandom(0.999_999, () => backoffDelay(3, { initialMs: 10, maxMs: 10_000, factor: 3 })),
      90,
    );
  });

  it('sleep waits about the time asked, and an abort ends it early', async () => {
    const started = Date.now();
    await sleep(30);
    assert.ok(Date.now() - started >= 25);
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await waiting;
    const aborted = new AbortController();
    aborted.abort();
    await sleep(60_000, aborted.signal);
  });
});

describe('time cursors', () => {
  const cursor = { at: new Date('2026-07-01T10:00:00.000Z'), id: 'doc-9' };

  it('round-trips through an opaque base64url string', () => {
    const text = encodeTimeCursor(cursor);
    assert.match(text, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')), ['2026-07-01T10:00:00.000Z', 'doc-9']);
    assert.deepEqual(decodeTimeCursor(text), cursor);
  });

  it('refuses anything it did not produce', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    for (const text of [
      '',
      'not base64!',
      'a'.repeat(601),
      Buffer.from('{not json').toString('base64url'),
      encode(['yesterday', 'id']),
      encode(['2026-07-01T10:00:00.000Z', '']),
      encode(['2026-07-01T10:00:00.000Z', 'x'.repeat(301)]),
      encode(['2026-07-01T10:00:00.000Z']),
      encode({ at: '2026-07-01T10:00:00.000Z', id: 'x' }),
    ]) {
      assert.equal(decodeTimeCursor(text), undefined, text.slice(0, 40));
    }
    assert.deepEqual(decodeTimeCursor(encode(['2026-07-01T10:00:00.000Z', 'x'.repeat(300)]))?.id, 'x'.repeat(300));
    // Node's decoder skips characters outside the alphabet; the cursor must not.
    const valid = encodeTimeCursor(cursor);
    for (const text of [`!${valid}`, `${valid}!`, ` ${valid}`]) assert.equal(decodeTimeCursor(text), undefined, text);
  });

  it('selects what comes strictly after the cursor in (field desc, _id desc) order; nothing on page one', () => {
    assert.deepEqual(afterTimeCursor('createdAt', undefined), {});
    assert.deepEqual(afterTimeCursor('createdAt', cursor), {
      $or: [{ createdAt: { $lt: cursor.at } }, { createdAt: cursor.at, _id: { $lt: 'doc-9' } }],
    });
  });
});

describe('pagination parameters', () => {
  it('limit: plain digits from 1 to 100', () => {
    assert.equal(pageLimitParam.parse('1'), 1);
    assert.equal(pageLimitParam.parse('100'), 100);
    for (const bad of ['0', '101', '1e2', '+5', '5.0', '', '1000', ' 5']) {
      const result = pageLimitParam.safeParse(bad);
      assert.equal(result.success, false, bad);
      assert.equal(result.error?.issues[0]?.message, 'must be an integer between 1 and 100');
    }
  });

  it('cursor: decoded by the given decoder; what it rejects or what is too long is an issue', () => {
    const param = cursorParam((text) => (text.startsWith('ok') ? text.length : undefined), 10);
    assert.equal(param.parse('ok123'), 5);
    const rejected = param.safeParse('nope');
    assert.equal(rejected.success, false);
    assert.equal(rejected.error?.issues[0]?.message, 'is not a cursor returned by this API');
    assert.equal(param.safeParse(`ok${'x'.repeat(9)}`).success, false, 'longer than the maximum');
    assert.equal(cursorParam(() => 1).safeParse('x'.repeat(600)).success, true, 'default maximum 600');
    assert.equal(cursorParam(() => 1).safeParse('x'.repeat(601)).success, false);
  });
});

describe('outbox signal', () => {
  it('rings every subscriber until it unsubscribes', () => {
    const signal = new OutboxSignal();
    const rings = { a: 0, b: 0 };
    const stopA = signal.subscribe(() => void (rings.a += 1));
    signal.subscribe(() => void (rings.b += 1));
    signal.ring();
    stopA();
    signal.ring();
    assert.deepEqual(rings, { a: 1, b: 2 });
  });
});

describe('link secrets (a confirmation link, a calendar feed address)', () => {
  it('a secret is 256 random bits in base64url; only its sha256 digest is kept', () => {
    const secret = newLinkSecret();
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newLinkSecret(), secret);
    assert.equal(linkSecretDigest('abc'), 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    assert.notEqual(linkSecretDigest(secret), secret);
  });
});
