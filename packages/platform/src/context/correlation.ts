import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id of the work in progress (an HTTP request, a consumed message),
 * kept in async context so every log line and every event raised carries it
 * without being passed through each function.
 */
const storage = new AsyncLocalStorage<{ correlationId: string }>();

export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** The current correlation id, or a fresh one for work that started on its own (timers, start-up). */
export function correlationIdOrNew(): string {
  return currentCorrelationId() ?? newCorrelationId();
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** Accepts a client-supplied id only when it is short and plain, so it is safe to log and echo. */
export function isAcceptableCorrelationId(value: string): boolean {
  return /^[A-Za-z0-9._:-]{1,128}$/.test(value);
}
