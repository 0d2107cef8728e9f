import { z } from 'zod';

/**
 * "What to expect" guides, written by the organization: for a fellowship, a meeting type code, both, or
 * neither (a general guide). Bodies are plain text, paragraphs separated by blank lines, never HTML.
 */

export const GUIDE_LANGUAGES = ['en', 'es'] as const;
export const guideLanguageSchema = z.enum(GUIDE_LANGUAGES);
export type GuideLanguage = z.infer<typeof guideLanguageSchema>;

export const GUIDE_LIMITS = { titleMax: 120, bodyMax: 8000, slugMax: 80, fellowshipMax: 80, typeCodeMax: 10 } as const;

export const meetingGuideSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  language: guideLanguageSchema,
  title: z.string(),
  fellowship: z.string().nullable(),
  typeCode: z.string().nullable(),
  body: z.string(),
  updatedAt: z.iso.datetime(),
});
export type MeetingGuide = z.infer<typeof meetingGuideSchema>;
export const meetingGuideListSchema = z.object({ guides: z.array(meetingGuideSchema) });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => (value ? value : null));

export const meetingGuideInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(1)
      .max(GUIDE_LIMITS.slugMax)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and dashes'),
    language: guideLanguageSchema,
    title: z.string().trim().min(1).max(GUIDE_LIMITS.titleMax),
    fellowship: optionalText(GUIDE_LIMITS.fellowshipMax),
    typeCode: optionalText(GUIDE_LIMITS.typeCodeMax),
    body: z.string().trim().min(1).max(GUIDE_LIMITS.bodyMax),
  })
  .strict();
export type MeetingGuideInput = z.infer<typeof meetingGuideInputSchema>;

export const guideLanguageQuery = z.object({ language: guideLanguageSchema.optional() }).strict();

/** The guide for one meeting; null when the organization has none that fits. */
export const meetingGuideMatchSchema = z.object({ guide: meetingGuideSchema.nullable() });
