/**
 * Every failed call ends as a sentence a person understands. A service answers RFC 9457
 * problem details; the `type` picks a better sentence where one exists, otherwise the
 * service's own `detail` (written for clients) is shown.
 */

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ location?: string; path?: string; message?: string }>;
}

/** A call that failed: a problem from a service, or no answer at all (`status` 0). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.type === 'string' && typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

const PROBLEM_BASE = 'https://eventonight.dev/problems/';

/** Sentences for the problem types a person meets; keyed by the last part of the type URI. */
const SENTENCES: Record<string, string> = {
  'sold-out': 'Sold out — there are not enough tickets left in this tier.',
  'not-on-sale': 'Tickets for this event are not on sale.',
  'already-used': 'This ticket was already scanned.',
  'ticket-invalidated': 'This ticket is no longer valid.',
  'email-not-verified': 'Confirm your email address before buying tickets: open the link we mailed you, or ask for a new one on your profile page.',
  unauthorized: 'Your session has ended. Please sign in again.',
  'account-deleted': 'This account has been deleted. Sign in with another account to go on.',
  'member-deleted': 'This member has deleted their account.',
  'export-expired': 'This download has expired and the archive was deleted. Ask for a new copy of your data.',
  'unsubscribe-link-invalid': 'This unsubscribe link is not valid: it may have been cut or changed. Nothing was changed; you can switch emails off in your notification settings.',
  forbidden: 'You are not allowed to do that.',
  blocked: 'You cannot do this: one of you has blocked the other.',
  'account-suspended': 'Your account is suspended, so you cannot do this. Write to support if you think this is a mistake.',
  'too-many-requests': 'You are going too fast. Wait a minute, then try again.',
  'not-found': 'We could not find that. It may have been removed.',
  'version-conflict': 'Someone changed this at the same time. Reload and try again.',
  'payload-too-large': 'That is too large to send.',
  'service-unavailable': 'This part of EventoNight is unavailable right now. Please try again in a moment.',
  internal: 'Something went wrong on our side. Please try again.',
};

function slugOf(type: string): string {
  return type.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : type;
}

/** Whether a problem's type is the given one (its URI ends with `/<slug>`). */
export function isProblemType(problem: Problem, slug: string): boolean {
  return slugOf(problem.type) === slug || problem.type.endsWith(`/${slug}`);
}

/** Whether a thrown value is a service's problem of the given type (`member-deleted`, `not-found`, …). */
export function failedWith(error: unknown, slug: string): boolean {
  return error instanceof ApiError && isProblemType(error.problem, slug);
}

/** A field name as a person reads it: `organization.name` → "organization name". */
function fieldName(path: string): string {
  return path.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function problemMessage(problem: Problem): string {
  if (problem.status === 0) return 'We could not reach EventoNight. Check your connection and try again.';
  const slug = slugOf(problem.type);
  const known = SENTENCES[slug];
  if (known !== undefined) return known;
  // 400 validation (the schema) and 422 unprocessable (a rule between fields) both list the values.
  if ((slug === 'validation' || slug === 'unprocessable') && problem.errors !== undefined && problem.errors.length > 0) {
    return problem.errors
      .map((error) => (error.path ? `The ${fieldName(error.path)} ${error.message ?? 'is not valid'}.` : `${error.message ?? 'Invalid input'}.`))
      .join(' ');
  }
  if (problem.detail) return problem.detail;
  if (problem.status >= 500) return SENTENCES.internal ?? problem.title;
  return problem.title;
}

/** Any thrown value as a sentence (an ApiError, a network failure, a bug). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return problemMessage(error.problem);
  if (error instanceof TypeError) return problemMessage({ type: 'network', title: 'Network error', status: 0, detail: '' });
  return 'Something went wrong. Please try again.';
}
