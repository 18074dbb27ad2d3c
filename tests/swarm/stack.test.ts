import { SWARM_BACKUPS, containerOn, docker, establishedTo, forceUpdate, nodeDown, nodeUp, onNode, replicas, runningTasks, swarmBackup, swarmLocal, useManager } from './support/swarm.js';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@eventonight/testing';
import { api, expectStatus, type EdgeReply } from '../production/support/edge.js';
import { confirmAddress, keepSignedIn, openSocket, paymentWebhook, placeOrder, publishEvent, signUp, signUpMany, uploadCover, validTickets, type OpenSocket, type Person, type Pushed } from '../production/support/journey.js';

// The journey reads a queued mail in notification's database, whose task may run on any node.
process.env['OPERATOR_DOCKER_HOSTS'] = [1, 2, 3].map((node) => `unix:///run/eventonight-swarm/swarm-${node}.sock`).join(' ');

/**
 * deploy/swarm/stack.yml on three local nodes (npm run swarm:local; docs/scaling.md), reached only
 * through the Traefik of node 1 as the internet reaches it. The journey of the production test,
 * then what the stack is for: replicas on several nodes, rolling updates without a failed request,
 * and the loss of a node without losing, doubling or overselling anything.
 * MongoDB is one FerretDB per service here (no replica sets): its failover is not exercised.
 */

const APP_SERVICES = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media'] as const;

/** Requests of the steady traffic and the ones that did not get the answer they should. */
class Outcomes {
  requests = 0;
  readonly failures: string[] = [];

