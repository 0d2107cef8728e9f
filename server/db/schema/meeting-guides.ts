import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

/**
 * "What to expect" at a meeting, written by the organization: for a fellowship, a type code, or both
 * (the most specific guide wins). Public, like the directory.
 */
export const meetingGuides = pgTable(
  'meeting_guides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    language: text('language').notNull().default('en'),
    title: text('title').notNull(),
    fellowship: text('fellowship'),
    typeCode: text('type_code'),
    /** Plain text; paragraphs separated by blank lines. Never rendered as HTML. */
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_guides_match_idx').on(t.fellowship, t.typeCode)],
);
