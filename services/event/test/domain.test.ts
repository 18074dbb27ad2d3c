import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventRuleError, illegalTransition, invalid } from '../src/domain/errors.js';
import { cityKeyOf, type EventDetails, type EventState, type TierInput } from '../src/domain/event.js';
import { decideCancel, decideComplete, decideCreate, decidePublish, decideUpdate } from '../src/domain/lifecycle.js';
import { buildTiers, checkDates, normalizeDetails, normalizeTags } from '../src/domain/rules.js';
import { snapshotOf } from '../src/domain/snapshot.js';

/** Pure rules of the event aggregate: its lifecycle and its input rules, without a database. */

const day = (n: number, hour = 20) => new Date(Date.UTC(2026, 6, n, hour));
const NOW = day(1, 12);

function details(overrides: Partial<EventDetails> = {}): EventDetails {
  return {
    title: 'Night',
    description: 'A night out',
    category: 'music',
    startsAt: day(10),
    endsAt: day(10, 23),
    venue: { name: 'Hall', address: '1 Street', city: 'Lyon', location: null },
    coverMediaId: null,
    capacityHint: null,
    tags: [],
    ...overrides,
  };
}

const tierInput = (name: string, overrides: Partial<TierInput> = {}): TierInput => ({ name, priceMinor: 1_000, currency: 'eur', quantity: 50, ...overrides });

function ids(...values: string[]): () => string {
  const queue = [...values];
  return () => {
    const next = queue.shift();
    assert.ok(next !== undefined, 'no more ids');
    return next;
  };
}

function created(overrides: Partial<EventDetails> = {}, tiers: TierInput[] = [tierInput('General')]): EventState {
  return decideCreate({ eventId: 'e1', organizerId: 'o1', details: details(overrides), tiers, now: NOW, newTierId: ids('t1', 't2', 't3') }).state;
}

function ruleError(kind: EventRuleError['kind'], check: (error: EventRuleError) => boolean = () => true) {
  return (error: unknown) => error instanceof EventRuleError && error.kind === kind && error.name === 'EventRuleError' && check(error);
}
const pathsOf = (error: EventRuleError) => error.issues.map((issue) => issue.path);

