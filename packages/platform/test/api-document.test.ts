import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { z } from 'zod';
import {
  buildOpenApiDocument,
  createHttpApp,
  cursorParam,
  defineRoute,
  pageLimitParam,
  PROBLEM_BASE_URI,
  problemOf,
  problems,
  problemSubtype,
  requiredText,
  startHttpServer,
  textResponse,
  type RecordedRoute,
  type RunningHttpServer,
} from '../src/http/index.js';

/**
 * Issue 26: the OpenAPI document says exactly what a route accepts and answers. These tests read
 * the document the platform builds and call a real HTTP server built the way services build theirs.
 */

type Json = Record<string, unknown>;

const soldOut = problemSubtype('conflict', 'sold-out', 'Sold out');

function memoryLogger() {
  const lines: Json[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as Json) });
  return { logger, lines };
}

function route(overrides: Partial<RecordedRoute>): RecordedRoute {
  return { method: 'get', path: '/things', summary: 'A route', auth: 'public', rawBody: false, responses: { 200: null }, problems: [], ...overrides };
}

/** `type` URIs the document lists for one status of one operation. */
function typesAt(doc: Json, path: string, method: string, status: string): string[] | undefined {
  const operation = ((doc['paths'] as Json)[path] as Json)[method] as Json;
  const response = (operation['responses'] as Record<string, Json | undefined>)[status];
  if (response === undefined) return undefined;
  const schema = ((response['content'] as Json)['application/problem+json'] as Json)['schema'] as { allOf: Json[] };
  return ((schema.allOf[1]?.['properties'] as Json)['type'] as { enum: string[] }).enum;
}

describe('the OpenAPI document lists every problem an operation may answer', () => {
  const doc = buildOpenApiDocument(
    [
      route({ method: 'get', path: '/things/:id', params: z.strictObject({ id: z.string() }), problems: ['not-found'] }),
      route({
        method: 'post',
        path: '/things/:id/buy',
        auth: { roles: ['member'] },
        params: z.strictObject({ id: z.string() }),
        body: z.strictObject({ quantity: z.int() }),
        problems: ['not-found', soldOut, 'unprocessable'],
      }),
    ],
    { title: 'test', version: '1' },
  );

  it('a route’s declared problems, by status, as an enum of their type URIs (a service subtype by its own URI)', () => {
    assert.deepEqual(typesAt(doc, '/things/{id}', 'get', '404'), [`${PROBLEM_BASE_URI}not-found`]);
    assert.deepEqual(typesAt(doc, '/things/{id}/buy', 'post', '409'), [`${PROBLEM_BASE_URI}sold-out`]);
    assert.deepEqual(typesAt(doc, '/things/{id}/buy', 'post', '422'), [`${PROBLEM_BASE_URI}unprocessable`]);
  });

  it('what the pipeline itself answers, only where it can: auth, roles, bodies, pauses of writes', () => {
    assert.equal(typesAt(doc, '/things/{id}', 'get', '401'), undefined, 'a public route never asks for a token');
    assert.equal(typesAt(doc, '/things/{id}', 'get', '409'), undefined, 'nothing declared a conflict');
    assert.deepEqual(typesAt(doc, '/things/{id}', 'get', '400'), [`${PROBLEM_BASE_URI}bad-request`, `${PROBLEM_BASE_URI}validation`]);
    assert.deepEqual(typesAt(doc, '/things/{id}', 'get', '503'), [`${PROBLEM_BASE_URI}service-unavailable`]);
    assert.deepEqual(typesAt(doc, '/things/{id}/buy', 'post', '401'), [`${PROBLEM_BASE_URI}account-deleted`, `${PROBLEM_BASE_URI}unauthorized`]);
    assert.deepEqual(typesAt(doc, '/things/{id}/buy', 'post', '403'), [`${PROBLEM_BASE_URI}forbidden`]);
    assert.deepEqual(typesAt(doc, '/things/{id}/buy', 'post', '415'), [`${PROBLEM_BASE_URI}unsupported-media-type`]);
    assert.deepEqual(typesAt(doc, '/things/{id}/buy', 'post', '503'), [`${PROBLEM_BASE_URI}quiesced`, `${PROBLEM_BASE_URI}service-unavailable`]);
  });

  it('refuses a route that declares one status both as a response and as a problem', () => {
    assert.throws(
      () => buildOpenApiDocument([route({ responses: { 200: null, 404: null }, problems: ['not-found'] })], { title: 't', version: '1' }),
      /declares 404 both as a response and as a problem/,
    );
  });
});

