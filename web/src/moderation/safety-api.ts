import { call } from '../api/client';
import type { paths as UserPaths } from '../api/generated/user';
import { useApi } from '../app/context';

/** Blocks, reports and moderation (ADR 0041): all in the user service. */
export type ReportBody = UserPaths['/reports']['post']['requestBody']['content']['application/json'];
export type ReportView = UserPaths['/reports']['post']['responses'][201]['content']['application/json'];
export type ReportKind = ReportBody['kind'];
export type ReportReason = ReportBody['reason'];
export type AuditEntry = UserPaths['/moderation/audit']['get']['responses'][200]['content']['application/json']['items'][number];
export type BlockedMember = UserPaths['/users/me/blocks']['get']['responses'][200]['content']['application/json']['items'][number];

export const REASONS: Array<{ value: ReportReason; label: string }> = [
  { value: 'spam', label: 'Spam or advertising' },
  { value: 'harassment', label: 'Harassment or bullying' },
  { value: 'hate', label: 'Hate or discrimination' },
  { value: 'scam', label: 'Scam or fraud' },
  { value: 'inappropriate', label: 'Inappropriate content' },
  { value: 'other', label: 'Something else' },
];

export const KIND_NAMES: Record<ReportKind, string> = { message: 'message', review: 'review', event: 'event', profile: 'profile' };

export async function block(userId: string): Promise<void> {
  await call(useApi().user.PUT('/users/me/blocks/{userId}', { params: { path: { userId } } }));
}

export async function unblock(userId: string): Promise<void> {
  await call(useApi().user.DELETE('/users/me/blocks/{userId}', { params: { path: { userId } } }));
}

export async function myBlocks(): Promise<BlockedMember[]> {
  return (await call(useApi().user.GET('/users/me/blocks'))).items;
}

export function report(body: ReportBody): Promise<ReportView> {
  return call(useApi().user.POST('/reports', { body }));
}

export async function myReports(): Promise<ReportView[]> {
  return (await call(useApi().user.GET('/reports/mine'))).items;
}

export async function reportQueue(): Promise<ReportView[]> {
  return (await call(useApi().user.GET('/moderation/reports'))).items;
}

export async function setHidden(kind: ReportKind, itemId: string, hidden: boolean, reason: string): Promise<void> {
  const path = { kind, itemId };
  const api = useApi().user;
  await call(hidden ? api.POST('/moderation/items/{kind}/{itemId}/hide', { params: { path }, body: { reason } }) : api.POST('/moderation/items/{kind}/{itemId}/restore', { params: { path }, body: { reason } }));
}

export async function dismiss(reportId: string, reason: string): Promise<void> {
  await call(useApi().user.POST('/moderation/reports/{reportId}/dismiss', { params: { path: { reportId } }, body: { reason } }));
}

export async function setSuspended(userId: string, suspended: boolean, reason: string): Promise<void> {
  const api = useApi().user;
  const params = { path: { userId } };
  await call(suspended ? api.POST('/moderation/users/{userId}/suspend', { params, body: { reason } }) : api.POST('/moderation/users/{userId}/reinstate', { params, body: { reason } }));
}

export async function auditLog(): Promise<AuditEntry[]> {
  return (await call(useApi().user.GET('/moderation/audit'))).items;
}

/** Where a reported item is seen in the app, when it has a page of its own. */
export function itemLink(kind: ReportKind, itemId: string): string | null {
  if (kind === 'event') return `/events/${itemId}`;
  if (kind === 'profile') return `/members/${itemId}`;
  return null;
}
