import { z } from 'zod';
import { firstHostForm, nonEmptyString, splitUrlList, url, urlList } from './fields.js';

/**
 * Secrets in the configuration. A field made with `secret()` or `secretUrl()` is an ordinary
 * string to zod; the loader (load.ts) looks its kind up here and, when NODE_ENV=production,
 * refuses an unset, defaulted or placeholder value. Kept in a registry rather than in the field's
 * own validation because the rule depends on the environment being parsed, not on the value alone.
 */
export type SecretKind =
  /** The whole value is the secret. */
  | 'value'
  /** A URL whose password (user-info) is the secret; production requires one. */
  | 'url-password';

export const secretFields = z.registry<{ secretKind: SecretKind }>();

export interface SecretOptions {
  /**
   * Used when the variable is unset outside production (local runs, tests). Production never
   * falls back to it: an unset secret is an error there.
   */
  devDefault?: string;
  /** Minimum length, checked in every environment (e.g. a password policy). */
  minLength?: number;
}

/** A secret string: never echoed, required and not a placeholder in production. */
export function secret(options: SecretOptions = {}) {
  let field = nonEmptyString();
  if (options.minLength !== undefined) {
    const message = `must be at least ${options.minLength} characters`;
    field = field.min(options.minLength, { error: message });
  }
  field.register(secretFields, { secretKind: 'value' });
  return options.devDefault === undefined ? field : field.default(options.devDefault);
}

/** A URL (scheme among `protocols`) carrying a password: in production it must have a real one. */
export function secretUrl(protocols: readonly string[]) {
  const field = url(protocols);
  field.register(secretFields, { secretKind: 'url-password' });
  return field;
}

/**
 * One or more URLs separated by commas (fields.ts `urlList`), each carrying a password: in
 * production every entry must have a real one.
 */
export function secretUrlList(protocols: readonly string[]) {
  const field = urlList(protocols);
  field.register(secretFields, { secretKind: 'url-password' });
  return field;
}

/**
 * Values known to be public: the words used by example files, and the development defaults that
 * this repository itself ships (infra/env.sh, the local realm overlay, the seed).
 */
const PLACEHOLDER_WORDS = ['change-me', 'changeme', 'change_me', 'replace', 'placeholder', 'example', 'dummy', 'your-', 'todo', 'xxxx'];
const KNOWN_DEV_VALUES = new Set([
  'admin',
  'guest',
  'password',
  'secret',
  'minioadmin',
  'user-service-secret',
  'event-service-secret',
  'eventonight-secret',
  'whsec_local_development_only',
  'sk_test_123',
  'demo-night-2024!',
  'local-unsubscribe-links-only',
]);
/** Shorter than this is guessable or typed by hand; generated secrets (`openssl rand -hex 32`) are 64. */
export const MIN_PRODUCTION_SECRET_LENGTH = 16;

/**
 * Why `value` cannot be a production secret, as a phrase that follows the variable's name, or
 * undefined when it can. The phrase never contains the value.
 */
export function placeholderProblem(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return 'is empty';
  const lower = trimmed.toLowerCase();
  if (KNOWN_DEV_VALUES.has(lower)) return 'is a development default published in the repository';
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word !== undefined) return `looks like a placeholder (contains "${word}")`;
  if (trimmed.length < MIN_PRODUCTION_SECRET_LENGTH) return `is shorter than ${MIN_PRODUCTION_SECRET_LENGTH} characters`;
  return undefined;
}

/** The password inside a URL's user-info (decoded), or undefined when there is none. */
export function urlPassword(value: string): string | undefined {
  const single = firstHostForm(value); // mongodb://u:p@a:27017,b:27017/db: one user-info for all hosts
  if (single === undefined || !URL.canParse(single)) return undefined;
  const password = new URL(single).password;
  return password === '' ? undefined : decodeURIComponent(password);
}

/**
 * Why the URL — or each URL of a comma-separated list (`secretUrlList`) — cannot carry production
 * credentials: a phrase that follows the variable's name, or undefined when every entry has a real
 * password. Names an entry by its position, never by its content.
 */
export function urlPasswordProblem(value: string): string | undefined {
  const entries = splitUrlList(value);
  for (const [index, entry] of entries.entries()) {
    const which = entries.length === 1 ? '' : ` (entry ${index + 1} of ${entries.length})`;
    const password = urlPassword(entry);
    if (password === undefined) return `has no password${which}`;
    const problem = placeholderProblem(password);
    if (problem !== undefined) return `password${which} ${problem}`;
  }
  return undefined;
}

/** The registered kind of a config field, looking through optional/default/pipe wrappers. */
export function secretKindOf(field: unknown): SecretKind | undefined {
  let current: unknown = field;
  for (let depth = 0; depth < 8 && current instanceof z.ZodType; depth++) {
    const meta = secretFields.get(current);
    if (meta !== undefined) return meta.secretKind;
    const def = (current as { _zod: { def: { innerType?: unknown; in?: unknown } } })._zod.def;
    current = def.innerType ?? def.in;
  }
  return undefined;
}
