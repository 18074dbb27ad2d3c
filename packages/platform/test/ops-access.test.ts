import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { networkInterfaces } from 'node:os';
import { ServiceStats } from '../src/persistence/command-stats.js';
import { ServiceMetrics } from '../src/metrics/service-metrics.js';
import { inSubnet, opsAccessProblem, resolveOpsHost, type Interfaces } from '../src/service/ops-access.js';
import { startOpsServer, type RunningOpsServer } from '../src/service/ops-server.js';
import { silentLogger } from './fixtures.js';
import { recordingQuiesceControl } from '@eventonight/testing';

/**
 * Who may reach the operations listener (ADR 0017): loopback and no token by default; bound to a
 * subnet's address (production's `ops` network) only with a real token, which every request must
 * carry. Exercised against the real listener, with a recording stand-in for the quiesce switch
 * (quiesce.test.ts drives the real switch through the real listener).
 */

const TOKEN = '3f9c2a7be41d08c65f1e9a2b7c4d30e8';

const interfaces: Interfaces = {
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
  eth0: [{ address: '172.31.0.7', netmask: '255.255.255.0', family: 'IPv4', mac: '02:42:ac:1f:00:07', internal: false, cidr: '172.31.0.7/24' }],
  eth1: [{ address: '172.18.0.4', netmask: '255.255.0.0', family: 'IPv4', mac: '02:42:ac:12:00:04', internal: false, cidr: '172.18.0.4/16' }],
};

describe('ops listener access: where it binds', () => {
  it('a subnet means this host\'s own address in it, and nothing else', () => {
    assert.equal(resolveOpsHost('172.31.0.0/24', interfaces), '172.31.0.7');
    assert.equal(resolveOpsHost('172.18.0.0/16', interfaces), '172.18.0.4');
    assert.throws(() => resolveOpsHost('10.9.0.0/16', interfaces), /OPS_HOST 10\.9\.0\.0\/16: no network interface here has an address in that subnet/);
  });

  it('an address is taken as given; a name or a malformed subnet is refused', () => {
    assert.equal(resolveOpsHost('0.0.0.0', interfaces), '0.0.0.0');
    assert.equal(resolveOpsHost('127.0.0.1', interfaces), '127.0.0.1');
    assert.throws(() => resolveOpsHost('user-ops', interfaces), /neither an IP address nor an IPv4 subnet/);
    assert.throws(() => resolveOpsHost('172.31.0.0/33', interfaces), /neither an IP address nor an IPv4 subnet/);
  });

  it('inSubnet compares the network part only', () => {
    assert.ok(inSubnet('172.31.0.255', '172.31.0.0/24'));
    assert.ok(!inSubnet('172.31.1.0', '172.31.0.0/24'));
    assert.ok(inSubnet('10.1.2.3', '0.0.0.0/0'));
    assert.ok(!inSubnet('10.1.2.3', 'nonsense/8'));
  });

  it('off loopback a real token is required; on loopback none is needed, but one given must be real', () => {
    assert.equal(opsAccessProblem('127.0.0.1', undefined), undefined);
    assert.match(opsAccessProblem('172.31.0.7', undefined) ?? '', /OPS_TOKEN is required when the ops listener binds to 172\.31\.0\.7/);
    assert.match(opsAccessProblem('172.31.0.7', 'change-me-please-now') ?? '', /OPS_TOKEN looks like a placeholder/);
    assert.match(opsAccessProblem('0.0.0.0', 'short') ?? '', /OPS_TOKEN is shorter than 16 characters/);
    assert.match(opsAccessProblem('127.0.0.1', 'secret') ?? '', /OPS_TOKEN is a development default/);
    assert.equal(opsAccessProblem('172.31.0.7', TOKEN), undefined);
  });
});

describe('ops listener access: the real listener', () => {
  let plain: RunningOpsServer;
  let guarded: RunningOpsServer;
  const plainControl = recordingQuiesceControl();
  const guardedControl = recordingQuiesceControl();

  before(async () => {
    plain = await startOpsServer(0, plainControl, new ServiceStats(), silentLogger);
    const metrics = new ServiceMetrics({ service: 'guarded', version: '1.2.3', defaultMetrics: false });
    guarded = await startOpsServer(0, guardedControl, new ServiceStats(), silentLogger, { host: '127.0.0.0/8', token: TOKEN }, metrics);
  });
  after(async () => {
    await plain?.close();
    await guarded?.close();
  });

  it('by default it is on loopback only and answers without a token', async () => {
    assert.match(plain.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${plain.url}/quiesce`, { method: 'POST' });
    assert.equal(response.status, 200);
    assert.deepEqual(plainControl.calls, ['quiesce']);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal);
    if (external !== undefined) {
      const port = new URL(plain.url).port;
      await assert.rejects(fetch(`http://${external.address}:${port}/quiesce`, { signal: AbortSignal.timeout(3_000) }), 'not reachable on another interface');
    }
  });

  it('with a token: 401 without one, 403 with another, and the switch is not touched', async () => {
    assert.match(guarded.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'the subnet 127.0.0.0/8 resolved to this host\'s loopback address');
    const missing = await fetch(`${guarded.url}/quiesce`, { method: 'POST' });
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    const wrong = await fetch(`${guarded.url}/quiesce`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN.slice(1)}x` } });
    assert.equal(wrong.status, 403);
    const notBearer = await fetch(`${guarded.url}/quiesce`, { headers: { authorization: `Basic ${Buffer.from(`ops:${TOKEN}`).toString('base64')}` } });
    assert.equal(notBearer.status, 401);
    const stats = await fetch(`${guarded.url}/stats`);
    assert.equal(stats.status, 401, 'every route is guarded, not only quiesce');
    const metrics = await fetch(`${guarded.url}/metrics`);
    assert.equal(metrics.status, 401, 'the metrics too');
    assert.doesNotMatch(await metrics.text(), /eventonight_/);
    const metricsWrongToken = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN.slice(1)}x` } });
    assert.equal(metricsWrongToken.status, 403);
    assert.deepEqual(guardedControl.calls, []);
  });

  it('with the token it works as usual', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const quiesced = await fetch(`${guarded.url}/quiesce`, { method: 'POST', headers });
    assert.equal(quiesced.status, 200);
    assert.deepEqual(await quiesced.json(), { quiesced: true, outboxPending: 0, jobsRunning: false });
    const resumed = await fetch(`${guarded.url}/resume`, { method: 'POST', headers });
    assert.equal(resumed.status, 200);
    assert.deepEqual(guardedControl.calls, ['quiesce', 'resume']);
    const metrics = await fetch(`${guarded.url}/metrics`, { headers });
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.match(await metrics.text(), /^eventonight_build_info\{service="guarded",version="1\.2\.3"\} 1$/m);
  });

  it('a listener given no metrics answers 404 to /metrics', async () => {
    const response = await fetch(`${plain.url}/metrics`);
    assert.equal(response.status, 404);
    await response.body?.cancel();
  });


  it('refuses to start off loopback without a real token', async () => {
    await assert.rejects(startOpsServer(0, recordingQuiesceControl(), new ServiceStats(), silentLogger, { host: '0.0.0.0' }), /OPS_TOKEN is required when the ops listener binds to 0\.0\.0\.0/);
    await assert.rejects(startOpsServer(0, recordingQuiesceControl(), new ServiceStats(), silentLogger, { host: '0.0.0.0', token: 'replace-with-a-token' }), /OPS_TOKEN looks like a placeholder/);
  });
});
