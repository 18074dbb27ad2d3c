import { randomUUID } from 'node:crypto';
import {
  createPublishedEvent,
  inParallel,
  readyMessages,
  registerAccount,
  waitFor,
  SERVICE_NAMES,
  type Account,
  type RunningSystem,
  type ServiceName,
} from '@eventonight/testing';
import { api, eventBody } from './clients.js';

/**
 * A crowd of real accounts, published events and open conversations, and a stream of commands
 * across services whose notifications can be counted one by one: the material of the fault tests.
 */

export interface CrowdEvent {
  eventId: string;
  organizer: Account;
}

export interface Conversation {
  conversationId: string;
  member: Account;
  organizer: Account;
}

export interface Crowd {
  organizers: Account[];
  members: Account[];
  events: CrowdEvent[];
  conversations: Conversation[];
}

/** One user action; each one must end as exactly one notification of its recipient. */
export type Command =
  | { kind: 'like'; member: Account; event: CrowdEvent }
  | { kind: 'follow'; member: Account; organizer: Account }
  | { kind: 'message'; conversation: Conversation; messageId: string };

export async function gatherCrowd(
  system: RunningSystem,
  size: { organizers: number; members: number; eventsPerOrganizer: number },
): Promise<Crowd> {
  const userUrl = system.url('user');
  const organizers = await inParallel(size.organizers, 4, (i) =>
    registerAccount(userUrl, { role: 'organization', displayName: `Venue ${i}`, organization: { name: `Venue ${i} Ltd` } }),
  );
  const members = await inParallel(size.members, 4, (i) => registerAccount(userUrl, { role: 'member', displayName: `Member ${i}` }));
  const drafts = organizers.flatMap((organizer) => Array.from({ length: size.eventsPerOrganizer }, (_, i) => ({ organizer, i })));
  const events = await inParallel(drafts.length, 4, async (index) => {
    const { organizer, i } = drafts[index] as { organizer: Account; i: number };
    const body = eventBody(`${organizer.displayName} night ${i}`, [{ name: 'Entry', priceMinor: 1000, quantity: 100 }]);
    return { eventId: (await createPublishedEvent(system.url('event'), organizer, body)).eventId, organizer };
  });
  const conversations = await inParallel(members.length, 4, async (index) => {
    const member = members[index] as Account;
    const organizer = organizers[index % organizers.length] as Account;
    const opened = await api(system, 'chat', member, 'POST', '/conversations', { body: { withUserId: organizer.id } });
    if (opened.status !== 201 && opened.status !== 200) throw new Error(`open conversation: ${opened.status} ${JSON.stringify(opened.body)}`);
    return { conversationId: opened.body['conversationId'] as string, member, organizer };
  });
  // Likes and follows need interaction's local copies of the users and events (from their events).
  const interaction = system.db('interaction');
  await waitFor(
    async () => {
      const users = await interaction.collection('user_copies').countDocuments({});
      const copies = await interaction.collection('event_copies').countDocuments({});
      return users >= organizers.length + members.length && copies >= events.length ? true : undefined;
    },
    { timeoutMs: 60_000, what: 'interaction to learn every user and event' },
  );
  return { organizers, members, events, conversations };
}

/**
 * Every like (member × event) and follow (member × organizer) once, and chat messages up to
 * `total`, interleaved so that every service is busy through the whole stream.
 */
export function planCommands(crowd: Crowd, total: number): Command[] {
  const likes: Command[] = crowd.members.flatMap((member) => crowd.events.map((event) => ({ kind: 'like' as const, member, event })));
  const follows: Command[] = crowd.members.flatMap((member) => crowd.organizers.map((organizer) => ({ kind: 'follow' as const, member, organizer })));
  const messageCount = total - likes.length - follows.length;
  if (messageCount < 0) throw new Error(`the crowd makes ${likes.length + follows.length} likes and follows, more than ${total}`);
  const messages: Command[] = Array.from({ length: messageCount }, (_, i) => ({
    kind: 'message' as const,
    conversation: crowd.conversations[i % crowd.conversations.length] as Conversation,
    messageId: randomUUID(),
  }));
  // Interleaved in proportion: each step takes from the kind that is furthest behind its share.
  const sources = [likes, follows, messages].filter((items) => items.length > 0).map((items) => ({ items, taken: 0 }));
  const plan: Command[] = [];
  for (let step = 0; step < total; step += 1) {
    const open = sources.filter((source) => source.taken < source.items.length);
    const behind = open.reduce((a, b) => (a.taken / a.items.length <= b.taken / b.items.length ? a : b));
    plan.push(behind.items[behind.taken] as Command);
    behind.taken += 1;
  }
  return plan;
}

function send(system: RunningSystem, command: Command) {
  switch (command.kind) {
    case 'like':
      return api(system, 'interaction', command.member, 'PUT', `/events/${command.event.eventId}/like`);
    case 'follow':
      return api(system, 'interaction', command.member, 'PUT', `/users/${command.organizer.id}/follow`);
    case 'message':
      return api(system, 'chat', command.conversation.member, 'POST', `/conversations/${command.conversation.conversationId}/messages`, {
        body: { messageId: command.messageId, text: `message ${command.messageId}` },
      });
  }
}