  /** The failures grouped by kind, with counts: what an assertion message can show whole. */
  summary(): string {
    const kinds = new Map<string, number>();
    for (const failure of this.failures) {
      const kind = failure.replace(/"correlationId":"[^"]*"/g, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').slice(0, 160);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    return [...kinds].map(([kind, count]) => `${count} x ${kind}`).join('\n');
  }

  async expect(statuses: readonly number[], what: string, request: () => Promise<EdgeReply>): Promise<EdgeReply | undefined> {
    this.requests += 1;
    try {
      const reply = await request();
      if (statuses.includes(reply.status)) return reply;
      this.failures.push(`${what}: HTTP ${reply.status} ${reply.text().slice(0, 200)}`);
    } catch (error) {
      this.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return undefined;
  }
}

interface Like {
  member: Person;
  eventId: string;
}

/** The running members of the RabbitMQ cluster as rabbitmq-N sees them; none while its broker is not up. */
async function rabbitNodes(member: number): Promise<string[]> {
  const container = await containerOn(member, `rabbitmq-${member}`);
  if (container === undefined) return [];
  try {
    const status = JSON.parse(await onNode(member, 'exec', container, 'rabbitmq-diagnostics', '-q', 'cluster_status', '--formatter', 'json')) as { running_nodes: string[] };
    return status.running_nodes;
  } catch {
    return [];
  }
}

/** Waits until interaction has its copy of each event (it arrives as a message): likes need it. */
async function awaitCopies(eventIds: readonly string[]): Promise<void> {
  for (const eventId of eventIds) {
    await waitFor(async () => ((await api('interactions', 'GET', `/events/${eventId}/stats`)).status === 200 ? true : undefined), { timeoutMs: 120_000, what: `interaction's copy of ${eventId}` });
  }
}

/** Every notification of a person, all pages. */
async function allNotifications(person: Person): Promise<Pushed[]> {
  const items: Pushed[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = expectStatus(200, await api('notifications', 'GET', `/notifications?limit=100${query}`, person.tokens.accessToken), 'notifications').json();
    items.push(...(page['items'] as Pushed[]));
    cursor = page['nextCursor'] as string | null;
  } while (cursor !== null);
  return items;
}

/** Fails unless every like produced exactly one `event.liked` for the organizer, and nothing else did. */
async function assertLikedExactlyOnce(organizer: Person, likes: readonly Like[]): Promise<void> {
  const expected = new Set(likes.map((like) => `${like.eventId}/${like.member.id}`));
  const counted = await waitFor(
    async () => {
      const liked = (await allNotifications(organizer)).filter((n) => n.type === 'event.liked' && expected.has(`${String(n.data['eventId'])}/${String(n.data['userId'])}`));
      return liked.length >= expected.size ? liked : undefined;
    },
    { timeoutMs: 300_000, intervalMs: 5_000, what: `${expected.size} like notifications for the organizer` },
  );
  const seen = new Map<string, number>();
  for (const n of counted) {
    const key = `${String(n.data['eventId'])}/${String(n.data['userId'])}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const doubled = [...seen].filter(([, count]) => count > 1);
  assert.deepEqual(doubled, [], 'no like is notified twice');
  assert.equal(seen.size, expected.size, 'every like is notified');
}

describe('the Swarm stack on three local nodes', { timeout: 3_600_000 }, () => {
  let organizer: Person;
  let members: Person[] = [];
  let organizerSocket: OpenSocket | undefined;
  const sockets: OpenSocket[] = [];
  let stopRenewing = () => {};

  before(() => {
    // Idempotent: makes what is missing and waits until every service has its replicas.
    swarmLocal('up');
    stopRenewing = keepSignedIn(() => [organizer, ...members].filter((person) => person !== undefined));
  });

  after(() => {
    stopRenewing();
    organizerSocket?.socket.close();
    for (const open of sockets) open.socket.close();
  });

  it('deploys from nothing: every service has its replicas on distinct nodes, RabbitMQ is one cluster of three', async () => {
    const counts = await replicas();
    for (const service of [...APP_SERVICES, 'web', 'keycloak']) assert.equal(counts.get(service), '2/2', `${service} replicas`);
    assert.equal(counts.get('traefik'), '3/3', 'a Traefik on every manager');
    for (const service of APP_SERVICES) {
      const nodes = new Set((await runningTasks(service)).map((task) => task.node));
      assert.equal(nodes.size, 2, `${service}'s two replicas run on two nodes`);
    }
    for (const member of [1, 2, 3]) {
      const tasks = await runningTasks(`rabbitmq-${member}`);
      assert.deepEqual(
        tasks.map((task) => task.node),
        [`swarm-${member}`],
        `rabbitmq-${member} runs on node ${member}`,
      );
    }
    // A member is healthy once its Erlang node runs (the ping check); the cluster forms after that.
    const running = await waitFor(async () => ((await rabbitNodes(1)).length === 3 ? rabbitNodes(1) : undefined), { timeoutMs: 300_000, intervalMs: 5_000, what: 'the RabbitMQ cluster' });
    assert.deepEqual([...running].sort(), ['rabbit@rabbitmq-1', 'rabbit@rabbitmq-2', 'rabbit@rabbitmq-3']);
  });

  it('the journey: sign-up and sign-in through Keycloak, a cover and an event, a ticket paid and scanned, a like pushed', async () => {
    organizer = await signUp('organization', 'Harbour Nights');
    const member = await signUp('member', 'Ana Member');
    await confirmAddress(member);
    members = [member];
    organizerSocket = await openSocket(() => organizer.tokens.accessToken);
    const coverId = await uploadCover(organizer.tokens.accessToken);
    const eventId = await publishEvent(organizer.tokens.accessToken, { title: 'Harbour Jazz Night', seats: 50, coverMediaId: coverId });
    const placed = await placeOrder(member.tokens.accessToken, eventId);
    expectStatus(200, await paymentWebhook(placed.orderId, placed.sessionId), 'the signed webhook');
    const codes = await waitFor(
      async () => {
        const valid = await validTickets(member.tokens.accessToken, eventId);
        return valid?.length === 1 ? valid : undefined;
      },
      { timeoutMs: 60_000, what: 'the ticket to be issued' },
    );
    const scan = () => api('tickets', 'POST', `/events/${eventId}/tickets/validate`, organizer.tokens.accessToken, { code: codes[0] });
    expectStatus(200, await scan(), 'the first scan');
    expectStatus(409, await scan(), 'the second scan of the same code');
    await awaitCopies([eventId]);
    expectStatus(201, await api('interactions', 'PUT', `/events/${eventId}/like`, member.tokens.accessToken), 'a like');
    await waitFor(() => organizerSocket?.received.find((pushed) => pushed.type === 'event.liked' && pushed.data['eventId'] === eventId), {
      timeoutMs: 30_000,
      what: 'the like to be pushed to the organizer',
    });
  });

