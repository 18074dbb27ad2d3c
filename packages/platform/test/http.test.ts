import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { z } from 'zod';
import { currentCorrelationId } from '../src/context/correlation.js';
import {
  createHttpApp,
  defineRoute,
  JsonText,
  PROBLEM_BASE_URI,
  Problem,
  registerUnavailableErrorMatcher,
  startHttpServer,
  type RunningHttpServer,
} from '../src/http/index.js';

/** The body of the route that answers a JsonText. */
const textBody = z.object({ id: z.string(), tags: z.array(z.string()) });

/** A logger like the service's (correlation id mixed into every line) that keeps its lines for assertions. */
function memoryLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    {
      level: 'debug',
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId === undefined ? {} : { correlationId };
      },
    },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

class FakeDriverError extends Error {
  override name = 'FakeDriverError';
}

const thing = z.strictObject({ name: z.string().min(1).max(50), count: z.int().min(0) });

interface Gate {
  started: Promise<void>;
  release: () => void;
}

function gate(): Gate & { markStarted: () => void; released: Promise<void> } {
  let markStarted = () => {};
  let release = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { started, markStarted, release, released };
}

function buildApp(options: { ready: { db: boolean; brokerHangs: boolean }; slow?: ReturnType<typeof gate> }) {
  const { logger, lines } = memoryLogger();
  const http = createHttpApp({
    service: 'test-service',
    logger,
    bodyLimit: '1kb',
    readinessTimeoutMs: 200,
    readiness: [
      {
        name: 'mongo',
        check: async () => {
          if (!options.ready.db) throw new Error('connection refused');
        },
      },
      {
        name: 'amqp',
        check: (signal) =>
          options.ready.brokerHangs ? new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))) : Promise.resolve(),
      },
    ],
  });

  defineRoute(
    http,
    {
      method: 'post',
      path: '/things',
      summary: 'Create a thing',
      tags: ['things'],
      auth: 'public',
      body: thing,
      responses: { 201: thing.extend({ id: z.string() }) },
    },
    ({ body, log }) => {
      log.info({ name: body.name }, 'creating a thing');
      return { status: 201, body: { id: 't-1', ...body }, headers: { location: '/things/t-1' } };
    },
  );
  defineRoute(
    http,
    {
      method: 'get',
      path: '/things/:thingId',
      summary: 'Read a thing',
      auth: 'public',
      params: z.object({ thingId: z.string().regex(/^t-\d+$/) }),
      query: z.object({ verbose: z.enum(['true', 'false']).optional() }),
      responses: { 200: z.object({ id: z.string(), verbose: z.boolean() }), 404: null },
    },
    ({ params, query }) =>
      params.thingId === 't-0'
        ? { status: 404 }
        : { status: 200, body: { id: params.thingId, verbose: query.verbose === 'true' } },
  );
  defineRoute(
    http,
    { method: 'get', path: '/leaky', summary: 'Answers more than it declares', auth: 'public', responses: { 200: z.object({ id: z.string() }) } },
    () => ({ status: 200, body: { id: 'x', outbox: ['internal'] } as { id: string } }),
  );
  defineRoute(
    http,
    { method: 'get', path: '/as-text', summary: 'Answers a body its schema already serialized', auth: 'public', responses: { 200: textBody } },
    () => ({ status: 200, body: JsonText.of(textBody, { id: 'x', tags: ['a'], outbox: ['internal'] }) }),
  );
  defineRoute(
    http,
    { method: 'get', path: '/boom', summary: 'Fails', auth: 'public', responses: { 200: z.object({}) } },
    async () => {
      throw new Error('db password is hunter2');
    },
  );
  defineRoute(
    http,
    { method: 'get', path: '/flagged', summary: 'Dependency down', auth: 'public', responses: { 204: null } },
    () => {
      throw new Error('write failed', { cause: Object.assign(new Error('socket closed'), { unavailable: true }) });
    },
  );
  defineRoute(
    http,
    { method: 'get', path: '/driver', summary: 'Driver error', auth: 'public', responses: { 204: null } },
    () => {
      throw new FakeDriverError('server selection timed out');
    },
  );
  defineRoute(
    http,
    { method: 'get', path: '/conflict', summary: 'Lost race', auth: 'public', responses: { 204: null } },
    () => {
      throw Object.assign(new Error('things/t-1 is no longer at version 3'), { conflict: true, expectedVersion: 3 });
    },
  );
  defineRoute(
    http,
    {
      method: 'post',
      path: '/webhook',
      summary: 'Receives exact bytes',
      auth: 'public',
      rawBody: true,
      responses: { 200: z.object({ length: z.int(), sha256: z.string() }) },
    },
    ({ body }) => ({ status: 200, body: { length: body.length, sha256: createHash('sha256').update(body).digest('hex') } }),
  );
  defineRoute(
    http,
    {
      method: 'post',
      path: '/form',
      summary: 'Takes an HTML form',
      auth: 'public',
      body: z.object({ choice: z.literal('One-Click') }),
      bodyType: 'form',
      responses: { 200: z.object({ choice: z.string() }) },
    },
    ({ body }) => ({ status: 200, body: { choice: body.choice } }),
  );
  defineRoute(
    http,
    { method: 'get', path: '/slow', summary: 'Slow', auth: 'public', responses: { 200: z.object({ done: z.boolean() }) } },
    async () => {
      options.slow?.markStarted();
      await options.slow?.released;
      return { status: 200, body: { done: true } };
    },
  );
  return { http, lines };
}

