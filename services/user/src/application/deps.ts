import type { ErasureLedger, Logger } from '@eventonight/platform';
import type { ExportStore, ReceivedParts } from '../persistence/exports.js';
import type { ProfileStore } from '../persistence/profiles.js';
import type { SafetyStores } from '../persistence/safety.js';
import type { IdentityProvider } from './identity-provider.js';

/** What reading a caller's own profile needs: the profiles and the erased ids (ADR 0027). */
export interface ProfileDeps {
  store: ProfileStore;
  ledger: ErasureLedger;
}

export interface ExportDeps extends ProfileDeps {
  exports: ExportStore;
  parts: ReceivedParts;
  clock: () => Date;
  logger: Logger;
}

export interface UserDeps extends ExportDeps {
  identity: IdentityProvider;
  /** Blocks, reports and moderation (ADR 0041). */
  safety: SafetyStores;
}