  it('sockets held by replicas on different nodes each receive pushes for their own user only', async () => {
    const people = await signUpMany(6, 'organization', 'Venue');
    const follower = members[0];
    assert.ok(follower !== undefined);
    for (const person of people) sockets.push(await openSocket(() => person.tokens.accessToken));
    const tasks = await runningTasks('notification');
    const held: number[] = [];
    for (const task of tasks) {
      const node = Number(task.node.replace('swarm-', ''));
      const container = await containerOn(node, 'notification');
      assert.ok(container !== undefined, `notification's container on ${task.node}`);
      held.push(await establishedTo(node, container, 3006));
    }
    assert.equal(new Set(tasks.map((task) => task.node)).size, 2, 'two notification replicas on two nodes');
    assert.ok(held.every((count) => count > 0), `each replica holds sockets: ${held.join(', ')}`);

    for (const person of people) expectStatus(201, await api('interactions', 'PUT', `/users/${person.id}/follow`, follower.tokens.accessToken), 'follow');
    for (const [i, person] of people.entries()) {
      const open = sockets[i];
      assert.ok(open !== undefined);
      await waitFor(() => open.received.find((pushed) => pushed.type === 'follower.new'), { timeoutMs: 30_000, what: `${person.email}'s push` });
    }
    // Pushes for others arrive within the same moments; give any stray one time to show up.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const open of sockets) assert.equal(open.received.filter((pushed) => pushed.type === 'follower.new').length, 1, 'one push, its own');
  });

  /**
   * Likes (each member on each event once), reads and checkouts at a steady pace until `until`
   * resolves; returns the likes made and the orders paid.
   */
  async function steadyTraffic(eventIds: readonly string[], until: Promise<unknown>, outcomes: Outcomes, pace = { likeEveryMs: 100, readEveryMs: 250, buyEveryMs: 1_000 }) {
    let done = false;
    void until.finally(() => {
      done = true;
    });
    const likes: Like[] = [];
    const paid: Array<{ member: Person; eventId: string; orderId: string }> = [];
    const pairs = members.flatMap((member) => eventIds.map((eventId) => ({ member, eventId })));
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const liker = async () => {
      while (!done && pairs.length > 0) {
        const like = pairs.shift();
        if (like === undefined) break;
        const reply = await outcomes.expect([201], 'like', () => api('interactions', 'PUT', `/events/${like.eventId}/like`, like.member.tokens.accessToken));
        if (reply !== undefined) likes.push(like);
        await sleep(pace.likeEveryMs);
      }
    };
    const reader = async () => {
      while (!done) {
        await outcomes.expect([200], 'public list', () => api('events', 'GET', `/events?organizerId=${organizer.id}&limit=20`));
        await outcomes.expect([200], 'notifications', () => api('notifications', 'GET', '/notifications?limit=20', organizer.tokens.accessToken));
        await sleep(pace.readEveryMs);
      }
    };
    const buyer = async () => {
      let turn = 0;
      while (!done) {
        const member = members[turn % members.length];
        const eventId = eventIds[turn % eventIds.length];
        turn += 1;
        if (member === undefined || eventId === undefined) break;
        try {
          outcomes.requests += 1;
          const placed = await placeOrder(member.tokens.accessToken, eventId, randomUUID());
          const paidReply = await outcomes.expect([200], 'webhook', () => paymentWebhook(placed.orderId, placed.sessionId));
          if (paidReply !== undefined) paid.push({ member, eventId, orderId: placed.orderId });
        } catch (error) {
          outcomes.failures.push(`checkout: ${error instanceof Error ? error.message : String(error)}`);
        }
        await sleep(pace.buyEveryMs);
      }
    };
    await Promise.all([liker(), liker(), reader(), buyer()]);
    return { likes, paid };
  }

