// Prints the mutation score per folder from Stryker's JSON reports (reports/mutation/*.json); run by scripts/mutation.sh.
// Score = detected / (detected + undetected); mutants that do not compile are not counted.
import { readFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

interface Row {
  folder: string;
  detected: number;
  undetected: number;
  note: string;
}
interface Report {
  files: Record<string, { mutants: Array<{ status: string }> }>;
}

const rows: Row[] = [];
for (const target of process.argv.slice(2)) {
  const file = `reports/mutation/${target.replace('/', '-')}.json`;
  if (!existsSync(file)) {
    rows.push({ folder: target, detected: 0, undetected: 0, note: 'no report' });
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  const folders = new Map<string, Row>();
  for (const [path, { mutants }] of Object.entries(report.files)) {
    const folder = dirname(path);
    const row = folders.get(folder) ?? { folder, detected: 0, undetected: 0, note: '' };
    for (const mutant of mutants) {
      if (DETECTED.has(mutant.status)) row.detected += 1;
      else if (UNDETECTED.has(mutant.status)) row.undetected += 1;
    }
    folders.set(folder, row);
  }
  rows.push(...[...folders.values()].sort((a, b) => a.folder.localeCompare(b.folder)));
}

const score = (row: Row): string => (row.detected + row.undetected === 0 ? 'n/a' : `${((100 * row.detected) / (row.detected + row.undetected)).toFixed(1)} %`);
console.log('\nmutation score per folder: detected (killed or timed out) over detected + undetected (survived or not covered)');
for (const row of rows) {
  console.log(`${row.folder.padEnd(40)} ${score(row).padStart(8)}   ${row.detected} detected, ${row.undetected} undetected${row.note ? `  (${row.note})` : ''}`);
}
