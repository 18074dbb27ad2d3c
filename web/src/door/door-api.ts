import { call } from '../api/client';
import { useApi } from '../app/context';
import { ApiError, errorMessage } from '../ui/problem';

/** What the door page shows after a scan: one of six unmistakable answers. */
export type DoorAnswer =
  | { kind: 'valid'; tierName: string; holderName: string | null; usedAt: string; ticketId?: string; checkedInByName?: string | null; offline?: true }
  | { kind: 'used'; tierName: string; holderName: string | null; usedAt: string | null; checkedInByName?: string | null; deviceName?: string | null; offline?: true }
  | { kind: 'invalidated'; tierName: string; holderName: string | null; offline?: true }
  /** A valid ticket outside the door hours (the event moved, or it is too early or over): not used up. */
  | { kind: 'not-now'; tierName: string; holderName: string | null; opensAt: string; closesAt: string }
  | { kind: 'not-for-event'; offline?: true }
  | { kind: 'failed'; message: string; noAnswer?: true };

const PROBLEMS = 'https://eventonight.dev/problems/';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The answer for a failed scan. The 409 problems carry the ticket's tier, holder and (for a
 * used ticket) when it was used, or (outside the door hours) when the doors open and close, as
 * extension members; a 404 means no ticket of this event.
 */
export function answerOfFailure(failure: unknown): DoorAnswer {
  if (!(failure instanceof ApiError)) return { kind: 'failed', message: errorMessage(failure) };
  if (failure.problem.status === 0) return { kind: 'failed', message: errorMessage(failure), noAnswer: true };
  const problem = failure.problem as unknown as Record<string, unknown>;
  const facts = { tierName: text(problem['tierName']) ?? '', holderName: text(problem['holderName']) };
  if (failure.problem.type === `${PROBLEMS}already-used`) {
    return { kind: 'used', ...facts, usedAt: text(problem['usedAt']), checkedInByName: text(problem['checkedInByName']), deviceName: text(problem['deviceName']) };
  }
  if (failure.problem.type === `${PROBLEMS}ticket-invalidated`) return { kind: 'invalidated', ...facts };
  const opensAt = text(problem['opensAt']);
  const closesAt = text(problem['closesAt']);
  if (failure.problem.type === `${PROBLEMS}door-closed` && opensAt !== null && closesAt !== null) return { kind: 'not-now', ...facts, opensAt, closesAt };
  if (failure.problem.status === 404 && failure.problem.type === `${PROBLEMS}not-found`) return { kind: 'not-for-event' };
  return { kind: 'failed', message: errorMessage(failure) };
}

/** A scanned QR payload or a typed code, as the service expects it (spaces and line breaks dropped). */
export function normalizeCode(raw: string): string {
  return raw.replace(/\s+/g, '');
}

export async function scanTicket(eventId: string, rawCode: string, device?: { id: string; name: string }): Promise<DoorAnswer> {
  const code = normalizeCode(rawCode);
  if (code === '') return { kind: 'failed', message: 'Type or scan a ticket code first.' };
  if (code.length > 200) return { kind: 'not-for-event' };
  try {
    const body = device === undefined ? { code } : { code, deviceId: device.id, deviceName: device.name };
    const ok = await call(useApi().ticketing.POST('/events/{eventId}/tickets/validate', { params: { path: { eventId } }, body }));
    return { kind: 'valid', tierName: ok.tierName, holderName: ok.holderName, usedAt: ok.usedAt, ticketId: ok.ticketId, checkedInByName: ok.checkedInByName };
  } catch (failure) {
    return answerOfFailure(failure);
  }
}
