// `npm run seed:demo`: fills an empty Kinship with a demo organization a newcomer can look around in.
// Everything is fake (aliases "Demo …", addresses @demo.kinship.invalid) and every account shares one
// demo password. It uses the database the server would use (DATABASE_URL, else KINSHIP_DATA_DIR or
// ./data), refuses a database that holds a real organization, and says "already seeded" on a demo.
import { eq } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { type AppContext, organizationCache } from '../server/context.ts';
import { type DatabaseHandle, type Db, openDatabase } from '../server/db/client.ts';
import { DataDirectoryLockedError } from '../server/db/lock.ts';
import { users } from '../server/db/schema/auth.ts';
import { organization } from '../server/db/schema/organization.ts';
import { createAccount, revokeSession } from '../server/features/auth/auth.public.ts';
import { createGrant, openBreakGlass, revokeGrant } from '../server/features/consent/consent.service.ts';
import { createInvite } from '../server/features/invites/invites.service.ts';
import { setUpOrganization } from '../server/features/organization/organization.service.ts';
import { getSharedProfile, updateOwnProfile } from '../server/features/profile/profile.service.ts';
import { hashToken } from '../server/lib/crypto.ts';
import type { Actor } from '../server/plugins/session.ts';
import { DEFAULT_CRISIS_LINES } from '../shared/contracts/organization.ts';
import { ROLES, type Role } from '../shared/contracts/roles.ts';
import { seedCoaching } from './demo-coaching.ts';
import {
  BREAK_GLASS,
  DEMO_ADMIN_EMAIL,
  DEMO_GRANTS,
  DEMO_ORGANIZATION_NAME,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_READS,
  type DemoPerson,
  PENDING_INVITE,
  type PersonKey,
  TIMEZONE,
} from './demo-data.ts';
import { seedHistory } from './demo-history.ts';
import { seedMeetings } from './demo-meetings.ts';

export class NotADemoError extends Error {}

export interface DemoAccount {
  email: string;
  alias: string;
  roles: Role[];
  about: string;
}

export interface SeedResult {
  status: 'seeded' | 'already_seeded';
  organizationName: string;
  password: string;
  accounts: DemoAccount[];
  /** For each role, the account to sign in with to see Kinship as that role. */
  accountPerRole: { role: Role; email: string; alias: string }[];
}

function accountsSummary(): Pick<SeedResult, 'accounts' | 'accountPerRole' | 'password'> {
  const accounts = DEMO_PEOPLE.map(({ email, alias, roles, about }) => ({ email, alias, roles, about }));
  const accountPerRole = ROLES.map((role) => {
    // Prefer someone whose first role it is (the admin is also a member, but Robin is the member to try).
    const person = DEMO_PEOPLE.find((p) => p.roles[0] === role) ?? DEMO_PEOPLE.find((p) => p.roles.includes(role));
    if (!person) throw new Error(`the demo has nobody with the role ${role}`);
    return { role, email: person.email, alias: person.alias };
  });
  return { accounts, accountPerRole, password: DEMO_PASSWORD };
}

const actorFor = (id: string, person: DemoPerson): Actor => ({
  userId: id,
  email: person.email,
  alias: person.alias,
  timezone: TIMEZONE,
  roles: person.roles,
  mfaEnabled: false,
  // Services never look at the session of an actor; the seed has none.
  session: { tokenHash: 'seed-demo', csrfToken: 'seed-demo', state: 'active' },
});

/**
 * Seeds the demo organization into an open, migrated database, all in one transaction (a failure
 * leaves nothing behind). Throws NotADemoError when the database already holds another organization.
 */
export async function seedDemo(database: DatabaseHandle, options: { publicUrl?: string } = {}): Promise<SeedResult> {
  const db = database.db;
  const [existing] = await db.select({ name: organization.name }).from(organization).limit(1);
  if (existing) {
    const [demoAdmin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN_EMAIL)).limit(1);
    if (!demoAdmin) {
      throw new NotADemoError(
        `This database already holds the organization "${existing.name}", which is not the demo. ` +
          'The demo is only seeded into an empty Kinship; nothing was changed.',
      );
    }
    return { status: 'already_seeded', organizationName: existing.name, ...accountsSummary() };
  }

  // A whole app gives the services their real context (keys, mailer); mail is held in the outbox, never sent.
  const app = await buildApp({
    database,
    logger: false,
    config: { smtpUrl: null, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) },
  });
  try {
    await db.transaction(async (tx) => seedInside(tx as unknown as Db, app.ctx));
  } finally {
    await app.close();
  }
  return { status: 'seeded', organizationName: DEMO_ORGANIZATION_NAME, ...accountsSummary() };
}

