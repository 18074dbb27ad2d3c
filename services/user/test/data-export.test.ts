import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ExportPartSource, ExportSections } from '@eventonight/contracts';
import { createVhost, deleteVhost, EventTap, startTestIssuer, uniqueName, Upstream, waitFor, type TestIssuer } from '@eventonight/testing';
import { strFromU8, unzipSync } from 'fflate';
import { call, startUserService, type StartedService } from './helpers.js';

/**
 * Data exports against the real RabbitMQ and FerretDB: the user service asks every service
 * (`user.export.requested`), the six others are played here with the testing Upstream
 * (`<service>.export.part`), and the archive is read back with fflate. On a virtual host of its
 * own: other test files' services would answer these requests on the shared one.
 */

const DAY = 24 * 3_600_000;
const OTHERS: ExportPartSource[] = ['event', 'interaction', 'chat', 'ticketing', 'notification', 'media'];

interface ExportView {
  exportId: string;
  status: string;
  requestedAt: string;
  readyAt: string | null;
  expiresAt: string | null;
  receivedParts: string[];
  missingParts: string[];
}

/** RFC 4180 CSV → rows of cells (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('data exports', () => {
  let issuer: TestIssuer;
  let started: StartedService;
  let base: string;
  let upstream: Upstream;
  let tap: EventTap;
  /** The service's clock is the real one plus this offset (expiry without waiting a week). */
  let clockOffsetMs = 0;
  const vhost = uniqueName('user-exports');
  let amqpUrl: string;

  before(async () => {
    amqpUrl = await createVhost(vhost);
    issuer = await startTestIssuer();
    started = await startUserService({
      jwksUrl: issuer.jwksUrl,
      issuer: issuer.issuer,
      overrides: { clock: () => new Date(Date.now() + clockOffsetMs) },
      // Only its first run at start: the test below runs the sweep with a second instance.
      amqpUrl,
      env: { USER_EXPORT_SWEEP_INTERVAL_MS: String(3_600_000) },
    });
    base = started.service.url;
    upstream = await Upstream.open(amqpUrl);
    tap = await EventTap.open(['user.export.requested'], amqpUrl);
  });

  after(async () => {
    await tap?.close();
    await upstream?.close();
    await started?.close();
    await issuer?.close();
    await deleteVhost(vhost).catch(() => undefined);
  });

  async function member(name = 'Mia Member', roles = ['member']): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    const token = await issuer.mint({ sub: id, roles, name, email: `${id}@example.test` });
    assert.equal((await call(base, 'GET', '/users/me', { token })).status, 200);
    return { id, token };
  }

  function sendPart(source: ExportPartSource, exportId: string, userId: string, sections: ExportSections): void {
    upstream.publish(upstream.event(`${source}.export.part`, { exportId, userId, sections }, exportId, 1));
  }

  async function exportsOf(token: string): Promise<ExportView[]> {
    const listed = await call(base, 'GET', '/users/me/exports', { token });
    assert.equal(listed.status, 200);
    return listed.body['items'] as ExportView[];
  }

  async function waitForStatus(token: string, exportId: string, status: string, parts?: number): Promise<ExportView> {
    return waitFor(
      async () => (await exportsOf(token)).find((each) => each.exportId === exportId && each.status === status && (parts === undefined || each.receivedParts.length === parts)),
      { what: `export ${exportId} ${status}` },
    );
  }

  /** Requests an export, answers it as the six other services, waits until it is ready. */
  async function readyExport(person: { id: string; token: string }, sections: (source: ExportPartSource) => ExportSections = () => ({})): Promise<string> {
    const requested = await call(base, 'POST', '/users/me/exports', { token: person.token });
    assert.equal(requested.status, 202);
    const exportId = String(requested.body['exportId']);
    for (const source of OTHERS) sendPart(source, exportId, person.id, sections(source));
    await waitForStatus(person.token, exportId, 'ready');
    return exportId;
  }

  it('publishes user.export.requested, assembles the parts as they arrive, and is ready with the seventh', async () => {
    const person = await member('Ada Export');
    const requested = await call(base, 'POST', '/users/me/exports', { token: person.token });
    assert.equal(requested.status, 202);
    const exportId = String(requested.body['exportId']);
    assert.equal(requested.headers.get('location'), `/users/me/exports/${exportId}`);
    assert.equal(requested.body['status'], 'preparing');
    assert.equal(requested.body['expiresAt'], null);

    const event = await tap.waitFor('user.export.requested', (e) => e.data.exportId === exportId);
    assert.deepEqual(event.data, { exportId, userId: person.id });

    // Its own part arrives through its own request event.
    await waitForStatus(person.token, exportId, 'preparing', 1);
    const afterOwn = (await exportsOf(person.token)).find((each) => each.exportId === exportId);
    assert.deepEqual(afterOwn?.receivedParts, ['user']);
    assert.deepEqual(afterOwn?.missingParts, OTHERS);

    // Asked again while it is being prepared: the same export, no second request on the bus.
    const again = await call(base, 'POST', '/users/me/exports', { token: person.token });
    assert.equal(again.status, 202);
    assert.equal(again.body['exportId'], exportId);

    for (const source of OTHERS.slice(0, 5)) sendPart(source, exportId, person.id, { things: [{ what: source }] });
    const six = await waitForStatus(person.token, exportId, 'preparing', 6);
    assert.deepEqual(six.missingParts, ['media']);
    assert.equal((await call(base, 'GET', `/users/me/exports/${exportId}/archive`, { token: person.token })).status, 409);

    const beforeReady = Date.now();
    sendPart('media', exportId, person.id, { assets: [] });
    const ready = await waitForStatus(person.token, exportId, 'ready');
    assert.deepEqual(ready.missingParts, []);
    assert.equal(ready.receivedParts.length, 7);
    const expiresIn = Date.parse(ready.expiresAt ?? '') - Date.parse(ready.readyAt ?? '');
    assert.equal(expiresIn, 7 * DAY);
    assert.ok(Date.parse(ready.readyAt ?? '') >= beforeReady - 1_000);

    assert.equal(tap.ofType('user.export.requested').filter((e) => e.data.userId === person.id).length, 1);
    // Ready: a new request starts a new export.
    const fresh = await call(base, 'POST', '/users/me/exports', { token: person.token });
    assert.equal(fresh.status, 202);
    assert.notEqual(fresh.body['exportId'], exportId);
    const listed = await exportsOf(person.token);
    assert.deepEqual(listed.map((each) => each.exportId), [String(fresh.body['exportId']), exportId]);
  });

  it('stores a redelivered part once; parts for another user or an unknown export change nothing', async () => {
    const person = await member();
    const requested = await call(base, 'POST', '/users/me/exports', { token: person.token });
    const exportId = String(requested.body['exportId']);
    await waitForStatus(person.token, exportId, 'preparing', 1);
    const parts = started.database.db.collection('export_parts_received');

    sendPart('chat', exportId, person.id, { messages: [{ text: 'first' }] });
    await waitForStatus(person.token, exportId, 'preparing', 2);
    // A redelivery (here with other rows, to tell them apart), another user's, an unknown export's.
    sendPart('chat', exportId, person.id, { messages: [{ text: 'second copy' }] });
    sendPart('event', exportId, randomUUID(), { events: [{ title: 'not yours' }] });
    sendPart('event', randomUUID(), person.id, { events: [{ title: 'no such export' }] });
    await new Promise((resolve) => setTimeout(resolve, 800));

    const stored = await parts.find({ exportId } as never).toArray();
    assert.deepEqual(stored.map((part) => part['source']).sort(), ['chat', 'user']);
    const chat = stored.find((part) => part['source'] === 'chat');
    assert.deepEqual(JSON.parse(String(chat?.['sectionsJson'])), { messages: [{ text: 'first' }] });
    const view = (await exportsOf(person.token)).find((each) => each.exportId === exportId);
    assert.deepEqual(view?.receivedParts, ['user', 'chat']);
    assert.equal(await parts.countDocuments({ userId: person.id, source: 'event' } as never), 0);
  });

  it('zips data.json, one CSV per non-empty section (formula-looking text escaped) and a README', async () => {
    const person = await member('Zoë "Zed" Quinn', ['organization']);
    assert.equal(
      (await call(base, 'PATCH', '/users/me', { token: person.token, body: { city: 'Bologna', preferences: { categories: ['music', 'art'] } } })).status,
      200,
    );
    const exportId = await readyExport(person, (source): ExportSections =>
      source === 'chat'
        ? {
            messages: [
              { conversation_with: 'Deleted member', sent_at: '2026-05-01T20:00:00.000Z', text: '=HYPERLINK("http://evil.example","click")', mine: true, amount: null },
              { conversation_with: 'Bo', sent_at: '2026-05-01T20:01:00.000Z', text: 'see you, at 8\nline two', mine: false, amount: -5 },
            ],
            conversations: [],
          }
        : source === 'ticketing'
          ? { tickets: [{ ticket_code: 'ABC-123', status: 'valid', price_eur: 12.5 }] }
          : {},
    );

    const archive = await fetch(`${base}/users/me/exports/${exportId}/archive`, { headers: { authorization: `Bearer ${person.token}` } });
    assert.equal(archive.status, 200);
    assert.equal(archive.headers.get('content-type'), 'application/zip');
    const requestedOn = new Date().toISOString().slice(0, 10);
    assert.equal(archive.headers.get('content-disposition'), `attachment; filename="eventonight-data-${requestedOn}.zip"`);
    assert.equal(archive.headers.get('cache-control'), 'private, no-store');

    const files = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    assert.deepEqual(Object.keys(files).sort(), [
      'README.txt',
      'chat-messages.csv',
      'data.json',
      'ticketing-tickets.csv',
      'user-organization.csv',
      'user-preferences.csv',
      'user-profile.csv',
    ]);

    const data = JSON.parse(strFromU8(files['data.json'] ?? new Uint8Array())) as {
      exportId: string;
      accountId: string;
      sources: Record<string, Record<string, Array<Record<string, unknown>>>>;
    };
    assert.equal(data.exportId, exportId);
    assert.equal(data.accountId, person.id);
    assert.deepEqual(Object.keys(data.sources), ['user', 'event', 'interaction', 'chat', 'ticketing', 'notification', 'media']);
    assert.equal(data.sources['user']?.['profile']?.[0]?.['email'], `${person.id}@example.test`);
    assert.equal(data.sources['user']?.['profile']?.[0]?.['display_name'], 'Zoë "Zed" Quinn');
    assert.equal(data.sources['user']?.['profile']?.[0]?.['city'], 'Bologna');
    assert.deepEqual(data.sources['user']?.['preferences'], [{ preferred_category: 'Music' }, { preferred_category: 'Art' }]);
    assert.deepEqual(data.sources['chat']?.['conversations'], []);
    // data.json keeps the values as they are; only the CSVs escape.
    assert.equal(data.sources['chat']?.['messages']?.[0]?.['text'], '=HYPERLINK("http://evil.example","click")');

    const csv = (name: string) => {
      const bytes = files[name] ?? new Uint8Array();
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} starts with the UTF-8 byte order mark`);
      const text = strFromU8(bytes.subarray(3));
      assert.ok(text.endsWith('\r\n'), `${name} ends its last line with CRLF`);
      return parseCsv(text);
    };
    assert.deepEqual(csv('chat-messages.csv'), [
      ['conversation_with', 'sent_at', 'text', 'mine', 'amount'],
      ['Deleted member', '2026-05-01T20:00:00.000Z', `'=HYPERLINK("http://evil.example","click")`, 'true', ''],
      ['Bo', '2026-05-01T20:01:00.000Z', 'see you, at 8\nline two', 'false', '-5'],
    ]);
    const profile = csv('user-profile.csv');
    assert.equal(profile[0]?.[0], 'account_id');
    assert.equal(profile[1]?.[profile[0]?.indexOf('display_name') ?? -1], 'Zoë "Zed" Quinn');
    assert.deepEqual(csv('ticketing-tickets.csv'), [['ticket_code', 'status', 'price_eur'], ['ABC-123', 'valid', '12.5']]);
    assert.deepEqual(csv('user-organization.csv')[0], ['organization_name', 'description', 'website']);

    const readme = strFromU8(files['README.txt'] ?? new Uint8Array());
    assert.match(readme, /data\.json/);
    assert.match(readme, /chat-messages\.csv: 2 rows/);
    assert.match(readme, /conversations: none/);
    assert.match(readme, /media: The images you uploaded\r\n {4}none/);
  });

  it('shows an export only to its owner: another user gets 404, and the list is per user', async () => {
    const owner = await member();
    const other = await member('Otto Other');
    const exportId = await readyExport(owner);
    const stolen = await call(base, 'GET', `/users/me/exports/${exportId}/archive`, { token: other.token });
    assert.equal(stolen.status, 404);
    assert.equal(stolen.body['type'], 'https://eventonight.dev/problems/not-found');
    assert.equal((await call(base, 'GET', `/users/me/exports/${randomUUID()}/archive`, { token: owner.token })).status, 404);
    assert.equal((await call(base, 'GET', `/users/me/exports/${exportId}/archive`)).status, 401);
    assert.deepEqual(await exportsOf(other.token), []);
    const notAnId = await call(base, 'GET', `/users/me/exports/${encodeURIComponent('é')}/archive`, { token: owner.token });
    assert.equal(notAnId.status, 400, 'an export id is ASCII, as documented');
    assert.equal(notAnId.body['type'], 'https://eventonight.dev/problems/validation');
  });

  it('answers 410 once the 7 days are over; the sweep then deletes the export and its parts', async () => {
    const person = await member();
    const exportId = await readyExport(person, () => ({ rows: [{ a: 1 }] }));
    const parts = started.database.db.collection('export_parts_received');
    assert.equal(await parts.countDocuments({ exportId } as never), 7);

    clockOffsetMs = 7 * DAY + 60_000;
    try {
      const gone = await call(base, 'GET', `/users/me/exports/${exportId}/archive`, { token: person.token });
      assert.equal(gone.status, 410);
      assert.equal(gone.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(gone.body['type'], 'https://eventonight.dev/problems/export-expired');
      assert.equal(gone.body['status'], 410);
      assert.equal((await exportsOf(person.token)).find((each) => each.exportId === exportId)?.status, 'expired');

      // A second instance on the same database, whose sweep runs at its start with the same clock;
      // the first one's lease (its sweep runs hourly) is handed over as if it had stopped.
      await started.database.db.collection('job_leases').updateOne({ _id: 'sweep-exports' } as never, { $set: { owner: '', until: new Date(0) } });
      const sweeper = await startUserService({
        jwksUrl: issuer.jwksUrl,
        issuer: issuer.issuer,
        database: started.database,
        overrides: { clock: () => new Date(Date.now() + clockOffsetMs) },
        amqpUrl,
        env: { USER_EXPORT_SWEEP_INTERVAL_MS: '200' },
      });
      try {
        const exports = started.database.db.collection('exports');
        await waitFor(async () => ((await exports.countDocuments({ _id: exportId } as never)) === 0 ? true : undefined), { what: 'export swept' });
        assert.equal(await parts.countDocuments({ exportId } as never), 0);
      } finally {
        await sweeper.close();
      }
      assert.equal((await call(base, 'GET', `/users/me/exports/${exportId}/archive`, { token: person.token })).status, 404);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('starts a new export when the open one is over an hour old and still incomplete', async () => {
    const person = await member();
    const first = await call(base, 'POST', '/users/me/exports', { token: person.token });
    const firstId = String(first.body['exportId']);
    clockOffsetMs = 61 * 60_000;
    try {
      assert.equal((await exportsOf(person.token))[0]?.status, 'incomplete');
      const second = await call(base, 'POST', '/users/me/exports', { token: person.token });
      assert.equal(second.status, 202);
      assert.notEqual(second.body['exportId'], firstId);
      assert.equal(second.body['status'], 'preparing');
      const again = await call(base, 'POST', '/users/me/exports', { token: person.token });
      assert.equal(again.body['exportId'], second.body['exportId']);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('opens one export for simultaneous requests', async () => {
    const person = await member();
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(base, 'POST', '/users/me/exports', { token: person.token })));
    assert.deepEqual(answers.map((answer) => answer.status), [202, 202, 202, 202, 202, 202]);
    assert.equal(new Set(answers.map((answer) => answer.body['exportId'])).size, 1);
    assert.equal((await exportsOf(person.token)).length, 1);
  });
});
