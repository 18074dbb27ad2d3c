import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { infraCtl, startSystem, type RunningSystem } from '@eventonight/testing';
import { tearDownAccounts } from './support/clients.js';
import { deadLetters, gatherCrowd, pendingOutboxes, planCommands, runCommands, settledDeliveryReport, type Crowd } from './support/crowd.js';

/**
 * RabbitMQ stopped for 10 s in the middle of a stream of 2,000 commands across interaction and
 * chat. The commands keep being accepted (they only need the database: the events wait in the
 * outboxes); after the broker is back every notification exists exactly once, every outbox is
 * empty and no dead-letter queue grew.
 */

const COMMANDS = 2_000;
const OUTAGE_MS = 10_000;

describe('fault: the broker goes away mid-stream', { timeout: 600_000 }, () => {
  let system: RunningSystem;
  let crowd: Crowd;

  before(async () => {
    system = await startSystem();
    crowd = await gatherCrowd(system, { organizers: 2, members: 8, eventsPerOrganizer: 10 });
  });

  after(async () => {
    // Whatever happened, the broker must be back for the next test file.
    await infraCtl('start', 'rabbitmq').catch(() => undefined);
    await tearDownAccounts(system, [...(crowd?.organizers ?? []), ...(crowd?.members ?? [])]);
    await system?.stop();
  });

  it('2,000 commands, RabbitMQ down for 10 s after the first 700: every notification once, outboxes empty, DLQs unchanged', async (t) => {
    const dlqBefore = await deadLetters(system);
    const commands = planCommands(crowd, COMMANDS);
    let outage: Promise<void> | undefined;
    let commandsDuringOutage = 0;
    let brokerDown = false;

    const stream = await runCommands(system, commands, {
      concurrency: 6,
      onProgress: (done) => {
        if (brokerDown) commandsDuringOutage += 1;
        if (done === 700 && outage === undefined) {
          outage = (async () => {
            await infraCtl('stop', 'rabbitmq');
            brokerDown = true;
            await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
            brokerDown = false;
            await infraCtl('start', 'rabbitmq');
          })();
        }
      },
    });
    await outage;
    t.diagnostic(`commands answered while RabbitMQ was down: ${commandsDuringOutage}`);
    assert.deepEqual(stream.failures, [], 'every command is accepted, broker or not');
    assert.equal(stream.sent, COMMANDS);
    assert.ok(commandsDuringOutage > 0, 'the outage fell in the middle of the stream');

    const report = await settledDeliveryReport(system, commands, 180_000);
    t.diagnostic(`delivery: ${JSON.stringify(report)}`);
    assert.deepEqual(report, { expected: COMMANDS, stored: COMMANDS, missing: 0, doubled: 0, unexpected: 0 });
    assert.deepEqual(await pendingOutboxes(system), {}, 'no outbox left non-empty');
    assert.deepEqual(await deadLetters(system), dlqBefore, 'no dead-letter queue grew');
  });
});
