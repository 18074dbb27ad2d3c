import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './http.js';
import { waitFor } from './wait.js';

/** Runs a service's built entry point as production does: `node dist/main.js`, configured by env only. */
export interface BuiltService {
  url: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startBuiltService(mainJs: string, env: Record<string, string>): Promise<BuiltService> {
  const port = await freePort();
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env['PATH'] ?? '', ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => ((await fetch(`${url}/ready`).catch(() => undefined))?.status === 200 ? true : undefined),
      { timeoutMs: 20_000, what: `${mainJs} to become ready` },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
}

/** Runs the entry point until it exits by itself (e.g. on a bad config): its exit code and stderr. */
export async function runBuiltServiceToExit(mainJs: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}
