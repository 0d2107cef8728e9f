import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PREFERENCES, type ReminderPreferences } from '../../../shared/contracts/reminders.ts';
import { assessments } from '../../db/schema/assessments.ts';
import { users } from '../../db/schema/auth.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { recoveryClocks } from '../../db/schema/clocks.ts';
import { outbox } from '../../db/schema/mail.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { profiles } from '../../db/schema/profile.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { runReminderSweep } from './reminders.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;
const sweep = (now: Date) => runReminderSweep({ ctx: t.app.ctx, now });

async function member(prefs: Partial<ReminderPreferences> = {}, timezone = 'America/Chicago'): Promise<Person> {
  const person = await buildPerson(t);
  await t.database.db.update(profiles).set({ timezone }).where(eq(profiles.userId, person.id));
  // Old enough members by default, so that only what a test sets up is due.
  await t.database.db
    .update(users)
    .set({ createdAt: at('2020-01-01T00:00:00Z') })
    .where(eq(users.id, person.id));
  const saved = await person.agent.put('/api/me/reminders', {
    ...DEFAULT_REMINDER_PREFERENCES,
    barcEveryDays: null,
    milestones: false,
    ...prefs,
  });
  if (saved.status !== 200) throw new Error(`preferences: ${saved.status} ${JSON.stringify(saved.body)}`);
  return person;
}

async function notificationsOf(person: Person, kind?: string) {
  const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, person.id));
  return kind ? rows.filter((row) => row.kind === kind) : rows;
}
async function emailsTo(person: Person) {
  return t.database.db.select().from(outbox).where(eq(outbox.to, person.email));
}
async function checkIn(person: Person, localDate: string) {
  await t.database.db.insert(checkins).values({ userId: person.id, localDate, mood: 4, craving: 2, used: 'no' });
}

describe('GET /api/me/reminders', () => {
  it('gives the defaults before anything is saved, privately', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.get('/api/me/reminders');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      checkinTime: null,
      milestones: true,
      barcEveryDays: 30,
      showReasons: false,
      byEmail: false,
      byPush: false,
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get('/api/me/reminders')).status).toBe(401);
  });
});

describe('PUT /api/me/reminders', () => {
  const valid: ReminderPreferences = {
    checkinTime: '20:30',
    milestones: false,
    barcEveryDays: 14,
    showReasons: true,
    byEmail: true,
    byPush: false,
  };

  it('saves the whole set, and saves again over it', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.put('/api/me/reminders', valid)).body).toEqual(valid);
    expect((await person.agent.get('/api/me/reminders')).body).toEqual(valid);
    const off = { ...valid, checkinTime: null, barcEveryDays: null };
    expect((await person.agent.put('/api/me/reminders', off)).body).toEqual(off);
    expect((await person.agent.get('/api/me/reminders')).body).toEqual(off);
  });

  it.each([
    ['checkinTime', { checkinTime: '25:00' }],
    ['checkinTime', { checkinTime: '8:30' }],
    ['barcEveryDays', { barcEveryDays: 6 }],
    ['barcEveryDays', { barcEveryDays: 91 }],
    ['barcEveryDays', { barcEveryDays: 7.5 }],
    ['byEmail', { byEmail: 'yes' }],
    ['extra', { extra: 1 }],
  ])('refuses a bad %s with a 400 naming it', async (field, change) => {
    const person = await buildPerson(t);
    const response = await person.agent.put('/api/me/reminders', { ...valid, ...change });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(field);
    expect((await person.agent.get('/api/me/reminders')).body).toEqual(DEFAULT_REMINDER_PREFERENCES);
  });

  it('refuses a partial set', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.put('/api/me/reminders', { checkinTime: '08:00' })).status).toBe(400);
  });
});

