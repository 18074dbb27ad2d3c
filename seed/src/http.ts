/** A small JSON client for the services' REST APIs. */

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly reply: Reply,
  ) {
    super(`${method} ${url} → HTTP ${reply.status}: ${JSON.stringify(reply.body).slice(0, 500)}`);
  }
}

const TIMEOUT_MS = 10_000;

export async function request(
  method: string,
  url: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Error(`${method} ${url} failed: ${reason} (is the service running? \`npm run up\`)`, { cause: error });
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  if (text !== '') {
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
  }
  return { status: response.status, body };
}

/** `request` that throws unless the status is one of `expected`. */
export async function expect(
  expected: readonly number[],
  method: string,
  url: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply> {
  const reply = await request(method, url, options);
  if (!expected.includes(reply.status)) throw new HttpError(method, url, reply);
  return reply;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
