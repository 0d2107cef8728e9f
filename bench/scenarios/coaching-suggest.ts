import type pg from 'pg';
import { suggestAssignment } from '../../server/features/coaching/matching/assign.ts';
import type { MatchCoach, MatchMember } from '../../server/features/coaching/matching/matching.types.ts';
import { type CoachingPreferences, GENDERS, SPECIALTIES, type Specialty, type WeeklySlot } from '../../shared/contracts/coaching-base.ts';
import { RECOVERY_PATHWAYS, type RecoveryPathway } from '../../shared/contracts/people.ts';
import { resetDatabase, seedPool } from '../lib/database.ts';
import { insertPeople, insertSessions, setUpOrganization } from '../lib/seed.ts';
import { startKinship } from '../lib/servers.ts';
import type { Scenario } from '../lib/types.ts';

/**
 * A supervisor presses "suggest matches" on a busy board: POST /api/coaching/matching/suggest with
 * 2,000 members waiting and 300 coaches, through HTTP and the database (load both sides, run the
 * assignment, explain every pair, list override choices, name everyone). Baseline in the same run:
 * the assignment alone on the same input, in this process; the ratio is what loading, explaining and
 * serializing add. Goal: under 3 s a press.
 */
const MEMBERS = 2000;
const COACHES = 300;
const RUNS = 5;
const GOAL_SECONDS = 3;
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'] as const;

const at = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;
const slot = (day: number, start: string, end: string): WeeklySlot => ({ day, start, end });

/** Varied but repeatable wishes: about a third ask for Spanish (half of them must have it), some a gender, times or specialties. */
function preferencesOf(i: number): CoachingPreferences {
  return {
    gender: i % 4 === 0 ? { value: [at(GENDERS, i)], required: i % 8 === 0 } : null,
    language: i % 3 === 0 ? { value: ['es'], required: i % 6 === 0 } : i % 97 === 0 ? { value: ['fa'], required: true } : null,
    pathway: i % 5 === 0 ? { value: [at(RECOVERY_PATHWAYS, i)], required: false } : null,
    specialties: i % 2 === 0 ? { value: [at(SPECIALTIES, i), at(SPECIALTIES, i * 3 + 1)], required: false } : null,
    times: i % 7 === 0 ? { value: [slot((i % 5) + 1, '17:00', '21:00')], required: i % 14 === 0 } : null,
    timezone: at(ZONES, i),
  };
}