describe('the check-in reminder', () => {
  it('is sent once its local time has passed, once only however often the sweep runs', async () => {
    const person = await member({ checkinTime: '08:00', byEmail: true });
    // 07:00 in Chicago (CDT): not yet.
    await sweep(at('2026-06-10T12:00:00Z'));
    expect(await notificationsOf(person, 'checkin')).toEqual([]);
    // 09:00 in Chicago, twice (a retried job), then later the same day.
    const first = await sweep(at('2026-06-10T14:00:00Z'));
    await sweep(at('2026-06-10T14:00:00Z'));
    await sweep(at('2026-06-10T20:00:00Z'));
    expect(first.created).toBeGreaterThanOrEqual(1);
    const rows = await notificationsOf(person, 'checkin');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dedupeKey: `${person.id}:checkin:2026-06-10`, link: '/check-in' });
    const emails = await emailsTo(person);
    expect(emails).toHaveLength(1);
    // Neutral on a lock screen: nothing about recovery in the email.
    expect(emails[0]?.subject).toBe('A note from Kinship');
    // The next local day gets its own.
    await sweep(at('2026-06-11T14:00:00Z'));
    expect(await notificationsOf(person, 'checkin')).toHaveLength(2);
  });

  it('two sweeps at once still create one notification and one email', async () => {
    const person = await member({ checkinTime: '08:00', byEmail: true });
    await Promise.all([sweep(at('2026-06-12T14:00:00Z')), sweep(at('2026-06-12T14:00:00Z')), sweep(at('2026-06-12T14:00:00Z'))]);
    expect(await notificationsOf(person, 'checkin')).toHaveLength(1);
    expect(await emailsTo(person)).toHaveLength(1);
  });

  it('is in the app only unless the member asked for email', async () => {
    const person = await member({ checkinTime: '08:00' });
    await sweep(at('2026-06-10T14:00:00Z'));
    expect(await notificationsOf(person, 'checkin')).toHaveLength(1);
    expect(await emailsTo(person)).toEqual([]);
  });

  it('is not sent to a member who already checked in today', async () => {
    const person = await member({ checkinTime: '08:00', byEmail: true });
    await checkIn(person, '2026-06-10');
    await sweep(at('2026-06-10T14:00:00Z'));
    expect(await notificationsOf(person, 'checkin')).toEqual([]);
    expect(await emailsTo(person)).toEqual([]);
  });

  it('is not sent when turned off', async () => {
    const person = await member({ checkinTime: null });
    await sweep(at('2026-06-10T23:00:00Z'));
    expect(await notificationsOf(person)).toEqual([]);
  });

  it('counts the member’s day, not the server’s: a check-in yesterday evening in Los Angeles is not today', async () => {
    const person = await member({ checkinTime: '20:00' }, 'America/Los_Angeles');
    await checkIn(person, '2026-06-09');
    // 20:30 on 10 June in Los Angeles is 03:30 on 11 June in UTC.
    await sweep(at('2026-06-11T03:30:00Z'));
    expect((await notificationsOf(person, 'checkin')).map((row) => row.dedupeKey)).toEqual([`${person.id}:checkin:2026-06-10`]);
  });

  it('fires at 03:30 for a 02:30 reminder on the spring-forward day', async () => {
    const person = await member({ checkinTime: '02:30' }, 'America/New_York');
    await sweep(at('2026-03-08T07:29:00Z')); // 03:29 EDT
    expect(await notificationsOf(person, 'checkin')).toEqual([]);
    await sweep(at('2026-03-08T07:30:00Z')); // 03:30 EDT
    expect(await notificationsOf(person, 'checkin')).toHaveLength(1);
  });

  it('fires once on the fall-back day, though 01:30 happens twice', async () => {
    const person = await member({ checkinTime: '01:30', byEmail: true }, 'America/New_York');
    await sweep(at('2026-11-01T05:30:00Z')); // 01:30 EDT
    await sweep(at('2026-11-01T06:30:00Z')); // 01:30 EST
    expect(await notificationsOf(person, 'checkin')).toHaveLength(1);
    expect(await emailsTo(person)).toHaveLength(1);
  });

  it('fires once on the European changes too', async () => {
    const person = await member({ checkinTime: '02:30' }, 'Europe/Berlin');
    await sweep(at('2026-03-29T01:29:00Z'));
    await sweep(at('2026-03-29T01:30:00Z')); // 03:30 CEST
    await sweep(at('2026-10-25T00:30:00Z')); // 02:30 CEST
    await sweep(at('2026-10-25T01:30:00Z')); // 02:30 CET
    expect((await notificationsOf(person, 'checkin')).map((row) => row.dedupeKey).sort()).toEqual([
      `${person.id}:checkin:2026-03-29`,
      `${person.id}:checkin:2026-10-25`,
    ]);
  });

  it('includes one of the member’s reasons when they asked for it', async () => {
    const person = await member({ checkinTime: '08:00', showReasons: true, byEmail: true });
    await person.agent.put('/api/me/reasons', { reasons: ['My daughter Ana'] });
    await sweep(at('2026-06-10T14:00:00Z'));
    const [row] = await notificationsOf(person, 'checkin');
    expect(row?.body).toContain('My daughter Ana');
    // Never in the email.
    const [email] = await emailsTo(person);
    expect(email?.text ?? '').not.toContain('Ana');
  });
});

