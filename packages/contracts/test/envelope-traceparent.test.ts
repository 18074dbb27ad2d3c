/** The envelope's optional W3C traceparent (ADR 0036): old messages without it stay valid. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEvent, parseEvent } from '../src/index.js';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function likeAdded(traceparent?: string) {
  return buildEvent({
    type: 'interaction.like.added',
    source: 'interaction',
    aggregateId: 'like-1',
    aggregateVersion: 1,
    correlationId: 'corr-1',
    data: { eventId: 'ev-1', userId: 'user-1', eventOwnerId: 'org-1' },
    ...(traceparent === undefined ? {} : { traceparent }),
  });
}

test('an envelope from before tracing (no traceparent key) still parses, and gains none', () => {
  const old: Record<string, unknown> = JSON.parse(JSON.stringify(likeAdded()));
  assert.equal('traceparent' in old, false, 'buildEvent writes no key without a traceparent');
  const parsed = parseEvent(old);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  assert.equal('traceparent' in parsed.event, false);
});

test('a traceparent survives the wire: built, serialized, parsed back unchanged', () => {
  const parsed = parseEvent(JSON.parse(JSON.stringify(likeAdded(TRACEPARENT))));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  assert.equal(parsed.event.traceparent, TRACEPARENT);
});

test('a malformed traceparent makes the envelope invalid, with the reason', () => {
  for (const bad of ['', 'not-a-traceparent', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', `${TRACEPARENT}-extra`]) {
    const parsed = parseEvent({ ...JSON.parse(JSON.stringify(likeAdded())), traceparent: bad });
    assert.equal(parsed.ok, false, `accepted ${JSON.stringify(bad)}`);
    if (!parsed.ok) assert.match(parsed.reason, /traceparent: must be a W3C traceparent/);
  }
});
