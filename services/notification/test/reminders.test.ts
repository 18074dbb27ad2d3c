import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { deleteServiceQueues, eventSnapshotData, freshDatabase, infra, mailpit, startTestIssuer, uniqueName, waitFor, type TestDatabase, type TestIssuer } from '@eventonight/testing';
import type { RunningNotificationService } from '../src/service.js';
import { startNotification, Upstream } from './helpers.js';

const HOUR = 3_600_000;

/**
 * Issue 27: a reminder the day before, once per member going, with two replicas running the
 * reminder job against one database (the lease picks one; the ids make a second run harmless).
 * The replicas share a clock the test moves; mail goes to the real Mailpit.
 */
describe('notification: the reminder the day before', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let upstream: Upstream;
  let replicaA: RunningNotificationService;
  let replicaB: RunningNotificationService;
  let now = Date.now();
  const name = uniqueName('notification-reminders');
  const extra = { SMTP_URL: infra.smtpUrl, MAIL_POLL_INTERVAL_MS: '200', REMINDER_INTERVAL_MS: '200' };

  before(async () => {
    database = await freshDatabase('notification_reminders');
    issuer = await startTestIssuer();
    upstream = await Upstream.open();
    const overrides = { clock: () => new Date(now) };
    replicaA = await startNotification({ database: database.name, issuer, name, extra, overrides });
    // The second replica runs the same jobs on the same database; it consumes nothing.
    replicaB = await startNotification({ database: database.name, issuer, name: `${name}-b`, extra, overrides: { ...overrides, consume: false } });
  });
  after(async () => {
    await replicaB?.close();
    await replicaA?.close();
    await deleteServiceQueues(name);
    await upstream?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('everyone going is reminded once 24 hours before, in the app and by mail; a rescheduled evening is reminded again', async () => {
    const db = replicaA.db;
    const eventId = uniqueName('ev-remind');
    const holder = { id: `member-${randomUUID()}`, email: `${uniqueName('going')}@mail.test` };
    upstream.publish(upstream.event('user.contact.changed', { userId: holder.id, email: holder.email }, holder.id, 1));
    upstream.publish(upstream.event('interaction.participation.added', { eventId, userId: holder.id, eventOwnerId: 'org-1' }, `p-${holder.id}`, 1));
    await waitFor(async () => ((await db.collection('contacts').countDocuments({ _id: holder.id as never })) === 1 ? true : undefined), { what: 'the address' });
    await waitFor(async () => ((await db.collection('participants').countDocuments({ targetId: eventId, active: true })) === 1 ? true : undefined), { what: 'going' });

    now = Date.now();
    const startsAt = new Date(Math.floor((now + 30 * HOUR) / 60_000) * 60_000);
    upstream.publish(upstream.event('event.published', { ...eventSnapshotData(eventId, 'org-1', 'published', { startsAt }), tiers: [] }, eventId, 2));
    await waitFor(async () => ((await db.collection('schedules').countDocuments({ _id: eventId as never })) === 1 ? true : undefined), { what: 'the schedule kept' });
    const reminders = () => db.collection('notifications').countDocuments({ recipientId: holder.id, type: 'event.reminder' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(await reminders(), 0, 'thirty hours before: no reminder yet');

    now = startsAt.getTime() - 23 * HOUR;
    const [mail] = await waitFor(async () => ((await mailpit.to(holder.email)).length > 0 ? mailpit.to(holder.email) : undefined), { what: 'the reminder mail', timeoutMs: 20_000 });
    assert.match(mail?.Subject ?? '', /^Tomorrow: Jazz night, /);
    assert.equal(await reminders(), 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal((await mailpit.to(holder.email)).length, 1, 'once, with two replicas and several runs');
    assert.equal(await reminders(), 1);

    // Moved two hours later: a reminder for the new start, when its own day before comes.
    const later = new Date(startsAt.getTime() + 2 * HOUR);
    upstream.publish(
      upstream.event(
        'event.updated',
        { ...eventSnapshotData(eventId, 'org-1', 'published', { startsAt: later }), rescheduled: { previousStartsAt: startsAt.toISOString(), previousEndsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString() } },
        eventId,
        3,
      ),
    );
    await waitFor(async () => ((await db.collection('schedules').findOne({ _id: eventId as never }))?.['startsAt']?.getTime() === later.getTime() ? true : undefined), { what: 'the new start kept' });
    now = later.getTime() - 23 * HOUR;
    await waitFor(async () => ((await reminders()) === 2 ? true : undefined), { what: 'the reminder for the new start', timeoutMs: 20_000 });
    await waitFor(async () => ((await mailpit.to(holder.email)).filter((message) => message.Subject.startsWith('Tomorrow:')).length === 2 ? true : undefined), {
      what: 'its mail',
      timeoutMs: 20_000,
    });
    now = Date.now();
  });
});
