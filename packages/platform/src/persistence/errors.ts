/**
 * Errors raised by the persistence layer. `unavailable` marks a dependency failure
 * (the HTTP layer answers 503 and a consumer retries); `conflict` marks a lost race.
 */
export class VersionConflictError extends Error {
  readonly conflict = true;
  constructor(
    readonly collection: string,
    readonly aggregateId: string,
    readonly expectedVersion: number,
  ) {
    super(`${collection}/${aggregateId} is no longer at version ${expectedVersion}`);
    this.name = 'VersionConflictError';
  }
}

export class AggregateAlreadyExistsError extends Error {
  readonly conflict = true;
  constructor(
    readonly collection: string,
    readonly aggregateId: string,
  ) {
    super(`${collection}/${aggregateId} already exists`);
    this.name = 'AggregateAlreadyExistsError';
  }
}

const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