describe('input constraints are in the document as checked', () => {
  function inputSchema(schema: z.ZodType): Json {
    const doc = buildOpenApiDocument([route({ method: 'post', body: schema })], { title: 't', version: '1' });
    const operation = ((doc['paths'] as Json)['/things'] as Json)['post'] as Json;
    return (((operation['requestBody'] as Json)['content'] as Json)['application/json'] as Json)['schema'] as Json;
  }

  it('a page limit is an integer of 1 to 100, and only plain digits are read as one', () => {
    assert.deepEqual(inputSchema(z.strictObject({ limit: pageLimitParam }))['properties'], {
      limit: { type: 'integer', minimum: 1, maximum: 100 },
    });
    assert.equal(pageLimitParam.safeParse('100').success, true);
    for (const refused of ['0', '101', '1e2', '+5', ' 5', '', '5.0']) assert.equal(pageLimitParam.safeParse(refused).success, false, refused);
  });

  it('free text: its length in characters (an emoji is one), "not blank" as a pattern, NUL excluded', () => {
    const title = requiredText(3);
    const schema = (inputSchema(z.strictObject({ title }))['properties'] as Json)['title'] as Json;
    assert.equal(schema['maxLength'], 3);
    assert.match(String(schema['pattern']), /^\[\^\\t\\n/, 'not blank: a character trim() keeps');
    assert.deepEqual(schema['allOf'], [{ pattern: '^[^\\u0000]*$' }]);
    assert.equal(title.safeParse('😀😀😀').success, true, 'three characters, six UTF-16 units');
    assert.equal(title.safeParse('😀😀😀😀').success, false);
    assert.equal(title.safeParse(' \t\u00a0').success, false, 'blank');
    assert.equal(title.parse(' a '), 'a', 'stored trimmed');
  });
});

describe('a running app answers as its document says', () => {
  let server: RunningHttpServer;
  let url: string;
  const { logger, lines } = memoryLogger();

  before(async () => {
    const http = createHttpApp({ service: 'test-service', logger });
    const idParams = z.strictObject({ id: z.string().regex(/^[a-z0-9]{1,20}$/) });
    defineRoute(
      http,
      { method: 'get', path: '/things/:id', summary: 'Read', auth: 'public', params: idParams, responses: { 200: z.object({ id: z.string() }) }, problems: ['not-found'] },
      ({ params }) => {
        if (params.id === 'missing') throw problems.notFound();
        if (params.id === 'gone') throw problems.gone('Removed.');
        return { status: 200, body: { id: params.id } };
      },
    );
    defineRoute(
      http,
      { method: 'delete', path: '/things/:id', summary: 'Remove', auth: 'public', params: idParams, responses: { 204: null }, problems: [soldOut] },
      () => {
        throw problemOf(soldOut, 'None left.');
      },
    );
    defineRoute(
      http,
      {
        method: 'get',
        path: '/calendars/:id.ics',
        summary: 'A thing as a calendar file',
        auth: 'public',
        params: idParams,
        responses: { 200: textResponse('text/calendar') },
        problems: ['not-found'],
      },
      ({ params }) => {
        if (params.id === 'missing') throw problems.notFound();
        return { status: 200, body: `BEGIN:VCALENDAR\r\nX-ID:${params.id}\r\nEND:VCALENDAR\r\n`, headers: { 'cache-control': 'no-store' } };
      },
    );
    defineRoute(
      http,
      { method: 'post', path: '/things/special', summary: 'A concrete sibling of /things/:id', auth: 'public', responses: { 204: null } },
      () => ({ status: 204 }),
    );
    defineRoute(
      http,
      {
        method: 'get',
        path: '/things',
        summary: 'List',
        auth: 'public',
        query: z
          .strictObject({ from: z.string().regex(/^\d+$/).optional(), to: z.string().regex(/^\d+$/).optional(), cursor: cursorParam(() => undefined).optional() })
          .refine((q) => q.from === undefined || q.to === undefined || Number(q.from) < Number(q.to), { error: 'must be after from', path: ['to'] }),
        responses: { 200: z.object({}) },
        problems: ['unprocessable'],
      },
      () => ({ status: 200, body: {} }),
    );
    server = await startHttpServer(http.app, { port: 0, host: '127.0.0.1', logger, graceMs: 1000 });
    url = `http://127.0.0.1:${server.port}`;
  });

  after(async () => {
    await server.close();
  });

  const undeclaredLines = () => lines.filter((line) => String(line['msg']).includes('does not declare'));

  it('serves its reference at /api-docs: Swagger UI reading the document beside it, scripts from its own origin only', async () => {
    const html = await fetch(`${url}/api-docs`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/);
    const text = await html.text();
    assert.doesNotMatch(text, /<script>/, 'no inline script');
    for (const asset of [...text.matchAll(/(?:src|href)="(api-docs\/[^"]+)"/g)].map((match) => match[1])) {
      assert.equal((await fetch(`${url}/${asset}`)).status, 200, asset);
    }
    assert.match(await (await fetch(`${url}/api-docs/init.js`)).text(), /'openapi\.json'/);
    const slash = await fetch(`${url}/api-docs/`, { redirect: 'manual' });
    assert.equal(slash.status, 301, 'relative URLs resolve from /api-docs only');
  });

  it('a text body (not JSON) is sent with its declared media type, documented as a string of that type', async () => {
    const reply = await fetch(`${url}/calendars/abc.ics`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(await reply.text(), 'BEGIN:VCALENDAR\r\nX-ID:abc\r\nEND:VCALENDAR\r\n');
    const missing = await fetch(`${url}/calendars/missing.ics`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as Json;
    const operation = ((doc['paths'] as Json)['/calendars/{id}.ics'] as Json)['get'] as Json;
    const ok = (operation['responses'] as Json)['200'] as Json;
    assert.deepEqual(ok['content'], { 'text/calendar': { schema: { type: 'string' } } });
  });

  it('a method the path does not serve is 405 with Allow (GET implies HEAD); an unknown path stays 404', async () => {
    const put = await fetch(`${url}/things/abc`, { method: 'PUT' });
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'DELETE, GET, HEAD');
    assert.equal(((await put.json()) as Json)['type'], `${PROBLEM_BASE_URI}method-not-allowed`);
    const post = await fetch(`${url}/THINGS`, { method: 'POST' });
    assert.equal(post.status, 405, 'paths match case-insensitively, as express routes them');
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    assert.equal((await fetch(`${url}/things/abc/more`, { method: 'PUT' })).status, 404);
  });

  it('a concrete path wins over a templated one, as in OpenAPI: /things/special is never the thing "special"', async () => {
    const get = await fetch(`${url}/things/special`);
    assert.equal(get.status, 405, 'not routed to GET /things/:id');
    assert.equal(get.headers.get('allow'), 'POST');
    const options = await fetch(`${url}/things/special`, { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('allow'), 'POST', 'only the concrete path’s methods');
    assert.equal((await fetch(`${url}/things/special`, { method: 'POST' })).status, 204);
    assert.equal((await fetch(`${url}/things/other`)).status, 200, 'the templated route still serves the rest');
  });

  it('a value the schema admits but a rule refuses is 422 unprocessable; a schema violation stays 400', async () => {
    const rule = await fetch(`${url}/things?from=5&to=3`);
    assert.equal(rule.status, 422);
    const body = (await rule.json()) as Json;
    assert.equal(body['type'], `${PROBLEM_BASE_URI}unprocessable`);
    assert.deepEqual(body['errors'], [{ location: 'query', path: 'to', message: 'must be after from' }]);
    const cursor = await fetch(`${url}/things?cursor=made-up`);
    assert.equal(cursor.status, 422, 'a cursor this API did not issue');
    const schema = await fetch(`${url}/things?from=five`);
    assert.equal(schema.status, 400);
    assert.equal(((await schema.json()) as Json)['type'], `${PROBLEM_BASE_URI}validation`);
  });

  it('a declared problem is answered quietly; an undeclared one is answered and logged as a gap in the document', async () => {
    const declared = await fetch(`${url}/things/missing`);
    assert.equal(declared.status, 404);
    const subtype = await fetch(`${url}/things/abc`, { method: 'DELETE' });
    assert.equal(subtype.status, 409);
    assert.equal(((await subtype.json()) as Json)['type'], `${PROBLEM_BASE_URI}sold-out`);
    assert.deepEqual(undeclaredLines(), []);
    const undeclared = await fetch(`${url}/things/gone`);
    assert.equal(undeclared.status, 410);
    assert.deepEqual(
      undeclaredLines().map((line) => [line['level'], line['problemType']]),
      [[50, `${PROBLEM_BASE_URI}gone`]],
    );
  });
});
