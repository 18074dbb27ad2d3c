import createClient, { type Client } from 'openapi-fetch';
import type { ApiName, RuntimeConfig } from '../config/runtime-config';
import { ApiError, isProblem, isProblemType } from '../ui/problem';
import type { paths as ChatPaths } from './generated/chat';
import type { paths as EventPaths } from './generated/event';
import type { paths as InteractionPaths } from './generated/interaction';
import type { paths as MediaPaths } from './generated/media';
import type { paths as NotificationPaths } from './generated/notification';
import type { paths as TicketingPaths } from './generated/ticketing';
import type { paths as UserPaths } from './generated/user';

/** One typed client per service, each generated from that service's /openapi.json. */
export interface Api {
  user: Client<UserPaths>;
  event: Client<EventPaths>;
  interaction: Client<InteractionPaths>;
  chat: Client<ChatPaths>;
  ticketing: Client<TicketingPaths>;
  notification: Client<NotificationPaths>;
  media: Client<MediaPaths>;
}

/** Where the API client gets its bearer token, and how it recovers from a 401. */
export interface TokenSource {
  /** A fresh access token, or null when nobody is signed in. */
  accessToken(): Promise<string | null>;
  /** Called once after a 401 with a token: renew and return the new token, or null (signed out). */
  renewAfterRejection(): Promise<string | null>;
  /** A service refused the token because its account was deleted (ADR 0027): sign out here, no renewal. */
  accountDeleted(): void;
}

const NO_ANSWER = { type: 'network', title: 'No answer', status: 0, detail: '' };

/** Whether a 401 says the account itself is gone (`account-deleted`), not just the token. */
async function saysAccountDeleted(response: Response): Promise<boolean> {
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return false;
  try {
    const body: unknown = await response.clone().json();
    return isProblem(body) && isProblemType(body, 'account-deleted');
  } catch {
    return false;
  }
}

/**
 * Sends with the bearer token; a 401 gets one renewal and one retry, then is the caller's. A 401
 * `account-deleted` is final: renewing cannot help, the person is signed out and the caller gets it.
 */
export function authorizedFetch(tokens: TokenSource): (request: Request) => Promise<Response> {
  const send = async (request: Request): Promise<Response> => {
    try {
      return await fetch(request);
    } catch {
      throw new ApiError(NO_ANSWER);
    }
  };
  return async (request) => {
    const retry = request.clone();
    const token = await tokens.accessToken();
    if (token !== null) request.headers.set('authorization', `Bearer ${token}`);
    const response = await send(request);
    if (response.status !== 401 || token === null) return response;
    if (await saysAccountDeleted(response)) {
      tokens.accountDeleted();
      return response;
    }
    const renewed = await tokens.renewAfterRejection();
    if (renewed === null) return response;
    retry.headers.set('authorization', `Bearer ${renewed}`);
    return send(retry);
  };
}

export function createApi(config: RuntimeConfig, tokens: TokenSource): Api {
  const fetcher = authorizedFetch(tokens);
  const client = <Paths extends object>(name: ApiName): Client<Paths> => createClient<Paths>({ baseUrl: config.api[name], fetch: fetcher });
  return {
    user: client<UserPaths>('user'),
    event: client<EventPaths>('event'),
    interaction: client<InteractionPaths>('interaction'),
    chat: client<ChatPaths>('chat'),
    ticketing: client<TicketingPaths>('ticketing'),
    notification: client<NotificationPaths>('notification'),
    media: client<MediaPaths>('media'),
  };
}

/**
 * The body of a successful call, or an ApiError carrying the problem (a network failure
 * becomes status 0), so every page handles one kind of failure.
 */
export async function call<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(NO_ANSWER);
  }
  if (result.response.ok) return result.data as D;
  if (isProblem(result.error)) throw new ApiError(result.error);
  const status = result.response.status;
  throw new ApiError({ type: status >= 500 ? 'internal' : 'http', title: result.response.statusText, status, detail: '' });
}
