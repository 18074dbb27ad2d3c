import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { runBuiltServiceToExit } from '@eventonight/testing';

const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const skip = existsSync(mainJs) ? false : 'not built (npm run build)';

/**
 * The built entry point, configured by env only. Only the refusal path is run here: a real start
 * would declare and consume the shared `chat` queue, stealing user events from a dev chat service.
 */
describe('chat service: node dist/main.js', { timeout: 60_000 }, () => {
  it('refuses to start with a bad config, naming the bad variables', { skip }, async () => {
    const { code, stderr } = await runBuiltServiceToExit(mainJs, { PORT: 'abc' });
    assert.equal(code, 1);
    assert.match(stderr, /MONGO_URL/);
    assert.match(stderr, /PORT/);
  });
});
