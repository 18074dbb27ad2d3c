import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** docs/architecture-events.md is generated from the contracts and the handlers: it must not drift. */
describe('generated architecture docs', () => {
  it('docs/architecture-events.md matches what scripts/gen-architecture.ts generates now', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-architecture.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `stale: run \`node --import tsx scripts/gen-architecture.ts\`\n${run.stdout}${run.stderr}`);
  });
});
