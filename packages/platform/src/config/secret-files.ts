import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { placeholderProblem, urlPasswordProblem } from './secrets.js';

/**
 * The production check of a folder of secret files (Docker secrets, /run/secrets): every file
 * must hold a real secret. A file whose name ends in `_url` holds a connection URL, whose password
 * is the secret; generated configuration (`*.json`, `*.conf`) is not a single value and is skipped.
 * Returns one problem per bad file, naming the file and never its content.
 */
export function secretFileProblems(dir: string): string[] {
  const problems: string[] = [];
  const names = readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isFile())
    .sort();
  if (names.length === 0) return [`${dir} holds no secret files`];
  for (const name of names) {
    if (name.endsWith('.json') || name.endsWith('.conf')) continue;
    const value = readFileSync(join(dir, name), 'utf8').replace(/\r?\n$/, '');
    if (name.endsWith('_url')) {
      if (value.trim() === '') {
        problems.push(`${name} is empty`);
        continue;
      }
      // One URL, or several separated by commas (an AMQP_URL naming cluster members).
      const problem = urlPasswordProblem(value);
      if (problem !== undefined) problems.push(problem.startsWith('has no password') ? `${name}: the URL ${problem}` : `${name}: the URL's ${problem}`);
      continue;
    }
    const problem = placeholderProblem(value);
    if (problem !== undefined) problems.push(`${name} ${problem}`);
  }
  return problems;
}
