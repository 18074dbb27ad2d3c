import { afterEach, describe, expect, it, vi } from 'vitest';
import { authorizedFetch, type TokenSource } from '../src/api/client';
import { handshakeRefusedForDeletion, sessionExpiredForDeletion } from '../src/notifications/socket-signals';

const problemResponse = (status: number, type: string): Response =>
  new Response(JSON.stringify({ type: `https://eventonight.dev/problems/${type}`, title: type, status, detail: '' }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

function tokens(): TokenSource & { renewals: number; deletions: number } {
  const source = {
    renewals: 0,
    deletions: 0,
    accessToken: () => Promise.resolve('old-token'),
    renewAfterRejection: () => {
      source.renewals += 1;
      return Promise.resolve('new-token');
    },
    accountDeleted: () => {
      source.deletions += 1;
    },
  };
  return source;
}

afterEach(() => vi.unstubAllGlobals());

describe('a deleted account’s token', () => {
  it('401 account-deleted signs the person out at once: no renewal, no retry, the caller gets the problem', async () => {
    const sent: string[] = [];
    vi.stubGlobal('fetch', (request: Request) => {
      sent.push(request.headers.get('authorization') ?? '');
      return Promise.resolve(problemResponse(401, 'account-deleted'));
    });
    const source = tokens();
    const response = await authorizedFetch(source)(new Request('http://api.test/users/me'));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { type: string }).type).toMatch(/account-deleted$/);
    expect(sent).toEqual(['Bearer old-token']);
    expect({ renewals: source.renewals, deletions: source.deletions }).toEqual({ renewals: 0, deletions: 1 });
  });

  it('any other 401 is still renewed once and retried', async () => {
    const sent: string[] = [];
    vi.stubGlobal('fetch', (request: Request) => {
      sent.push(request.headers.get('authorization') ?? '');
      return Promise.resolve(sent.length === 1 ? problemResponse(401, 'unauthorized') : new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
    });
    const source = tokens();
    const response = await authorizedFetch(source)(new Request('http://api.test/users/me'));
    expect(response.status).toBe(200);
    expect(sent).toEqual(['Bearer old-token', 'Bearer new-token']);
    expect({ renewals: source.renewals, deletions: source.deletions }).toEqual({ renewals: 1, deletions: 0 });
  });

  it('the notification socket’s signals of a deleted account are told apart from an expired token', () => {
    expect(sessionExpiredForDeletion({ reason: 'account deleted' })).toBe(true);
    expect(sessionExpiredForDeletion({ reason: 'access token expired; connect again with a fresh one' })).toBe(false);
    expect(sessionExpiredForDeletion(undefined)).toBe(false);
    const refused = Object.assign(new Error('unauthorized: this account has been deleted'), { data: { status: 401, reason: 'account-deleted' } });
    expect(handshakeRefusedForDeletion(refused)).toBe(true);
    expect(handshakeRefusedForDeletion(Object.assign(new Error('unauthorized'), { data: { status: 401, reason: 'expired' } }))).toBe(false);
    expect(handshakeRefusedForDeletion(new Error('xhr poll error'))).toBe(false);
  });
});
