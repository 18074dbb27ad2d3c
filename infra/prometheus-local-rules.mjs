// The alert rules for the local Prometheus only (infra/ctl.sh's prometheus_prepare): production's
// rules (deploy/monitoring/prometheus/alerts.yml) with every `for:` replaced by a short one, so the
// alert tests see an alert fire within seconds of its cause (docs/adr/0037). Expressions, labels
// and annotations stay as they are.
//
//   node infra/prometheus-local-rules.mjs <alerts.yml> <duration>   → the local rules on stdout
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** A Prometheus duration such as 5s, 1m or 1h30m. */
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;

/**
 * @param {string} rules the rules file's text
 * @param {string} localFor the `for:` every rule gets
 * @returns {string}
 */
export function shortenRuleWaits(rules, localFor) {
  if (!DURATION.test(localFor)) throw new Error(`not a Prometheus duration: ${localFor}`);
  return rules.replace(/^(\s+for:\s*)\S+\s*$/gm, `$1${localFor}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, localFor] = process.argv.slice(2);
  if (!file || !localFor) {
    process.stderr.write('usage: node infra/prometheus-local-rules.mjs <alerts.yml> <duration>\n');
    process.exit(2);
  }
  process.stdout.write(shortenRuleWaits(readFileSync(file, 'utf8'), localFor));
}
