import { reactive } from 'vue';
import { profileOf } from '../events/interaction-api';

/**
 * Chat copies each person's display name only; an organization is known to people by its
 * organization name, so the list asks the user service once per person (cached for the
 * session, a handful per page) and shows that name when the person is an organization.
 */
const names = reactive(new Map<string, string | null>());

export function useOrganizationNames() {
  async function load(userIds: readonly string[]): Promise<void> {
    const missing = [...new Set(userIds)].filter((id) => !names.has(id)).slice(0, 50);
    for (const id of missing) names.set(id, null);
    await Promise.all(
      missing.map(async (id) => {
        try {
          const profile = await profileOf(id);
          if (profile.role === 'organization') names.set(id, profile.organization?.name ?? null);
        } catch {
          // A deleted or unreadable profile keeps the name chat knows.
        }
      }),
    );
  }
  return { load, organizationNameOf: (userId: string) => names.get(userId) ?? null };
}