export interface StreamResult {
  sent: number;
  /** Attempts repeated because a service was unreachable or answered 5xx (only with `retryForMs`). */
  retried: number;
  /** Commands answered with anything but 2xx (or not answered): each one is a lost command. */
  failures: Array<{ kind: Command['kind']; status: number | string }>;
}

/** One command's outcome: a status, or the network error when there was no answer. */
async function attempt(system: RunningSystem, command: Command): Promise<number | string> {
  try {
    return (await send(system, command)).status;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Sends the commands `concurrency` at a time; `onProgress` sees the count after each answer.
 * With `retryForMs`, a command that got no answer or a 5xx is sent again, as a client would
 * (every command here is idempotent: PUT, or a message with its own id), for at most that long.
 */
export async function runCommands(
  system: RunningSystem,
  commands: readonly Command[],
  options: { concurrency: number; retryForMs?: number; onProgress?: (done: number) => Promise<void> | void },
): Promise<StreamResult> {
  const failures: StreamResult['failures'] = [];
  let done = 0;
  let retried = 0;
  await inParallel(commands.length, options.concurrency, async (index) => {
    const command = commands[index] as Command;
    const giveUpAt = Date.now() + (options.retryForMs ?? 0);
    let outcome = await attempt(system, command);
    while ((typeof outcome === 'string' || outcome >= 500) && Date.now() < giveUpAt) {
      retried += 1;
      await new Promise((resolve) => setTimeout(resolve, 250));
      outcome = await attempt(system, command);
    }
    if (typeof outcome === 'string' || outcome < 200 || outcome >= 300) failures.push({ kind: command.kind, status: outcome });
    done += 1;
    await options.onProgress?.(done);
  });
  return { sent: done, retried, failures };
}

interface StoredNotification {
  recipientId: string;
  type: string;
  data: Record<string, unknown>;
}

/** The one notification a command must produce: its recipient, type and identifying data. */
function expectedNotification(command: Command): StoredNotification {
  switch (command.kind) {
    case 'like':
      return { recipientId: command.event.organizer.id, type: 'event.liked', data: { eventId: command.event.eventId, userId: command.member.id } };
    case 'follow':
      return { recipientId: command.organizer.id, type: 'follower.new', data: { followerId: command.member.id } };
    case 'message':
      return { recipientId: command.conversation.organizer.id, type: 'chat.message', data: { messageId: command.messageId } };
  }
}

/** What identifies a notification by business identity (not by the id of the event behind it). */
function storedKey(notification: StoredNotification): string {
  const { recipientId, type, data } = notification;
  switch (type) {
    case 'event.liked':
      return `${recipientId}|${type}|${String(data['eventId'])}|${String(data['userId'])}`;
    case 'follower.new':
      return `${recipientId}|${type}|${String(data['followerId'])}`;
    case 'chat.message':
      return `${recipientId}|${type}|${String(data['messageId'])}`;
    default:
      return `${recipientId}|${type}|other`;
  }
}

export interface DeliveryReport {
  expected: number;
  stored: number;
  missing: number;
  /** Keys stored more than once. */
  doubled: number;
  /** Stored notifications no command asked for. */
  unexpected: number;
}

/** Compares the notifications stored by the notification service with what `commands` must produce. */
export async function deliveryReport(system: RunningSystem, commands: readonly Command[]): Promise<DeliveryReport> {
  const expected = new Set(commands.map((command) => storedKey(expectedNotification(command))));
  const counts = new Map<string, number>();
  const stored = await system
    .db('notification')
    .collection<StoredNotification>('notifications')
    .find({}, { projection: { _id: 0, recipientId: 1, type: 1, data: 1 } })
    .toArray();
  for (const notification of stored) {
    const key = storedKey(notification);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let missing = 0;
  for (const key of expected) if (!counts.has(key)) missing += 1;
  let doubled = 0;
  let unexpected = 0;
  for (const [key, count] of counts) {
    if (count > 1) doubled += 1;
    if (!expected.has(key)) unexpected += count;
  }
  return { expected: expected.size, stored: stored.length, missing, doubled, unexpected };
}

/** Waits until every expected notification is stored (or the time is up), then reports. */
export async function settledDeliveryReport(system: RunningSystem, commands: readonly Command[], timeoutMs: number): Promise<DeliveryReport> {
  const until = Date.now() + timeoutMs;
  let report = await deliveryReport(system, commands);
  while (report.missing > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    report = await deliveryReport(system, commands);
  }
  // A redelivery doubling a notification would land shortly after the last original.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return deliveryReport(system, commands);
}

/** Documents whose outbox still holds events, in every database of the system. */
export async function pendingOutboxes(system: RunningSystem): Promise<Record<string, number>> {
  const pending: Record<string, number> = {};
  for (const service of SERVICE_NAMES) {
    const db = system.db(service);
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      const count = await db.collection(name).countDocuments({ outboxPending: true });
      if (count > 0) pending[`${service}.${name}`] = count;
    }
  }
  return pending;
}

/** Messages in each service's dead-letter queue on the system's virtual host. */
export async function deadLetters(system: RunningSystem): Promise<Record<ServiceName, number>> {
  const depths = await Promise.all(SERVICE_NAMES.map(async (service) => [service, await readyMessages(`${service}.dlq`, system.amqpUrl)] as const));
  return Object.fromEntries(depths) as Record<ServiceName, number>;
}
