import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SERVICE_NAMES, deleteAccount, startSystem, type RunningSystem } from '@eventonight/testing';
import { authorizer, currentTokens } from './sweep/callers.js';
import { baselineFailures, injectionLeaks, nonProblemErrors, serverErrors, wrongRefusals } from './sweep/checks.js';
import { loadOperations, operationKey, type Operation } from './sweep/openapi.js';
import type { SweepRequest } from './sweep/requests.js';
import { routeSetup, type RouteSetup } from './sweep/route-setup.js';
import { sendAll, type Outcome } from './sweep/send.js';
import { differences, settledSnapshot } from './sweep/snapshot.js';
import { requestsFor, type OperationRequests } from './sweep/variants.js';
import { buildWorld, deleteRegistered, type World } from './sweep/world.js';

/**
 * Issue 8's bad input sweep. For every operation of every service's /openapi.json, a valid
 * baseline request (real ids, real tokens) and variants of it with one defect each:
 *  - Class A (malformed): missing fields, wrong types, broken constraints, MongoDB operators
 *    where values belong, 1 MB strings, malformed JSON, other media types, unknown fields,
 *    bad ids and query parameters, missing or forged tokens. Each must be refused with the
 *    4xx its defect calls for, and together they must change no document of any database.
 *  - Injections: ids and query values that are valid strings but look like operators, regexes
 *    or paths. Refused, or answered exactly like a value that matches nothing.
 *  - Class B (unicode): emoji, right-to-left, zero-width, NUL, combining marks, lone surrogates
 *    in every free-text field, id and query value: anything but a 5xx.
 * Every error must be problem+json, nothing may be a 5xx, and every service must still be up.
 */

const CONCURRENCY = 4;

interface Plan {
  op: Operation;
  setup: RouteSetup;
  requests: OperationRequests;
}

interface InjectionPair {
  injected: Outcome;
  control: Outcome;
}

const isRead = (op: Operation): boolean => op.method === 'get';