describe('the language of reminders', () => {
  it('speaks the member’s first profile language that Kinship has, in the app and in the email', async () => {
    const person = await member({ checkinTime: '08:00', showReasons: true, byEmail: true });
    await person.agent.patch('/api/me/profile', { languages: ['fr', 'es-MX', 'en'] });
    await person.agent.put('/api/me/reasons', { reasons: ['Mi hija Ana'] });
    await sweep(at('2026-06-15T14:00:00Z'));
    const [row] = await notificationsOf(person, 'checkin');
    expect(row?.title).toBe('Un momento para tu registro');
    expect(row?.body).toContain('Escribiste que esto te importa: «Mi hija Ana»');
    const [email] = await emailsTo(person);
    expect(email?.subject).toBe('Una nota de Kinship');
  });

  it('falls back to English', async () => {
    const person = await member({ checkinTime: '08:00' });
    await person.agent.patch('/api/me/profile', { languages: ['fr'] });
    await sweep(at('2026-06-16T14:00:00Z'));
    const [row] = await notificationsOf(person, 'checkin');
    expect(row?.title).toBe('A moment for your check-in');
  });
});

describe('milestone messages', () => {
  async function clock(person: Person, startedAt: Date, createdAt: Date) {
    const [row] = await t.database.db
      .insert(recoveryClocks)
      .values({ userId: person.id, label: 'Alcohol', kind: 'abstinence', startedAt, createdAt })
      .returning({ id: recoveryClocks.id });
    return row?.id as string;
  }

  it('announces a milestone reached since the last sweep, once', async () => {
    const person = await member({ milestones: true, byEmail: true });
    const now = at('2026-06-10T14:00:00Z');
    const id = await clock(person, new Date(now.getTime() - 7 * DAY - 60_000), new Date(now.getTime() - 8 * DAY));
    await sweep(now);
    await sweep(new Date(now.getTime() + 60_000));
    const rows = await notificationsOf(person, 'milestone');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: '7 days: Alcohol', link: '/clocks' });
    expect(rows[0]?.dedupeKey).toContain(id);
    expect(await emailsTo(person)).toHaveLength(1);
    expect((await emailsTo(person))[0]?.text).not.toContain('Alcohol');
  });

  it('does not replay milestones passed before the clock was entered', async () => {
    const person = await member({ milestones: true });
    const now = at('2026-06-10T14:00:00Z');
    await clock(person, new Date(now.getTime() - 400 * DAY), new Date(now.getTime() - DAY));
    await sweep(now);
    expect(await notificationsOf(person, 'milestone')).toEqual([]);
  });

  it('announces again after a reset, for the new run', async () => {
    const person = await member({ milestones: true });
    const now = at('2026-06-10T14:00:00Z');
    const id = await clock(person, new Date(now.getTime() - DAY - 60_000), new Date(now.getTime() - 20 * DAY));
    await sweep(now);
    await t.database.db
      .update(recoveryClocks)
      .set({ startedAt: new Date(now.getTime() + 60_000) })
      .where(eq(recoveryClocks.id, id));
    await sweep(new Date(now.getTime() + DAY + 120_000));
    expect((await notificationsOf(person, 'milestone')).map((row) => row.title)).toEqual(['24 hours: Alcohol', '24 hours: Alcohol']);
  });

  it('is silent when turned off', async () => {
    const person = await member({ milestones: false });
    const now = at('2026-06-10T14:00:00Z');
    await clock(person, new Date(now.getTime() - 7 * DAY - 60_000), new Date(now.getTime() - 8 * DAY));
    await sweep(now);
    expect(await notificationsOf(person, 'milestone')).toEqual([]);
  });
});

