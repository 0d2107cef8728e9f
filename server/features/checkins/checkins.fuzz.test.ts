import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkinBodySchema } from '../../../shared/contracts/checkins.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { todayIn } from '../../lib/dates.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

/**
 * The generic bad-input test never reaches the check-in service (no random path is a valid recent day),
 * so this one aims near-valid bodies at today's URL: the answer is 2xx exactly when the shared schema
 * accepts the body, never 5xx, and what is stored is what was accepted.
 */

let t: TestApp;
let person: Person;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  person = await buildPerson(t);
});
afterAll(async () => t.close());

const edgy = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad });
const hostile = fc.constantFrom('', ' ', '\u202e', '<script>', "'; drop table checkins; --", 'ü🙂', 'x'.repeat(3000), null, 7, []);
const body = fc.record(
  {
    mood: edgy(fc.integer({ min: 1, max: 5 }), fc.oneof(fc.integer(), fc.double(), hostile)),
    craving: edgy(fc.integer({ min: 0, max: 10 }), fc.oneof(fc.integer(), fc.double(), hostile)),
    sleepHours: edgy(
      fc.integer({ min: 0, max: 48 }).map((h) => h / 2),
      fc.oneof(fc.double(), hostile),
    ),
    used: edgy(fc.constantFrom('no', 'yes', 'prefer_not_to_say'), hostile),
    substances: edgy(fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }), fc.oneof(fc.array(hostile, { maxLength: 12 }), hostile)),
    gratitude: edgy(fc.string({ maxLength: 300 }), hostile),
    note: edgy(fc.string({ maxLength: 2100 }), hostile),
  },
  { requiredKeys: [] },
);

it('answers any near-valid check-in with 2xx exactly when the schema accepts it, never 5xx', async () => {
  const url = `/api/me/checkins/${todayIn('America/Chicago')}`;
  await fc.assert(
    fc.asyncProperty(body, async (payload) => {
      const response = await person.agent.put(url, payload);
      expect(response.status).toBeLessThan(500);
      const parsed = checkinBodySchema.safeParse(payload);
      if (!parsed.success) {
        expect(response.status).toBe(400);
        expect(response.body.error.fields.length).toBeGreaterThan(0);
        return;
      }
      expect([200, 201]).toContain(response.status);
      const [row] = await t.database.db.select().from(checkins).where(eq(checkins.userId, person.id));
      expect(row).toMatchObject({ mood: parsed.data.mood, craving: parsed.data.craving, note: parsed.data.note ?? null });
    }),
    { seed: 20_261_126, numRuns: 300 },
  );
  expect(await t.database.db.select().from(checkins).where(eq(checkins.userId, person.id))).toHaveLength(1);
});
