import { call } from '../api/client';
import { useApi } from '../app/context';
import type { OwnProfile } from '../profile/profile-api';

/** Opening the mailed link: no sign-in needed, the code is the proof. */
export async function confirmEmail(token: string): Promise<string> {
  const confirmed = await call(useApi().user.POST('/email-verifications', { body: { token } }));
  return confirmed.email;
}

/** A new link for the address waiting to be confirmed (the earlier link stops working). */
export function sendNewLink(): Promise<OwnProfile> {
  return call(useApi().user.POST('/users/me/email-verification'));
}

/** Starts moving the account to `email`; the current address stays until the link mailed there is opened. */
export function changeEmail(email: string): Promise<OwnProfile> {
  return call(useApi().user.PUT('/users/me/email', { body: { email } }));
}