async function seedInside(tx: Db, appCtx: AppContext) {
  // Everything, the organization cache included, must go through the transaction: PGlite has one
  // connection, and a query on the root client inside a transaction would wait forever.
  const organizationInTx = organizationCache(tx);
  const ctx: AppContext = {
    ...appCtx,
    db: tx,
    organization: organizationInTx.get,
    forgetOrganization: organizationInTx.forget,
    requireStaffMfa: async () => (await organizationInTx.get())?.requireStaffMfa ?? false,
  };

  const [admin, ...others] = DEMO_PEOPLE;
  if (!admin) throw new Error('no demo admin');
  const setup = await setUpOrganization({
    ctx,
    input: {
      organization: { name: DEMO_ORGANIZATION_NAME, timezone: TIMEZONE, crisisLines: DEFAULT_CRISIS_LINES },
      admin: { email: admin.email, password: DEMO_PASSWORD, alias: admin.alias },
    },
  });
  // Setting up signs the admin in; nobody holds that session's cookie, so end it.
  await revokeSession(tx, hashToken(setup.session.token));

  const ids = new Map<PersonKey, string>([[admin.key, setup.userId]]);
  for (const person of others) {
    ids.set(
      person.key,
      await createAccount(tx, {
        email: person.email,
        password: DEMO_PASSWORD,
        alias: person.alias,
        roles: person.roles,
        timezone: TIMEZONE,
      }),
    );
  }
  const actors = new Map<PersonKey, Actor>();
  for (const person of DEMO_PEOPLE) {
    const id = ids.get(person.key);
    if (!id) throw new Error(`no account for ${person.key}`);
    const actor = actorFor(id, person);
    actors.set(person.key, actor);
    await updateOwnProfile({
      db: tx,
      actor,
      changes: {
        legalName: person.legalName ?? null,
        pronouns: person.pronouns,
        languages: person.languages,
        pathways: person.pathways,
        pathwaysVisibility: person.pathwaysVisibility,
      },
    });
  }
  const actor = (key: PersonKey): Actor => {
    const found = actors.get(key);
    if (!found) throw new Error(`no actor ${key}`);
    return found;
  };

  for (const grant of DEMO_GRANTS) {
    const created = await createGrant({
      db: tx,
      actor: actor(grant.from),
      input: {
        granteeId: actor(grant.to).userId,
        scopes: grant.scopes,
        purpose: grant.purpose,
        ...(grant.expiresInDays ? { expiresAt: new Date(Date.now() + grant.expiresInDays * 86_400_000).toISOString() } : {}),
      },
    });
    if (grant.revoke) await revokeGrant({ db: tx, actor: actor(grant.from), id: created.id });
  }

  // Coaching before the reads below: the coaches read through the grants their clients made on accepting.
  await seedCoaching(tx, ctx, actor, BREAK_GLASS.reader);
  const meetings = await seedMeetings(tx, ctx, actor);
  await seedHistory(tx, ctx, actor, meetings);

  for (const read of DEMO_READS) {
    await getSharedProfile({ db: tx, actor: actor(read.reader), subjectId: actor(read.subject).userId });
  }

  const supervisor = actor(BREAK_GLASS.reader);
  const subjectId = actor(BREAK_GLASS.subject).userId;
  await openBreakGlass({ ctx, actor: supervisor, subjectId, reason: BREAK_GLASS.reason });
  await getSharedProfile({ db: tx, actor: supervisor, subjectId });

  await createInvite({ ctx, actor: actor(admin.key), email: PENDING_INVITE.email, roles: PENDING_INVITE.roles });
}

/** What `npm run seed:demo` prints: where to sign in (the configured public URL) and with which accounts. */
export function seedSummary(result: SeedResult, publicUrl: string): string {
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out(
    result.status === 'seeded'
      ? `Seeded the demo organization "${result.organizationName}".`
      : `The demo organization "${result.organizationName}" is already seeded; nothing was changed.`,
  );
  out();
  out(`Start the server (npm start) and sign in at ${publicUrl}`);
  out(`Every demo account uses the password: ${result.password}`);
  out('(Demo only: this password is published. Never seed a demo into an installation real people use.)');
  out();
  out('Six weeks of history: check-ins, clocks, BARC-10 results, meetings attended, plans and messages.');
  out('Try Demo Robin (member) for the home page and trends, and Demo Jordan (coach) for a caseload with');
  out('a risk flag (Demo Morgan, whose cravings are rising).');
  out();
  out('One account per role:');
  for (const { role, email, alias } of result.accountPerRole) out(`  ${role.padEnd(14)} ${email.padEnd(36)} ${alias}`);
  out();
  out('Everyone in the demo:');
  for (const account of result.accounts) {
    out(`  ${account.alias.padEnd(13)} ${account.email.padEnd(36)} ${account.roles.join(', ').padEnd(22)} ${account.about}`);
  }
  out();
  out(`Admin email: ${DEMO_ADMIN_EMAIL}. A pending invitation to ${PENDING_INVITE.email} waits in the admin's invite list and outbox.`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const config = loadConfig();
  if (config.production && !process.argv.includes('--allow-production')) {
    console.error('seed:demo: NODE_ENV=production; the demo has a published password. Pass --allow-production to seed anyway.');
    return 1;
  }
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  } catch (error) {
    if (error instanceof DataDirectoryLockedError) {
      console.error(`seed:demo: the embedded database in ${config.dataDir} is in use, most likely by a running Kinship server.`);
      console.error('Stop the server (Ctrl+C in its terminal), run `npm run seed:demo`, then start it again.');
      console.error(`(${error.message})`);
      return 1;
    }
    throw error;
  }
  try {
    await database.migrate();
    const result = await seedDemo(database, { publicUrl: config.publicUrl });
    console.log(seedSummary(result, config.publicUrl));
    return 0;
  } catch (error) {
    if (error instanceof NotADemoError) {
      console.error(`seed:demo: ${error.message}`);
      console.error(
        database.kind === 'pglite'
          ? `To try the demo, point it at an empty directory instead: KINSHIP_DATA_DIR=./demo-data npm run seed:demo (and start the server with the same KINSHIP_DATA_DIR).`
          : 'To try the demo, point DATABASE_URL at an empty database.',
      );
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

if (import.meta.main) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('seed:demo: failed:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
