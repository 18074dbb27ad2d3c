import type { ChatDeps } from './deps.js';

/** What chat refuses for safety (ADR 0041), in the words the person sees. */
export async function refuseUnsafeMessage(deps: ChatDeps, me: string, otherId: string): Promise<void> {
  await deps.safety.refuseSuspended(me);
  await deps.safety.refuseBlocked(me, otherId, 'You cannot message this member: one of you has blocked the other.');
}

/** One message of the caller's per-minute allowance (429 with Retry-After past it). */
export async function takeMessageAllowance(deps: ChatDeps, me: string): Promise<void> {
  if (deps.limiter === null) return;
  await deps.limiter.limiter.take('chat-message', me, deps.limiter.perMinute, 60, 'messages');
}

/** Hidden messages leave every page (a moderator hid them: ADR 0041). */
export async function withoutHidden<T extends { _id: string }>(deps: ChatDeps, items: T[]): Promise<T[]> {
  const hidden = await deps.safety.hiddenAmong('message', items.map((item) => item._id));
  return hidden.size === 0 ? items : items.filter((item) => !hidden.has(item._id));
}