describe('BARC-10 due', () => {
  it('is offered a week after joining when never taken, once per period', async () => {
    const person = await member({ barcEveryDays: 30 });
    const joined = at('2026-06-01T12:00:00Z');
    await t.database.db.update(users).set({ createdAt: joined }).where(eq(users.id, person.id));
    await sweep(new Date(joined.getTime() + 6 * DAY));
    expect(await notificationsOf(person, 'barc10')).toEqual([]);
    await sweep(new Date(joined.getTime() + 7 * DAY));
    await sweep(new Date(joined.getTime() + 8 * DAY));
    expect(await notificationsOf(person, 'barc10')).toHaveLength(1);
    // Still not taken a period later: offered again, not every day in between.
    await sweep(new Date(joined.getTime() + 37 * DAY));
    expect(await notificationsOf(person, 'barc10')).toHaveLength(2);
  });

  it('is offered barcEveryDays after the last one taken', async () => {
    const person = await member({ barcEveryDays: 14 });
    const taken = at('2026-06-01T12:00:00Z');
    await t.database.db
      .insert(assessments)
      .values({ userId: person.id, instrument: 'barc10', answers: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], total: 40, takenAt: taken });
    await sweep(new Date(taken.getTime() + 13 * DAY));
    expect(await notificationsOf(person, 'barc10')).toEqual([]);
    await sweep(new Date(taken.getTime() + 14 * DAY));
    expect(await notificationsOf(person, 'barc10')).toHaveLength(1);
  });

  it('members with no saved choices get the defaults (milestones, BARC-10 every 30 days, in the app only)', async () => {
    const person = await buildPerson(t);
    const joined = at('2026-06-01T12:00:00Z');
    await t.database.db.update(users).set({ createdAt: joined }).where(eq(users.id, person.id));
    await sweep(new Date(joined.getTime() + 7 * DAY));
    expect(await notificationsOf(person, 'barc10')).toHaveLength(1);
    expect(await emailsTo(person)).toEqual([]);
  });

  it('is not sent to staff who are not members', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    await t.database.db
      .update(users)
      .set({ createdAt: at('2026-06-01T12:00:00Z') })
      .where(eq(users.id, coach.id));
    await sweep(at('2026-06-20T12:00:00Z'));
    expect(await notificationsOf(coach)).toEqual([]);
  });
});

describe('the notification centre', () => {
  let person: Person;
  beforeAll(async () => {
    person = await member({ checkinTime: '08:00' });
    await sweep(at('2026-07-01T14:00:00Z'));
    await sweep(at('2026-07-02T14:00:00Z'));
  });

  it('GET /api/me/notifications lists mine, newest first, with the unread count', async () => {
    const response = await person.agent.get('/api/me/notifications');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.unread).toBe(2);
    expect(response.body.notifications).toHaveLength(2);
    const [newest, older] = response.body.notifications;
    expect(newest.createdAt >= older.createdAt).toBe(true);
    expect(newest).toMatchObject({ kind: 'checkin', link: '/check-in', readAt: null });
    expect(newest).not.toHaveProperty('dedupeKey');
    expect(newest).not.toHaveProperty('userId');
  });

  it('POST /api/me/notifications/:id/read marks one read; someone else’s is not found', async () => {
    const list = await person.agent.get('/api/me/notifications');
    const id = list.body.notifications[0].id as string;
    const response = await person.agent.post(`/api/me/notifications/${id}/read`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ unread: 1 });
    expect((await person.agent.post(`/api/me/notifications/${id}/read`)).body).toEqual({ unread: 1 });
    const other = await buildPerson(t);
    expect((await other.agent.post(`/api/me/notifications/${id}/read`)).status).toBe(404);
    expect((await other.agent.post(`/api/me/notifications/${randomUUID()}/read`)).status).toBe(404);
    expect((await other.agent.post('/api/me/notifications/not-an-id/read')).status).toBe(400);
    const [row] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id)));
    expect(row?.readAt).not.toBeNull();
  });

  it('POST /api/me/notifications/read-all marks all of mine read, nobody else’s', async () => {
    const other = await member({ checkinTime: '08:00' });
    await sweep(at('2026-07-03T14:00:00Z'));
    const response = await person.agent.post('/api/me/notifications/read-all');
    expect(response.body).toEqual({ unread: 0 });
    expect((await person.agent.get('/api/me/notifications')).body.unread).toBe(0);
    expect((await other.agent.get('/api/me/notifications')).body.unread).toBe(1);
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get('/api/me/notifications')).status).toBe(401);
  });
});

