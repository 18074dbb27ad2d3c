import { call } from '../api/client';
import type { paths as UserPaths } from '../api/generated/user';
import { useApi } from '../app/context';

export type OwnProfile = UserPaths['/users/me']['get']['responses'][200]['content']['application/json'];
export type ProfilePatch = UserPaths['/users/me']['patch']['requestBody']['content']['application/json'];

export function myProfile(): Promise<OwnProfile> {
  return call(useApi().user.GET('/users/me'));
}

/** Saved only over the version the person edited (If-Match): a change made elsewhere meanwhile is a 409, not lost. */
export function saveProfile(version: number, patch: ProfilePatch): Promise<OwnProfile> {
  return call(useApi().user.PATCH('/users/me', { params: { header: { 'if-match': `"${version}"` } }, body: patch }));
}

export async function deleteAccount(): Promise<void> {
  await call(useApi().user.DELETE('/users/me'));
}

/** Only what changed, so a save never overwrites a field the person did not touch. */
export function profileChanges(before: OwnProfile, after: OwnProfile): ProfilePatch | null {
  const patch: ProfilePatch = {};
  const clean = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());
  if (after.displayName.trim() !== before.displayName) patch.displayName = after.displayName.trim();
  if (clean(after.bio) !== before.bio) patch.bio = clean(after.bio);
  if (clean(after.city) !== before.city) patch.city = clean(after.city);
  if (after.avatarMediaId !== before.avatarMediaId) patch.avatarMediaId = after.avatarMediaId;
  const sameCategories =
    after.preferences.categories.length === before.preferences.categories.length &&
    after.preferences.categories.every((category) => before.preferences.categories.includes(category));
  if (!sameCategories) patch.preferences = { categories: [...after.preferences.categories] };
  if (after.privateProfile !== before.privateProfile) patch.privateProfile = after.privateProfile;
  if (before.organization !== null && after.organization !== null) {
    const organization: NonNullable<ProfilePatch['organization']> = {};
    if (after.organization.name.trim() !== before.organization.name) organization.name = after.organization.name.trim();
    if (clean(after.organization.description) !== before.organization.description) organization.description = clean(after.organization.description);
    if (clean(after.organization.website) !== before.organization.website) organization.website = clean(after.organization.website);
    if (Object.keys(organization).length > 0) patch.organization = organization;
  }
  return Object.keys(patch).length === 0 ? null : patch;
}
