import { reactive } from 'vue';
import { call } from '../api/client';
import { useApi } from '../app/context';

/** View URLs of avatars, read in one batch call per list (never one per row). */
export function useAvatars() {
  const urls = reactive(new Map<string, string | null>());
  async function load(ids: ReadonlyArray<string | null>): Promise<void> {
    const missing = [...new Set(ids.filter((id): id is string => id !== null && !urls.has(id)))].slice(0, 50);
    if (missing.length === 0) return;
    for (const id of missing) urls.set(id, null);
    try {
      const reply = await call(useApi().media.GET('/media', { params: { query: { ids: missing.join(',') } } }));
      for (const item of reply.items) urls.set(item.assetId, item.url);
    } catch {
      // Initials stand in for pictures that cannot be read.
    }
  }
  return { load, urlOf: (id: string | null) => (id === null ? null : (urls.get(id) ?? null)) };
}