describe('bad input sweep over every route of every /openapi.json', { timeout: 300_000 }, () => {
  let system: RunningSystem;
  let world: World;
  let plans: Plan[] = [];
  const sweep = {
    reads: [] as Outcome[],
    malformed: [] as Outcome[],
    injections: [] as InjectionPair[],
    changes: [] as string[],
    writes: [] as Outcome[],
    unicode: [] as Outcome[],
    seconds: 0,
    unremovedAccounts: 0,
    snapshotDocuments: 0,
  };
  const everything = (): Outcome[] => [
    ...sweep.reads,
    ...sweep.malformed,
    ...sweep.injections.flatMap(({ injected, control }) => [injected, control]),
    ...sweep.writes,
    ...sweep.unicode,
  ];

  before(async () => {
    system = await startSystem();
    world = await buildWorld(system);
    const operations = await loadOperations(system);
    plans = operations.map((op) => {
      const setup = routeSetup(op, world);
      return { op, setup, requests: requestsFor(op, setup.baseline, setup.unicodeLimit) };
    });
    const setups = new Map(plans.map(({ op, setup }) => [operationKey(op), setup]));
    const refreshed = (plan: Plan, requests: SweepRequest[]): SweepRequest[] => requests.map(plan.setup.refresh);
    const run = async (requests: SweepRequest[], concurrency = CONCURRENCY): Promise<Outcome[]> =>
      sendAll(system, requests, authorizer(await currentTokens(world), setups, world), concurrency);
    const startedAt = Date.now();

    // Reads first: their valid baselines show the generated requests get past validation.
    sweep.reads = await run(plans.filter(({ op }) => isRead(op)).flatMap((plan) => refreshed(plan, [plan.requests.baseline])));

    // Class A and the injections (with their controls), between two snapshots of every database.
    const untouched = await settledSnapshot(system);
    sweep.malformed = await run(plans.flatMap((plan) => refreshed(plan, plan.requests.malformed)));
    const injected = plans.flatMap((plan) => refreshed(plan, plan.requests.injections));
    const answers = await run(injected.flatMap((request) => (request.pair === undefined ? [] : [request, request.pair.control])));
    for (let index = 0; index < answers.length; index += 2) {
      sweep.injections.push({ injected: answers[index] as Outcome, control: answers[index + 1] as Outcome });
    }
    sweep.changes = differences(untouched, await settledSnapshot(system));
    sweep.snapshotDocuments = [...untouched.values()].reduce((sum, documents) => sum + documents.size, 0);

    // Then what changes data: the valid baselines of writes (one at a time, in document order:
    // the draft is edited, then published, then cancelled), and Class B.
    sweep.writes = await run(
      plans.filter(({ op, setup }) => !isRead(op) && setup.sendBaseline).flatMap((plan) => refreshed(plan, [plan.requests.baseline])),
      1,
    );
    sweep.unicode = await run(plans.flatMap((plan) => refreshed(plan, plan.requests.unicode)));
    sweep.seconds = (Date.now() - startedAt) / 1000;

    // Registrations that were accepted created real Keycloak users: remove them.
    for (const outcome of [...sweep.writes, ...sweep.unicode]) {
      const body = outcome.request.body;
      if (operationKey(outcome.request.op) !== 'user POST /users' || outcome.status !== 201 || body.kind !== 'json') continue;
      const { email, password } = body.value as { email: string; password: string };
      if (!(await deleteRegistered(system.url('user'), email, password))) sweep.unremovedAccounts += 1;
    }
  });

  after(async () => {
    for (const account of [world?.organization, world?.member]) if (account !== undefined) await deleteAccount(system.url('user'), account);
    await system?.stop();
  });

  it('sweeps every operation of the seven services', (t) => {
    const count = everything().length;
    t.diagnostic(
      `${plans.length} operations, ${count} requests in ${sweep.seconds.toFixed(1)} s: ${sweep.reads.length + sweep.writes.length} baselines, ` +
        `${sweep.malformed.length} malformed, ${sweep.injections.length} injection pairs, ${sweep.unicode.length} unicode`,
    );
    const compared = sweep.injections.filter(({ injected }) => injected.status < 400).length;
    t.diagnostic(`${compared} injections answered 2xx and compared with their control; ${sweep.snapshotDocuments} documents in the snapshots`);
    assert.deepEqual(new Set(plans.map(({ op }) => op.service)), new Set(SERVICE_NAMES), 'an /openapi.json listed no operation');
    // The snapshot comparison below means something only if the world's documents are in it.
    assert.ok(sweep.snapshotDocuments > 0, 'the snapshots hold no document');
    const swept = new Set(everything().map((outcome) => operationKey(outcome.request.op)));
    assert.deepEqual(plans.map(({ op }) => operationKey(op)).filter((key) => !swept.has(key)), [], 'operations without a request');
    assert.equal(sweep.unremovedAccounts, 0, 'accounts registered by the sweep could not be deleted');
  });

  it('valid baselines are accepted, so each refusal below is caused by its one defect', () => {
    const allowed = (outcome: Outcome): readonly number[] =>
      plans.find(({ op }) => op === outcome.request.op)?.setup.baselineStatuses ?? [200];
    const offenders = baselineFailures([...sweep.reads, ...sweep.writes], allowed);
    assert.deepEqual(offenders, [], `baselines not accepted:\n${offenders.join('\n')}`);
  });

  it('no request is answered with a 5xx (or not at all)', () => {
    const offenders = serverErrors(everything());
    assert.deepEqual(offenders, [], `${offenders.length} server errors:\n${offenders.join('\n')}`);
  });

  it('every error is application/problem+json whose status is the HTTP status', () => {
    const offenders = nonProblemErrors(everything());
    assert.deepEqual(offenders, [], `${offenders.length} errors that are not problems:\n${offenders.join('\n')}`);
  });

  it('every malformed request is refused with the 4xx its defect calls for', () => {
    const offenders = wrongRefusals(sweep.malformed.filter(({ request }) => request.caller === 'default'));
    assert.deepEqual(offenders, [], `${offenders.length} malformed requests not refused as expected:\n${offenders.join('\n')}`);
  });

  it('without a valid token a protected route answers 401, with the wrong role 403', () => {
    const offenders = wrongRefusals(sweep.malformed.filter(({ request }) => request.caller !== 'default'));
    assert.deepEqual(offenders, [], `${offenders.length} requests with bad credentials not refused:\n${offenders.join('\n')}`);
  });

  it('malformed requests change no document in any database', () => {
    assert.deepEqual(sweep.changes, [], `documents changed by malformed requests:\n${sweep.changes.join('\n')}`);
  });

  it('operator-, regex- and path-looking ids and query values match no more than a value that matches nothing', () => {
    const offenders = injectionLeaks(sweep.injections);
    assert.deepEqual(offenders, [], `${offenders.length} injections answered unlike their control:\n${offenders.join('\n')}`);
  });

  it('every service is still alive and ready after the sweep', async () => {
    for (const service of SERVICE_NAMES) {
      assert.ok(system.alive(service), `${service} died during the sweep:\n${system.logTail(service)}`);
      const ready = await fetch(`${system.url(service)}/ready`);
      assert.equal(ready.status, 200, `${service} is not ready after the sweep: ${await ready.text()}`);
    }
  });
});
