import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const serverUrl = process.env.DATABASE_URL;

async function waitForHealth(port: number) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`server on ${port} did not start`);
}

/** Pulls cookies out of a fetch response into a Cookie header value. */
function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, value] = (pair ?? '').split('=');
    if (name && value !== undefined) jar.set(name.trim(), value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

// Only PostgreSQL serves several processes; the embedded database refuses a second one (lock.test.ts).
describe.skipIf(!serverUrl)('several app processes on one PostgreSQL database', () => {
  const name = `kinship_mp_${randomBytes(5).toString('hex')}`;
  const children: ChildProcess[] = [];

  afterAll(async () => {
    await Promise.all(
      children.map((child) => {
        if (child.exitCode !== null) return Promise.resolve();
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
  });

  it('migrate together on an empty database, then share the organization, sessions and sign-in', async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
    const url = new URL(`/${name}`, serverUrl).toString();
    const ports = [3941, 3942];
    for (const port of ports) {
      children.push(
        spawn(process.execPath, ['server/main.ts'], {
          env: {
            ...process.env,
            DATABASE_URL: url,
            PORT: String(port),
            HOST: '127.0.0.1',
            PUBLIC_URL: 'http://localhost:3940',
            LOG_LEVEL: 'warn',
          },
          stdio: 'ignore',
        }),
      );
    }
    await Promise.all(ports.map(waitForHealth));
    const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];

    // First run through process A.
    const jar = new Map<string, string>();
    const session = await fetch(`${a}/api/session`);
    let cookie = cookiesFrom(session, jar);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const setup = await fetch(`${a}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
      body: JSON.stringify({
        organization: { name: 'Two Processes', timezone: 'UTC', crisisLines: [] },
        admin: { email: 'admin@example.org', password: 'correct horse battery staple', alias: 'Admin' },
      }),
    });
    expect(setup.status).toBe(201);
    cookie = cookiesFrom(setup, jar);

    // Process B sees the organization and honours the session A created.
    const onB = (await (await fetch(`${b}/api/session`, { headers: { cookie } })).json()) as {
      needsSetup: boolean;
      user: { alias: string } | null;
    };
    expect(onB.needsSetup).toBe(false);
    expect(onB.user?.alias).toBe('Admin');

    // Signing out on B ends the session on A too.
    const csrfOnB = ((await (await fetch(`${b}/api/session`, { headers: { cookie } })).json()) as { csrfToken: string }).csrfToken;
    const signOut = await fetch(`${b}/api/auth/sign-out`, { method: 'POST', headers: { 'x-csrf-token': csrfOnB, cookie } });
    expect(signOut.status).toBe(204);
    const onA = (await (await fetch(`${a}/api/session`, { headers: { cookie } })).json()) as { user: unknown };
    expect(onA.user).toBeNull();
  });
});
