import { createServer } from 'node:net';

export interface Reply {
  status: number;
  /** The parsed JSON body, or {} when the response had none. */
  body: Record<string, unknown>;
  headers: Headers;
  /** How long the call took, for tests of bounded waits. */
  ms: number;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (e.g. malformed JSON, or bytes that must be signed exactly). */
  raw?: string;
  headers?: Record<string, string>;
}

/** One HTTP call to a service under test, the way a client makes it. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const startedAt = Date.now();
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
    ms: Date.now() - startedAt,
  };
}

/** Ports this process handed out: a released port can come back from the kernel at once. */
const handedOut = new Set<number>();

/**
 * A TCP port free at the moment of asking, for a child process that cannot take port 0; never
 * one this process handed out before: callers take several before any is bound (a system's
 * services and their ops listeners).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (address === null || typeof address === 'string') throw new Error('no port');
    if (handedOut.has(address.port)) continue;
    handedOut.add(address.port);
    return address.port;
  }
  throw new Error('no port that was not handed out already');
}