describe('Web Push', () => {
  const subscription = (n: number) => ({
    endpoint: `https://fcm.googleapis.com/fcm/send/test-${n}-${randomUUID()}`,
    keys: {
      p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      auth: 'tBHItJI5svbpez7KI4CCXg',
    },
  });

  it('GET /api/me/push/key gives the same public key every time', async () => {
    const person = await buildPerson(t);
    const first = await person.agent.get('/api/me/push/key');
    expect(first.status).toBe(200);
    expect(first.body.publicKey).toMatch(/^[\w-]{80,}$/);
    expect((await person.agent.get('/api/me/push/key')).body).toEqual(first.body);
  });

  it('PUT /api/me/push-subscriptions takes browser push services only', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.put('/api/me/push-subscriptions', subscription(1))).status).toBe(200);
    for (const endpoint of [
      'http://fcm.googleapis.com/x',
      'https://169.254.169.254/latest',
      'https://localhost/x',
      'https://evil.example/fcm.googleapis.com',
    ]) {
      const response = await person.agent.put('/api/me/push-subscriptions', { ...subscription(2), endpoint });
      expect(response.status, endpoint).toBe(400);
    }
  });

  it('the sweep pushes a neutral message once to each of the member’s browsers, and forgets a browser that unsubscribed', async () => {
    const person = await member({ checkinTime: '08:00', byPush: true, showReasons: true });
    await person.agent.put('/api/me/reasons', { reasons: ['My daughter Ana'] });
    const live = subscription(3);
    const gone = subscription(4);
    await person.agent.put('/api/me/push-subscriptions', live);
    await person.agent.put('/api/me/push-subscriptions', gone);
    const sent: { endpoint: string; message: unknown }[] = [];
    const push = {
      send: async (sub: { endpoint: string }, message: unknown) => {
        sent.push({ endpoint: sub.endpoint, message });
        return sub.endpoint === gone.endpoint ? ('gone' as const) : ('sent' as const);
      },
    };
    await runReminderSweep({ ctx: t.app.ctx, now: at('2026-08-10T14:00:00Z'), push });
    await runReminderSweep({ ctx: t.app.ctx, now: at('2026-08-10T14:00:00Z'), push });
    const mine = sent.filter((s) => s.endpoint === live.endpoint || s.endpoint === gone.endpoint);
    expect(mine).toHaveLength(2);
    expect(JSON.stringify(mine)).not.toContain('Ana');
    expect(mine[0]?.message).toMatchObject({ title: 'A note from Kinship', link: '/check-in' });
    // The unsubscribed browser is forgotten; the next day only the live one gets it.
    await runReminderSweep({ ctx: t.app.ctx, now: at('2026-08-11T14:00:00Z'), push });
    expect(sent.filter((s) => s.endpoint === gone.endpoint)).toHaveLength(1);
    expect(sent.filter((s) => s.endpoint === live.endpoint)).toHaveLength(2);
  });

  it('POST /api/me/push-subscriptions/remove stops pushes to that browser', async () => {
    const person = await member({ checkinTime: '08:00', byPush: true });
    const sub = subscription(5);
    await person.agent.put('/api/me/push-subscriptions', sub);
    expect((await person.agent.post('/api/me/push-subscriptions/remove', { endpoint: sub.endpoint })).status).toBe(200);
    const sent: string[] = [];
    await runReminderSweep({
      ctx: t.app.ctx,
      now: at('2026-08-12T14:00:00Z'),
      push: {
        send: async (s) => {
          sent.push(s.endpoint);
          return 'sent';
        },
      },
    });
    expect(sent).not.toContain(sub.endpoint);
  });
});
