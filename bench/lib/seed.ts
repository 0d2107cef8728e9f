import type pg from 'pg';
import { hashToken, newToken } from '../../server/lib/crypto.ts';
import { hashPassword } from '../../server/lib/passwords.ts';
import { RECOVERY_PATHWAYS } from '../../shared/contracts/people.ts';
import type { Role } from '../../shared/contracts/roles.ts';
import { type HttpClient, httpClient } from './http-client.ts';

/** Every seeded account signs in with this (bench databases only). */
export const BENCH_PASSWORD = 'bench-password-not-secret';
export const BENCH_ADMIN_EMAIL = 'admin@bench.kinship.invalid';

/** First run through the real endpoint, as an operator would: returns the signed-in admin. */
export async function setUpOrganization(baseUrl: string): Promise<{ admin: HttpClient; adminId: string }> {
  const admin = httpClient(baseUrl);
  const me = await admin.expect<{ id: string }>('POST', '/api/setup', 201, {
    organization: { name: 'Bench Recovery Community', timezone: 'America/Chicago', crisisLines: [{ name: '988 Lifeline', phone: '988' }] },
    admin: { email: BENCH_ADMIN_EMAIL, password: BENCH_PASSWORD, alias: 'Bench Admin' },
  });
  return { admin, adminId: me.id };
}

export interface SeededPerson {
  id: string;
  email: string;
  alias: string;
}

/**
 * Many people at once, straight into the tables (signing up hundreds over HTTP would spend the run on
 * argon2). They all share one real argon2id hash of BENCH_PASSWORD, so any of them can sign in.
 */
export async function insertPeople(
  pool: pg.Pool,
  options: { count: number; prefix: string; roles?: Role[]; passwordHash?: string },
): Promise<SeededPerson[]> {
  const passwordHash = options.passwordHash ?? (await hashPassword(BENCH_PASSWORD));
  const emails: string[] = [];
  const aliases: string[] = [];
  const pronouns: (string | null)[] = [];
  const languages: string[] = [];
  const pathways: string[] = [];
  for (let i = 1; i <= options.count; i++) {
    emails.push(`${options.prefix}${i}@bench.kinship.invalid`);
    aliases.push(`Bench ${options.prefix} ${i}`);
    pronouns.push(['she/her', 'he/him', 'they/them', null][i % 4] ?? null);
    languages.push(i % 5 === 0 ? '{en,es}' : '{en}');
    pathways.push(`{${RECOVERY_PATHWAYS[i % RECOVERY_PATHWAYS.length]},${RECOVERY_PATHWAYS[(i * 7) % RECOVERY_PATHWAYS.length]}}`);
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await client.query<{ id: string; email: string }>(
      `INSERT INTO users (email, password_hash, roles)
       SELECT email, $2, $3::text[] FROM unnest($1::text[]) WITH ORDINALITY AS t(email, n) ORDER BY n
       RETURNING id, email`,
      [emails, passwordHash, options.roles ?? ['member']],
    );
    const idByEmail = new Map(inserted.rows.map((row) => [row.email, row.id]));
    const ids = emails.map((email) => idByEmail.get(email) ?? '');
    await client.query(
      `INSERT INTO profiles (user_id, alias, pronouns, languages, pathways, pathways_visibility, timezone)
       SELECT id::uuid, alias, pronouns, languages::text[], pathways::text[], 'shared', 'America/Chicago'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, alias, pronouns, languages, pathways)`,
      [ids, aliases, pronouns, languages, pathways],
    );
    await client.query('COMMIT');
    return emails.map((email, i) => ({ id: ids[i] ?? '', email, alias: aliases[i] ?? '' }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Signs a seeded person in over HTTP and returns their client (cookies included). */
export async function signedIn(baseUrl: string, email: string): Promise<HttpClient> {
  const client = httpClient(baseUrl);
  await client.signIn(email, BENCH_PASSWORD);
  return client;
}

/**
 * Signed-in sessions for many people at once, straight into the table (hundreds of sign-ins over HTTP
 * would spend the run on argon2 and trip the per-IP sign-in limit). Returns each person's Cookie and
 * CSRF headers, as the web client would send them.
 */
export async function insertSessions(pool: pg.Pool, people: SeededPerson[]): Promise<Map<string, Record<string, string>>> {
  const tokens = people.map(() => newToken());
  const csrf = people.map(() => newToken());
  await pool.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, state, expires_at)
     SELECT h, u::uuid, c, 'active', now() + interval '12 hours' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(h, u, c)`,
    [tokens.map(hashToken), people.map((p) => p.id), csrf],
  );
  return new Map(people.map((p, i) => [p.id, { cookie: `__Host-kinship=${tokens[i]}`, 'x-csrf-token': csrf[i] ?? '' }]));
}
