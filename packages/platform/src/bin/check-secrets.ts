/**
 * `node check-secrets.js [dir]` (default /run/secrets): exits 1 with one line per bad secret file,
 * 0 when all are real. docker-compose.yml runs it once before anything else starts, so an unedited
 * or empty secret stops the whole stack with a message naming the file.
 */
import { secretFileProblems } from '../config/secret-files.js';

const dir = process.argv[2] ?? '/run/secrets';
let problems: string[];
try {
  problems = secretFileProblems(dir);
} catch (error) {
  problems = [`cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`];
}
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`secret refused: ${problem}\n`);
  process.stderr.write('refusing to start: fix the files above (deploy/make-secrets.sh generates them)\n');
  process.exit(1);
}
process.stdout.write(`secrets in ${dir}: all set\n`);