describe('event rules: dates, tiers, tags, normalization', () => {
  it('the start must be strictly future (when asked) and the end strictly after the start', () => {
    assert.deepEqual(checkDates(day(2), day(3), NOW, { startMustBeFuture: true }), []);
    assert.deepEqual(checkDates(NOW, day(3), NOW, { startMustBeFuture: true }), [{ path: 'startsAt', message: 'must be in the future' }]);
    assert.deepEqual(checkDates(NOW, day(3), NOW, { startMustBeFuture: false }), []);
    assert.deepEqual(checkDates(day(2), day(2), NOW, { startMustBeFuture: true }), [{ path: 'endsAt', message: 'must be after startsAt' }]);
    assert.equal(checkDates(day(0), day(0), NOW, { startMustBeFuture: true }).length, 2);
  });

  it('builds tiers with new ids, trimmed names, and keeps given ids of existing tiers', () => {
    const existing = [{ tierId: 'old', name: 'VIP', priceMinor: 5_000, currency: 'eur', quantity: 10 }];
    assert.deepEqual(buildTiers([tierInput('  General  '), tierInput('VIP', { tierId: 'old', quantity: 20 })], existing, ids('new')), [
      { tierId: 'new', name: 'General', priceMinor: 1_000, currency: 'eur', quantity: 50 },
      { tierId: 'old', name: 'VIP', priceMinor: 1_000, currency: 'eur', quantity: 20 },
    ]);
  });

  it('refuses a tier name used twice (whatever the case and spaces), unknown ids, and an id used twice', () => {
    assert.throws(
      () => buildTiers([tierInput('VIP'), tierInput(' vip ')], [], ids('a', 'b')),
      ruleError('invalid', (e) => e.message === 'tiers.1.name is used by another tier.' && pathsOf(e).join() === 'tiers.1.name'),
    );
    assert.throws(
      () => buildTiers([tierInput('A', { tierId: 'ghost' })], [], ids()),
      ruleError('invalid', (e) => e.issues[0]?.message === 'is not a tier of this event' && pathsOf(e).join() === 'tiers.0.tierId'),
    );
    const existing = [{ tierId: 'x', name: 'A', priceMinor: 1, currency: 'eur', quantity: 1 }];
    assert.throws(
      () => buildTiers([tierInput('A', { tierId: 'x' }), tierInput('B', { tierId: 'x' })], existing, ids()),
      ruleError('invalid', (e) => e.issues[0]?.message === 'is used twice' && pathsOf(e).join() === 'tiers.1.tierId'),
    );
  });

  it('several broken rules are reported together', () => {
    assert.throws(
      () => buildTiers([tierInput('A'), tierInput('a', { tierId: 'ghost' })], [], ids('1')),
      ruleError('invalid', (e) => e.message === 'The event breaks several rules; see errors.' && pathsOf(e).join() === 'tiers.1.name,tiers.1.tierId'),
    );
  });

  it('tags: trimmed, blanks dropped, case-insensitive duplicates dropped, first spelling wins', () => {
    assert.deepEqual(normalizeTags([' Jazz ', 'jazz', '', '  ', 'Live', 'JAZZ', 'live']), ['Jazz', 'Live']);
  });

  it('normalizes text fields and tags, leaving the rest', () => {
    const raw = details({
      title: '  Night ',
      description: ' Out\n',
      venue: { name: ' Hall ', address: ' 1 Street ', city: ' Lyon ', location: { lat: 1, lng: 2 } },
      tags: ['a', 'A'],
    });
    assert.deepEqual(normalizeDetails(raw), {
      ...raw,
      title: 'Night',
      description: 'Out',
      venue: { name: 'Hall', address: '1 Street', city: 'Lyon', location: { lat: 1, lng: 2 } },
      tags: ['a'],
    });
  });

  it('the city key is trimmed and lower-cased', () => {
    assert.equal(cityKeyOf('  Saint-Étienne '), 'saint-étienne');
  });

  it('one issue makes a one-line summary; a transition error carries no issues', () => {
    const one = invalid([{ path: 'x', message: 'is wrong' }]);
    assert.equal(one.message, 'x is wrong.');
    assert.equal(one.kind, 'invalid');
    const transition = illegalTransition('no');
    assert.equal(transition.kind, 'transition');
    assert.equal(transition.message, 'no');
    assert.deepEqual(transition.issues, []);
  });
});

describe('event lifecycle: create', () => {
  it('a draft with normalized details, a city key, tiers, and one event.created snapshot', () => {
    const result = decideCreate({
      eventId: 'e1',
      organizerId: 'o1',
      details: details({ title: ' Night ', venue: { name: 'Hall', address: '1 Street', city: ' LYON ', location: null } }),
      tiers: [tierInput('General')],
      now: NOW,
      newTierId: ids('t1'),
    });
    assert.deepEqual(result.state, {
      _id: 'e1',
      organizerId: 'o1',
      ...details({ venue: { name: 'Hall', address: '1 Street', city: 'LYON', location: null } }),
      cityKey: 'lyon',
      geoCells: [],
      status: 'draft',
      tiers: [{ tierId: 't1', name: 'General', priceMinor: 1_000, currency: 'eur', quantity: 50 }],
      createdAt: NOW,
      updatedAt: NOW,
      publishedAt: null,
      cancelledAt: null,
      cancellationReason: null,
      completedAt: null,
    });
    assert.deepEqual(result.events, [{ type: 'event.created', data: snapshotOf(result.state) }]);
  });

  it('refuses a start in the past or an end before the start', () => {
    assert.throws(() => created({ startsAt: NOW }), ruleError('invalid', (e) => pathsOf(e).join() === 'startsAt'));
    assert.throws(() => created({ endsAt: day(9) }), ruleError('invalid', (e) => pathsOf(e).join() === 'endsAt'));
  });

  it('the snapshot is what other services copy', () => {
    const state = created({ coverMediaId: 'm1' });
    assert.deepEqual(snapshotOf(state), {
      eventId: 'e1',
      organizerId: 'o1',
      title: 'Night',
      category: 'music',
      startsAt: day(10).toISOString(),
      endsAt: day(10, 23).toISOString(),
      city: 'Lyon',
      coverMediaId: 'm1',
      status: 'draft',
      venue: { name: state.venue.name, address: state.venue.address, city: 'Lyon' },
    });
  });
});

