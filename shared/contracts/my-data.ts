import { z } from 'zod';
import { buddiesExportSchema } from './buddies.ts';
import { coachingExportSchema } from './coaching.ts';
import { coachingSessionsExportSchema } from './coaching-sessions.ts';
import { isoDate } from './common.ts';
import { accessLogScopeSchema, scopeSchema } from './consent.ts';
import { eventRsvpsExportSchema } from './events.ts';
import { messagesExportSchema } from './messages.ts';
import { myMeetingsExportSchema } from './my-meetings.ts';
import { partnershipsExportSchema } from './partners.ts';
import { roleSchema } from './roles.ts';

/**
 * "My data": everything Kinship holds about the signed-in person, as one JSON document, and the
 * deletion of their account. Secrets (password hash, two-factor secret, recovery codes, session
 * tokens, stored idempotent replies) are never part of it: this schema lists every field that
 * leaves, and the server serializes through it.
 */

const personRef = z.object({ id: z.uuid(), alias: z.string() });

const exportGrantSchema = z.object({
  id: z.uuid(),
  grantor: personRef,
  grantee: personRef,
  scopes: z.array(scopeSchema),
  purpose: z.string(),
  startsAt: isoDate,
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  createdAt: isoDate,
});

const versionSchema = z.object({ version: z.number().int(), content: z.record(z.string(), z.unknown()), createdAt: isoDate });

export const myDataExportSchema = z.object({
  format: z.literal('kinship-export'),
  version: z.literal(1),
  exportedAt: isoDate,
  account: z.object({
    id: z.uuid(),
    email: z.string(),
    roles: z.array(roleSchema),
    status: z.enum(['active', 'disabled']),
    twoFactorEnabled: z.boolean(),
    createdAt: isoDate,
  }),
  profile: z
    .object({
      alias: z.string(),
      legalName: z.string().nullable(),
      pronouns: z.string().nullable(),
      languages: z.array(z.string()),
      timezone: z.string(),
      pathways: z.array(z.string()),
      pathwaysVisibility: z.enum(['private', 'shared']),
      updatedAt: isoDate,
    })
    .nullable(),
  consent: z.object({ given: z.array(exportGrantSchema), received: z.array(exportGrantSchema) }),
  /** Every read of my record by someone else (who, when, what, why). */
  accessLog: z.array(
    z.object({
      at: isoDate,
      reader: personRef,
      scope: accessLogScopeSchema,
      purpose: z.string(),
      grantId: z.uuid().nullable(),
      breakGlass: z.boolean(),
    }),
  ),
  /** Emergency (break-glass) windows staff opened on my record, with their written reason. */
  breakGlass: z.array(z.object({ openedAt: isoDate, expiresAt: isoDate, openedBy: personRef, reason: z.string() })),
  /** Security events about me or done by me (sign-ins, password changes, grants, ...). Ids only. */
  securityEvents: z.array(
    z.object({
      at: isoDate,
      event: z.string(),
      actorId: z.uuid().nullable(),
      subjectId: z.uuid().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  checkins: z.array(
    z.object({
      localDate: z.string(),
      mood: z.number(),
      craving: z.number(),
      sleepHours: z.number().nullable(),
      used: z.enum(['no', 'yes', 'prefer_not_to_say']),
      substances: z.array(z.string()),
      gratitude: z.string().nullable(),
      note: z.string().nullable(),
      backfilled: z.boolean(),
      createdAt: isoDate,
      updatedAt: isoDate,
    }),
  ),
  clocks: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      kind: z.enum(['abstinence', 'harm_reduction', 'recovery']),
      goal: z.string().nullable(),
      startedAt: isoDate,
      createdAt: isoDate,
      archivedAt: isoDate.nullable(),
      /** Earlier runs, kept when the clock was reset. */
      runs: z.array(z.object({ startedAt: isoDate, endedAt: isoDate })),
    }),
  ),
  reasons: z.array(z.object({ text: z.string(), position: z.number().int(), createdAt: isoDate })),
  /** Every saved version, oldest first. */
  recoveryPlan: z.array(versionSchema),
  safetyPlan: z.array(versionSchema),
  assessments: z.array(z.object({ instrument: z.string(), answers: z.array(z.number()), total: z.number(), takenAt: isoDate })),
  reminderPreferences: z
    .object({
      checkinTime: z.string().nullable(),
      milestones: z.boolean(),
      barcEveryDays: z.number().int().nullable(),
      showReasons: z.boolean(),
      byEmail: z.boolean(),
      byPush: z.boolean(),
      updatedAt: isoDate,
    })
    .nullable(),
  notifications: z.array(
    z.object({
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullable(),
      createdAt: isoDate,
      readAt: isoDate.nullable(),
    }),
  ),
  /** Every time I pressed SOS. */
  sosPresses: z.array(z.object({ at: isoDate })),
  /** My conversations (coach and client, accountability partners) with their messages. */
  conversations: messagesExportSchema,
  /** My accountability partnerships, invitations included. */
  partnerships: partnershipsExportSchema,
  /** My requests for a coach and coaching relationships with their history; my coach profile if I coach. */
  coaching: coachingExportSchema,
  /** My coaching sessions, every note my coach wrote about me, and the referrals made for me. */
  coachingSessions: coachingSessionsExportSchema,
  /** First-meeting buddies: my volunteer offer, requests I made, requests I accepted. */
  buddies: buddiesExportSchema,
  /** My answers to events (going, waiting, withdrawn). */
  eventRsvps: eventRsvpsExportSchema,
  /** My saved meetings, the meetings I said I went to, the meetings I am secretary of, whether I have a private calendar address. */
  meetings: myMeetingsExportSchema,
});
export type MyDataExport = z.infer<typeof myDataExportSchema>;

export const deleteAccountSchema = z
  .object({
    password: z.string().min(1).max(256),
    confirm: z.literal('DELETE', { error: 'Type DELETE to confirm' }),
  })
  .strict();

export const deleteAccountResultSchema = z.object({
  deleted: z.literal(true),
  /** What was removed, table by table, with how many rows. */
  erased: z.array(z.object({ what: z.string(), count: z.number().int() })),
  /** What stays, without anything that names the person, and why. */
  deidentified: z.array(z.object({ what: z.string(), how: z.string() })),
  kept: z.array(z.object({ what: z.string(), count: z.number().int(), why: z.string() })),
});
export type DeleteAccountResult = z.infer<typeof deleteAccountResultSchema>;