function coachProfileOf(i: number) {
  return {
    gender: at(GENDERS, i),
    languages: i % 3 === 0 ? ['en', 'es'] : ['en'],
    pathways: [at(RECOVERY_PATHWAYS, i), at(RECOVERY_PATHWAYS, i * 5 + 2)] as RecoveryPathway[],
    specialties: [at(SPECIALTIES, i), at(SPECIALTIES, i + 4), at(SPECIALTIES, i * 7 + 1)] as Specialty[],
    timezone: at(ZONES, i + 1),
    availability: [slot((i % 5) + 1, '16:00', '20:00'), slot(((i + 2) % 7) + 1, '09:00', '12:00')],
    maxCaseload: 3 + (i % 6),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

async function seedBoard(pool: pg.Pool, coachIds: string[], memberIds: string[]) {
  const profiles = coachIds.map((_, i) => coachProfileOf(i));
  await pool.query(
    `INSERT INTO coach_profiles (user_id, gender, languages, pathways, specialties, timezone, availability, max_caseload, lived_experience)
     SELECT id::uuid, p->>'gender', array(select jsonb_array_elements_text(p->'languages')),
            array(select jsonb_array_elements_text(p->'pathways')), array(select jsonb_array_elements_text(p->'specialties')),
            p->>'timezone', p->'availability', (p->>'maxCaseload')::smallint, 'Years in recovery.'
     FROM unnest($1::text[], $2::jsonb[]) AS t(id, p)`,
    [coachIds, profiles.map((p) => JSON.stringify(p))],
  );
  // Waiting from 0 to 40 days, so waiting time weighs in differently for each.
  await pool.query(
    `INSERT INTO coaching_relationships (member_id, status, preferences, requested_at)
     SELECT id::uuid, 'requested', p, now() - ((n % 41) || ' days')::interval
     FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS t(id, p, n)`,
    [memberIds, memberIds.map((_, i) => JSON.stringify(preferencesOf(i)))],
  );
  await pool.query('VACUUM ANALYZE');
  const members: MatchMember[] = (
    await pool.query<{ id: string; member_id: string; preferences: CoachingPreferences; days: number }>(
      `SELECT id, member_id, preferences, floor(extract(epoch from now() - requested_at) / 86400)::int AS days
       FROM coaching_relationships WHERE status = 'requested'`,
    )
  ).rows.map((row) => ({
    requestId: row.id,
    memberId: row.member_id,
    preferences: row.preferences,
    waitingDays: row.days,
    requestedCoachId: null,
  }));
  const coaches: MatchCoach[] = coachIds.map((coachId, i) => {
    const p = profiles[i] ?? coachProfileOf(i);
    return { coachId, freeSeats: p.maxCaseload, ...p };
  });
  return { members, coaches, seats: profiles.reduce((sum, p) => sum + p.maxCaseload, 0) };
}

export const coachingSuggest: Scenario = {
  name: 'coaching-suggest',
  summary: `POST /api/coaching/matching/suggest with ${MEMBERS} waiting and ${COACHES} coaches (HTTP + database); baseline the assignment alone`,
  async run(bench) {
    bench.log('resetting the bench database');
    await resetDatabase(bench.databaseUrl);
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl });
    const pool = seedPool(bench, bench.databaseUrl);
    await setUpOrganization(kinship.url);
    const [supervisor] = await insertPeople(pool, { count: 1, prefix: 'supervisor', roles: ['supervisor'] });
    if (!supervisor) throw new Error('no supervisor seeded');
    const coaches = await insertPeople(pool, { count: COACHES, prefix: 'coach', roles: ['coach'] });
    const members = await insertPeople(pool, { count: MEMBERS, prefix: 'waiting' });
    const board = await seedBoard(
      pool,
      coaches.map((c) => c.id),
      members.map((m) => m.id),
    );
    bench.log(`seeded ${board.members.length} waiting members, ${board.coaches.length} coaches with ${board.seats} seats`);
    const headers = { ...(await insertSessions(pool, [supervisor])).get(supervisor.id), 'content-type': 'application/json' };

    const press = async () => {
      const started = performance.now();
      const response = await fetch(`${kinship.url}/api/coaching/matching/suggest`, { method: 'POST', headers, body: '{}' });
      const text = await response.text();
      return { seconds: (performance.now() - started) / 1000, status: response.status, text };
    };
    // The answer must be sound before its speed means anything: seats held, every pair explained.
    const first = await press();
    const body = JSON.parse(first.text) as {
      pairs?: { coach: { id: string }; total: number; components: { points: number }[] }[];
      unmatched?: unknown[];
    };
    const taken = new Map<string, number>();
    for (const pair of body.pairs ?? []) taken.set(pair.coach.id, (taken.get(pair.coach.id) ?? 0) + 1);
    const overfull = board.coaches.find((c) => (taken.get(c.coachId) ?? 0) > c.freeSeats);
    const unexplained = body.pairs?.find((p) => p.total !== p.components.reduce((sum, c) => sum + c.points, 0));
    if (first.status !== 200 || !body.pairs?.length || overfull || unexplained) {
      throw new Error(`the suggestion looks wrong: HTTP ${first.status} ${first.text.slice(0, 300)}`);
    }

    const endpoint: number[] = [];
    const engine: number[] = [];
    // A B B A … so a warming machine favours neither side.
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? ['http', 'engine'] : ['engine', 'http'];
      for (const side of order) {
        if (side === 'http') {
          const run = await press();
          if (run.status !== 200) throw new Error(`HTTP ${run.status}`);
          endpoint.push(run.seconds);
        } else {
          const started = performance.now();
          suggestAssignment(board.members, board.coaches);
          engine.push((performance.now() - started) / 1000);
        }
      }
    }
    const seconds = median(endpoint);
    const baseline = median(engine);
    bench.report({
      scenario: 'coaching-suggest',
      seconds: round3(seconds),
      baseline_seconds: round3(baseline),
      ratio: round3(seconds / baseline),
      goal_seconds: GOAL_SECONDS,
      response_kb: Math.round(first.text.length / 1024),
      members: board.members.length,
      coaches: board.coaches.length,
      seats: board.seats,
      matched: body.pairs.length,
      unmatched: body.unmatched?.length ?? 0,
      runs: RUNS,
    });
  },
};