  it('a rolling update of every service during steady traffic: no failed request, no like lost or doubled', async () => {
    const more = await signUpMany(5, 'member', 'Member');
    for (const person of more) await confirmAddress(person);
    members = [...members, ...more];
    const eventIds: string[] = [];
    for (let i = 0; i < 20; i += 1) eventIds.push(await publishEvent(organizer.tokens.accessToken, { title: `Rolling Night ${i + 1}`, seats: 500 }));
    await awaitCopies(eventIds);
    const outcomes = new Outcomes();
    const before = new Map<string, string[]>();
    for (const service of APP_SERVICES) before.set(service, (await runningTasks(service)).map((task) => task.id));

    const updates = (async () => {
      // Two services at a time, each one replica at a time (update_config): every service replaced.
      for (let i = 0; i < APP_SERVICES.length; i += 2) await Promise.all(APP_SERVICES.slice(i, i + 2).map((service) => forceUpdate(service)));
    })();
    const traffic = await steadyTraffic(eventIds, updates, outcomes);
    await updates;

    for (const service of APP_SERVICES) {
      const now = (await runningTasks(service)).map((task) => task.id);
      assert.equal(now.length, 2, `${service} has two replicas again`);
      assert.ok(now.every((id) => !(before.get(service) ?? []).includes(id)), `every replica of ${service} was replaced`);
    }
    assert.equal(outcomes.failures.length, 0, `${outcomes.failures.length} of ${outcomes.requests} requests failed during the rolling update:\n${outcomes.summary()}`);
    assert.ok(traffic.likes.length > 50, `steady traffic went on: ${traffic.likes.length} likes`);
    await assertLikedExactlyOnce(organizer, traffic.likes);
    for (const order of traffic.paid) {
      await waitFor(async () => ((await validTickets(order.member.tokens.accessToken, order.eventId))?.length ?? 0) > 0 || undefined, {
        timeoutMs: 120_000,
        what: `a ticket for order ${order.orderId}`,
      });
    }
  });

