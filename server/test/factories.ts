import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../../shared/contracts/roles.ts';
import { users } from '../db/schema/auth.ts';
import { createAccount } from '../features/auth/accounts.ts';
import { type Agent, createAgent } from './agent.ts';
import type { TestApp } from './harness.ts';

export const PASSWORD = 'correct horse battery staple';
let counter = 0;

export interface Person {
  id: string;
  email: string;
  alias: string;
  agent: Agent;
}

export async function setUpOrganization(t: TestApp, overrides: { openSignup?: boolean } = {}): Promise<Person> {
  const agent = createAgent(t.app);
  const response = await agent.post('/api/setup', {
    organization: {
      name: 'Harbor Recovery Community',
      timezone: 'America/New_York',
      crisisLines: [{ name: '988 Lifeline', phone: '988' }],
    },
    admin: { email: 'admin@example.org', password: PASSWORD, alias: 'Admin Ada' },
  });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${JSON.stringify(response.body)}`);
  if (overrides.openSignup) await agent.patch('/api/admin/settings', { openSignup: true });
  return { id: response.body.id, email: 'admin@example.org', alias: 'Admin Ada', agent };
}

/** A person made directly in the database (fast), then signed in over HTTP like anyone else. */
export async function buildPerson(t: TestApp, options: { roles?: Role[]; alias?: string; email?: string } = {}): Promise<Person> {
  counter += 1;
  const alias = options.alias ?? `Person ${counter}`;
  const email = options.email ?? `person${counter}-${Date.now()}@example.org`;
  const id = await createAccount(t.database.db, {
    email,
    password: PASSWORD,
    alias,
    roles: options.roles ?? ['member'],
    timezone: 'America/Chicago',
  });
  const agent = createAgent(t.app);
  const signIn = await agent.post('/api/auth/sign-in', { email, password: PASSWORD });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
  return { id, email, alias, agent };
}

/** The newest held email to an address, and the token in its link. */
export async function lastEmailTo(admin: Agent, to: string): Promise<{ subject: string; text: string; token: string | null }> {
  const outbox = await admin.get<{ to: string; subject: string; text: string }[]>('/api/admin/outbox');
  const message = outbox.body.find((m) => m.to === to);
  if (!message) throw new Error(`no email to ${to}`);
  return { subject: message.subject, text: message.text, token: /#token=([\w-]+)/.exec(message.text)?.[1] ?? null };
}

/**
 * The organization's first admin given every role, so that routes for coaches, supervisors and admins
 * are all reached, and the headers an injected request needs to act as them (session cookie, CSRF token).
 */
export async function ownerWithEveryRole(t: TestApp): Promise<{ owner: Person; headers: Record<string, string> }> {
  const owner = await setUpOrganization(t);
  await t.database.db
    .update(users)
    .set({ roles: [...ROLES] })
    .where(eq(users.id, owner.id));
  const headers = { cookie: `__Host-kinship=${owner.agent.cookies.get('__Host-kinship')}`, 'x-csrf-token': await owner.agent.csrfToken() };
  return { owner, headers };
}
