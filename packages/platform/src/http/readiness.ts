import type { RequestHandler } from 'express';
import type { Logger } from '../logger/logger.js';
import { problems } from './problem.js';

export interface ReadinessCheck {
  /** Shown to the prober, e.g. "mongo" or "amqp". */
  name: string;
  /** Resolves when the dependency is usable; the signal aborts when the check timed out. */
  check: (signal: AbortSignal) => Promise<void>;
}

export interface ReadinessOutcome {
  name: string;
  ok: boolean;
  error?: unknown;
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<ReadinessOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`readiness check "${check.name}" timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([check.check(controller.signal), timeout]);
    return { name: check.name, ok: true };
  } catch (error) {
    return { name: check.name, ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check in parallel, each bounded by `timeoutMs`, so a hung dependency cannot hang the probe. */
export function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs: number): Promise<ReadinessOutcome[]> {
  return Promise.all(checks.map((check) => runOne(check, timeoutMs)));
}

/** GET /ready: 200 with each check's state, or a 503 problem naming the failed ones (reasons go to the log). */
export function readinessHandler(checks: readonly ReadinessCheck[], timeoutMs: number, logger: Logger): RequestHandler {
  return async (_req, res) => {
    const outcomes = await runReadinessChecks(checks, timeoutMs);
    const states = Object.fromEntries(outcomes.map((o) => [o.name, o.ok ? 'ok' : 'failed']));
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length === 0) {
      res.status(200).json({ status: 'ready', checks: states });
      return;
    }
    for (const outcome of failed) logger.warn({ err: outcome.error, check: outcome.name }, 'readiness check failed');
    throw problems.serviceUnavailable(`Not ready: ${failed.map((o) => o.name).join(', ')}.`, { checks: states });
  };
}
