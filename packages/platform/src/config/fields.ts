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
  return z.string({ error: message }).refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
    },
    { error: message },
  );
}

export function httpUrl() {
  return url(['http', 'https']);
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
