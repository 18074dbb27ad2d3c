import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { infra, waitFor } from '@eventonight/testing';
import { call, Harness, HOUR, type Person } from './helpers.js';

const PER_MINUTE = 3;

describe('interaction service: blocks, hidden reviews, suspension and the review rate limit (ADR 0041)', { timeout: 120_000 }, () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start({}, { env: { REDIS_URL: infra.redisUrl, INTERACTION_REVIEWS_PER_MINUTE: String(PER_MINUTE) } });
  });
  after(async () => {
    await h?.close();
  });

  async function block(blockerId: string, blockedId: string, blocked: boolean, version: number): Promise<void> {
    h.upstream.publish(h.upstream.event('user.block.changed', { blockerId, blockedId, blocked }, `block:${blockerId}:${blockedId}`, version));
    await waitFor(
      async () => ((await h.service.db.collection('safety_blocks').findOne({ blockerId, blockedId, blocked })) === null ? undefined : true),
      { timeoutMs: 15_000, what: 'block copy' },
    );
  }

  async function reviewed(member: Person, eventId: string, text: string): Promise<string> {
    assert.equal((await call(h.url, 'PUT', `/events/${eventId}/participation`, { token: member.token })).status, 201);
    const put = await call(h.url, 'PUT', `/events/${eventId}/review`, { token: member.token, body: { rating: 2, text } });
    assert.equal(put.status, 201, JSON.stringify(put.body));
    return put.body['reviewId'] as string;
  }

  const texts = async (eventId: string, token?: string): Promise<string[]> =>
    ((await call(h.url, 'GET', `/events/${eventId}/reviews`, token === undefined ? {} : { token })).body['items'] as Array<{ text: string }>).map((r) => r.text);

  it('a block refuses follows either way, ends existing follows, and hides each other’s reviews', async () => {
    const org = await h.knownUser('organization', 'Club');
    const fan = await h.knownUser('member', 'Fan');
    const other = await h.knownUser('member', 'Other');
    assert.equal((await call(h.url, 'PUT', `/users/${org.id}/follow`, { token: fan.token })).status, 201);
    await block(org.id, fan.id, true, 1);
    await waitFor(async () => ((await call(h.url, 'GET', `/users/${fan.id}/following`)).body['items'] as unknown[]).length === 0 || undefined, {
      timeoutMs: 15_000,
      what: 'follow ended by the block',
    });
    const refused = await call(h.url, 'PUT', `/users/${org.id}/follow`, { token: fan.token });
    assert.equal(refused.status, 409);
    assert.equal(refused.body['type'], 'https://eventonight.dev/problems/blocked');
    assert.match(refused.body['detail'] as string, /blocked/);

    const past = await h.publishedEvent(new Date(Date.now() - HOUR));
    await reviewed(fan, past.eventId, 'from fan');
    await reviewed(other, past.eventId, 'from other');
    await block(other.id, fan.id, true, 1);
    assert.deepEqual(await texts(past.eventId, other.token), ['from other']);
    assert.deepEqual(await texts(past.eventId, fan.token), ['from fan']);
    assert.deepEqual((await texts(past.eventId)).sort(), ['from fan', 'from other']);
    await block(other.id, fan.id, false, 2);
    assert.deepEqual((await texts(past.eventId, other.token)).sort(), ['from fan', 'from other']);
  });

  it('for each of a blocked pair, the other leaves the lists of people (followers, following); others still see both', async () => {
    const club = await h.knownUser('organization', 'Club');
    const ann = await h.knownUser('member', 'Ann');
    const bob = await h.knownUser('member', 'Bob');
    const cy = await h.knownUser('member', 'Cy');
    for (const fan of [ann, bob, cy]) assert.equal((await call(h.url, 'PUT', `/users/${club.id}/follow`, { token: fan.token })).status, 201);
    assert.equal((await call(h.url, 'PUT', `/users/${bob.id}/follow`, { token: cy.token })).status, 201);
    const followers = async (userId: string, token?: string): Promise<string[]> =>
      ((await call(h.url, 'GET', `/users/${userId}/followers`, token === undefined ? {} : { token })).body['items'] as Array<{ userId: string }>).map((u) => u.userId).sort();
    await block(ann.id, bob.id, true, 1);
    assert.deepEqual(await followers(club.id, ann.token), [ann.id, cy.id].sort(), 'the blocker no longer sees the blocked member');
    assert.deepEqual(await followers(club.id, bob.token), [bob.id, cy.id].sort(), 'nor the blocked member the blocker');
    assert.deepEqual(await followers(club.id, cy.token), [ann.id, bob.id, cy.id].sort());
    assert.deepEqual(await followers(club.id), [ann.id, bob.id, cy.id].sort(), 'anonymous readers see everyone');
    const following = (await call(h.url, 'GET', `/users/${cy.id}/following`, { token: ann.token })).body['items'] as Array<{ userId: string }>;
    assert.deepEqual(following.map((u) => u.userId), [club.id], "Cy's following, read by Ann, leaves Bob out");
  });

  it('a hidden review leaves the list for everyone; a suspended member cannot review (403)', async () => {
    const writer = await h.knownUser('member', 'Writer');
    const past = await h.publishedEvent(new Date(Date.now() - HOUR));
    const reviewId = await reviewed(writer, past.eventId, 'abusive words');
    h.upstream.publish(h.upstream.event('moderation.item.visibility.changed', { kind: 'review', itemId: reviewId, hidden: true }, `review:${reviewId}`, 1));
    await waitFor(async () => ((await texts(past.eventId)).length === 0 ? true : undefined), { timeoutMs: 15_000, what: 'hidden review' });
    assert.deepEqual(await texts(past.eventId, writer.token), []);

    h.upstream.publish(h.upstream.event('user.suspension.changed', { userId: writer.id, suspended: true }, `account:${writer.id}`, 1));
    await waitFor(
      async () => {
        const put = await call(h.url, 'PUT', `/events/${past.eventId}/review`, { token: writer.token, body: { rating: 1, text: 'again' } });
        return put.status === 403 ? put : undefined;
      },
      { timeoutMs: 15_000, what: 'suspension applied' },
    ).then((put) => assert.equal(put.body['type'], 'https://eventonight.dev/problems/account-suspended'));
  });

  it('past the per-minute allowance of reviews a member gets 429 with Retry-After (real Redis)', async () => {
    const member = await h.knownUser('member', 'Prolific');
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 61_000 - intoMinute));
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let n = 0; n <= PER_MINUTE; n += 1) {
      const past = await h.publishedEvent(new Date(Date.now() - HOUR));
      await call(h.url, 'PUT', `/events/${past.eventId}/participation`, { token: member.token });
      last = await call(h.url, 'PUT', `/events/${past.eventId}/review`, { token: member.token, body: { rating: 4, text: `n${n}` } });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [...Array<number>(PER_MINUTE).fill(201), 429]);
    assert.equal(last?.body['type'], 'https://eventonight.dev/problems/too-many-requests');
    assert.ok(Number(last?.headers.get('retry-after')) >= 1);
  });
});
