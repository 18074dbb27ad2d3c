import type { PendingEvent } from '../src/persistence/index.js';
import { createLogger } from '../src/logger/logger.js';

/** A minimal aggregate for exercising the store, relay and consumer with real catalogue events. */
export interface TestUser {
  _id: string;
  displayName: string;
}

export const silentLogger = createLogger({ service: 'test', level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

export function userCreated(user: TestUser): PendingEvent {
  return {
    type: 'user.created',
    data: { userId: user._id, role: 'member', displayName: user.displayName, avatarMediaId: null },
  };
}

export function userUpdated(user: TestUser): PendingEvent {
  return {
    type: 'user.updated',
    data: { userId: user._id, role: 'member', displayName: user.displayName, avatarMediaId: null },
  };
}