async function problemOf(response: Response) {
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body['status'], response.status);
  assert.equal(body['correlationId'], response.headers.get('x-correlation-id'));
  return body;
}

describe('http app', { timeout: 30_000 }, () => {
  const ready = { db: true, brokerHangs: false };
  const unregister = registerUnavailableErrorMatcher((error) => error instanceof FakeDriverError);
  const { http, lines } = buildApp({ ready });
  let server: RunningHttpServer;
  let url: string;

  before(async () => {
    server = await startHttpServer(http.app, { port: 0, host: '127.0.0.1', logger: http.logger, graceMs: 1000 });
    url = server.url;
  });
  after(async () => {
    unregister();
    await server.close();
  });

  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('listens on an ephemeral port', () => {
    assert.ok(server.port > 0);
    assert.equal(url, `http://127.0.0.1:${server.port}`);
  });

  it('runs a valid request through parsing, handler and response schema', async () => {
    const response = await postJson('/things', JSON.stringify({ name: 'lamp', count: 2 }));
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('location'), '/things/t-1');
    assert.equal(response.headers.get('x-powered-by'), null);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(await response.json(), { id: 't-1', name: 'lamp', count: 2 });
  });

  it('answers malformed JSON with a 400 malformed-json problem', async () => {
    const response = await postJson('/things', '{"name": "lamp",');
    assert.equal(response.status, 400);
    const problem = await problemOf(response);
    assert.equal(problem['type'], `${PROBLEM_BASE_URI}malformed-json`);
    assert.equal(problem['instance'], '/things');
  });

  it('answers an oversized body with 413', async () => {
    const response = await postJson('/things', JSON.stringify({ name: 'x'.repeat(2000), count: 1 }));
    assert.equal(response.status, 413);
    assert.equal((await problemOf(response))['type'], `${PROBLEM_BASE_URI}payload-too-large`);
  });

  it('lists an unknown field of a strict schema', async () => {
    const response = await postJson('/things', JSON.stringify({ name: 'lamp', count: 1, owner: 'me' }));
    assert.equal(response.status, 400);
    const problem = await problemOf(response);
    assert.equal(problem['type'], `${PROBLEM_BASE_URI}validation`);
    assert.deepEqual(problem['errors'], [{ location: 'body', path: 'owner', message: 'is not allowed' }]);
  });

  it('lists each wrong type by path, without echoing the input', async () => {
    const response = await postJson('/things', JSON.stringify({ name: 42, count: 'many-many-many' }));
    assert.equal(response.status, 400);
    const problem = await problemOf(response);
    const errors = problem['errors'] as Array<Record<string, string>>;
    assert.deepEqual(
      errors.map((e) => `${e['location']}:${e['path']}`),
      ['body:name', 'body:count'],
    );
    assert.doesNotMatch(JSON.stringify(problem), /many-many-many/);
  });

  it('validates params and query too', async () => {
    const badParam = await fetch(`${url}/things/nope`);
    assert.equal(badParam.status, 400);
    assert.equal(((await problemOf(badParam))['errors'] as Array<Record<string, string>>)[0]?.['location'], 'params');
    const badQuery = await fetch(`${url}/things/t-1?verbose=maybe`);
    assert.equal(badQuery.status, 400);
    assert.equal(((await problemOf(badQuery))['errors'] as Array<Record<string, string>>)[0]?.['path'], 'verbose');
    const good = await fetch(`${url}/things/t-7?verbose=true`);
    assert.deepEqual(await good.json(), { id: 't-7', verbose: true });
    const empty = await fetch(`${url}/things/t-0`);
    assert.equal(empty.status, 404);
    assert.equal(await empty.text(), '');
  });

  it('refuses a NUL character in any string of the input, which the databases cannot store', async () => {
    const response = await postJson('/things', JSON.stringify({ name: 'la\u0000mp', count: 1 }));
    assert.equal(response.status, 400);
    const problem = await problemOf(response);
    assert.equal(problem['type'], `${PROBLEM_BASE_URI}validation`);
    assert.deepEqual(problem['errors'], [{ location: 'body', path: 'name', message: 'must not contain the NUL character' }]);
  });

  it('answers a path that is not percent-encoded UTF-8 with a 400 problem, not a 500', async () => {
    for (const path of ['/things/%FF%FE', '/things/t-1%E0%A4%A', '/things/100%']) {
      const response = await fetch(url + path);
      assert.equal(response.status, 400, path);
      assert.equal((await problemOf(response))['type'], `${PROBLEM_BASE_URI}bad-request`);
    }
  });

  it('refuses a non-JSON body with 415', async () => {
    const response = await fetch(`${url}/things`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'lamp' });
    assert.equal(response.status, 415);
    assert.equal((await problemOf(response))['type'], `${PROBLEM_BASE_URI}unsupported-media-type`);
  });

  it('answers a missing body with a validation problem', async () => {
    const response = await fetch(`${url}/things`, { method: 'POST' });
    assert.equal(response.status, 400);
    assert.equal((await problemOf(response))['type'], `${PROBLEM_BASE_URI}validation`);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const response = await fetch(`${url}/nowhere?x=1`);
    assert.equal(response.status, 404);
    const problem = await problemOf(response);
    assert.equal(problem['type'], `${PROBLEM_BASE_URI}not-found`);
    assert.equal(problem['instance'], '/nowhere');
  });

  it('hides an unexpected error behind a generic 500, logs it, and keeps serving', async () => {
    const response = await fetch(`${url}/boom`, { headers: { 'x-correlation-id': 'boom-1' } });
    assert.equal(response.status, 500);
    const problem = await problemOf(response);
    assert.equal(problem['type'], `${PROBLEM_BASE_URI}internal`);
    assert.doesNotMatch(JSON.stringify(problem), /hunter2/);
    const logged = lines.find((line) => line['correlationId'] === 'boom-1' && line['err'] !== undefined);
    assert.match(JSON.stringify(logged), /db password is hunter2/);
    assert.equal((await fetch(`${url}/health`)).status, 200);
  });

  it('strips response fields the route does not declare', async () => {
    assert.deepEqual(await (await fetch(`${url}/leaky`)).json(), { id: 'x' });
  });

  it('sends a JsonText body as its text, as JSON, with what its schema does not declare stripped', async () => {
    const response = await fetch(`${url}/as-text`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await response.text(), '{"id":"x","tags":["a"]}');
    assert.throws(() => JsonText.of(textBody, { id: 1, tags: [] }), (error: unknown) => error instanceof z.ZodError);
  });

  it('maps an error flagged unavailable (in its cause chain) to 503', async () => {
    const response = await fetch(`${url}/flagged`);
    assert.equal(response.status, 503);
    assert.equal((await problemOf(response))['type'], `${PROBLEM_BASE_URI}service-unavailable`);
    assert.equal(response.headers.get('retry-after'), '5');
  });

  it('maps an error recognised by a registered matcher to 503', async () => {
    const response = await fetch(`${url}/driver`);
    assert.equal(response.status, 503);
    assert.doesNotMatch(await response.text(), /server selection/);
  });

  it('maps a flagged conflict to a 409 version-conflict problem', async () => {
    const response = await fetch(`${url}/conflict`);
    assert.equal(response.status, 409);
    const problem = await problemOf(response);
    assert.equal(problem['type'], `${PROBLEM_BASE_URI}version-conflict`);
    assert.doesNotMatch(JSON.stringify(problem), /things\/t-1/);
  });

  it('echoes an acceptable x-correlation-id and logs every line of the request with it', async () => {
    const response = await postJson('/things', JSON.stringify({ name: 'lamp', count: 1 }), {
      'x-correlation-id': 'corr-42',
      authorization: 'Bearer very-secret-token',
    });
    assert.equal(response.headers.get('x-correlation-id'), 'corr-42');
    const mine = lines.filter((line) => line['correlationId'] === 'corr-42');
    assert.ok(mine.some((line) => line['msg'] === 'creating a thing'), 'handler log line');
    assert.ok(mine.some((line) => line['msg'] === 'request completed'), 'request log line');
    assert.doesNotMatch(JSON.stringify(lines), /very-secret-token/);
  });

  it('generates a correlation id when none (or an unsafe one) is given, also in problem bodies', async () => {
    const none = await fetch(`${url}/nowhere`);
    const generated = none.headers.get('x-correlation-id') ?? '';
    assert.match(generated, /^[0-9a-f-]{36}$/);
    assert.equal((await problemOf(none))['correlationId'], generated);

    const unsafe = await fetch(`${url}/health`, { headers: { 'x-correlation-id': 'a b<script>' } });
    assert.match(unsafe.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('reports health and readiness', async () => {
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });

    const readyResponse = await fetch(`${url}/ready`);
    assert.equal(readyResponse.status, 200);
    assert.deepEqual(await readyResponse.json(), { status: 'ready', checks: { mongo: 'ok', amqp: 'ok' } });
  });

  it('answers /ready with a 503 problem naming failed and timed-out checks', async () => {
    ready.db = false;
    ready.brokerHangs = true;
    try {
      const started = Date.now();
      const response = await fetch(`${url}/ready`);
      assert.ok(Date.now() - started < 2000, 'a hung check is cut at its timeout');
      assert.equal(response.status, 503);
      const problem = await problemOf(response);
      assert.match(String(problem['detail']), /mongo, amqp/);
      assert.deepEqual(problem['checks'], { mongo: 'failed', amqp: 'failed' });
      assert.doesNotMatch(JSON.stringify(problem), /connection refused/);
    } finally {
      ready.db = true;
      ready.brokerHangs = false;
    }
    assert.equal((await fetch(`${url}/ready`)).status, 200);
  });

  it('serves an OpenAPI 3.1 document built from the route schemas', async () => {
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'EventoNight test-service service');
    const create = doc.paths['/things']?.['post'];
    assert.ok(create);
    assert.equal(create['summary'], 'Create a thing');
    assert.deepEqual(create['tags'], ['things']);
    assert.equal(create['security'], undefined, 'public route');
    const bodySchema = (create['requestBody'] as { content: Record<string, { schema: Record<string, unknown> }> }).content[
      'application/json'
    ]?.schema;
    assert.deepEqual(Object.keys((bodySchema?.['properties'] ?? {}) as object), ['name', 'count']);
    assert.equal(bodySchema?.['additionalProperties'], false);
    const responses = create['responses'] as Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
    assert.ok(responses['201']?.content?.['application/json']?.schema['properties']);
    assert.ok(responses['400']?.content?.['application/problem+json']);

    const read = doc.paths['/things/{thingId}']?.['get'];
    assert.ok(read, 'express :params become {params}');
    assert.deepEqual(
      (read['parameters'] as Array<{ name: string; in: string; required: boolean }>).map((p) => [p.name, p.in, p.required]),
      [
        ['thingId', 'path', true],
        ['verbose', 'query', false],
      ],
    );
    assert.ok(doc.paths['/webhook']?.['post']?.['requestBody']);
  });

  it('parses a form route’s application/x-www-form-urlencoded body, refuses other types, and documents the form', async () => {
    const form = (body: string, type = 'application/x-www-form-urlencoded') => fetch(`${url}/form`, { method: 'POST', headers: { 'content-type': type }, body });
    const ok = await form('choice=One-Click');
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { choice: 'One-Click' });
    assert.equal((await form('choice=Other')).status, 400);
    assert.equal((await form('choice=One-Click&choice=One-Click')).status, 400, 'a repeated field is not a string');
    assert.equal((await form('{"choice":"One-Click"}', 'application/json')).status, 415);
    assert.equal((await fetch(`${url}/form`, { method: 'POST' })).status, 400, 'no body at all');
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const operation = doc.paths['/form']?.['post'];
    const content = (operation?.['requestBody'] as { content: Record<string, unknown> }).content;
    assert.deepEqual(Object.keys(content), ['application/x-www-form-urlencoded']);
    const problemTypes = JSON.stringify(operation?.['responses']);
    assert.ok(!problemTypes.includes('malformed-json') && problemTypes.includes('unsupported-media-type'));
  });

  it('gives a rawBody route the exact bytes, whatever their type', async () => {
    const bytes = Buffer.from('{"id": "evt_1",  "note":"spacing kept"}\n\u00e9', 'utf8');
    const response = await fetch(`${url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const tooBig = await fetch(`${url}/webhook`, { method: 'POST', body: Buffer.alloc(5000) });
    assert.equal(tooBig.status, 413);
  });
});

describe('problems', () => {
  it('a service subtype refines type and title but keeps the base status', () => {
    const body = new Problem('conflict', 'No seats left.', { subtype: { slug: 'sold-out', title: 'Sold out' }, extensions: { available: 0 } }).toBody();
    assert.deepEqual(body, { available: 0, type: `${PROBLEM_BASE_URI}sold-out`, title: 'Sold out', status: 409, detail: 'No seats left.' });
    assert.equal(new Problem('conflict', 'x').toBody().type, `${PROBLEM_BASE_URI}conflict`);
  });
});

describe('route definitions', () => {
  it('refuse an authenticated route when the app has no verifier', () => {
    const { http } = buildApp({ ready: { db: true, brokerHangs: false } });
    assert.throws(
      () => defineRoute(http, { method: 'get', path: '/me', summary: 'Me', responses: { 200: z.object({}) } }, () => ({ status: 200, body: {} })),
      /requires authentication/,
    );
  });

  it('refuse the same method and path twice', () => {
    const { http } = buildApp({ ready: { db: true, brokerHangs: false } });
    assert.throws(
      () =>
        defineRoute(http, { method: 'get', path: '/slow', summary: 'Again', auth: 'public', responses: { 204: null } }, () => ({
          status: 204,
        })),
      /defined twice/,
    );
  });
});

describe('http server close', { timeout: 30_000 }, () => {
  it('stops accepting, lets an in-flight request finish, then resolves', async () => {
    const slow = gate();
    const { http } = buildApp({ ready: { db: true, brokerHangs: false }, slow });
    const server = await startHttpServer(http.app, { port: 0, logger: http.logger, graceMs: 5000 });
    const inFlight = fetch(`${server.url}/slow`);
    await slow.started;

    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await assert.rejects(fetch(`${server.url}/health`), 'no new connections once closing');
    assert.equal(closed, false, 'close waits for the in-flight request');

    const released = Date.now();
    slow.release();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('connection'), 'close', 'the client is told not to reuse the connection');
    assert.deepEqual(await response.json(), { done: true });
    await closing;
    assert.equal(closed, true);
    assert.ok(Date.now() - released < 1000, 'the kept-alive connection ends with its last response, not at the grace deadline');
  });

  it('cuts requests still running when the grace period ends', async () => {
    const slow = gate();
    const { http } = buildApp({ ready: { db: true, brokerHangs: false }, slow });
    const server = await startHttpServer(http.app, { port: 0, logger: http.logger, graceMs: 200 });
    const inFlight = fetch(`${server.url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await slow.started;
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 2000);
    assert.equal(await inFlight, 'cut');
    slow.release();
  });
});

describe('shutdown signals', { timeout: 30_000 }, () => {
  it('runs the shutdown once on SIGTERM and exits 0', async () => {
    const httpModule = fileURLToPath(new URL('../src/http/index.ts', import.meta.url));
    const script = `
      import express from 'express';
      import { pino } from 'pino';
      import { startHttpServer, onShutdownSignals } from ${JSON.stringify(httpModule)};
      const server = await startHttpServer(express(), { port: 0, logger: pino({ level: 'silent' }), graceMs: 1000 });
      onShutdownSignals(async () => { await server.close(); console.log('shutdown ran'); });
      console.log('listening');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    while (!stdout.includes('listening')) {
      if (child.exitCode !== null) assert.fail(`child exited early: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0, stderr);
    assert.equal(stdout.match(/shutdown ran/g)?.length, 1);
  });
});