describe('event lifecycle: update', () => {
  const later = day(1, 13);

  it('changes the given fields only, bumps updatedAt, and raises event.updated with the new snapshot', () => {
    const state = created({ coverMediaId: 'm1', capacityHint: 100, tags: ['x'] });
    const decision = decideUpdate(state, { title: 'New night', venue: { ...state.venue, city: 'Paris' } }, later, ids());
    assert.ok(decision !== null);
    assert.deepEqual(decision.next, { ...state, title: 'New night', venue: { ...state.venue, city: 'Paris' }, cityKey: 'paris', updatedAt: later });
    const { _id: _ignored, ...changes } = decision.next;
    assert.deepEqual(decision.changes, changes);
    assert.deepEqual(decision.events, [{ type: 'event.updated', data: snapshotOf(decision.next) }]);
  });

  it('a published event moved in time or place says what it was before; a draft or another edit does not', () => {
    const published = { ...created(), status: 'published' as const, publishedAt: NOW };
    const moved = decideUpdate(published, { startsAt: day(12), endsAt: day(12, 23), venue: { ...published.venue, name: 'Other hall' } }, later, ids());
    assert.ok(moved !== null);
    assert.deepEqual(moved.events[0]?.data, {
      ...snapshotOf(moved.next),
      rescheduled: { previousStartsAt: published.startsAt.toISOString(), previousEndsAt: published.endsAt.toISOString() },
      relocated: {
        previous: { name: published.venue.name, address: published.venue.address, city: published.venue.city },
        current: { name: 'Other hall', address: published.venue.address, city: published.venue.city },
      },
    });
    const longer = decideUpdate(published, { endsAt: day(11, 1) }, later, ids())?.events[0]?.data ?? {};
    assert.ok('rescheduled' in longer && !('relocated' in longer), 'a later end alone is a new time');
    assert.deepEqual(decideUpdate(published, { title: 'Renamed' }, later, ids())?.events[0]?.data, snapshotOf({ ...published, title: 'Renamed', updatedAt: later }));
    assert.deepEqual(decideUpdate(created(), { startsAt: day(12), endsAt: day(12, 23) }, later, ids())?.events[0]?.data, snapshotOf({ ...created(), startsAt: day(12), endsAt: day(12, 23), updatedAt: later }));
  });

  it('null clears the cover and capacity hint; absent keeps them', () => {
    const state = created({ coverMediaId: 'm1', capacityHint: 100 });
    assert.equal(decideUpdate(state, { description: 'other' }, later, ids())?.next.coverMediaId, 'm1');
    assert.equal(decideUpdate(state, { description: 'other' }, later, ids())?.next.capacityHint, 100);
    const cleared = decideUpdate(state, { coverMediaId: null, capacityHint: null }, later, ids());
    assert.equal(cleared?.next.coverMediaId, null);
    assert.equal(cleared?.next.capacityHint, null);
  });

  it('every detail field can be changed', () => {
    const state = created();
    const patch = { description: 'd2', category: 'sport' as const, startsAt: day(11), endsAt: day(11, 23), tags: ['t'], capacityHint: 5, coverMediaId: 'm9' };
    const next = decideUpdate(state, patch, later, ids())?.next;
    assert.ok(next !== undefined);
    assert.deepEqual(
      [next.description, next.category, next.startsAt, next.endsAt, next.tags, next.capacityHint, next.coverMediaId],
      [patch.description, patch.category, patch.startsAt, patch.endsAt, patch.tags, patch.capacityHint, patch.coverMediaId],
    );
  });

  it('a patch that changes nothing (after normalization) is null, so a retry raises no second event', () => {
    const state = created({ tags: ['Jazz'] });
    assert.equal(decideUpdate(state, {}, later, ids()), null);
    assert.equal(decideUpdate(state, { title: '  Night  ', tags: ['Jazz', 'jazz'] }, later, ids()), null);
    assert.equal(decideUpdate(state, { tiers: [tierInput('General', { tierId: 't1' })] }, later, ids()), null);
  });

  it('a draft may replace its tiers; a published event may only repeat them', () => {
    const draft = created();
    const replaced = decideUpdate(draft, { tiers: [tierInput('General', { tierId: 't1', quantity: 80 }), tierInput('VIP')] }, later, ids('t9'));
    assert.deepEqual(
      replaced?.next.tiers.map((tier) => [tier.tierId, tier.name, tier.quantity]),
      [
        ['t1', 'General', 80],
        ['t9', 'VIP', 50],
      ],
    );
    const published = decidePublish(draft, NOW).next;
    assert.throws(
      () => decideUpdate(published, { tiers: [tierInput('General', { tierId: 't1', quantity: 80 })] }, later, ids()),
      ruleError('transition', (e) => /only be changed while the event is a draft/.test(e.message)),
    );
    // The same tiers (ids optional, names trimmed) are accepted with other changes.
    const same = decideUpdate(published, { title: 'Renamed', tiers: [tierInput(' General ')] }, later, ids());
    assert.equal(same?.next.title, 'Renamed');
    assert.deepEqual(same?.next.tiers, published.tiers);
  });

  it('a published event accepts its tiers repeated with their ids, in the same order', () => {
    const draft = created({}, [tierInput('General'), tierInput('VIP', { priceMinor: 5_000 })]);
    const published = decidePublish(draft, NOW).next;
    const repeated = [tierInput('General', { tierId: 't1' }), tierInput('VIP', { tierId: 't2', priceMinor: 5_000 })];
    assert.equal(decideUpdate(published, { title: 'Renamed', tiers: repeated }, later, ids())?.next.title, 'Renamed');
    assert.throws(
      () => decideUpdate(published, { tiers: [repeated[0] as TierInput, tierInput('VIP', { tierId: 't2', priceMinor: 4_000 })] }, later, ids()),
      ruleError('transition'),
      'the second tier differs',
    );
    assert.throws(() => decideUpdate(published, { tiers: [...repeated].reverse() }, later, ids()), ruleError('transition'), 'another order');
  });

  it('a published event refuses tiers that differ in any field, in number, or in id', () => {
    const published = decidePublish(created(), NOW).next;
    const differing: TierInput[][] = [
      [tierInput('Other')],
      [tierInput('General', { priceMinor: 999 })],
      [tierInput('General', { currency: 'usd' })],
      [tierInput('General', { quantity: 49 })],
      [tierInput('General', { tierId: 'zzz' })],
      [tierInput('General'), tierInput('VIP')],
      [],
    ];
    for (const tiers of differing) {
      assert.throws(() => decideUpdate(published, { tiers }, later, ids('n1', 'n2')), ruleError('transition'), JSON.stringify(tiers));
    }
  });

  it('cancelled and completed events cannot be edited', () => {
    const published = decidePublish(created(), NOW).next;
    const cancelled = decideCancel(published, null, NOW).next;
    assert.throws(() => decideUpdate(cancelled, { title: 'x' }, later, ids()), ruleError('transition', (e) => e.message === 'A cancelled event can no longer be edited.'));
    const completed = { ...published, status: 'completed' as const };
    assert.throws(() => decideUpdate(completed, { title: 'x' }, later, ids()), ruleError('transition', (e) => e.message === 'A completed event can no longer be edited.'));
  });

  it('a moved start must be in the future; an unmoved start in the past is fine', () => {
    const state = created();
    const underWay = day(10, 21);
    assert.throws(() => decideUpdate(state, { startsAt: NOW }, later, ids()), ruleError('invalid', (e) => pathsOf(e).join() === 'startsAt'));
    assert.equal(decideUpdate(state, { title: 'During' }, underWay, ids())?.next.title, 'During');
  });

  it('a moved end must be in the future and after the start; an unmoved end may have passed', () => {
    const state = created();
    const underWay = day(10, 21);
    assert.throws(
      () => decideUpdate(state, { endsAt: day(10, 21) }, underWay, ids()),
      ruleError('invalid', (e) => e.message === 'endsAt must be in the future.' && pathsOf(e).join() === 'endsAt'),
    );
    const ended = decidePublish(state, NOW).next;
    assert.equal(decideUpdate(ended, { title: 'After' }, day(11), ids())?.next.title, 'After', 'edited before the completion job ran');
    assert.throws(() => decideUpdate(state, { endsAt: day(10, 19) }, later, ids()), ruleError('invalid', (e) => pathsOf(e).join() === 'endsAt'));
    assert.equal(decideUpdate(state, { endsAt: day(10, 22) }, underWay, ids())?.next.endsAt.getTime(), day(10, 22).getTime());
  });
});

