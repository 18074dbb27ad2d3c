import type { z } from 'zod';

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; problems: string[]; message: string };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses environment variables with `schema`, collecting every problem at once so an
 * operator fixes them in one go. Empty values count as unset (a common way to "unset"
 * a variable in compose files), so defaults apply to them.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env = process.env): ConfigResult<z.output<S>> {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') present[key] = value;
  }
  const result = schema.safeParse(present);
  if (result.success) return { ok: true, config: result.data };

  const problems: string[] = [];
  for (const issue of result.error.issues) {
    const name = issue.path.map(String).join('.');
    const problem =
      name === ''
        ? issue.message
        : issue.path.length === 1 && present[name] === undefined
          ? `${name} is required`
          : `${name} ${issue.message}`;
    if (!problems.includes(problem)) problems.push(problem);
  }
  return { ok: false, problems, message: `config error: ${problems.join('; ')}` };
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
