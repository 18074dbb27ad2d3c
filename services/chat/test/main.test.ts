import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const skip = existsSync(mainJs) ? false : 'not built (npm run build)';

/**
 * The built entry point, configured by env only. Only the refusal path is run here: a real start
 * would declare and consume the shared `chat` queue, stealing user events from a dev chat service.
 */
describe('chat service: node dist/main.js', { timeout: 60_000 }, () => {
  it('refuses to start with a bad config, naming the bad variables', { skip }, async () => {
    const child = spawn(process.execPath, [mainJs], {
      env: { PATH: process.env['PATH'] ?? '', PORT: 'abc' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /MONGO_URL/);
    assert.match(stderr, /PORT/);
  });
});
