import { randomUUID } from 'node:crypto';
import {
  AggregateAlreadyExistsError,
  problemOf,
  problems,
  accountSuspendedProblem,
  VersionConflictError,
  type AggregateStore,
  type Principal,
  type PendingEvent,
} from '@eventonight/platform';
import type { Collection } from 'mongodb';
import { isActive } from '../domain/profile.js';
import {
  moderatedItemId,
  reportId,
  type AuditEntry,
  type ModeratedItemState,
  type ModeratedKind,
  type ReportOutcome,
  type ReportReason,
  type ReportState,
} from '../domain/safety.js';
import type { ProfileStore } from '../persistence/profiles.js';
import type { IdentityProvider } from './identity-provider.js';

export interface ModerationDeps {
  store: ProfileStore;
  reports: AggregateStore<ReportState>;
  items: AggregateStore<ModeratedItemState>;
  audit: Collection<AuditEntry>;
  identity: IdentityProvider;
  clock: () => Date;
}

/** 403 with its own type: the account was suspended by a moderator; its (still valid) token may not write. */
export const accountSuspended = accountSuspendedProblem;

const ATTEMPTS = 5;
const MAX_LIST = 100;

export interface ReportInput {
  kind: ModeratedKind;
  itemId: string;
  reason: ReportReason;
  text?: string | null | undefined;
}

/** Refuses writes of a suspended account (its access token lives until it expires). */
export async function refuseSuspended(deps: Pick<ModerationDeps, 'items'>, userId: string): Promise<void> {
  const found = await deps.items.load(moderatedItemId('account', userId));
  if (found?.state.restricted === true) throw problemOf(accountSuspended, 'Your account is suspended: you cannot do this. Write to support if you think this is a mistake.');
}

export async function isRestricted(deps: Pick<ModerationDeps, 'items'>, kind: ModeratedKind | 'account', itemId: string): Promise<boolean> {
  const found = await deps.items.load(moderatedItemId(kind, itemId));
  return found?.state.restricted === true;
}

/** Files a report, once per (reporter, item): a repeat answers the stored report (created: false). */
export async function fileReport(deps: ModerationDeps, principal: Principal, input: ReportInput): Promise<{ report: ReportState; created: boolean }> {
  const me = principal.userId;
  await refuseSuspended(deps, me);
  if (input.kind === 'profile') {
    if (input.itemId === me) throw problems.unprocessable('You cannot report yourself.');
    const profile = await deps.store.load(input.itemId);
    if (profile === null || !isActive(profile.state)) throw problems.notFound('No such member.');
  }
  const id = reportId(me, input.kind, input.itemId);
  const existing = await deps.reports.load(id);
  if (existing !== null) return { report: existing.state, created: false };
  const state: ReportState = {
    _id: id,
    reporterId: me,
    kind: input.kind,
    itemId: input.itemId,
    reason: input.reason,
    text: input.text ?? null,
    status: 'open',
    outcome: null,
    createdAt: deps.clock().toISOString(),
    resolvedAt: null,
  };
  try {
    await deps.reports.create(state, []);
    return { report: state, created: true };
  } catch (error) {
    if (!(error instanceof AggregateAlreadyExistsError)) throw error;
    const winner = await deps.reports.load(id);
    if (winner === null) throw error;
    return { report: winner.state, created: false };
  }
}

/** A member's own reports, newest first. Nobody reads another member's reports except a moderator. */
export async function listOwnReports(deps: ModerationDeps, me: string): Promise<ReportState[]> {
  const found = (await deps.reports.collection.find({ reporterId: me } as never).toArray()) as unknown as ReportState[];
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_LIST).map(strip);
}

/** The queue: open reports first (oldest first: first come, first served), then resolved ones, newest first. */
export async function listReports(deps: ModerationDeps, status: 'open' | 'resolved' | undefined): Promise<ReportState[]> {
  const filter = status === undefined ? {} : { status };
  const found = (await deps.reports.collection.find(filter as never).toArray()) as unknown as ReportState[];
  found.sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    return a.status === 'open' ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt);
  });
  return found.slice(0, MAX_LIST).map(strip);
}

function strip(report: ReportState & { outbox?: unknown; outboxPending?: unknown; outboxTicket?: unknown; version?: unknown }): ReportState {
  const { outbox: _o, outboxPending: _p, outboxTicket: _t, version: _v, ...rest } = report;
  return rest;
}

