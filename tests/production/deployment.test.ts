import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@eventonight/testing';
import { api, DOMAIN, edge, expectStatus, root, signIn, STATE } from './support/edge.js';
import { confirmAddress, COVER, openSocket, PASSWORD, paymentWebhook, placeOrder, publishEvent, signUp, uploadCover, validTickets, type OpenSocket, type Person, type Pushed } from './support/journey.js';
import { compose, containerOf, containerState, mongoEval, run } from './support/deployment.js';

/** Longer than the edge's circuit-breaker recovery (traefik/dynamic/middlewares.yml: 10 s). */
const KEYCLOAK_STEADY_MS = 12_000;

/**
 * Production, for real: docker-compose.yml on the local Docker engine (npm run prod:local), reached
 * only through its Traefik as the internet reaches it. People sign up and sign in through Keycloak's
 * own form; an organization publishes with a cover image; a member pays (stripe-mock is Stripe, the
 * webhook is signed with the deployment's secret) and is let in at the door; a like reaches an open
 * socket. Then the operator's side: the edge refuses what is not public, a killed container comes
 * back by its restart policy with nothing lost, and a backup, a wipe, a restore and the restore
 * drill bring back every document, object and sign-in.
 */

describe('production on the local Docker engine', { timeout: 3_600_000 }, () => {
  let organizer: Person;
  let member: Person;
  let organizerSocket: OpenSocket | undefined;
  let coverId: string;
  let eventId: string;
  let orderId: string;
  let ticketCodes: string[];

  before(() => {
    // Idempotent: builds what is missing and waits until every container is healthy.
    const up = spawnSync('bash', ['scripts/prod-local.sh', 'up'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 3_000_000 });
    assert.equal(up.status, 0, 'npm run prod:local');
  });

  after(() => {
    organizerSocket?.socket.close();
  });

  it('people sign up and sign in through Keycloak, behind the production Traefik', async () => {
    organizer = await signUp('organization', 'Harbour Nights');
    member = await signUp('member', 'Ana Member');
    // Buying needs a confirmed address: the link the platform mailed at sign-up (ADR 0033).
    await confirmAddress(member);
    organizerSocket = await openSocket(organizer.tokens.accessToken);
  });

  it('an organization uploads a cover through files.<domain> and publishes an event with it', async () => {
    const token = organizer.tokens.accessToken;
    coverId = await uploadCover(token);
    eventId = await publishEvent(token, { title: 'Harbour Jazz Night', seats: 50, coverMediaId: coverId });
    const listed = await waitFor(
      async () => {
        const reply = await api('events', 'GET', `/events?organizerId=${organizer.id}`);
        const items = reply.status === 200 ? (reply.json()['items'] as Array<{ eventId: string }>) : [];
        return items.some((item) => item.eventId === eventId) ? items : undefined;
      },
      { timeoutMs: 30_000, what: 'the published event in the public list' },
    );
    assert.equal(listed.length, 1);
  });

  it('a member buys a ticket: Checkout on stripe-mock, a webhook signed like Stripe’s, the ticket issued', async () => {
    const token = member.tokens.accessToken;
    const placed = await placeOrder(token, eventId);
    orderId = placed.orderId;
    const forged = await edge(`https://tickets.${DOMAIN}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({ id: `evt_${randomUUID().replaceAll('-', '')}`, object: 'event', type: 'checkout.session.completed' }),
    });
    assert.equal(forged.status, 400, 'a webhook without a valid signature is refused');
    expectStatus(200, await paymentWebhook(orderId, placed.sessionId), 'the signed webhook');
    ticketCodes = await waitFor(
      async () => {
        const valid = await validTickets(token, eventId);
        return valid?.length === 1 ? valid : undefined;
      },
      { timeoutMs: 60_000, what: 'the ticket to be issued' },
    );
  });

  it("the ticket's QR code lets the member in once at the door", async () => {
    const scan = () => api('tickets', 'POST', `/events/${eventId}/tickets/validate`, organizer.tokens.accessToken, { code: ticketCodes[0] });
    expectStatus(200, await scan(), 'the first scan');
    expectStatus(409, await scan(), 'the second scan of the same code');
  });

  it("the member's like reaches the organizer's open socket", async () => {
    expectStatus(201, await api('interactions', 'PUT', `/events/${eventId}/like`, member.tokens.accessToken), 'a new like');
    await waitFor(() => organizerSocket?.received.find((pushed) => pushed.type === 'event.liked' && pushed.data['eventId'] === eventId), {
      timeoutMs: 30_000,
      what: 'the like to be pushed to the organizer',
    });
  });

  it('the operator sees it: Prometheus scrapes every service with the ops token, the like is counted, and its trace is in Jaeger', async () => {
    // From inside the monitoring containers, as an operator's SSH tunnel reaches them: nothing of it is public.
    const fromInside = (service: string, url: string): unknown => JSON.parse(compose('exec', '-T', service, 'wget', '-qO-', url));
    const query = (expr: string): Array<{ metric: Record<string, string>; value: [number, string] }> =>
      (fromInside('prometheus', `http://127.0.0.1:9090/api/v1/query?query=${encodeURIComponent(expr)}`) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } }).data.result;
    const targets = ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media', 'rabbitmq'];
    await waitFor(
      () => {
        const up = new Map(query('up').map((sample) => [sample.metric['job'], sample.value[1]]));
        return targets.every((job) => up.get(job) === '1') ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 3_000, what: `Prometheus to scrape ${targets.join(', ')} (up == 1)` },
    );
    await waitFor(
      () => (Number(query('sum(eventonight_http_requests_total{job="interaction", method="PUT", status="201"})')[0]?.value[1] ?? 0) >= 1 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 3_000, what: "the like in interaction's request counter" },
    );
    interface Trace {
      spans: Array<{ operationName: string; processID: string }>;
      processes: Record<string, { serviceName: string }>;
    }
    const likeTrace = await waitFor(
      () => {
        const traces = (fromInside('jaeger', 'http://127.0.0.1:16686/api/traces?service=interaction&lookback=1h&limit=200') as { data: Trace[] }).data;
        return traces.find((trace) => {
          const named = trace.spans.map((span) => `${trace.processes[span.processID]?.serviceName}: ${span.operationName}`);
          return named.includes('interaction: PUT /events/:eventId/like') && named.includes('notification: socket.io push');
        });
      },
      { timeoutMs: 60_000, intervalMs: 3_000, what: "the like's trace, from interaction's request to notification's push, in Jaeger" },
    );
    assert.ok(likeTrace.spans.length >= 4);
  });

  it('the edge refuses admin consoles, the master realm, internal routes, ops listeners and probes', async () => {
    const refused: Array<[string, string]> = [
      ['auth', '/admin/'],
      ['auth', '/admin/master/console/'],
      ['auth', '/realms/master/protocol/openid-connect/token'],
      ['auth', '/metrics'],
      ['auth', '/health/ready'],
      ['tickets', '/internal/events/x/sales'],
      ['users', '/health'],
      ['users', '/ready'],
      ['events', '/ops/quiesce'],
      ['notifications', '/metrics'],
    ];
    for (const [host, path] of refused) {
      const reply = await edge(`https://${host}.${DOMAIN}${path}`);
      assert.ok([403, 404].includes(reply.status), `${host}.${DOMAIN}${path} answered ${reply.status}`);
    }
    const traversal = await edge(`https://events.${DOMAIN}/events/x%2F..%2F..%2Finternal`);
    assert.equal(traversal.status, 400, 'an encoded slash is refused at the edge');
  });

  it('a service whose process dies comes back by its restart policy, and nothing is lost', async () => {
    const notification = containerOf('notification');
    const before = containerState(notification);
    // SIGKILL to the container's process from outside, as the kernel's OOM killer or a crash ends it.
    // (`docker kill` is an operator's stop: Docker disables the restart policy until the next start.)
    run('kill', ['-KILL', String(before.pid)]);
    // While it is down, the member follows the organizer: the push waits in notification's queue.
    const follow = await api('interactions', 'PUT', `/users/${organizer.id}/follow`, member.tokens.accessToken);
    assert.ok(follow.status === 200 || follow.status === 201, `follow while notification is down: ${follow.status}`);
    await waitFor(
      () => {
        const now = containerState(notification);
        return now.restartCount > before.restartCount && now.health === 'healthy' ? now : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 2_000, what: 'the killed notification container to be healthy again' },
    );
    await waitFor(
      async () => {
        const reply = await api('notifications', 'GET', '/notifications?limit=100', organizer.tokens.accessToken);
        const items = reply.status === 200 ? (reply.json()['items'] as Pushed[]) : [];
        return items.find((n) => n.type === 'follower.new' && n.data['followerId'] === member.id);
      },
      { timeoutMs: 60_000, what: 'the new follower among the organizer’s notifications' },
    );
  });

  it('backup, wipe, restore and the restore drill bring back every document, object and sign-in', async () => {
    const eventsBefore = mongoEval('event', 'db.events.countDocuments()');
    const ticketsBefore = mongoEval('ticketing', 'db.tickets.countDocuments()');
    run('bash', ['deploy/backup.sh'], 1_200_000);

    // The wipe: every container and volume of the deployment goes, then an empty platform starts.
    compose('down', '--volumes', '--remove-orphans');
    run('bash', ['scripts/prod-local.sh', 'up'], 1_800_000);
    assert.equal((await api('events', 'GET', `/events/${eventId}`)).status, 404, 'the wiped platform does not know the event');

    const backups = readdirSync(join(STATE, 'backups')).filter((name) => /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/.test(name)).sort();
    const newest = backups.at(-1);
    assert.ok(newest !== undefined, `a complete backup in ${join(STATE, 'backups')}`);
    run('bash', ['deploy/restore.sh', join(STATE, 'backups', newest)], 1_800_000);
    // restore.sh starts Keycloak again with its restored database. While it was down, the edge's
    // circuit breaker opened; it then lets traffic back in over its 10 s recovery, answering 503
    // to a share of requests: one 200 is not yet a sign-in that works (a code exchange got 503).
    // Keycloak is back once it has answered every request for longer than that recovery.
    let steadySince: number | undefined;
    await waitFor(
      async () => {
        const answered = (await edge(`https://auth.${DOMAIN}/realms/eventonight/.well-known/openid-configuration`)).status === 200;
        steadySince = answered ? (steadySince ?? Date.now()) : undefined;
        return steadySince !== undefined && Date.now() - steadySince >= KEYCLOAK_STEADY_MS ? true : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 1_000, what: 'Keycloak to answer steadily after the restore' },
    );
    assert.equal(mongoEval('event', 'db.events.countDocuments()'), eventsBefore);
    assert.equal(mongoEval('ticketing', 'db.tickets.countDocuments()'), ticketsBefore);
    const detail = expectStatus(200, await api('events', 'GET', `/events/${eventId}`), 'the restored event').json();
    assert.equal(detail['coverMediaId'], coverId);
    const view = expectStatus(200, await api('media', 'GET', `/media/${coverId}`), 'the restored cover').json();
    assert.deepEqual((await edge(String(view['url']))).body, COVER, 'the restored object is byte for byte the uploaded one');
    const again = await signIn(member.email, PASSWORD);
    const tickets = expectStatus(200, await api('tickets', 'GET', '/tickets', again.accessToken), "the member's tickets after the restore").json();
    assert.equal((tickets['items'] as unknown[]).length, 1);

    const drill = run('bash', ['deploy/restore-drill.sh'], 1_800_000);
    assert.match(drill, /Keycloak users: [1-9]/);
  });
});
