import { holderNameOf } from '../domain/user-copy.js';
import type { TicketingDeps } from './deps.js';

/**
 * The names of a page's holders: from the copies, and "Deleted member" for those erased (their
 * copy is gone; the ledger, asked only about the ones without a copy, says why). Two queries.
 */
export async function holderNamesOf(deps: TicketingDeps, holderIds: readonly string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(holderIds)];
  const copies = await deps.users.findMany(unique);
  const erased = await deps.ledger.erasedAmong(unique.filter((id) => copies.get(id)?.deleted !== false));
  return new Map(unique.map((id) => [id, holderNameOf(copies.get(id), erased.has(id))]));
}