async function record(deps: ModerationDeps, moderator: Principal, entry: Omit<AuditEntry, '_id' | 'moderatorId' | 'at'>): Promise<void> {
  await deps.audit.insertOne({ _id: randomUUID(), moderatorId: moderator.userId, at: deps.clock().toISOString(), ...entry });
}

/** Sets one item's (or account's) restriction with its event; unchanged state publishes nothing. */
async function setRestricted(deps: ModerationDeps, kind: ModeratedKind | 'account', itemId: string, restricted: boolean, event: PendingEvent): Promise<void> {
  const id = moderatedItemId(kind, itemId);
  const now = deps.clock().toISOString();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const current = await deps.items.load(id);
      if (current === null) {
        if (restricted) await deps.items.create({ _id: id, kind, itemId, restricted, updatedAt: now }, [event]);
        return;
      }
      if (current.state.restricted === restricted) return;
      await deps.items.update(id, current.version, { restricted, updatedAt: now }, [event]);
      return;
    } catch (error) {
      const raced = error instanceof VersionConflictError || error instanceof AggregateAlreadyExistsError;
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Closes the open reports of an item, each publishing `moderation.report.resolved` (the reporter is told). */
async function resolveReportsOf(deps: ModerationDeps, kind: ModeratedKind, itemId: string, outcome: ReportOutcome): Promise<number> {
  const open = (await deps.reports.collection.find({ itemId, status: 'open' } as never).toArray()) as unknown as ReportState[];
  let resolved = 0;
  for (const report of open.filter((r) => r.kind === kind)) {
    if (await resolveOne(deps, report._id, outcome)) resolved += 1;
  }
  return resolved;
}

async function resolveOne(deps: ModerationDeps, id: string, outcome: ReportOutcome): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await deps.reports.load(id);
    if (current === null || current.state.status !== 'open') return false;
    const { reporterId, kind, itemId } = current.state;
    try {
      await deps.reports.update(id, current.version, { status: 'resolved', outcome, resolvedAt: deps.clock().toISOString() }, [
        { type: 'moderation.report.resolved', data: { reportId: id, reporterId, kind, itemId, outcome } },
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Hides or restores a message, review, event or profile; the owning service hides it from every list (ADR 0041). */
export async function setItemHidden(
  deps: ModerationDeps,
  moderator: Principal,
  target: { kind: ModeratedKind; itemId: string },
  hidden: boolean,
  reason: string,
): Promise<{ resolvedReports: number }> {
  const { kind, itemId } = target;
  await setRestricted(deps, kind, itemId, hidden, { type: 'moderation.item.visibility.changed', data: { kind, itemId, hidden } });
  await record(deps, moderator, { action: hidden ? 'hide' : 'restore', kind, itemId, reason });
  return { resolvedReports: hidden ? await resolveReportsOf(deps, kind, itemId, 'hidden') : 0 };
}

/** Closes one report without acting on the item. */
export async function dismissReport(deps: ModerationDeps, moderator: Principal, id: string, reason: string): Promise<ReportState> {
  const found = await deps.reports.load(id);
  if (found === null) throw problems.notFound('No such report.');
  if (found.state.status === 'open') await resolveOne(deps, id, 'dismissed');
  await record(deps, moderator, { action: 'dismiss', kind: 'report', itemId: id, reason });
  const after = await deps.reports.load(id);
  return after?.state ?? found.state;
}

/**
 * Suspends (or reinstates) an account: Keycloak disables it (no sign-in, no refresh), and
 * `user.suspension.changed` makes every service refuse the writes of its still-valid tokens.
 */
export async function setSuspended(deps: ModerationDeps, moderator: Principal, userId: string, suspended: boolean, reason: string): Promise<{ resolvedReports: number }> {
  if (userId === moderator.userId) throw problems.unprocessable('You cannot suspend yourself.');
  const profile = await deps.store.load(userId);
  if (profile === null || !isActive(profile.state)) throw problems.notFound('No such member.');
  await deps.identity.setEnabled(userId, !suspended);
  await setRestricted(deps, 'account', userId, suspended, { type: 'user.suspension.changed', data: { userId, suspended } });
  await record(deps, moderator, { action: suspended ? 'suspend' : 'reinstate', kind: 'account', itemId: userId, reason });
  return { resolvedReports: suspended ? await resolveReportsOf(deps, 'profile', userId, 'suspended') : 0 };
}

export async function listAudit(deps: ModerationDeps): Promise<AuditEntry[]> {
  const found = await deps.audit.find({}).toArray();
  return found.sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_LIST);
}
