import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { idSchema } from '../../../shared/contracts/common.ts';
import type { GuideLanguage, MeetingGuide, MeetingGuideInput } from '../../../shared/contracts/meeting-guides.ts';
import type { Db } from '../../db/client.ts';
import { meetingGuides } from '../../db/schema/meeting-guides.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { conflict, notFound } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.public.ts';

type GuideRow = typeof meetingGuides.$inferSelect;

export function presentGuide(row: GuideRow): MeetingGuide {
  return {
    id: row.id,
    slug: row.slug,
    language: row.language === 'es' ? 'es' : 'en',
    title: row.title,
    fellowship: row.fellowship,
    typeCode: row.typeCode,
    body: row.body,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listGuides({ db, language }: { db: Db; language?: GuideLanguage }) {
  const rows = await db
    .select()
    .from(meetingGuides)
    .where(language ? eq(meetingGuides.language, language) : undefined)
    .orderBy(asc(meetingGuides.language), asc(meetingGuides.title), asc(meetingGuides.slug));
  return { guides: rows.map(presentGuide) };
}

/**
 * When a meeting has several type codes with a guide, the one most useful to a newcomer wins: whether
 * they may attend at all (closed or open) first, then how to join (online), then the format (speaker).
 */
const TYPE_PRIORITY = ['C', 'O', 'ONL', 'SP'];
const typeRank = (code: string) => {
  const index = TYPE_PRIORITY.indexOf(code);
  return index === -1 ? TYPE_PRIORITY.length : index;
};
const sameFellowship = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The guide for a meeting: fellowship and one of its type codes, else the fellowship alone, else one of
 * its type codes alone, else a general guide. Specificity comes first, then language: the viewer's
 * language when a guide of that level exists in it, English otherwise.
 */
export function bestGuide(
  candidates: readonly GuideRow[],
  meeting: { fellowship: string | null; types: readonly string[] },
  language: GuideLanguage,
): GuideRow | null {
  const types = new Set(meeting.types);
  const level = (guide: GuideRow): number | null => {
    const fellowshipFits = sameFellowship(guide.fellowship, meeting.fellowship);
    const typeFits = guide.typeCode !== null && types.has(guide.typeCode);
    if (guide.fellowship !== null && guide.typeCode !== null) return fellowshipFits && typeFits ? 0 : null;
    if (guide.fellowship !== null) return fellowshipFits ? 1 : null;
    if (guide.typeCode !== null) return typeFits ? 2 : null;
    return 3;
  };
  const ranked = candidates
    .filter((guide) => guide.language === language || guide.language === 'en')
    .map((guide) => ({ guide, level: level(guide) }))
    .filter((entry): entry is { guide: GuideRow; level: number } => entry.level !== null)
    .sort(
      (x, y) =>
        x.level - y.level ||
        Number(x.guide.language !== language) - Number(y.guide.language !== language) ||
        typeRank(x.guide.typeCode ?? '') - typeRank(y.guide.typeCode ?? '') ||
        x.guide.slug.localeCompare(y.guide.slug),
    );
  return ranked[0]?.guide ?? null;
}

export async function guideForMeeting({ db, meetingId, language }: { db: Db; meetingId: string; language: GuideLanguage }) {
  if (!idSchema.safeParse(meetingId).success) throw notFound('No such meeting');
  const [meeting] = await db
    .select({ fellowship: meetings.fellowship, types: meetings.types })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .limit(1);
  if (!meeting) throw notFound('No such meeting');
  const candidates = await db
    .select()
    .from(meetingGuides)
    .where(
      and(
        inArray(meetingGuides.language, [...new Set([language, 'en'])]),
        or(
          isNull(meetingGuides.fellowship),
          meeting.fellowship ? sql`lower(${meetingGuides.fellowship}) = lower(${meeting.fellowship.trim()})` : sql`false`,
        ),
        or(isNull(meetingGuides.typeCode), meeting.types.length > 0 ? inArray(meetingGuides.typeCode, meeting.types) : sql`false`),
      ),
    );
  const guide = bestGuide(candidates, meeting, language);
  return { guide: guide ? presentGuide(guide) : null };
}

async function withSlugCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict('Another guide already uses this slug', [{ path: 'slug', message: 'Already used' }]);
    }
    throw error;
  }
}

// Guides are what the organization tells newcomers: every change is in the security audit log.
export async function createGuide({ db, actor, input }: { db: Db; actor: Actor; input: MeetingGuideInput }) {
  return db.transaction(async (tx) => {
    const row = onlyRow(await withSlugCheck(() => tx.insert(meetingGuides).values(input).returning()));
    await recordAudit(tx, { event: 'guide.created', actorId: actor.userId, detail: { guideId: row.id, slug: row.slug } });
    return presentGuide(row);
  });
}

export async function updateGuide({ db, actor, id, input }: { db: Db; actor: Actor; id: string; input: MeetingGuideInput }) {
  return db.transaction(async (tx) => {
    const [row] = await withSlugCheck(() =>
      tx
        .update(meetingGuides)
        .set({ ...input, updatedAt: sql`now()` })
        .where(eq(meetingGuides.id, id))
        .returning(),
    );
    if (!row) throw notFound();
    await recordAudit(tx, { event: 'guide.updated', actorId: actor.userId, detail: { guideId: row.id, slug: row.slug } });
    return presentGuide(row);
  });
}

export async function deleteGuide({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(meetingGuides)
      .where(eq(meetingGuides.id, id))
      .returning({ id: meetingGuides.id, slug: meetingGuides.slug });
    if (!deleted) throw notFound();
    await recordAudit(tx, { event: 'guide.deleted', actorId: actor.userId, detail: { guideId: deleted.id, slug: deleted.slug } });
  });
}
