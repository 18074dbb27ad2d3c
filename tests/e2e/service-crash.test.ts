import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSystem, type RunningSystem, type ServiceName } from '@eventonight/testing';
import { tearDownAccounts } from './support/clients.js';
import { deadLetters, gatherCrowd, pendingOutboxes, planCommands, runCommands, settledDeliveryReport, type Crowd } from './support/crowd.js';

/**
 * Services killed with SIGKILL in the middle of a stream of commands, then started again: no
 * graceful shutdown, unacknowledged deliveries and unpublished outboxes left behind. First the
 * notification service (a pure consumer, killed while it inserts and pushes), later the
 * interaction service (it takes commands, publishes through its outbox and consumes). Clients
 * retry a command that got no answer, as real ones do.
 */

const COMMANDS = 1_000;

describe('fault: services crash mid-stream', { timeout: 600_000 }, () => {
  let system: RunningSystem;
  let crowd: Crowd;

  before(async () => {
    system = await startSystem();
    crowd = await gatherCrowd(system, { organizers: 2, members: 6, eventsPerOrganizer: 8 });
  });

  after(async () => {
    await tearDownAccounts(system, [...(crowd?.organizers ?? []), ...(crowd?.members ?? [])]);
    await system?.stop();
  });

  it('notification and interaction SIGKILLed and restarted: nothing lost, nothing doubled', async (t) => {
    const dlqBefore = await deadLetters(system);
    const commands = planCommands(crowd, COMMANDS);
    const crashes: Array<Promise<void>> = [];
    let answered = 0;
    /** Commands answered when each crashed service was ready again: the stream must not be over. */
    const answeredAtRestart: Partial<Record<ServiceName, number>> = {};
    const crash = (service: ServiceName, downMs: number) => async () => {
      await system.kill(service, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await system.restart(service);
      answeredAtRestart[service] = answered;
    };
    const schedule = new Map<number, () => Promise<void>>([
      [250, crash('notification', 3_000)],
      [600, crash('interaction', 0)],
    ]);

    const stream = await runCommands(system, commands, {
      concurrency: 6,
      retryForMs: 60_000,
      onProgress: (done) => {
        answered = done;
        const run = schedule.get(done);
        if (run !== undefined) {
          schedule.delete(done);
          crashes.push(run());
        }
      },
    });
    await Promise.all(crashes);
    t.diagnostic(`commands retried by clients: ${stream.retried}; answered when back: ${JSON.stringify(answeredAtRestart)}`);
    assert.deepEqual(stream.failures, []);
    for (const service of ['notification', 'interaction'] as const) {
      const at = answeredAtRestart[service];
      assert.ok(at !== undefined && at < COMMANDS, `${service} crashed and came back in the middle of the stream (at ${at})`);
    }
    assert.ok(system.alive('notification') && system.alive('interaction'), 'both run again');

    const report = await settledDeliveryReport(system, commands, 180_000);
    t.diagnostic(`delivery: ${JSON.stringify(report)}`);
    assert.deepEqual(report, { expected: COMMANDS, stored: COMMANDS, missing: 0, doubled: 0, unexpected: 0 });
    assert.deepEqual(await pendingOutboxes(system), {}, 'no outbox left non-empty');
    assert.deepEqual(await deadLetters(system), dlqBefore, 'no dead-letter queue grew');
  });
});