describe('event lifecycle: publish, cancel, complete', () => {
  it('a future draft is published with the tiers in its event', () => {
    const draft = created();
    const decision = decidePublish(draft, NOW);
    assert.deepEqual(decision.changes, { status: 'published', publishedAt: NOW, updatedAt: NOW });
    assert.deepEqual(decision.next, { ...draft, ...decision.changes });
    assert.deepEqual(decision.events, [{ type: 'event.published', data: { ...snapshotOf(decision.next), tiers: draft.tiers } }]);
  });

  it('only a draft is published, and not once its start has passed', () => {
    const published = decidePublish(created(), NOW).next;
    assert.throws(() => decidePublish(published, NOW), ruleError('transition', (e) => e.message === 'Only a draft can be published; this event is published.'));
    assert.throws(
      () => decidePublish(created(), day(10)),
      ruleError('invalid', (e) => e.message === 'startsAt is in the past; move the event to a future date before publishing.'),
    );
    assert.equal(decidePublish(created(), day(10, 19)).next.status, 'published');
  });

  it('a published event not yet over is cancelled with its reason', () => {
    const published = decidePublish(created(), NOW).next;
    const decision = decideCancel(published, 'storm', day(10, 22));
    assert.deepEqual(decision.changes, { status: 'cancelled', cancelledAt: day(10, 22), cancellationReason: 'storm', updatedAt: day(10, 22) });
    assert.deepEqual(decision.events, [{ type: 'event.cancelled', data: { ...snapshotOf(decision.next), reason: 'storm' } }]);
  });

  it('drafts, ended, cancelled and completed events cannot be cancelled', () => {
    const published = decidePublish(created(), NOW).next;
    assert.throws(() => decideCancel(created(), null, NOW), ruleError('transition', (e) => e.message === 'A draft cannot be cancelled; only a published event can.'));
    assert.throws(() => decideCancel(published, null, day(10, 23)), ruleError('transition', (e) => /already ended/.test(e.message)));
    const cancelled = decideCancel(published, null, NOW).next;
    assert.throws(() => decideCancel(cancelled, null, NOW), ruleError('transition', (e) => e.message === 'A cancelled event cannot be cancelled.'));
  });

  it('completes a published event once it has ended (at the end instant), and nothing else', () => {
    const published = decidePublish(created(), NOW).next;
    assert.equal(decideComplete(published, day(10, 22)), null, 'still under way');
    const decision = decideComplete(published, day(10, 23));
    assert.ok(decision !== null);
    assert.deepEqual(decision.changes, { status: 'completed', completedAt: day(10, 23), updatedAt: day(10, 23) });
    assert.deepEqual(decision.events, [{ type: 'event.completed', data: snapshotOf(decision.next) }]);
    assert.equal(decideComplete(created(), day(11)), null, 'a draft never completes');
    assert.equal(decideComplete(decideCancel(published, null, NOW).next, day(11)), null, 'nor a cancelled event');
    assert.equal(decideComplete(decision.next, day(12)), null, 'nor a completed one again');
  });
});
