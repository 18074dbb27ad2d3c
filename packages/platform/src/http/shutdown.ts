import type { Logger } from '../logger/logger.js';

export interface ShutdownOptions {
  logger?: Logger;
  signals?: readonly NodeJS.Signals[];
  /** Replaced in tests; defaults to process.exit. */
  exit?: (code: number) => void;
}

/**
 * Runs `shutdown` once on the first SIGTERM/SIGINT, then exits 0 (1 if it failed).
 * A second signal while shutting down exits at once, for an impatient operator.
 * Returns a function that removes the listeners.
 */
export function onShutdownSignals(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  options: ShutdownOptions = {},
): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const { logger } = options;
  let started = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      logger?.warn({ signal }, 'second signal while shutting down; exiting now');
      exit(1);
      return;
    }
    started = true;
    logger?.info({ signal }, 'shutting down');
    shutdown(signal).then(
      () => {
        logger?.info('shutdown complete');
        exit(0);
      },
      (error: unknown) => {
        logger?.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };

  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