  it('one node lost mid-stream of likes and checkouts: quorum kept, tasks rescheduled, each like once, no seat oversold, sockets catch up', async () => {
    const kept = members.slice(0, 6);
    const likers = await signUpMany(20 - kept.length, 'member', 'Crowd');
    members = [...kept, ...likers]; // 20 members
    const eventIds: string[] = [];
    for (let i = 0; i < 100; i += 1) eventIds.push(await publishEvent(organizer.tokens.accessToken, { title: `Crowded Night ${i + 1}`, seats: 500 }));
    const scarce = await publishEvent(organizer.tokens.accessToken, { title: 'The Last Seats', seats: 150 });
    await awaitCopies(eventIds);
    // The rolling update replaced the replica it was on: it reconnects by itself.
    await waitFor(() => (organizerSocket?.socket.connected === true ? true : undefined), { timeoutMs: 60_000, what: 'the organizer socket to be connected' });
    assert.ok(organizerSocket !== undefined);
    const pushedBefore = organizerSocket.received.length;

    const outcomes = new Outcomes();
    const pairs = members.flatMap((member) => eventIds.map((eventId) => ({ member, eventId }))); // 2,000 likes
    const likes: Like[] = [];
    const likeAll = (async () => {
      const worker = async () => {
        for (let like = pairs.shift(); like !== undefined; like = pairs.shift()) {
          const current = like;
          // A request cut by the node's loss is retried: the like is idempotent (200 when it exists).
          const reply = await waitFor(
            async () => {
              try {
                const answer = await api('interactions', 'PUT', `/events/${current.eventId}/like`, current.member.tokens.accessToken);
                return answer.status === 201 || answer.status === 200 ? answer : undefined;
              } catch {
                return undefined;
              }
            },
            { timeoutMs: 120_000, intervalMs: 1_000, what: 'a like to be taken' },
          );
          outcomes.requests += 1;
          if (reply !== undefined) likes.push(current);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    })();
    const orders: string[] = [];
    let soldOut = 0;
    const buyAll = (async () => {
      for (let i = 0; i < 200; i += 1) {
        const member = members[i % members.length];
        assert.ok(member !== undefined);
        const key = randomUUID();
        // Retried with the same idempotency key: a checkout cut by the node's loss is taken once.
        const placed = await waitFor(
          async () => {
            try {
              const tiers = (await api('events', 'GET', `/events/${scarce}`)).json()['tiers'] as Array<{ tierId: string }>;
              const reply = await api('tickets', 'POST', '/orders', member.tokens.accessToken, { eventId: scarce, tierId: tiers[0]?.tierId, quantity: 1 }, { 'idempotency-key': key });
              // 200: the same key again after a reply was lost, the order it made (idempotency).
              if (reply.status === 201 || reply.status === 200) return { orderId: String(reply.json()['orderId']), member };
              if (reply.status === 409) return { orderId: '', member };
              return undefined;
            } catch {
              return undefined;
            }
          },
          { timeoutMs: 120_000, intervalMs: 1_000, what: 'a checkout to be answered' },
        );
        if (placed.orderId === '') soldOut += 1;
        else orders.push(placed.orderId);
      }
    })();

    // Node 3 goes once the stream is under way (its RabbitMQ member, Traefik and replicas with it).
    await waitFor(() => (likes.length >= 300 ? true : undefined), { timeoutMs: 300_000, intervalMs: 500, what: '300 likes before the node is lost' });
    nodeDown(3);
    try {
      await Promise.all([likeAll, buyAll]);
      assert.equal(likes.length, 2_000, 'every like was taken');

      // Swarm moved node 3's replicas to the two nodes left.
      await waitFor(
        async () => {
          const counts = await replicas();
          return APP_SERVICES.every((service) => counts.get(service) === '2/2') ? counts : undefined;
        },
        { timeoutMs: 300_000, intervalMs: 5_000, what: 'every service back at two replicas on the nodes left' },
      );
      // The others notice a lost member after Erlang's net_ticktime (60 s); then two of three run on (a quorum).
      await waitFor(async () => ((await rabbitNodes(1)).length === 2 ? true : undefined), { timeoutMs: 180_000, intervalMs: 5_000, what: 'RabbitMQ to run on with two of three members' });

      await assertLikedExactlyOnce(organizer, likes);
      // No seat oversold: 150 seats, 200 attempts; paid orders hold at most one seat each.
      assert.ok(orders.length <= 150, `${orders.length} orders hold the 150 seats`);
      assert.equal(orders.length + soldOut, 200, 'every checkout answered');
      const stats = expectStatus(200, await api('events', 'GET', `/events/${scarce}`), 'the scarce event').json();
      const tiers = stats['tiers'] as Array<{ quantity: number; remaining?: number; sold?: number }>;
      if (tiers[0]?.remaining !== undefined) assert.ok(tiers[0].remaining >= 0, 'never below zero seats');
      // The socket reconnected (its replica may have been on node 3), and what it missed is stored.
      await waitFor(() => (organizerSocket?.socket.connected === true ? true : undefined), { timeoutMs: 120_000, what: 'the organizer socket to be connected again' });
      assert.ok(organizerSocket.received.length > pushedBefore, 'pushes reached the organizer during the stream');
    } finally {
      nodeUp(3);
    }
    assert.equal(outcomes.failures.length, 0, outcomes.summary());
  });

  it('after the node is back, the swarm has three managers and RabbitMQ three members again', async () => {
    useManager(1);
    await waitFor(
      async () => {
        // Right after the node returns the managers may be electing a leader and refuse for a moment.
        const nodes = await docker('node', 'ls', '--format', '{{.Hostname}} {{.Status}} {{.ManagerStatus}}').catch(() => '');
        return nodes.split('\n').filter((line) => / Ready (Leader|Reachable)/.test(line)).length === 3 ? nodes : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 5_000, what: 'three ready managers' },
    );
    await waitFor(
      async () => {
        const counts = await replicas();
        return ['rabbitmq-1', 'rabbitmq-2', 'rabbitmq-3'].every((name) => counts.get(name) === '1/1') ? counts : undefined;
      },
      { timeoutMs: 600_000, intervalMs: 10_000, what: 'rabbitmq-3 to run again' },
    );
  });

  it('a backup during traffic, every service at two replicas: it settles, every replica resumes, and it restores', async () => {
    const eventIds: string[] = [];
    for (let i = 0; i < 5; i += 1) eventIds.push(await publishEvent(organizer.tokens.accessToken, { title: `Backup Night ${i + 1}`, seats: 100 }));
    await awaitCopies(eventIds);
    // Writes during the quiesce answer 503 `quiesced` (ADR 0017): expected, and nothing else.
    const outcomes = new Outcomes();
    const backup = swarmBackup();
    let writes = 0;
    const traffic = (async () => {
      let done = false;
      void backup.finally(() => {
        done = true;
      });
      const pairs = members.flatMap((member) => eventIds.map((eventId) => ({ member, eventId })));
      for (let like = pairs.shift(); like !== undefined && !done; like = pairs.shift()) {
        const current = like;
        await outcomes.expect([201, 503], 'like during the backup', () => api('interactions', 'PUT', `/events/${current.eventId}/like`, current.member.tokens.accessToken));
        writes += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const written = await backup;
    await traffic;
    assert.equal(outcomes.failures.length, 0, `writes during the backup either succeed or answer 503 quiesced:\n${outcomes.summary()}`);
    assert.ok(writes > 0);
    const folder = /backup written to (\S+)/.exec(written)?.[1];
    assert.ok(folder !== undefined && existsSync(join(folder, 'manifest.json')), `a complete backup: ${written}`);
    // .infra/prod-local is a link to the cache, and backup.sh prints the real path.
    assert.ok(realpathSync(folder).startsWith(realpathSync(SWARM_BACKUPS)), `${folder} is in ${SWARM_BACKUPS}`);

    // Every replica resumed: with one still quiesced about half of these would answer 503.
    const member = members[0];
    assert.ok(member !== undefined);
    const after = await publishEvent(organizer.tokens.accessToken, { title: 'After the Backup', seats: 10 });
    await awaitCopies([after]);
    for (const someone of members.slice(0, 10)) expectStatus(201, await api('interactions', 'PUT', `/events/${after}/like`, someone.tokens.accessToken), 'a like after the backup');

    await swarmBackup('restore', folder);
    expectStatus(404, await api('events', 'GET', `/events/${after}`), 'the event made after the backup is gone after the restore');
    const mine = expectStatus(200, await api('interactions', 'GET', `/events/${eventIds[0] ?? ''}/me`, member.tokens.accessToken), 'interaction after the restore').json();
    assert.equal(typeof mine['liked'], 'boolean');
    const again = await api('interactions', 'PUT', `/events/${eventIds[1] ?? ''}/like`, members.at(-1)?.tokens.accessToken);
    assert.ok([200, 201].includes(again.status), `writes work after the restore: ${again.status}`);
  });
});
