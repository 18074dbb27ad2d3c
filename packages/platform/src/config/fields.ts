import { z } from 'zod';

/**
 * Reusable zod fields for environment variables. Every value arrives as a string;
 * each helper states its rule in a message that reads after the variable's name
 * ("PORT must be ..."), and never repeats the value, which may be a secret.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface PortOptions {
  /** Accept 0 (the OS picks a free port), which tests and launchers use. */
  allowEphemeral?: boolean;
}

export function port(options: PortOptions = {}) {
  const min = options.allowEphemeral === true ? 0 : 1;
  const message = `must be an integer between ${min} and 65535`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,5}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(65535, { error: message }));
}

/** A URL whose scheme is one of `protocols` (without the colon), e.g. ['mongodb', 'mongodb+srv']. */
export function url(protocols: readonly string[]) {
  const message = `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`;
  return z.string({ error: message }).refine((value) => isUrlOf(value, protocols), { error: message });
}

/**
 * One or more URLs (scheme among `protocols`) separated by commas, e.g. the members of a RabbitMQ
 * cluster: `amqp://u:p@rabbitmq-1:5672,amqp://u:p@rabbitmq-2:5672`. Each entry is a whole URL of
 * its own (a host list inside one URL, `amqp://a,b`, is refused: AMQP clients connect to one host).
 * The value stays the string it was; `splitUrlList` gives the entries.
 */
export function urlList(protocols: readonly string[]) {
  const schemes = protocols.map((p) => `${p}://`).join(' or ');
  const single = `must be a URL starting with ${schemes}`;
  return z.string({ error: single }).superRefine((value, context) => {
    const entries = splitUrlList(value);
    const bad = entries.findIndex((entry) => entry === '' || firstHostForm(entry) !== entry || !isUrlOf(entry, protocols));
    if (bad === -1) return;
    // The entry is named by its position: it may hold a password.
    const message =
      entries.length === 1
        ? single
        : `must be URLs starting with ${schemes}, separated by commas (entry ${bad + 1} of ${entries.length} is not one)`;
    context.addIssue({ code: 'custom', message });
  });
}

/**
 * The entries of a comma-separated list of URLs. A comma starts a new entry only where a scheme
 * (`name://`) follows, so a comma inside an entry (a password, a query) stays in it. A single URL
 * is a list of one.
 */
export function splitUrlList(value: string): string[] {
  return value.split(/,(?=\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/)/).map((entry) => entry.trim());
}

/**
 * `value` with only the first host when its authority lists several (`mongodb://u:p@a:27017,b:27017/db`,
 * MongoDB's replica-set form), which WHATWG URL parsing refuses when the hosts carry ports.
 * Undefined when a host in the list is malformed. Other values are returned as they are.
 */
export function firstHostForm(value: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*@)?([^/?#@]*)(.*)$/s.exec(value);
  if (match === null) return value;
  const [, scheme = '', userInfo = '', hosts = '', rest = ''] = match;
  if (!hosts.includes(',')) return value;
  const list = hosts.split(',');
  if (!list.every((host) => /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%-]+)(:\d{1,5})?$/.test(host))) return undefined;
  return `${scheme}${userInfo}${list[0]}${rest}`;
}

function isUrlOf(value: string, protocols: readonly string[]): boolean {
  const single = firstHostForm(value);
  if (single === undefined || !URL.canParse(single)) return false;
  return protocols.includes(new URL(single).protocol.replace(/:$/, ''));
}

export function httpUrl() {
  return url(['http', 'https']);
}

/**
 * The web app's origin (no trailing slash), for links a service writes into what it hands out:
 * mail, calendar files. The default is the local gateway's app host.
 */
export function appUrl() {
  return httpUrl()
    .default('http://app.localhost:8000')
    .transform((value) => value.replace(/\/+$/, ''));
}

export function nonEmptyString() {
  return z.string({ error: 'must be a non-empty string' }).trim().min(1, { error: 'must be a non-empty string' });
}

export function positiveInt(defaultValue?: number) {
  const message = 'must be a positive integer';
  const field = z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,15}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: message }));
  // `.default` takes the parsed (output) value in zod v4, so the number is used as is.
  return defaultValue === undefined ? field : field.default(defaultValue);
}

/** A whole number of zero or more (e.g. a duration in ms that may be switched off with 0). */
export function wholeNumber(defaultValue: number) {
  const message = 'must be a whole number (0 or more)';
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,15}$/, { error: message })
    .transform(Number)
    .default(defaultValue);
}

/** An on/off switch: `1`/`true` on, `0`/`false` (or unset) off. */
export function flag() {
  return z
    .enum(['0', '1', 'true', 'false'], { error: 'must be 1, 0, true or false' })
    .default('0')
    .transform((value) => value === '1' || value === 'true');
}

export function logLevel(defaultValue: LogLevel = 'info') {
  return z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default(defaultValue);
}

/**
 * A MongoDB write concern's `w`: `majority` or a whole number of members, at least 1. Not 0: an
 * unacknowledged write reports no matched count, and every optimistic version check (ADR 0001)
 * reads one; FerretDB also fails on `w: 0` (checked: the driver gets no reply it can parse).
 */
export function mongoWriteConcern() {
  const message = 'must be majority or a whole number of at least 1 (0, unacknowledged writes, would hide the version checks)';
  return z
    .string({ error: message })
    .trim()
    .regex(/^(majority|[1-9]\d?)$/, { error: message })
    .transform((value): 'majority' | number => (value === 'majority' ? value : Number(value)));
}

/** A MongoDB read concern level, among those FerretDB, a standalone mongod and a replica set all accept. */
export function mongoReadConcern() {
  return z.enum(['local', 'majority'], { error: 'must be local or majority' });
}

/** A body-parser size such as `100kb`, `1mb` or a plain byte count. */
export function byteSize(defaultValue: string) {
  const message = 'must be a size such as 512b, 100kb or 1mb';
  return z
    .string({ error: message })
    .trim()
    .toLowerCase()
    .regex(/^\d{1,9}(b|kb|mb)?$/, { error: message })
    .default(defaultValue);
}
