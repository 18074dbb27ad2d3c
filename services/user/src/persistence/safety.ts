import type { AggregateStore, BaseServiceConfig, ServiceContext } from '@eventonight/platform';
import type { Collection } from 'mongodb';
import type { AuditEntry, BlockState, ModeratedItemState, ReportState } from '../domain/safety.js';

export const BLOCKS = 'blocks';
export const REPORTS = 'reports';
export const MODERATED_ITEMS = 'moderated_items';
export const MODERATION_AUDIT = 'moderation_audit';
export const SAFETY_AGGREGATES = [BLOCKS, REPORTS, MODERATED_ITEMS];

export interface SafetyStores {
  blocks: AggregateStore<BlockState>;
  reports: AggregateStore<ReportState>;
  items: AggregateStore<ModeratedItemState>;
  audit: Collection<AuditEntry>;
}

/** Blocks, reports, moderated items (aggregates with an outbox) and the insert-only audit log (ADR 0041). */
export async function openSafetyStores<C extends BaseServiceConfig>(context: ServiceContext<C>): Promise<SafetyStores> {
  const blocks = context.store<BlockState>(BLOCKS);
  await blocks.ensureIndexes([{ key: { blockerId: 1 }, name: 'blocks_by_blocker' }]);
  const reports = context.store<ReportState>(REPORTS);
  await reports.ensureIndexes([
    { key: { status: 1 }, name: 'reports_by_status' },
    { key: { itemId: 1 }, name: 'reports_by_item' },
    { key: { reporterId: 1 }, name: 'reports_by_reporter' },
  ]);
  const items = context.store<ModeratedItemState>(MODERATED_ITEMS);
  await items.ensureIndexes();
  const audit = context.db.collection<AuditEntry>(MODERATION_AUDIT);
  return { blocks, reports, items, audit };
}
