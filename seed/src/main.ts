import { loadConfig } from '@eventonight/platform';
import { seedConfig, seedEnv } from './config.js';
import { demoFixture } from './fixture.js';
import { formatSummary, runSeed } from './seed.js';

const config = loadConfig(seedConfig, seedEnv());
try {
  const { summary } = await runSeed(config, demoFixture());
  console.log(formatSummary(summary));
} catch (error) {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
