/* global process */
// StrykerJS over the pure modules (`npm run mutation`, see docs/testing.md). One run covers one
// target, named by MUTATION_TARGET, so each folder is checked against its own tsconfig and only
// the unit tests of that folder run for each mutant. scripts/mutation.sh runs every target.

/** Each target: what is mutated, and the I/O-free tests that must notice. */
const targets = {
  'packages/platform': {
    mutate: [
      'packages/platform/src/util/backoff.ts',
      'packages/platform/src/persistence/time-cursor.ts',
      'packages/platform/src/http/pagination.ts',
      'packages/platform/src/outbox/signal.ts',
    ],
    testFiles: ['packages/platform/test/pure-helpers.test.ts'],
  },
};
for (const service of ['chat', 'event', 'interaction', 'media', 'notification', 'ticketing', 'user']) {
  targets[`services/${service}`] = {
    mutate: [`services/${service}/src/domain/**/*.ts`],
    testFiles: [`services/${service}/test/domain.test.ts`],
  };
}

const name = process.env.MUTATION_TARGET ?? '';
const target = targets[name];
if (target === undefined) {
  throw new Error(`MUTATION_TARGET must be one of: ${Object.keys(targets).join(', ')} (got "${name}")`);
}
const slug = name.replace('/', '-');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'tap',
  tap: {
    testFiles: target.testFiles,
    nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  checkers: ['typescript'],
  tsconfigFile: `${name}/tsconfig.json`,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: target.mutate,
  // The shared machine has 2 cores used by several people: one test process at a time.
  concurrency: 1,
  coverageAnalysis: 'perTest',
  timeoutMS: 10_000,
  reporters: ['clear-text', 'json', 'progress-append-only'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  jsonReporter: { fileName: `reports/mutation/${slug}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The sandbox needs the mutated folder, its tsconfig chain and the workspace links only.
  ignorePatterns: ['/web', '/bench', '/infra', '/docs', '/keycloak', '/traefik', '/seed', '/tests', '/.infra', '/reports', 'dist', '*.tsbuildinfo'],
  thresholds: { high: 90, low: 85, break: null },
};
