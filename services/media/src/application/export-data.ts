import type { ExportRow, ExportSections } from '@eventonight/contracts';
import { answerExportRequest } from '@eventonight/platform';
import { isPublicPurpose, type AssetState } from '../domain/asset.js';
import type { MediaAppDeps } from './deps.js';
import { publicUrlOf } from './get-asset.js';

const iso = (date: Date | null | undefined): string | null => (date instanceof Date ? date.toISOString() : null);

/**
 * Every asset record media holds about `userId` (ADR 0027), whatever its state: id, purpose,
 * type, size, state, dates, and its permanent public URL where there is one (public purposes,
 * uploaded, with a public base configured; a presigned URL would expire before anyone reads
 * the archive).
 */
export async function exportSectionsOf(deps: MediaAppDeps, userId: string): Promise<ExportSections> {
  const assets = await deps.reads.ownedBy(userId);
  const rows: ExportRow[] = assets.map((asset: AssetState) => ({
    asset_id: asset._id,
    purpose: asset.purpose,
    content_type: asset.contentType,
    size_bytes: asset.sizeBytes,
    state: asset.status,
    created_at: iso(asset.createdAt),
    uploaded_at: iso(asset.uploadedAt),
    expired_at: iso(asset.expiredAt),
    deleted_at: iso(asset.deletedAt),
    public_url: asset.status === 'uploaded' && isPublicPurpose(asset.purpose) ? publicUrlOf(deps, asset) : null,
  }));
  return { assets: rows };
}

/** `user.export.requested`: answered once per export; an erased user's request gets no answer. */
export async function answerExport(
  deps: MediaAppDeps,
  request: { exportId: string; userId: string },
): Promise<'answered' | 'already-answered' | 'erased'> {
  if (await deps.ledger.isErased(request.userId)) return 'erased';
  const sections = await exportSectionsOf(deps, request.userId);
  return answerExportRequest(deps.exportParts, 'media', { ...request, sections }, deps.clock());
}
