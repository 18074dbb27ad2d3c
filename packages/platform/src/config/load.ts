import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { placeholderProblem, secretKindOf, urlPasswordProblem } from './secrets.js';

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; problems: string[]; message: string };

type Env = Readonly<Record<string, string | undefined>>;

/** Suffix of a variable that names a file holding the value (Docker secrets: /run/secrets/<name>). */
export const FILE_SUFFIX = '_FILE';

/**
 * Parses environment variables with `schema`, collecting every problem at once so an
 * operator fixes them in one go. Empty values count as unset (a common way to "unset"
 * a variable in compose files), so defaults apply to them.
 *
 * A field `X` may instead be given as `X_FILE=<path>` (Docker secrets); the file's content,
 * without its trailing line break, is the value. With NODE_ENV=production every field made with
 * `secret()`/`secretUrl()` must be set explicitly (no development default) and must not be a
 * placeholder (secrets.ts says which values are).
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env = process.env): ConfigResult<z.output<S>> {
  const shape = objectShape(schema);
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') present[key] = value;
  }
  const fromFiles = readFileVariables(Object.keys(shape), present);
  const problems = [...fromFiles.problems];
  /** Variables with a problem already: each is named once. */
  const reported = new Set(fromFiles.failed);

  const result = schema.safeParse(present);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (fromFiles.failed.has(key)) continue;
      reported.add(key);
      const name = issue.path.map(String).join('.');
      const problem =
        name === ''
          ? issue.message
          : issue.path.length === 1 && present[name] === undefined
            ? `${name} is required`
            : `${name} ${issue.message}`;
      if (!problems.includes(problem)) problems.push(problem);
    }
  }
  if (env['NODE_ENV'] === 'production') {
    // A variable already reported (missing, malformed) is not reported twice.
    for (const { key, problem } of productionSecretProblems(shape, present)) {
      if (!reported.has(key)) problems.push(problem);
    }
  }
  if (problems.length > 0 || !result.success) {
    return { ok: false, problems, message: `config error: ${problems.join('; ')}` };
  }
  return { ok: true, config: result.data };
}

/**
 * The configuration of a process, or — when it is wrong — one line on stderr naming
 * every bad variable and exit code 1: a service must not start half-configured.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  const result = parseConfig(schema, env);
  if (result.ok) return result.config;
  process.stderr.write(`${result.message.replace(/[\r\n]+/g, ' ')}\n`);
  process.exit(1);
}

/** The fields of an object schema (refined objects included); other schemas have none we can see. */
function objectShape(schema: z.ZodType): Record<string, unknown> {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
}

/**
 * Replaces, in `present`, each `<key>_FILE` of the schema's keys by the file's content under
 * `<key>`. Returns the problems (both set, unreadable file) and the keys that had one.
 */
function readFileVariables(keys: readonly string[], present: Record<string, string>): { problems: string[]; failed: Set<string> } {
  const problems: string[] = [];
  const failed = new Set<string>();
  for (const key of keys) {
    const fileVariable = `${key}${FILE_SUFFIX}`;
    const path = present[fileVariable];
    if (path === undefined) continue;
    if (present[key] !== undefined) {
      problems.push(`${key} and ${fileVariable} are both set; keep one`);
      failed.add(key);
      continue;
    }
    const content = readSecretFile(path);
    if (!content.ok) {
      problems.push(`${fileVariable} ${content.problem}`);
      failed.add(key);
    } else if (content.value !== '') {
      present[key] = content.value;
    }
  }
  return { problems, failed };
}

type FileRead = { ok: true; value: string } | { ok: false; problem: string };

function readSecretFile(path: string): FileRead {
  try {
    // One trailing line break is what `echo` and editors add; it is never part of a secret.
    return { ok: true, value: readFileSync(path, 'utf8').replace(/\r?\n$/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, problem: `names a file that cannot be read (${code}): ${path}` };
  }
}

/** Production rule for every secret field: given explicitly, and not a value anybody can know. */
function productionSecretProblems(
  shape: Record<string, unknown>,
  present: Record<string, string>,
): { key: string; problem: string }[] {
  const problems: { key: string; problem: string }[] = [];
  const add = (key: string, problem: string) => problems.push({ key, problem });
  for (const [key, field] of Object.entries(shape)) {
    const kind = secretKindOf(field);
    if (kind === undefined) continue;
    const value = present[key];
    if (kind === 'value') {
      // `secret().optional()` left unset is a feature turned off (e.g. OPS_TOKEN with a loopback
      // ops listener); a secret with a development default is still required.
      if (value === undefined && field instanceof z.ZodOptional) continue;
      if (value === undefined) {
        add(key, `${key} is required in production (no development default applies)`);
        continue;
      }
      const problem = placeholderProblem(value);
      if (problem !== undefined) add(key, `${key} ${problem}; production needs a real secret`);
    } else {
      // An optional URL left unset is a feature turned off, not a weak secret.
      if (value === undefined) continue;
      // A list of URLs (AMQP_URL naming cluster members): every entry needs a real password.
      const problem = urlPasswordProblem(value);
      if (problem === undefined) continue;
      if (problem.startsWith('has no password')) add(key, `${key} ${problem}; production connects with credentials`);
      else add(key, `${key}'s ${problem}; production needs a real secret`);
    }
  }
  return problems;
}
